"""Coaching objects looked up through the signed-in user: the one place that decides who sees what.

Someone else's object is a 404 exactly like a missing one (a 403 would confirm that the id exists).
A coach sees a client only through an ACTIVE grant, looked up afresh on every request: a revoked
grant, another coach's client or a member who never shared is the same 404. Contacts, interactions
and follow-up details also need the "progress and contacts" scope.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import CoachComment, CoachGrant, Contact, GoalSuggestion, User
from accounts.models.coaching import AgreedAction

# --- The member's side ---------------------------------------------------------------------------


def get_grant_for_member(member: User, pk: int) -> CoachGrant:
    """A grant or invitation, in any state, between the member and one of their coaches."""
    return get_object_or_404(CoachGrant.objects.select_related("coach"), member=member, pk=pk)


def get_comment_for_member(member: User, pk: int) -> CoachComment:
    return get_object_or_404(CoachComment.objects.select_related("parent"), member=member, pk=pk)


def get_suggestion_for_member(member: User, pk: int) -> GoalSuggestion:
    return get_object_or_404(GoalSuggestion, member=member, pk=pk)


def get_action_for_member(member: User, pk: int) -> AgreedAction:
    """An action agreed in one of the member's sessions (with any coach, also one who lost access)."""
    return get_object_or_404(AgreedAction.objects.select_related("session"), session__member=member, pk=pk)


# --- The coach's side ----------------------------------------------------------------------------


def get_grant_for_coach(coach: User, member_id: int, *, contacts: bool = False) -> CoachGrant:
    """The coach's ACTIVE grant for this member, or 404.

    contacts=True also needs the "progress and contacts" scope: with the progress scope contacts,
    interactions and follow-up details are a 404, as if they did not exist.
    """
    grant = get_object_or_404(CoachGrant.objects.active().select_related("member"), coach=coach, member_id=member_id)
    if contacts and not grant.is_full:
        raise Http404
    return grant


def get_invitation_for_coach(coach: User, pk: int) -> CoachGrant:
    """An invitation (a pending grant) between the coach and a member."""
    return get_object_or_404(CoachGrant.objects.pending().select_related("member"), coach=coach, pk=pk)


def get_client_contact(grant: CoachGrant, pk: int) -> Contact:
    """One of the client's contacts, through a grant from get_grant_for_coach(..., contacts=True)."""
    if not grant.is_full:
        raise Http404
    return get_object_or_404(Contact, owner_id=grant.member_id, pk=pk)


def get_comment_for_coach(grant: CoachGrant, pk: int) -> CoachComment:
    """A comment in a thread between the grant's coach and client (to reply to it)."""
    return get_object_or_404(CoachComment, member_id=grant.member_id, coach_id=grant.coach_id, pk=pk)
