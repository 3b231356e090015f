"""Coaching sessions, agreed actions, the coach's private notes and the client report.

The coach's pages are under /<lang>/coach/clients/<member id>/ and look the ACTIVE grant up afresh on
every request (access.get_grant_for_coach): a revoked grant, another coach's client or a member who
never shared is a 404, the same for the session log, the notes and the report. The member's side is
under /<lang>/coach/sharing/: their session log with every coach, and their answers to the actions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.coaching import access, queries, services
from accounts.coaching.forms import ActionAnswerForm, ActionFormSet, NoteForm, SessionForm
from accounts.coaching.views.coach import log_client_view
from accounts.models import AccessKind, Role
from accounts.models.coaching import ActionKind
from accounts.responses import render_form
from accounts.roles import role_required
from accounts.tracker.views.report import report_context

# --- The coach's side ---------------------------------------------------------------------------


def _sessions_page(request, grant, *, form=None, actions=None):
    return render_form(
        request,
        "coaching/client_sessions.html",
        {
            "grant": grant,
            "client": grant.member,
            "sessions": queries.sessions_of(grant.member_id, coach_id=grant.coach_id),
            "form": form or SessionForm(initial={"held_on": timezone.localdate()}),
            "actions": actions or ActionFormSet(prefix="action"),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@role_required(Role.COACH)
def client_sessions(request, member_id):
    """The session log with one client, and the form to record a session with its agreed actions."""
    grant = access.get_grant_for_coach(request.user, member_id)
    if request.method != "POST":
        return _sessions_page(request, grant)
    form = SessionForm(request.POST)
    actions = ActionFormSet(request.POST, prefix="action")
    if not (form.is_valid() and actions.is_valid()):
        return _sessions_page(request, grant, form=form, actions=actions)
    session = services.session_record(
        grant=grant,
        held_on=form.cleaned_data["held_on"],
        discussed=form.cleaned_data["discussed"],
        actions=[fields for fields in (row.action_fields() for row in actions) if fields],
    )
    messages.success(
        request,
        _("Session saved; %(name)s sees it and can accept the agreed actions.") % {"name": grant.member.display_name},
    )
    url = reverse("coaching:client_sessions", kwargs={"member_id": grant.member_id})
    return redirect(f"{url}#session-{session.pk}")


def _notes_page(request, grant, *, form=None):
    return render_form(
        request,
        "coaching/client_notes.html",
        {
            "grant": grant,
            "client": grant.member,
            "notes": queries.notes_of(grant),
            "form": form or NoteForm(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@role_required(Role.COACH)
def client_notes(request, member_id):
    """The coach's private notes about one client: only this coach sees them."""
    grant = access.get_grant_for_coach(request.user, member_id)
    if request.method != "POST":
        return _notes_page(request, grant)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _notes_page(request, grant, form=form)
    services.note_add(grant=grant, body=form.cleaned_data["body"])
    messages.success(request, _("Note saved. Only you see it."))
    return redirect("coaching:client_notes", member_id=grant.member_id)


@login_required
@require_safe
@role_required(Role.COACH)
def client_report(request, member_id):
    """The client report for a period: the member's own report page, with this coach's sessions."""
    grant = access.get_grant_for_coach(request.user, member_id)
    context = report_context(request, grant.member, coach_id=grant.coach_id)
    log_client_view(request, grant.member_id, AccessKind.REPORT)
    return render(request, "coaching/report.html", {**context, "grant": grant, "for_coach": True})


# --- The member's side --------------------------------------------------------------------------


@login_required
@require_safe
@role_required(Role.MEMBER)
def member_sessions(request):
    """The member's session log with every coach (also those who no longer have access)."""
    return render(request, "coaching/member_sessions.html", {"sessions": queries.sessions_of(request.user.pk)})


@login_required
@require_POST
@role_required(Role.MEMBER)
def action_answer(request):
    """Accept (a goal or a follow-up of the member's, in one step) or decline an agreed action."""
    form = ActionAnswerForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Bad request", content_type="text/plain")
    action = access.get_action_for_member(request.user, form.cleaned_data["action"])
    back = redirect(reverse("coaching:member_sessions") + f"#session-{action.session_id}")
    if form.cleaned_data["answer"] == "decline":
        if services.action_decline(action=action) is None:
            messages.error(request, _("You have already answered this action."))
        else:
            messages.success(request, _("Action declined."))
        return back
    created = services.action_accept(action=action)
    if created is None:
        messages.error(request, _("You have already answered this action."))
    elif action.kind == ActionKind.GOAL:
        messages.success(request, _("“%(title)s” is now one of your goals.") % {"title": created.title})
    else:
        messages.success(request, _("“%(title)s” is now one of your follow-ups.") % {"title": created.title})
    return back
