"""The coach's side, under /<lang>/coach/: clients, invitations, the read-only client pages, feedback.

Every view about a client looks the grant up afresh on every request (accounts/coaching/access.py:
get_grant_for_coach): an ACTIVE grant of the signed-in coach for that member, or a 404. A revoked
grant, another coach's client or a member who never shared is the same 404; contacts, interactions
and follow-up details also need the contacts scope. A coach has no form that changes a client's
data: the tracker's own URLs look objects up through request.user, so the coach's POSTs there find
nothing (404). A signed-in user who is not a coach gets 403 (accounts/roles.py: role_required).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.coaching import access, notifications, queries, services
from accounts.coaching.client_list import client_cards, client_rows
from accounts.coaching.forms import CoachInviteForm, CommentForm, SuggestionForm, attach_reply_forms, reply_form_for
from accounts.models import AccessKind, Role
from accounts.responses import render_form
from accounts.roles import role_required
from rookie.lib.pagecache import cache_member_page


def _clients_page(request, *, invite_form=None):
    page = queries.coach_page(request.user)
    member_ids = [summary.member.pk for summary in page.clients]
    if member_ids and request.method != "HEAD":
        services.access_log_add(coach=request.user, member_ids=member_ids, what=AccessKind.CLIENT_LIST)
    rows = client_rows(page.clients)
    response = render_form(
        request,
        "coaching/clients.html",
        {
            "clients": page.clients,
            "rows": rows,
            "client_cards": client_cards(rows),
            "waiting_for_me": page.waiting_for_me,
            "waiting_for_member": page.waiting_for_member,
            "invite_form": invite_form or CoachInviteForm(user=request.user),
        },
    )
    # Who this page shows: logged again each time the cached page is shown (_log_cached_client_list).
    response.pagecache_extra = member_ids
    return response


def _log_cached_client_list(request, member_ids):
    # The page came from the cache (rookie/lib/pagecache.py): the view is still a view, and is logged.
    if member_ids and request.method != "HEAD":
        services.access_log_add(coach=request.user, member_ids=member_ids, what=AccessKind.CLIENT_LIST)


@login_required
@require_safe
@role_required(Role.COACH)
@cache_member_page(on_hit=_log_cached_client_list)
def clients(request):
    return _clients_page(request)


@login_required
@require_POST
@role_required(Role.COACH)
def invite(request):
    form = CoachInviteForm(request.POST, user=request.user)
    if form.is_valid():
        member = form.cleaned_data["other"]
        try:
            services.grant_invite_member(coach=request.user, member=member)
        except services.DuplicateGrant:
            form.add_error("email", _("There is already an invitation between you and this member."))
        else:
            messages.success(
                request,
                _("Invitation sent to %(name)s. You will see their progress once they accept.")
                % {"name": member.display_name},
            )
            return redirect("coaching:clients")
    return _clients_page(request, invite_form=form)


@login_required
@require_POST
@role_required(Role.COACH)
def invitation_accept(request, pk):
    grant = access.get_invitation_for_coach(request.user, pk)
    if services.grant_accept_by_coach(grant=grant):
        messages.success(request, _("%(name)s is now your client.") % {"name": grant.member.display_name})
        return redirect("coaching:client", member_id=grant.member_id)
    messages.error(request, _("This invitation is no longer open."))
    return redirect("coaching:clients")


@login_required
@require_POST
@role_required(Role.COACH)
def invitation_decline(request, pk):
    grant = access.get_invitation_for_coach(request.user, pk)
    if services.grant_decline(grant=grant, by_coach=True):
        messages.success(request, _("Invitation declined."))
    else:
        messages.error(request, _("This invitation is no longer open."))
    return redirect("coaching:clients")


@login_required
@require_POST
@role_required(Role.COACH)
def invitation_withdraw(request, pk):
    grant = access.get_invitation_for_coach(request.user, pk)
    if services.grant_withdraw(grant=grant):
        messages.success(request, _("Invitation withdrawn."))
    else:
        messages.error(request, _("This invitation is no longer open."))
    return redirect("coaching:clients")


# Set in the session by the coach's successful POST on a client's page, read by the redirect's GET.
AFTER_POST_KEY = "coaching_after_post"


def _redirect_after_post(request, member_id, url):
    request.session[AFTER_POST_KEY] = member_id
    return redirect(url)


def log_client_view(request, member_id, what, contact=None):
    """One access-log row per page the coach actually sees: not for a HEAD request (no page is
    shown), and not again for the redirect back after their own comment, reply or suggestion."""
    after_own_post = request.session.pop(AFTER_POST_KEY, None) == member_id
    if request.method == "HEAD":
        return
    services.access_log_view(
        coach=request.user, member_id=member_id, what=what, contact=contact, after_own_post=after_own_post
    )


def _client_page(request, grant, *, comment_form=None, suggestion_form=None, reply_forms=None):
    overview = queries.client_overview(grant)
    log_client_view(request, grant.member_id, AccessKind.OVERVIEW)
    attach_reply_forms(overview.threads, reply_forms)
    return render_form(
        request,
        "coaching/client.html",
        {
            "grant": grant,
            "client": grant.member,
            "overview": overview,
            "comment_form": comment_form or CommentForm(member=grant.member),
            "suggestion_form": suggestion_form or SuggestionForm(),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_safe
@role_required(Role.COACH)
def client(request, member_id):
    return _client_page(request, access.get_grant_for_coach(request.user, member_id))


@login_required
@require_safe
@role_required(Role.COACH)
def client_contacts(request, member_id):
    grant = access.get_grant_for_coach(request.user, member_id, contacts=True)
    data = queries.client_contacts(grant.member_id)
    log_client_view(request, grant.member_id, AccessKind.CONTACTS)
    return render(request, "coaching/client_contacts.html", {"grant": grant, "client": grant.member, **data})


@login_required
@require_safe
@role_required(Role.COACH)
def client_contact(request, member_id, pk):
    grant = access.get_grant_for_coach(request.user, member_id, contacts=True)
    contact = access.get_client_contact(grant, pk)
    log_client_view(request, grant.member_id, AccessKind.CONTACT, contact)
    return render(
        request,
        "coaching/client_contact.html",
        {
            "grant": grant,
            "client": grant.member,
            "contact": contact,
            "interactions": list(contact.interactions.order_by("-occurred_on", "-id")[: queries.LIST_LIMIT]),
            "follow_ups": list(contact.follow_ups.order_by("done_at", "due_date", "id")[: queries.LIST_LIMIT]),
        },
    )


@login_required
@require_safe
@role_required(Role.COACH)
def client_follow_ups(request, member_id):
    grant = access.get_grant_for_coach(request.user, member_id, contacts=True)
    data = queries.client_follow_ups(grant.member_id)
    log_client_view(request, grant.member_id, AccessKind.FOLLOW_UPS)
    return render(
        request,
        "coaching/client_follow_ups.html",
        {"grant": grant, "client": grant.member, "today": timezone.localdate(), **data},
    )


def _to_comment(request, comment):
    url = reverse("coaching:client", kwargs={"member_id": comment.member_id})
    return _redirect_after_post(request, comment.member_id, f"{url}#comment-{comment.parent_id or comment.pk}")


@login_required
@require_POST
@role_required(Role.COACH)
def comment_add(request, member_id):
    grant = access.get_grant_for_coach(request.user, member_id)
    form = CommentForm(request.POST, member=grant.member)
    if form.is_valid():
        comment = services.comment_add(
            member=grant.member,
            coach=request.user,
            author=request.user,
            body=form.cleaned_data["body"],
            goal=form.cleaned_data["goal"],
        )
        name = {"name": grant.member.display_name}
        if notifications.comment_is_emailed(comment):
            messages.success(request, _("Comment saved; %(name)s gets an e-mail.") % name)
        else:  # at most one e-mail an hour to one member (accounts/coaching/notifications.py)
            messages.success(
                request,
                _("Comment saved. %(name)s already had an e-mail from you within the hour and sees it on their page.")
                % name,
            )
        return _to_comment(request, comment)
    return _client_page(request, grant, comment_form=form)


@login_required
@require_POST
@role_required(Role.COACH)
def comment_reply(request, member_id, pk):
    grant = access.get_grant_for_coach(request.user, member_id)
    parent = access.get_comment_for_coach(grant, pk)
    thread = parent.parent or parent
    form = reply_form_for(thread, request.POST)
    if form.is_valid():
        comment = services.comment_add(
            member=grant.member, coach=request.user, author=request.user, body=form.cleaned_data["body"], parent=parent
        )
        messages.success(request, _("Reply saved."))
        return _to_comment(request, comment)
    return _client_page(request, grant, reply_forms={thread.pk: form})


@login_required
@require_POST
@role_required(Role.COACH)
def suggestion_add(request, member_id):
    grant = access.get_grant_for_coach(request.user, member_id)
    form = SuggestionForm(request.POST)
    if form.is_valid():
        services.suggestion_add(member=grant.member, coach=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Goal suggested; %(name)s can accept or decline it.") % {"name": grant.member.display_name},
        )
        url = reverse("coaching:client", kwargs={"member_id": grant.member_id}) + "#suggestions"
        return _redirect_after_post(request, grant.member_id, url)
    return _client_page(request, grant, suggestion_form=form)
