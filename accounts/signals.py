"""What makes a member's cached pages stale (rookie/lib/pagecache.py: cache_member_page).

The dashboard shows the member's own tracker and what their coaches sent them; the coach page shows
each client's goals, follow-ups, interactions and contacts. So a change to any of those rows bumps
the generation of the member it belongs to and of the coaches who see that member, and a change to
a grant, comment or suggestion bumps both its member and its coach. The dashboard's first steps
(accounts/tracker/first_steps.py) also read the member's evaluations of networks, so those bump the
member too. Writes that send no signals (bulk_create in the contact import) call
member_data_changed themselves.

`connect()` is called once from AccountsConfig.ready (accounts/apps.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from accounts.models import (
    CoachComment,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalProgress,
    GoalSuggestion,
    GrantStatus,
    Interaction,
    User,
)
from networks.models import Evaluation
from rookie.lib import pagecache

OWNED = (Goal, Contact, Interaction, FollowUp, Event)
BETWEEN_MEMBER_AND_COACH = (CoachGrant, CoachComment, GoalSuggestion)


def member_data_changed(member_ids: Iterable[int | None]) -> None:
    """The members' own pages and their active coaches' pages are stale."""
    member_ids = {member_id for member_id in member_ids if member_id}
    if not member_ids:
        return
    coaches = CoachGrant.objects.filter(member_id__in=member_ids, status=GrantStatus.ACTIVE).values_list(
        "coach_id", flat=True
    )
    pagecache.bump_members([*member_ids, *coaches])


def _owned_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    member_data_changed([instance.owner_id])


def _progress_changed(sender: type, instance: GoalProgress, **kwargs: Any) -> None:
    owner_id = Goal.objects.filter(pk=instance.goal_id).values_list("owner_id", flat=True).first()
    member_data_changed([owner_id])


def _between_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    pagecache.bump_members([instance.member_id, instance.coach_id])


def _evaluation_changed(sender: type, instance: Evaluation, **kwargs: Any) -> None:
    # The member's overview (a first step ticks off) and, through goals that count evaluated
    # networks, their coaches' pages.
    member_data_changed([instance.member_id])


def _user_changed(sender: type, instance: User, update_fields: Iterable[str] | None = None, **kwargs: Any) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
        return  # a log-in or a new password shows on no page
    # Their name, role or language shows on their own pages and on every coach's or member's they share with.
    partners = CoachGrant.objects.filter(Q(member=instance) | Q(coach=instance)).values_list("member_id", "coach_id")
    pagecache.bump_members([instance.pk, *(user_id for pair in partners for user_id in pair)])


def connect() -> None:
    """Connect the receivers; the dispatch uids make a second call a no-op."""
    for owned in OWNED:
        post_save.connect(_owned_changed, sender=owned, dispatch_uid=f"pagecache_{owned.__name__}_saved")
        post_delete.connect(_owned_changed, sender=owned, dispatch_uid=f"pagecache_{owned.__name__}_deleted")
    for shared in BETWEEN_MEMBER_AND_COACH:
        post_save.connect(_between_changed, sender=shared, dispatch_uid=f"pagecache_{shared.__name__}_saved")
        post_delete.connect(_between_changed, sender=shared, dispatch_uid=f"pagecache_{shared.__name__}_deleted")
    post_save.connect(_progress_changed, sender=GoalProgress, dispatch_uid="pagecache_GoalProgress_saved")
    post_delete.connect(_progress_changed, sender=GoalProgress, dispatch_uid="pagecache_GoalProgress_deleted")
    post_save.connect(_evaluation_changed, sender=Evaluation, dispatch_uid="pagecache_Evaluation_saved")
    post_delete.connect(_evaluation_changed, sender=Evaluation, dispatch_uid="pagecache_Evaluation_deleted")
    post_save.connect(_user_changed, sender=User, dispatch_uid="pagecache_user_saved")
    post_delete.connect(_user_changed, sender=User, dispatch_uid="pagecache_user_deleted")
