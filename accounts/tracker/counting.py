"""Goals that count themselves: progress and history computed from the member's own records.

A counted goal (Goal.counts other than manual) counts the records of its kind whose day falls in
the goal's period, from `starts_on` to `due_date` (or open-ended), and never after today:

| counts        | a record                                   | its day                                     |
|---------------|--------------------------------------------|---------------------------------------------|
| people_met    | a contact (only those met at the goal's    | the event's date if met at an event, else   |
|               | event / through its network, if it has one)| the day the contact was added               |
| interviews    | an informational interview                 | the interaction's date                      |
| interactions  | an interaction of the goal's interaction_kind | the interaction's date                   |
| evaluations   | the member's evaluation of a network       | the day it was first saved                  |
| events        | an event of the member's                   | the event's date (so only once it happened) |
| thank_yous    | a contact whose follow-up was done within  | the day the first such follow-up was done   |
|               | two days of the first meeting              |                                             |
| follow_ups    | a follow-up done by its due date           | the day it was done                         |

Days of timestamps are taken in the active time zone (the signed-in member's, see
rookie/timezones.py). The history is the running total on each day that has records, so it never
drops unless a record is deleted, and then the whole line is lower: it is always what the records
say. Nothing is stored.

`count_goals` fills any list of goals (of one member or of many) with one grouped query per kind
of counted goal among them, whatever the number of goals or records.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from accounts.models import Contact, Event, FollowUp, Goal, GoalCount, GoalKind, Interaction, InteractionKind
from networks.models import Evaluation

MAX_PROGRESS = 1000
THANK_YOU_DAYS = 2
# The meetings a thank-you follows (as in services.interaction_log's offer of one).
MEETING_KINDS = [
    InteractionKind.MET,
    InteractionKind.FIKA,
    InteractionKind.EVENT,
    InteractionKind.INTERVIEW,
    InteractionKind.CALL,
    InteractionKind.VIDEO,
]
# What a goal of a kind (from a coach's suggestion) counts when it is accepted.
COUNTS_FOR_KIND: dict[str, str] = {
    GoalKind.MEET: GoalCount.PEOPLE_MET,
    GoalKind.INTERVIEWS: GoalCount.INTERVIEWS,
    GoalKind.NETWORKS: GoalCount.EVALUATIONS,
    GoalKind.FOLLOW_UP: GoalCount.FOLLOW_UPS,
    GoalKind.CUSTOM: GoalCount.MANUAL,
}


@dataclass(frozen=True)
class Row:
    """`n` records of one member on one day; `event_id`, `network_id` and `interaction_kind` say
    which goals they may count for (None: any)."""

    owner_id: int
    day: datetime.date
    n: int
    event_id: int | None = None
    network_id: int | None = None
    interaction_kind: str | None = None


@dataclass
class HistoryPoint:
    """A day of a counted goal's history, shaped like GoalProgress for the goal page's table."""

    recorded_on: datetime.date
    progress: int


def _people_met(owner_ids: list[int], since: datetime.date) -> Iterator[Row]:
    rows = (
        Contact.objects.filter(owner_id__in=owner_ids)
        .annotate(day=Coalesce(F("met_at_event__date"), TruncDate("created_at")))
        .filter(day__gte=since)
        .values("owner_id", "day", "met_at_event_id", "met_at_network_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        yield Row(row["owner_id"], row["day"], row["n"], row["met_at_event_id"], row["met_at_network_id"])


def _interactions(owner_ids: list[int], since: datetime.date, kinds: Iterable[str]) -> Iterator[Row]:
    rows = (
        Interaction.objects.filter(owner_id__in=owner_ids, kind__in=list(kinds), occurred_on__gte=since)
        .values("owner_id", "occurred_on", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        yield Row(row["owner_id"], row["occurred_on"], row["n"], interaction_kind=row["kind"])


def _evaluations(owner_ids: list[int], since: datetime.date) -> Iterator[Row]:
    rows = (
        Evaluation.objects.filter(member_id__in=owner_ids)
        .annotate(day=TruncDate("created_at"))
        .filter(day__gte=since)
        .values("member_id", "day")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        yield Row(row["member_id"], row["day"], row["n"])


def _events(owner_ids: list[int], since: datetime.date) -> Iterator[Row]:
    rows = (
        Event.objects.filter(owner_id__in=owner_ids, date__gte=since)
        .values("owner_id", "date")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        yield Row(row["owner_id"], row["date"], row["n"])


def _follow_ups_on_time(owner_ids: list[int], since: datetime.date) -> Iterator[Row]:
    # "On time" as the coach's follow-up statistics count it: done on or before the due date in
    # force when it was done (accounts/coaching/queries.py: follow_up_stats).
    rows = (
        FollowUp.objects.filter(owner_id__in=owner_ids, done_at__isnull=False)
        .annotate(day=TruncDate("done_at"))
        .filter(day__gte=since, day__lte=F("due_date"))
        .values("owner_id", "day")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        yield Row(row["owner_id"], row["day"], row["n"])


def _thank_yous(owner_ids: list[int], since: datetime.date) -> Iterator[Row]:
    """One per contact: a follow-up of theirs done within THANK_YOU_DAYS of the first meeting."""
    first_meeting = (
        Interaction.objects.filter(contact_id=OuterRef("contact_id"), kind__in=MEETING_KINDS)
        .order_by()
        .values("contact_id")
        .annotate(first=Min("occurred_on"))
        .values("first")
    )
    rows = (
        FollowUp.objects.filter(owner_id__in=owner_ids, done_at__isnull=False, contact__isnull=False)
        .annotate(day=TruncDate("done_at"), met=Subquery(first_meeting))
        .filter(day__gte=since, met__isnull=False)
        .values_list("owner_id", "contact_id", "day", "met")
        .order_by()
    )
    # The first thank-you of each contact; a second one for the same person is not a new thank-you.
    first_thanks: dict[int, tuple[int, datetime.date]] = {}
    for owner_id, contact_id, day, met in rows:
        in_time = met <= day <= met + datetime.timedelta(days=THANK_YOU_DAYS)
        if in_time and (contact_id not in first_thanks or day < first_thanks[contact_id][1]):
            first_thanks[contact_id] = (owner_id, day)
    for owner_id, day in first_thanks.values():
        yield Row(owner_id, day, 1)


def _rows(counts: str, owner_ids: list[int], since: datetime.date, goals: list[Goal]) -> Iterator[Row]:
    if counts == GoalCount.PEOPLE_MET:
        return _people_met(owner_ids, since)
    if counts == GoalCount.INTERVIEWS:
        return _interactions(owner_ids, since, [InteractionKind.INTERVIEW])
    if counts == GoalCount.INTERACTIONS:
        return _interactions(owner_ids, since, {goal.interaction_kind for goal in goals})
    if counts == GoalCount.EVALUATIONS:
        return _evaluations(owner_ids, since)
    if counts == GoalCount.EVENTS:
        return _events(owner_ids, since)
    if counts == GoalCount.THANK_YOUS:
        return _thank_yous(owner_ids, since)
    if counts == GoalCount.FOLLOW_UPS:
        return _follow_ups_on_time(owner_ids, since)
    raise ValueError(f"not a counted kind: {counts}")


def _matches(goal: Goal, row: Row) -> bool:
    if row.owner_id != goal.owner_id:
        return False
    if goal.counts == GoalCount.PEOPLE_MET:
        if goal.event_id is not None and row.event_id != goal.event_id:
            return False
        if goal.network_id is not None and row.network_id != goal.network_id:
            return False
    return goal.counts != GoalCount.INTERACTIONS or row.interaction_kind == goal.interaction_kind


def period_end(goal: Goal, today: datetime.date) -> datetime.date:
    """The last day that counts so far: the due date, or today if that comes first."""
    return min(goal.due_date, today) if goal.due_date else today


def count_goals(goals: Iterable[Goal], *, today: datetime.date | None = None) -> None:
    """Put each counted goal's progress (`progress`) and derived history (`counted_history`, a list
    of HistoryPoint) on the instance; manual goals are left as they are.

    One query per kind of counted goal present, whatever the number of goals, members or records.
    The instances are for display: a counted goal's progress is never saved.
    """
    today = today or timezone.localdate()
    by_counts: defaultdict[str, list[Goal]] = defaultdict(list)
    for goal in goals:
        if goal.is_counted:
            by_counts[goal.counts].append(goal)
    for counts, kind_goals in by_counts.items():
        owner_ids = sorted({goal.owner_id for goal in kind_goals})
        since = min(goal.starts_on for goal in kind_goals)
        rows = list(_rows(counts, owner_ids, since, kind_goals))
        for goal in kind_goals:
            end = period_end(goal, today)
            per_day: defaultdict[datetime.date, int] = defaultdict(int)
            for row in rows:
                if goal.starts_on <= row.day <= end and _matches(goal, row):
                    per_day[row.day] += row.n
            history: list[HistoryPoint] = []
            total = 0
            if goal.starts_on <= end:
                # The line starts at the period's first day, as a manual goal's starts on its creation day.
                history.append(HistoryPoint(goal.starts_on, 0))
                for day in sorted(per_day):
                    total += per_day[day]
                    if day == goal.starts_on:
                        history[0].progress = min(total, MAX_PROGRESS)
                    else:
                        history.append(HistoryPoint(day, min(total, MAX_PROGRESS)))
            goal.progress = min(total, MAX_PROGRESS)
            goal.counted_history = history


def history_of(goal: Goal, *, today: datetime.date | None = None) -> list[tuple[datetime.date, int]]:
    """[(day, progress)] of a counted goal, oldest first (counts it if not counted yet)."""
    if not hasattr(goal, "counted_history"):
        count_goals([goal], today=today)
    return [(point.recorded_on, point.progress) for point in goal.counted_history]


def counted_goals_like(goal: Goal) -> Q:
    """The goals a new `goal` would duplicate: the same kind of count with the same scope (event,
    network, interaction kind); a manual goal also needs the same title to be the same goal."""
    same = Q(
        counts=goal.counts,
        event_id=goal.event_id,
        network_id=goal.network_id,
        interaction_kind=goal.interaction_kind,
    )
    if not goal.is_counted:
        same &= Q(title__iexact=goal.title.strip())
    return same
