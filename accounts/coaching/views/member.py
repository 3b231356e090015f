"""The member's side, under /<lang>/coach/sharing/: invite a coach, choose the scope, revoke, answer
invitations, read and reply to comments, accept or decline suggested goals, read the access log.

Objects are looked up through the signed-in member (accounts/coaching/access.py: someone else's id
is a 404); a coach or an editor opening these pages has the wrong role (403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.coaching import access, queries, services
from accounts.coaching.forms import MemberInviteForm, ScopeForm, attach_reply_forms, reply_form_for
from accounts.models import ACCESS_LOG_RETENTION_DAYS, CoachGrant, GrantStatus, Role
from accounts.responses import render_form
from accounts.roles import role_required


def scope_form_for(grant, data=None):
    # Several scope forms on one page: ids carry the grant's id so every label points at its radio.
    return ScopeForm(data, initial={"scope": grant.scope}, auto_id=f"id_grant{grant.pk}_%s")


def _sharing_page(request, *, invite_form=None, scope_forms=None, reply_forms=None):
    sharing = queries.sharing_for_member(request.user)
    for grant in sharing.grants:
        grant.scope_form = (scope_forms or {}).get(grant.pk) or scope_form_for(grant)
    attach_reply_forms(sharing.threads, reply_forms)
    return render_form(
        request,
        "coaching/sharing.html",
        {
            "sharing": sharing,
            "invite_form": invite_form or MemberInviteForm(user=request.user),
            "retention_days": ACCESS_LOG_RETENTION_DAYS,
        },
    )


def _back(fragment=""):
    return redirect(reverse("coaching:sharing") + fragment)


@login_required
@require_safe
@role_required(Role.MEMBER)
def sharing(request):
    return _sharing_page(request)


@login_required
@require_POST
@role_required(Role.MEMBER)
def invite(request):
    form = MemberInviteForm(request.POST, user=request.user)
    if form.is_valid():
        coach = form.cleaned_data["other"]
        try:
            services.grant_invite_coach(member=request.user, coach=coach, scope=form.cleaned_data["scope"])
        except services.DuplicateGrant:
            form.add_error("email", _("There is already an invitation between you and this coach."))
        else:
            messages.success(
                request,
                _("Invitation sent to %(name)s. They will see your progress once they accept.")
                % {"name": coach.display_name},
            )
            return _back("#coaches")
    return _sharing_page(request, invite_form=form)


def _scope_action(request, pk, action, success_message):
    grant = access.get_grant_for_member(request.user, pk)
    form = scope_form_for(grant, request.POST)
    if not form.is_valid():
        return _sharing_page(request, scope_forms={grant.pk: form})
    if action(grant=grant, scope=form.cleaned_data["scope"]):
        messages.success(request, success_message % {"name": grant.coach.display_name})
    else:
        messages.error(request, _("This invitation or grant is no longer open."))
    return _back("#coaches")


@login_required
@require_POST
@role_required(Role.MEMBER)
def accept(request, pk):
    return _scope_action(
        request, pk, services.grant_accept_by_member, _("%(name)s can now see what you chose to share.")
    )


@login_required
@require_POST
@role_required(Role.MEMBER)
def scope(request, pk):
    return _scope_action(request, pk, services.grant_set_scope, _("You changed what %(name)s can see."))


@login_required
@require_POST
@role_required(Role.MEMBER)
def decline(request, pk):
    grant = access.get_grant_for_member(request.user, pk)
    if services.grant_decline(grant=grant, by_coach=False):
        messages.success(request, _("Invitation declined."))
    else:
        messages.error(request, _("This invitation is no longer open."))
    return _back("#coaches")


@login_required
@require_POST
@role_required(Role.MEMBER)
def revoke(request, pk):
    grant = access.get_grant_for_member(request.user, pk)
    was_active = grant.status == GrantStatus.ACTIVE
    if services.grant_revoke(grant=grant):
        if was_active:
            messages.success(
                request, _("%(name)s can no longer see your progress.") % {"name": grant.coach.display_name}
            )
        else:
            messages.success(request, _("Invitation withdrawn."))
    else:
        messages.error(request, _("This invitation or grant is no longer open."))
    return _back("#coaches")


@login_required
@require_POST
@role_required(Role.MEMBER)
def reply(request, pk):
    comment = access.get_comment_for_member(request.user, pk)
    thread = comment.parent or comment
    # Replies go to a coach who may read them: the conversation pauses when the grant ends.
    if not CoachGrant.objects.active().filter(member=request.user, coach_id=comment.coach_id).exists():
        messages.error(request, _("You no longer share your progress with this coach, so you cannot reply."))
        return _back(f"#comment-{thread.pk}")
    form = reply_form_for(thread, request.POST)
    if not form.is_valid():
        return _sharing_page(request, reply_forms={thread.pk: form})
    services.comment_add(
        member=request.user, coach=comment.coach, author=request.user, body=form.cleaned_data["body"], parent=thread
    )
    messages.success(request, _("Reply sent."))
    return _back(f"#comment-{thread.pk}")


@login_required
@require_POST
@role_required(Role.MEMBER)
def suggestion_accept(request, pk):
    suggestion = access.get_suggestion_for_member(request.user, pk)
    goal = services.suggestion_accept(suggestion=suggestion)
    if goal is None:
        messages.error(request, _("You have already answered this suggestion."))
        return _back("#suggestions")
    messages.success(request, _("“%(title)s” is now one of your goals.") % {"title": goal.title})
    return _back(f"#suggestion-{suggestion.pk}")


@login_required
@require_POST
@role_required(Role.MEMBER)
def suggestion_decline(request, pk):
    suggestion = access.get_suggestion_for_member(request.user, pk)
    if services.suggestion_decline(suggestion=suggestion) is None:
        messages.error(request, _("You have already answered this suggestion."))
    else:
        messages.success(request, _("Suggestion declined."))
    return _back("#suggestions")
