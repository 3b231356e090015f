"""Writes of the coaching feature: each state change runs in one transaction, and the e-mail about it
goes out only once that transaction has committed (a rolled-back write sends nothing).

Views look the object up through the signed-in user first (404 otherwise); the functions here
re-check the state under a row lock, so two tabs (or two people) cannot both act on one invitation.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from typing import Any, cast

from django.db import IntegrityError, connection, transaction
from django.db.models import Field
from django.utils import timezone

from accounts.coaching import notifications
from accounts.models import (
    CoachAccessLog,
    CoachComment,
    CoachGrant,
    Contact,
    FollowUp,
    Goal,
    GoalCount,
    GoalSuggestion,
    GrantScope,
    GrantStatus,
    SuggestionStatus,
    User,
)
from accounts.models.coaching import ActionKind, ActionStatus, AgreedAction, CoachingSession, CoachNote
from accounts.tracker import counting
from accounts.tracker import services as tracker_services

logger = logging.getLogger(__name__)


class DuplicateGrant(Exception):
    """An invitation or grant between these two people is already in force."""


def _notify(send: Callable[..., object], *args: Any) -> None:
    """Send once the surrounding transaction commits; a mail server that is down is no 500."""

    def deliver() -> None:
        try:
            send(*args)
        except Exception:
            logger.exception("coaching notification %s failed", send.__name__)

    transaction.on_commit(deliver)


def _create_grant(**fields: Any) -> CoachGrant:
    try:
        with transaction.atomic():
            return CoachGrant.objects.create(**fields)
    except IntegrityError as error:
        # The form checked already; this is the race of two submissions (one open grant per pair).
        raise DuplicateGrant from error


def grant_invite_coach(*, member: User, coach: User, scope: str) -> CoachGrant:
    """The member invites a coach: that is the member's agreement; the coach still has to accept."""
    grant = _create_grant(member=member, coach=coach, scope=scope, status=GrantStatus.AWAITING_COACH)
    _notify(notifications.send_invitation, grant)
    return grant


def grant_invite_member(*, coach: User, member: User) -> CoachGrant:
    """A coach invites a member; nothing is shared until the member accepts and picks the scope."""
    grant = _create_grant(member=member, coach=coach, scope=GrantScope.PROGRESS, status=GrantStatus.AWAITING_MEMBER)
    _notify(notifications.send_invitation, grant)
    return grant


def _change(grant: CoachGrant, *, allowed: Sequence[str], **changes: Any) -> CoachGrant | None:
    """Apply `changes` if the grant is still in one of the `allowed` states; None when it is not."""
    with transaction.atomic():
        locked = CoachGrant.objects.select_for_update().filter(pk=grant.pk, status__in=allowed).first()
        if locked is None:
            return None
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save(update_fields=list(changes))
    return locked


def grant_accept_by_member(*, grant: CoachGrant, scope: str) -> CoachGrant | None:
    accepted = _change(
        grant, allowed=[GrantStatus.AWAITING_MEMBER], status=GrantStatus.ACTIVE, scope=scope, accepted_at=timezone.now()
    )
    if accepted:
        _notify(notifications.send_acceptance, accepted, False)
    return accepted


def grant_accept_by_coach(*, grant: CoachGrant) -> CoachGrant | None:
    accepted = _change(
        grant, allowed=[GrantStatus.AWAITING_COACH], status=GrantStatus.ACTIVE, accepted_at=timezone.now()
    )
    if accepted:
        _notify(notifications.send_acceptance, accepted, True)
    return accepted


def grant_decline(*, grant: CoachGrant, by_coach: bool) -> CoachGrant | None:
    """Decline the other side's invitation."""
    waiting_for = GrantStatus.AWAITING_COACH if by_coach else GrantStatus.AWAITING_MEMBER
    return _change(grant, allowed=[waiting_for], status=GrantStatus.DECLINED, ended_at=timezone.now())


def grant_revoke(*, grant: CoachGrant) -> CoachGrant | None:
    """The member ends a grant or withdraws their invitation; the coach's next request is a 404.

    The coach's private notes about the member go with the grant, in the same transaction: they were
    kept for this coaching relationship only. The session log stays, as shared history.
    """
    with transaction.atomic():
        revoked = _change(
            grant,
            allowed=[GrantStatus.ACTIVE, GrantStatus.AWAITING_COACH],
            status=GrantStatus.REVOKED,
            ended_at=timezone.now(),
        )
        if revoked is not None:
            CoachNote.objects.filter(coach_id=revoked.coach_id, member_id=revoked.member_id).delete()
    return revoked


def grant_withdraw(*, grant: CoachGrant) -> CoachGrant | None:
    """The coach withdraws an invitation the member has not answered yet."""
    return _change(grant, allowed=[GrantStatus.AWAITING_MEMBER], status=GrantStatus.REVOKED, ended_at=timezone.now())


def grant_set_scope(*, grant: CoachGrant, scope: str) -> CoachGrant | None:
    return _change(grant, allowed=[GrantStatus.ACTIVE, GrantStatus.AWAITING_COACH], scope=scope)


def comment_add(
    *,
    member: User,
    coach: User,
    author: User,
    body: str,
    goal: Goal | None = None,
    parent: CoachComment | None = None,
) -> CoachComment:
    # Replies hang off the top comment of a conversation: one level, easy to read on a phone.
    if parent is not None and parent.parent_id is not None:
        parent = parent.parent
    comment = CoachComment.objects.create(
        member=member, coach=coach, author=author, body=body, goal=goal, parent=parent
    )
    _notify(notifications.send_comment, comment)
    return comment


def suggestion_add(
    *,
    member: User,
    coach: User,
    title: str,
    kind: str,
    target: int,
    due_date: datetime.date | None = None,
    note: str = "",
) -> GoalSuggestion:
    suggestion = GoalSuggestion.objects.create(
        member=member, coach=coach, title=title, kind=kind, target=target, due_date=due_date, note=note
    )
    _notify(notifications.send_suggestion, suggestion)
    return suggestion


def suggestion_accept(*, suggestion: GoalSuggestion) -> Goal | None:
    """Create the member's goal from a pending suggestion, in one transaction; None if already answered."""
    with transaction.atomic():
        locked = (
            GoalSuggestion.objects.select_for_update().filter(pk=suggestion.pk, status=SuggestionStatus.PENDING).first()
        )
        if locked is None:
            return None
        # The tracker's own write: the goal and the first point of its history.
        goal = tracker_services.goal_create(
            owner=locked.member,
            title=locked.title,
            kind=locked.kind,
            # A suggestion of a kind the tracker can count (interviews, new people…) counts itself.
            counts=counting.COUNTS_FOR_KIND.get(locked.kind, GoalCount.MANUAL),
            target=locked.target,
            due_date=locked.due_date,
        )
        locked.status = SuggestionStatus.ACCEPTED
        locked.goal = goal
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "goal", "decided_at"])
        # A goal agreed in a session is answered wherever the member accepts it.
        AgreedAction.objects.filter(suggestion=locked).update(
            status=ActionStatus.ACCEPTED, decided_at=locked.decided_at
        )
    return goal


def suggestion_decline(*, suggestion: GoalSuggestion) -> GoalSuggestion | None:
    with transaction.atomic():
        locked = (
            GoalSuggestion.objects.select_for_update().filter(pk=suggestion.pk, status=SuggestionStatus.PENDING).first()
        )
        if locked is None:
            return None
        locked.status = SuggestionStatus.DECLINED
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_at"])
        AgreedAction.objects.filter(suggestion=locked).update(
            status=ActionStatus.DECLINED, decided_at=locked.decided_at
        )
    return locked


def session_record(
    *,
    grant: CoachGrant,
    held_on: datetime.date,
    discussed: str,
    actions: Sequence[dict[str, Any]] = (),
    notify: bool = True,
) -> CoachingSession:
    """Record a session and its agreed actions in one transaction.

    Each action is {kind, title, goal_kind, target, due_date}. A goal is proposed as a GoalSuggestion
    of this coach (the member answers it here or in their suggestions); a follow-up waits on the
    action itself until the member accepts it (action_accept). The member is e-mailed once it commits
    (notifications.send_session), unless `notify` is False (demo data, which nobody wrote).
    """
    with transaction.atomic():
        session = CoachingSession.objects.create(
            member_id=grant.member_id, coach_id=grant.coach_id, held_on=held_on, discussed=discussed
        )
        for fields in actions:
            action = AgreedAction(session=session, **fields)
            if action.kind == ActionKind.GOAL:
                action.suggestion = GoalSuggestion.objects.create(
                    member_id=grant.member_id,
                    coach_id=grant.coach_id,
                    title=action.title,
                    kind=action.goal_kind,
                    target=action.target,
                    due_date=action.due_date,
                )
            action.save()
    if notify:
        _notify(notifications.send_session, session)
    return session


def action_accept(*, action: AgreedAction) -> Goal | FollowUp | None:
    """The member accepts an agreed action: a goal (through suggestion_accept) or a follow-up of theirs
    due on the agreed day. None if it was answered already."""
    if action.kind == ActionKind.GOAL:
        if action.suggestion_id is None:
            return None
        return suggestion_accept(suggestion=GoalSuggestion(pk=action.suggestion_id))
    with transaction.atomic():
        locked = (
            AgreedAction.objects.select_for_update()
            .select_related("session")
            .filter(pk=action.pk, status=ActionStatus.PROPOSED)
            .first()
        )
        # A follow-up action always has its due date (accounts_agreedaction_follow_up_due).
        if locked is None or locked.due_date is None:
            return None
        follow_up = FollowUp.objects.create(
            owner_id=locked.session.member_id, title=locked.title, due_date=locked.due_date
        )
        locked.status = ActionStatus.ACCEPTED
        locked.follow_up = follow_up
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "follow_up", "decided_at"])
    return follow_up


def action_decline(*, action: AgreedAction) -> AgreedAction | None:
    if action.kind == ActionKind.GOAL:
        if (
            action.suggestion_id is None
            or suggestion_decline(suggestion=GoalSuggestion(pk=action.suggestion_id)) is None
        ):
            return None
        return action
    with transaction.atomic():
        locked = AgreedAction.objects.select_for_update().filter(pk=action.pk, status=ActionStatus.PROPOSED).first()
        if locked is None:
            return None
        locked.status = ActionStatus.DECLINED
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_at"])
    return locked


def note_add(*, grant: CoachGrant, body: str) -> CoachNote:
    return CoachNote.objects.create(coach_id=grant.coach_id, member_id=grant.member_id, body=body)


# The page a coach is sent back to after their own comment, reply or suggestion is the page they
# were on: it is logged again only if their last view of it is older than this.
REDIRECT_VIEW_WINDOW = datetime.timedelta(minutes=30)


def access_log_view(
    *, coach: User, member_id: int, what: str, contact: Contact | None = None, after_own_post: bool = False
) -> None:
    """Record that a coach viewed a page about one member: one row per page actually viewed.

    `after_own_post`: the request is the redirect after the coach's own comment, reply or suggestion
    on that page. The coach is still on the page they opened, which is already logged, so no second
    row is written (one query to check); without such a row (the coach posted from a page opened
    long ago) the view is logged as any other.
    """
    if after_own_post:
        recent = CoachAccessLog.objects.filter(
            coach=coach,
            member_id=member_id,
            what=what,
            contact=contact,
            viewed_at__gte=timezone.now() - REDIRECT_VIEW_WINDOW,
        )
        if recent.exists():
            return
    access_log_add(coach=coach, member_ids=[member_id], what=what, contact=contact)


def access_log_add(*, coach: User, member_ids: Sequence[int], what: str, contact: Contact | None = None) -> None:
    """Record what a coach viewed, one row per member, in one statement.

    One multi-row INSERT without model instances or a transaction around it: the coach page logs
    all its clients on every view, also when the page itself comes from the cache, and building a
    model per row for bulk_create (plus its BEGIN and COMMIT) cost more than serving the cached page
    (docs/PERFORMANCE.md).
    """
    if not member_ids:
        return
    meta = CoachAccessLog._meta
    quote = connection.ops.quote_name
    # All five are concrete columns of the table (never reverse relations).
    fields = [cast(Field, meta.get_field(name)) for name in ("coach", "member", "what", "contact", "viewed_at")]
    columns = ", ".join(quote(str(field.column)) for field in fields)
    viewed_at = fields[-1].get_db_prep_value(timezone.now(), connection)
    contact_id = contact.pk if contact is not None else None
    rows = [(coach.pk, member_id, str(what), contact_id, viewed_at) for member_id in member_ids]
    placeholders = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES {placeholders}",  # noqa: S608 (names from _meta)
            [value for row in rows for value in row],
        )
