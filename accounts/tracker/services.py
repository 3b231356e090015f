"""Writes that touch several tracker rows at once, each in one transaction.

Callers pass objects they have already looked up through the owner; the functions re-read the
rows they change under a lock (select_for_update), so two quick taps cannot lose an update.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from accounts.models import (
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalCount,
    GoalKind,
    GoalProgress,
    GoalStatus,
    Interaction,
    InteractionKind,
    User,
)
from accounts.tracker import counting
from accounts.tracker.goal_templates import TEMPLATES_BY_KEY

MAX_PROGRESS = 1000
THANK_YOU_DAYS = 2
CHECK_IN_DAYS = 30
# A first meeting of these kinds, or an informational interview, deserves a thank-you. A first
# fika is a first meeting in person too (the guides: follow up within a day or two).
FIRST_MEETING_KINDS = {InteractionKind.MET, InteractionKind.FIKA, InteractionKind.EVENT}


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def owner_lock(owner: User) -> None:
    """Lock the member's row until the surrounding transaction ends.

    A rule over several of the member's rows (no two contacts with one e-mail address or LinkedIn
    profile, one open thank-you per contact) is checked after this and written before the
    transaction ends, so simultaneous requests of one member queue instead of all passing the
    check (PostgreSQL; SQLite's IMMEDIATE transactions queue anyway).
    """
    get_user_model().objects.select_for_update().only("pk").get(pk=owner.pk)


# --- Goals ----------------------------------------------------------------------------------------


def _record_progress(goal: Goal, today: datetime.date) -> None:
    """Write the goal's progress as the point of `today`: one row per goal and day, the value at
    the end of that day (a second change the same day updates the row).

    History is written in date order. A point dated before a later one would put that later,
    stale value after the goal's real progress, and the chart would show a change that never
    happened (say "0/3" on a later day after "2/3" on an earlier one); so a backdated write
    (only seed data and tests pass `today`) is refused rather than recorded out of order.
    """
    if GoalProgress.objects.filter(goal=goal, recorded_on__gt=today).exists():
        raise ValueError(f"goal {goal.pk} already has progress recorded after {today.isoformat()}")
    GoalProgress.objects.update_or_create(goal=goal, recorded_on=today, defaults={"progress": goal.progress})


@transaction.atomic
def goal_create(*, owner: User, today: datetime.date | None = None, **fields: Any) -> Goal:
    """A new goal and, for a manual goal, the first point of its history: its starting progress on
    the day it is created. A counted goal's period starts that day unless `starts_on` is given;
    its history is derived from the records (accounts.tracker.counting) and nothing is stored."""
    today = _today(today)
    fields.setdefault("starts_on", today)
    goal = Goal.objects.create(owner=owner, **fields)
    if not goal.is_counted:
        _record_progress(goal, today)
    return goal


def goal_duplicate_of(*, owner: User, **fields: Any) -> Goal | None:
    """The member's active goal that a new goal with these fields would repeat, if any: the same
    kind of count and scope (a manual goal: the same title). The views ask before adding it."""
    candidate = Goal(owner=owner, **fields)
    return (
        Goal.objects.filter(owner=owner, status=GoalStatus.ACTIVE)
        .filter(counting.counted_goals_like(candidate))
        .order_by("id")
        .first()
    )


def goal_template_fields(*, owner: User, key: str, today: datetime.date | None = None) -> dict[str, Any]:
    """The fields of the goal a template of the guides' advice gives (KeyError for an unknown key);
    the title is written in the owner's language, as they will read it on the dashboard."""
    template = TEMPLATES_BY_KEY[key]
    today = _today(today)
    with translation.override(owner.preferred_language):
        title = str(template.title)
    return {
        "title": title,
        "kind": template.kind,
        "counts": template.counts,
        "target": template.target,
        "due_date": template.due_date(today),
    }


def goal_add_from_template(
    *,
    owner: User,
    key: str,
    today: datetime.date | None = None,
    event: Event | None = None,
    network: Any = None,
) -> Goal:
    """The member's own goal from a template of the guides' advice (see goal_templates).

    The title is written in the owner's language, as they will read it on the dashboard. Raises
    KeyError for an unknown key. Reused by the guides ("add to my goals") and by coaches later.
    """
    today = _today(today)
    fields = goal_template_fields(owner=owner, key=key, today=today)
    if event:
        fields["due_date"] = event.date
    return goal_create(owner=owner, today=today, event=event, network=network, **fields)


@transaction.atomic
def goal_progress_set(
    *, goal: Goal, progress: int | None = None, delta: int | None = None, today: datetime.date | None = None
) -> Goal:
    """Set (or move by `delta`) a manual goal's progress, within 0..1000, and record it in the
    history. A counted goal counts itself: ValueError."""
    if (progress is None) == (delta is None):
        raise ValueError("goal_progress_set needs either progress or delta")
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if goal.counts != GoalCount.MANUAL:
        raise ValueError(f"goal {goal.pk} counts its records; its progress is not set by hand")
    value = goal.progress + delta if delta is not None else int(progress or 0)
    goal.progress = max(0, min(MAX_PROGRESS, value))
    goal.save(update_fields=["progress", "updated_at"])
    _record_progress(goal, _today(today))
    return goal


# --- Interactions and the keep-in-touch timer -----------------------------------------------------


def contact_touch_recompute(contact: Contact) -> None:
    """Last contact = the latest remaining interaction (or none); Contact.save() moves the timer."""
    latest = contact.interactions.aggregate(latest=Max("occurred_on"))["latest"]
    contact.last_contacted_on = latest
    contact.save(update_fields=["last_contacted_on", "updated_at"])


@transaction.atomic
def interaction_log(
    *, owner: User, contact: Contact, kind: str, occurred_on: datetime.date, notes: str = ""
) -> tuple[Interaction, bool]:
    """Log an interaction and restart the contact's keep-in-touch timer.

    Returns (interaction, offer_thank_you): the offer is made after a first meeting in person or
    at an event, and after every informational interview.
    """
    contact = Contact.objects.select_for_update().get(pk=contact.pk, owner=owner)
    first = not contact.interactions.exists()
    interaction = Interaction.objects.create(
        owner=owner, contact=contact, kind=kind, occurred_on=occurred_on, notes=notes
    )
    # Any logged contact counts, but an older entry typed in late must not move the timer back.
    if contact.last_contacted_on is None or occurred_on > contact.last_contacted_on:
        contact.last_contacted_on = occurred_on
        contact.save(update_fields=["last_contacted_on", "updated_at"])
    offer = kind == InteractionKind.INTERVIEW or (first and kind in FIRST_MEETING_KINDS)
    return interaction, offer


@transaction.atomic
def interaction_update(*, interaction: Interaction, kind: str, occurred_on: datetime.date, notes: str) -> Interaction:
    contact = Contact.objects.select_for_update().get(pk=interaction.contact_id)
    interaction.kind, interaction.occurred_on, interaction.notes = kind, occurred_on, notes
    interaction.save(update_fields=["kind", "occurred_on", "notes"])
    contact_touch_recompute(contact)
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> Contact:
    contact = Contact.objects.select_for_update().get(pk=interaction.contact_id)
    interaction.delete()
    contact_touch_recompute(contact)
    return contact


def thank_you_title(contact: Contact) -> str:
    return gettext("Send a thank-you note to %(name)s") % {"name": contact.name}


def thank_you_due(today: datetime.date | None = None) -> datetime.date:
    return _today(today) + datetime.timedelta(days=THANK_YOU_DAYS)


# --- Event mode -----------------------------------------------------------------------------------


def _event_goal_title(event: Event) -> str:
    return ngettext(
        "Meet %(count)s new person at %(event)s",
        "Meet %(count)s new people at %(event)s",
        event.people_to_meet,
    ) % {"count": event.people_to_meet, "event": event.name}


def _event_goal(event: Event) -> Goal | None:
    return event.goals.filter(kind=GoalKind.MEET).select_for_update().order_by("id").first()


@transaction.atomic
def event_create(*, owner: User, today: datetime.date | None = None, **fields: Any) -> Event:
    """An event and its linked "meet N new people" goal, due on the event's day."""
    event = Event.objects.create(owner=owner, **fields)
    with translation.override(owner.preferred_language):
        title = _event_goal_title(event)
    goal_create(
        owner=owner,
        today=today,
        title=title[:200],
        kind=GoalKind.MEET,
        target=event.people_to_meet,
        event=event,
        event_name=event.name,
        event_date=event.date,
        due_date=event.date,
    )
    return event


@transaction.atomic
def event_update(*, event: Event, fields: Sequence[str]) -> Event:
    """Save the event's changed fields and keep its linked goal's target, name and dates in step."""
    event.save(update_fields=list(fields))
    goal = _event_goal(event)
    if goal is not None:
        goal.target = event.people_to_meet
        goal.event_name, goal.event_date, goal.due_date = event.name, event.date, event.date
        goal.save(update_fields=["target", "event_name", "event_date", "due_date", "updated_at"])
    return event


@transaction.atomic
def event_quick_add(
    *, event: Event, name: str, company: str = "", note: str = "", today: datetime.date | None = None
) -> Contact:
    """Add someone met at the event (from a phone, mid-conversation) and count them in the goal."""
    owner = event.owner
    event = Event.objects.select_for_update().get(pk=event.pk)
    contact = Contact.objects.create(
        owner=owner,
        name=name,
        company=company,
        notes=note,
        how_met=event.name[:300],
        met_at_event=event,
        language=owner.preferred_language,
    )
    goal = _event_goal(event)
    if goal is not None and goal.status == GoalStatus.ACTIVE:
        goal_progress_set(goal=goal, delta=1, today=today)
    return contact


def event_debriefed_contact_ids(event: Event) -> set[int]:
    """Contacts whose debrief is done: they have the "event" interaction dated on the event's day."""
    return set(
        Interaction.objects.filter(
            owner_id=event.owner_id,
            contact__met_at_event=event,
            kind=InteractionKind.EVENT,
            occurred_on=event.date,
        ).values_list("contact_id", flat=True)
    )


@transaction.atomic
def event_debrief(*, event: Event, contacts: Iterable[Contact], today: datetime.date | None = None) -> list[Contact]:
    """For each contact not yet debriefed: a thank-you due in two days, a check-in in a month and
    the "event" interaction; then mark the event debriefed. Running it again creates nothing new.

    Returns the contacts that were debriefed now.
    """
    today = _today(today)
    event = Event.objects.select_for_update().get(pk=event.pk)
    done = event_debriefed_contact_ids(event)
    debriefed = []
    with translation.override(event.owner.preferred_language):
        for contact in contacts:
            if contact.pk in done or contact.met_at_event_id != event.pk or contact.owner_id != event.owner_id:
                continue
            interaction_log(
                owner=event.owner,
                contact=contact,
                kind=InteractionKind.EVENT,
                occurred_on=event.date,
                notes=event.name,
            )
            FollowUp.objects.bulk_create(
                [
                    FollowUp(
                        owner=event.owner,
                        contact=contact,
                        title=thank_you_title(contact)[:200],
                        due_date=today + datetime.timedelta(days=THANK_YOU_DAYS),
                    ),
                    FollowUp(
                        owner=event.owner,
                        contact=contact,
                        title=(gettext("Check in with %(name)s") % {"name": contact.name})[:200],
                        due_date=today + datetime.timedelta(days=CHECK_IN_DAYS),
                    ),
                ]
            )
            debriefed.append(contact)
    if event.debriefed_at is None:
        event.debriefed_at = timezone.now()
        event.save(update_fields=["debriefed_at"])
    return debriefed
