"""Read-side queries of the tracker, for a given owner.

Nothing here reads request.user: the tracker's views pass the signed-in member, and coaching
(accounts/coaching/queries.py) passes a client whose progress a coach may see. Every function
runs a fixed number of queries whatever the size of the data (lists are capped; counts are
aggregates).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Concat
from django.utils import timezone

from accounts.models import (
    Contact,
    Event,
    FollowUp,
    GivingBudget,
    Goal,
    GoalCount,
    GoalProgress,
    GoalStatus,
    Interaction,
    User,
)
from accounts.tracker import counting, dashboard_sql
from accounts.tracker.charts import BarChart, LineChart, progress_line, week_starts, weekly_bars
from accounts.tracker.contact_search_text import matching
from networks.models import Evaluation, Membership, MembershipStatus, Network, Score

# Rows per dashboard section; each section links to its full list.
DASHBOARD_LIMIT = 5
# Tags are stored lower-cased, separated by TAG_SEPARATOR (see forms.normalize_tags).
TAG_SEPARATOR = ", "


def networks_for_picker(owner: User) -> QuerySet[Network]:
    """Networks a member may link a goal or contact to: approved ones and those they submitted."""
    return Network.objects.filter(Q(status=Network.Status.APPROVED) | Q(submitted_by=owner)).order_by("name")


def contacts_of(owner: User) -> QuerySet[Contact]:
    return Contact.objects.filter(owner=owner)


def open_follow_ups(owner: User) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(owner=owner, done_at__isnull=True)


def contacts_with_tag(queryset: QuerySet[Contact], tag: str) -> QuerySet[Contact]:
    """Contacts carrying exactly `tag` (not merely a tag containing it), on SQLite and PostgreSQL."""
    padded = Concat(Value(TAG_SEPARATOR), "tags", Value(TAG_SEPARATOR))
    return queryset.annotate(_padded_tags=padded).filter(
        _padded_tags__contains=f"{TAG_SEPARATOR}{tag.lower()}{TAG_SEPARATOR}"
    )


def split_tags(tags: str | None) -> list[str]:
    return [tag.strip() for tag in (tags or "").split(TAG_SEPARATOR.strip()) if tag.strip()]


# --- The contact list: search, filters, the filters' choices --------------------------------------


@dataclass
class ContactFilter:
    """What the contact list is narrowed to (the GET form's values, or a bulk action's hidden copy of them)."""

    q: str = ""
    tag: str = ""
    company: str = ""
    event_id: int | None = None
    network_id: int | None = None
    losing_touch: bool = False
    never_contacted: bool = False

    @property
    def is_active(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


def filter_contacts(owner: User, contact_filter: ContactFilter, *, today: datetime.date) -> QuerySet[Contact]:
    """The owner's contacts matching the filter, by name; only the owner's contacts are ever in it.
    The search is the contact field's (contact_search_text.matching: name, company and e-mail,
    accents and case folded); icontains folds every alphabet's case on SQLite too (rookie/lib/lookups.py)."""
    f = contact_filter
    contacts = matching(contacts_of(owner), f.q)
    if f.tag:
        contacts = contacts_with_tag(contacts, f.tag)
    if f.company:
        contacts = contacts.filter(company__icontains=f.company)
    if f.event_id:
        contacts = contacts.filter(met_at_event_id=f.event_id)
    if f.network_id:
        contacts = contacts.filter(met_at_network_id=f.network_id)
    if f.losing_touch:
        contacts = contacts.filter(next_touch_due__lt=today)
    if f.never_contacted:
        contacts = contacts.filter(last_contacted_on__isnull=True)
    return contacts.order_by("name", "id")


def contact_tags(owner: User) -> list[str]:
    """Every tag on the owner's contacts, sorted (one query over the distinct tag lists)."""
    tags: set[str] = set()
    for value in contacts_of(owner).exclude(tags="").values_list("tags", flat=True).distinct().order_by():
        tags.update(tag.lower() for tag in split_tags(value))
    return sorted(tags)


def contact_meeting_places(owner: User) -> tuple[list[Event], list[Network]]:
    """The owner's events and the networks where they met at least one of their contacts (two queries)."""
    met = contacts_of(owner).order_by()
    events = list(
        Event.objects.filter(owner=owner, pk__in=met.filter(met_at_event__isnull=False).values("met_at_event"))
        .only("id", "name", "date")
        .order_by("-date", "-id")
    )
    networks = list(
        Network.objects.filter(pk__in=met.filter(met_at_network__isnull=False).values("met_at_network")).order_by(
            "name"
        )
    )
    return events, networks


# Goals without a due date come after those with one, on every database.
GOAL_ORDER: list[str | Combinable] = [F("due_date").asc(nulls_last=True), "id"]


def week_end(today: datetime.date) -> datetime.date:
    """The last day of "this week" on the dashboard: today and the six days after it."""
    return today + datetime.timedelta(days=6)


@dataclass
class Dashboard:
    today: datetime.date
    overdue: list[FollowUp]
    overdue_count: int
    due_this_week: list[FollowUp]
    due_this_week_count: int
    losing_touch: list[Contact]
    losing_touch_count: int
    contact_count: int
    goals: list[Goal]
    goal_count: int
    interactions: list[Interaction]
    events: list[Event]


# Events shown: the next few are what a member plans for.
DASHBOARD_EVENTS = 3


def dashboard_follow_ups(
    owner: User, *, today: datetime.date, limit: int
) -> tuple[list[FollowUp], int, list[FollowUp], int]:
    """(overdue, how many, due this week, how many): the first `limit` of each by due date, in one
    query. Each follow-up carries `contact_name` (its contact's name, or None)."""
    params = [today, today, today, owner.pk, week_end(today), limit]
    late: list[FollowUp] = []
    soon: list[FollowUp] = []
    for row in FollowUp.objects.raw(dashboard_sql.FOLLOW_UPS, params):
        (late if row.is_overdue else soon).append(row)  # type: ignore[attr-defined]
    return (
        late,
        late[0].group_size if late else 0,  # type: ignore[attr-defined]
        soon,
        soon[0].group_size if soon else 0,  # type: ignore[attr-defined]
    )


def dashboard_for(owner: User, *, today: datetime.date, limit: int = DASHBOARD_LIMIT) -> Dashboard:
    """Everything the dashboard shows, in five queries whatever the amount of data, plus one grouped
    query per kind of counted goal among the goals shown (at most seven, accounts.tracker.counting).
    Each list is capped at `limit` rows (a phone's screen); the counts say how long it really is.
    The statements are in accounts/tracker/dashboard_sql.py:

    1. overdue follow-ups and those due this week, with their contacts' names and both counts
    2. how many contacts, how many we are losing touch with, how many active goals; upcoming events
    3. the contacts we are losing touch with
    4. active goals
    5. recent interactions, with their contacts' names (`contact_name`)

    The quick-add forms' contact field searches (accounts/tracker/contact_picker.py): no contact
    list is loaded here.
    """
    overdue, overdue_count, due_this_week, due_this_week_count = dashboard_follow_ups(owner, today=today, limit=limit)
    counted = list(
        Event.objects.raw(
            dashboard_sql.COUNTS_AND_EVENTS,
            [owner.pk, owner.pk, today, owner.pk, GoalStatus.ACTIVE.value, owner.pk, today, DASHBOARD_EVENTS],
        )
    )
    # Every row carries the counts; without an event there is one row, with no event in it.
    contact_count, losing_touch_count, goal_count = (
        counted[0].contact_count,  # type: ignore[attr-defined]
        counted[0].losing_touch_count,  # type: ignore[attr-defined]
        counted[0].goal_count,  # type: ignore[attr-defined]
    )
    goals = list(Goal.objects.raw(dashboard_sql.GOALS, [owner.pk, GoalStatus.ACTIVE.value, limit]))
    counting.count_goals(goals, today=today)
    return Dashboard(
        today=today,
        overdue=overdue,
        overdue_count=overdue_count,
        due_this_week=due_this_week,
        due_this_week_count=due_this_week_count,
        contact_count=contact_count,
        losing_touch_count=losing_touch_count,
        losing_touch=list(Contact.objects.raw(dashboard_sql.LOSING_TOUCH, [owner.pk, today, limit])),
        goals=goals,
        goal_count=goal_count,
        interactions=list(Interaction.objects.raw(dashboard_sql.INTERACTIONS, [owner.pk, limit])),
        events=[event for event in counted if event.pk is not None],
    )


# --- Progress charts (the member's progress page and the coach's client pages) --------------------

# The weeks of the activity chart.
CHART_WEEKS = 12
# Goals in the order the charts list them: active first, then done, then dropped.
STATUS_ORDER: dict[str, int] = {GoalStatus.ACTIVE: 0, GoalStatus.DONE: 1, GoalStatus.DROPPED: 2}


def weekly_interaction_charts(owner_ids: Iterable[int], *, today: datetime.date) -> dict[int, BarChart]:
    """{owner_id: BarChart} of interactions per week over the last CHART_WEEKS weeks, in one query
    grouped by member and day (a coach's page asks for all their clients at once)."""
    owner_ids = list(owner_ids)
    weeks = week_starts(today, CHART_WEEKS)
    rows = (
        Interaction.objects.filter(owner_id__in=owner_ids, occurred_on__gte=weeks[0], occurred_on__lte=today)
        .values("owner_id", "occurred_on")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: defaultdict[int, Counter[datetime.date]] = defaultdict(Counter)
    for row in rows:
        day = row["occurred_on"]
        counts[row["owner_id"]][day - datetime.timedelta(days=day.weekday())] += row["n"]
    return {owner_id: weekly_bars([(week, counts[owner_id][week]) for week in weeks]) for owner_id in owner_ids}


@dataclass
class GoalView:
    goal: Goal
    chart: LineChart


def goal_charts(owner_id: int, *, today: datetime.date) -> list[GoalView]:
    """The member's goals (active first), each with its progress over time: two queries, plus one
    per kind of counted goal (whose history is derived from the records, not stored)."""
    goals = sorted(
        Goal.objects.filter(owner_id=owner_id).order_by(*GOAL_ORDER),
        key=lambda goal: STATUS_ORDER.get(goal.status, 9),
    )
    counting.count_goals(goals, today=today)
    history: defaultdict[int, list[tuple[datetime.date, int]]] = defaultdict(list)
    for goal_id, day, progress in (
        GoalProgress.objects.filter(goal__owner_id=owner_id, goal__counts=GoalCount.MANUAL)
        .order_by("goal_id", "recorded_on")
        .values_list("goal_id", "recorded_on", "progress")
    ):
        history[goal_id].append((day, progress))
    views = []
    for goal in goals:
        if goal.is_counted:
            points, start = counting.history_of(goal, today=today), goal.starts_on
        else:
            points, start = history[goal.id], timezone.localdate(goal.created_at)
        views.append(
            GoalView(goal=goal, chart=progress_line(points, target=goal.target, start=min(start, today), end=today))
        )
    return views


def evaluations_of(owner_id: int) -> list[Evaluation]:
    """The networks the member evaluated, newest first, with their scores: two queries."""
    scores = Score.objects.select_related("criterion").order_by("criterion__order")
    return list(
        Evaluation.objects.filter(member_id=owner_id)
        .select_related("network")
        .prefetch_related(Prefetch("scores", queryset=scores))
    )


@dataclass
class Progress:
    today: datetime.date
    activity: BarChart
    goals: list[GoalView]
    evaluations: list[Evaluation]


def progress_for(owner: User, *, today: datetime.date) -> Progress:
    """The member's progress page, in five queries whatever the amount of data (and one per kind of
    counted goal):

    1. interactions per week (grouped)   2–3. goals, then the history of all of them
    4–5. evaluations with their networks, then their scores with criteria
    """
    return Progress(
        today=today,
        activity=weekly_interaction_charts([owner.pk], today=today)[owner.pk],
        goals=goal_charts(owner.pk, today=today),
        evaluations=evaluations_of(owner.pk),
    )


# --- Time and money the member gives (the checklist's fifth point) --------------------------------

# A network joined this long ago is due for a fresh look with the checklist.
REEVALUATE_AFTER_MONTHS = 3


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day if it has fewer days (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class Reevaluation:
    """A joined network three months on, not evaluated since: the nudge to look at it again."""

    membership: Membership
    joined_on: datetime.date
    due_on: datetime.date
    last_evaluated: datetime.date | None


@dataclass
class Giving:
    budget: GivingBudget | None
    joined: list[Membership]
    hours_asked: Decimal
    # [(currency, amount a year)] the joined networks cost, the budget's currency first.
    costs: list[tuple[str, Decimal]]
    reevaluate: list[Reevaluation]

    @property
    def hours_left(self) -> Decimal | None:
        return self.budget.hours_per_month - self.hours_asked if self.budget else None

    @property
    def cost_in_budget_currency(self) -> Decimal:
        if self.budget is None:
            return Decimal(0)
        return sum((amount for currency, amount in self.costs if currency == self.budget.currency), Decimal(0))

    @property
    def money_left(self) -> Decimal | None:
        return self.budget.money_per_year - self.cost_in_budget_currency if self.budget else None

    @property
    def other_costs(self) -> list[tuple[str, Decimal]]:
        """Costs in currencies other than the budget's: shown, not converted."""
        budget_currency = self.budget.currency if self.budget else None
        return [(currency, amount) for currency, amount in self.costs if currency != budget_currency]


def giving_for(owner: User, *, today: datetime.date) -> Giving:
    """What the member said they would give against what the networks they joined ask, and the
    joined networks due for a fresh evaluation, in three queries:

    1. the budget   2. the joined memberships with their networks
    3. the member's evaluations of those networks (the day each was last saved)
    """
    budget = GivingBudget.objects.filter(owner=owner).first()
    joined = list(
        Membership.objects.filter(member=owner, status=MembershipStatus.JOINED)
        .select_related("network")
        .order_by("network__name", "id")
    )
    hours = sum((membership.hours_per_month for membership in joined), Decimal(0))
    costs: defaultdict[str, Decimal] = defaultdict(Decimal)
    for membership in joined:
        if membership.yearly_cost:
            costs[membership.cost_currency] += membership.yearly_cost
    first = budget.currency if budget else None
    ordered_costs = sorted(costs.items(), key=lambda item: (item[0] != first, item[0]))
    evaluated: dict[int, datetime.date] = {}
    if joined:
        for network_id, updated_at in Evaluation.objects.filter(
            member=owner, network_id__in=[membership.network_id for membership in joined]
        ).values_list("network_id", "updated_at"):
            evaluated[network_id] = timezone.localdate(updated_at)
    reevaluate = []
    for membership in joined:
        joined_on = membership.since or timezone.localdate(membership.created_at)
        due_on = add_months(joined_on, REEVALUATE_AFTER_MONTHS)
        last = evaluated.get(membership.network_id)
        if due_on <= today and (last is None or last < due_on):
            reevaluate.append(Reevaluation(membership, joined_on, due_on, last))
    return Giving(budget=budget, joined=joined, hours_asked=hours, costs=ordered_costs, reevaluate=reevaluate)
