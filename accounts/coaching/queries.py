"""Read side of coaching: what a coach sees of their clients, and what a member sees of their coaches.

Every function runs a fixed number of queries whatever the number of clients, goals or rows:
figures are grouped aggregates over all clients at once, or subqueries in the one query that
lists the clients; lists are capped, related rows are fetched with select_related /
prefetch_related. The docstrings list the queries.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, DateTimeField, F, Field, IntegerField, Max, Model, Prefetch, Q
from django.db.models.expressions import Combinable, RawSQL
from django.utils import timezone

from accounts.coaching.charts import BarChart, week_starts
from accounts.models import (
    CoachAccessLog,
    CoachComment,
    CoachGrant,
    Contact,
    FollowUp,
    Goal,
    GoalStatus,
    GoalSuggestion,
    GrantStatus,
    Interaction,
    SuggestionStatus,
    User,
)
from accounts.models.coaching import ENDED_STATUSES, AgreedAction, CoachingSession, CoachNote
from accounts.tracker import counting
from accounts.tracker import queries as tracker_queries
from networks.models import Evaluation, Membership

# "Done on time in the last 30 days" (the activity chart's weeks: accounts/tracker/queries.py).
RECENT_DAYS = 30
# A client without tracker activity for this long is flagged for attention.
INACTIVE_AFTER_DAYS = 14
# Caps of the lists (each list says "showing N of M" when it is cut).
GOALS_PER_CLIENT = 2
CLIENT_PAGE_INTERACTIONS = 10
LIST_LIMIT = 100
THREAD_LIMIT = 30
HISTORY_LIMIT = 10
FEEDBACK_LIMIT = 3

GOAL_ORDER: list[str | Combinable] = [F("due_date").asc(nulls_last=True), "id"]


# --- Follow-up statistics and the weekly chart (grouped over any number of members) -------------


@dataclass
class FollowUpStats:
    open: int = 0
    overdue: int = 0
    done_recent: int = 0
    on_time_recent: int = 0
    # Of the on-time ones, how many had been snoozed first (original_due_date is set on snooze).
    snoozed_on_time_recent: int = 0

    @property
    def late_recent(self) -> int:
        return self.done_recent - self.on_time_recent

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time_recent / self.done_recent) if self.done_recent else None


def follow_up_stats(owner_ids: Iterable[int], *, now: datetime.datetime) -> dict[int, FollowUpStats]:
    """{owner_id: FollowUpStats}, in one grouped query.

    "On time" compares the local date the follow-up was done with the due date in force when it
    was done; a snoozed follow-up done by its new date counts as on time (and is counted apart).
    """
    today = timezone.localdate(now)
    since = now - datetime.timedelta(days=RECENT_DAYS)
    recent = Q(done_at__gte=since, done_at__lte=now)
    on_time = recent & Q(done_at__date__lte=F("due_date"))
    rows = (
        # Only the rows counted: open ones and those done lately, not a member's whole history.
        FollowUp.objects.filter(Q(done_at__isnull=True) | Q(done_at__gte=since), owner_id__in=owner_ids)
        .values("owner_id")
        .annotate(
            open=Count("id", filter=Q(done_at__isnull=True)),
            overdue=Count("id", filter=Q(done_at__isnull=True, due_date__lt=today)),
            done_recent=Count("id", filter=recent),
            on_time_recent=Count("id", filter=on_time),
            snoozed_on_time_recent=Count("id", filter=on_time & Q(original_due_date__isnull=False)),
        )
        .order_by()
    )
    stats = {owner_id: FollowUpStats() for owner_id in owner_ids}
    for row in rows:
        stats[row["owner_id"]] = FollowUpStats(
            open=row["open"],
            overdue=row["overdue"],
            done_recent=row["done_recent"],
            on_time_recent=row["on_time_recent"],
            snoozed_on_time_recent=row["snoozed_on_time_recent"],
        )
    return stats


def weekly_interaction_charts(owner_ids: Iterable[int], *, today: datetime.date) -> dict[int, BarChart]:
    """{owner_id: BarChart} of interactions per week: the tracker's chart, the one members see."""
    return tracker_queries.weekly_interaction_charts(owner_ids, today=today)


_GRANT = CoachGrant._meta.db_table


def _of_active_client(
    model: type[Model], select: str, output_field: Field, condition: str = "", *params: Any
) -> RawSQL:
    """SELECT `select` FROM the model's rows of the grant's member (WHERE `condition` too), for an
    active grant only: nothing is read about a member who has not shared (yet).

    Plain SQL, because the ORM's Subquery and Case expressions took longer to build and compile
    than the query takes to run. Table names come from _meta, values are parameters.
    """
    where = f'"owner_id" = "{_GRANT}"."member_id"' + (f" AND {condition}" if condition else "")
    sql = f'CASE WHEN "{_GRANT}"."status" = %s THEN (SELECT {select} FROM "{model._meta.db_table}" WHERE {where}) END'  # noqa: S608
    return RawSQL(sql, (GrantStatus.ACTIVE, *params), output_field=output_field)  # noqa: S611


# --- The coach page ------------------------------------------------------------------------------


@dataclass
class ClientSummary:
    grant: CoachGrant
    goals: list[Goal]
    goal_count: int
    overdue: int  # open follow-ups past their due date
    # Interactions over the weeks of the client page's chart (accounts/tracker/queries.py).
    recent_interactions: int
    last_activity: datetime.datetime | None
    inactive_days: int | None

    @property
    def member(self) -> User:
        return self.grant.member

    @property
    def more_goals(self) -> int:
        return self.goal_count - len(self.goals)

    @property
    def is_inactive(self) -> bool:
        return self.inactive_days is None or self.inactive_days >= INACTIVE_AFTER_DAYS

    @property
    def needs_attention(self) -> bool:
        return self.overdue > 0 or self.is_inactive


@dataclass
class CoachPage:
    clients: list[ClientSummary]
    waiting_for_me: list[CoachGrant]
    waiting_for_member: list[CoachGrant]


def coach_page(coach: User, *, now: datetime.datetime | None = None) -> CoachPage:
    """The coach's clients (active grants), most in need of attention first, and the invitations
    between the coach and members, in two queries whatever the number of clients:

    1. the open grants (active and pending) with their members and, for an active grant only, the
       latest tracker activity (interaction logged, goal changed, follow-up done, contact changed),
       the number of interactions over the chart's weeks and of overdue follow-ups (correlated
       subqueries, each on an index of the member's rows)
    2. the active goals of all clients
    and one grouped query per kind of counted goal among the goals shown (accounts.tracker.counting)
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = week_starts(today, tracker_queries.CHART_WEEKS)[0]
    grants = list(
        CoachGrant.objects.open()
        .filter(coach=coach)
        .select_related("member")
        # What the page shows of a grant and its member: not the member's whole account row.
        .only("id", "member_id", "coach_id", "scope", "status", "created_at", "member__display_name", "member__email")
        .annotate(
            last_interaction=_of_active_client(Interaction, 'max("created_at")', DateTimeField()),
            last_goal=_of_active_client(Goal, 'max("updated_at")', DateTimeField()),
            last_follow_up=_of_active_client(FollowUp, 'max("done_at")', DateTimeField()),
            last_contact=_of_active_client(Contact, 'max("updated_at")', DateTimeField()),
            recent_interactions=_of_active_client(
                Interaction, "count(*)", IntegerField(), '"occurred_on" BETWEEN %s AND %s', since, today
            ),
            overdue=_of_active_client(
                FollowUp, "count(*)", IntegerField(), '"done_at" IS NULL AND "due_date" < %s', today
            ),
        )
        .order_by("created_at", "id")
    )
    return CoachPage(
        clients=_summaries(
            [
                (
                    grant,
                    _Figures(
                        moments=[grant.last_interaction, grant.last_goal, grant.last_follow_up, grant.last_contact],
                        recent_interactions=grant.recent_interactions or 0,
                        overdue=grant.overdue or 0,
                    ),
                )
                for grant in grants
                if grant.status == GrantStatus.ACTIVE
            ],
            now=now,
        ),
        waiting_for_me=[grant for grant in grants if grant.status == GrantStatus.AWAITING_COACH],
        waiting_for_member=[grant for grant in grants if grant.status == GrantStatus.AWAITING_MEMBER],
    )


def clients_for_coach(coach: User, *, now: datetime.datetime | None = None) -> list[ClientSummary]:
    """The coach's clients, most in need of attention first (coach_page's queries)."""
    return coach_page(coach, now=now).clients


@dataclass
class _Figures:
    """What the grants query counts for one active grant's member."""

    moments: list[datetime.datetime | None]  # the latest of each kind of tracker activity
    recent_interactions: int
    overdue: int


def _summaries(clients: list[tuple[CoachGrant, _Figures]], *, now: datetime.datetime) -> list[ClientSummary]:
    if not clients:
        return []
    today = timezone.localdate(now)
    member_ids = [grant.member_id for grant, _ in clients]
    goals: defaultdict[int, list[Goal]] = defaultdict(list)
    for goal in (
        Goal.objects.filter(owner_id__in=member_ids, status=GoalStatus.ACTIVE)
        .only(
            "id",
            "owner_id",
            "title",
            "progress",
            "target",
            "due_date",
            "counts",
            "interaction_kind",
            "starts_on",
            "event_id",
            "network_id",
        )
        .order_by(*GOAL_ORDER)
    ):
        goals[goal.owner_id].append(goal)
    counting.count_goals(
        [goal for owner_goals in goals.values() for goal in owner_goals[:GOALS_PER_CLIENT]], today=today
    )

    summaries: list[ClientSummary] = []
    for grant, figures in clients:
        last_activity = max((moment for moment in figures.moments if moment is not None), default=None)
        inactive_days = (today - timezone.localdate(last_activity)).days if last_activity else None
        summaries.append(
            ClientSummary(
                grant=grant,
                goals=goals[grant.member_id][:GOALS_PER_CLIENT],
                goal_count=len(goals[grant.member_id]),
                overdue=figures.overdue,
                recent_interactions=figures.recent_interactions,
                last_activity=last_activity,
                inactive_days=inactive_days,
            )
        )
    # Most overdue follow-ups first; then the longest inactive (never active before anyone).
    never = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    summaries.sort(key=lambda s: (-s.overdue, s.last_activity or never, s.member.display_name.casefold(), s.member.pk))
    return summaries


# --- The client page -----------------------------------------------------------------------------


# A goal with its progress chart: the tracker's, the one the member sees on their progress page.
GoalView = tracker_queries.GoalView


@dataclass
class ClientOverview:
    grant: CoachGrant
    goals: list[GoalView]
    stats: FollowUpStats
    chart: BarChart
    memberships: list[Membership]
    evaluations: list[Evaluation]
    threads: list[CoachComment]
    suggestions: list[GoalSuggestion]
    contact_count: int = 0
    interaction_count: int = 0
    interactions: list[Interaction] = field(default_factory=list)

    @property
    def member(self) -> User:
        return self.grant.member

    @property
    def active_goals(self) -> list[Goal]:
        return [view.goal for view in self.goals if view.goal.status == GoalStatus.ACTIVE]


def goal_views(member_id: int, *, today: datetime.date) -> list[GoalView]:
    """The member's goals (active first), each with its progress chart: two queries."""
    return tracker_queries.goal_charts(member_id, today=today)


def conversation(member_id: int, coach_id: int | None = None, *, limit: int = THREAD_LIMIT) -> list[CoachComment]:
    """The newest conversations (top comments with their replies) of a member: two queries."""
    threads = CoachComment.objects.filter(member_id=member_id, parent__isnull=True)
    if coach_id is not None:
        threads = threads.filter(coach_id=coach_id)
    replies = CoachComment.objects.select_related("author").order_by("created_at", "id")
    return list(
        threads.select_related("author", "coach", "goal")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("-created_at", "-id")[:limit]
    )


def client_overview(grant: CoachGrant, *, now: datetime.datetime | None = None) -> ClientOverview:
    """Everything on the client page, in 10 queries (13 with the contacts scope):

    1–2. goals, then the progress history of all of them
    3. follow-up statistics        4. interactions per week
    5. memberships with networks   6–7. evaluations with networks, then their scores with criteria
    8–9. the conversation with this coach (threads, then replies)
    10. this coach's suggestions
    with the contacts scope: 11. contact count  12. interaction count  13. recent interactions
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    member_id = grant.member_id
    overview = ClientOverview(
        grant=grant,
        goals=goal_views(member_id, today=today),
        stats=follow_up_stats([member_id], now=now)[member_id],
        chart=weekly_interaction_charts([member_id], today=today)[member_id],
        memberships=list(Membership.objects.filter(member_id=member_id).select_related("network")),
        evaluations=tracker_queries.evaluations_of(member_id),
        threads=conversation(member_id, grant.coach_id),
        suggestions=list(
            GoalSuggestion.objects.filter(member_id=member_id, coach_id=grant.coach_id).select_related("goal")[
                :LIST_LIMIT
            ]
        ),
    )
    if grant.is_full:
        overview.contact_count = Contact.objects.filter(owner_id=member_id).count()
        overview.interaction_count = Interaction.objects.filter(owner_id=member_id).count()
        overview.interactions = list(
            Interaction.objects.filter(owner_id=member_id)
            .select_related("contact")
            .order_by("-occurred_on", "-id")[:CLIENT_PAGE_INTERACTIONS]
        )
    return overview


def client_contacts(member_id: int) -> dict[str, Any]:
    """Contacts with their interaction counts, and the newest interactions: three queries."""
    contacts = list(
        Contact.objects.filter(owner_id=member_id)
        .annotate(interaction_count=Count("interactions"), last_interaction=Max("interactions__occurred_on"))
        .order_by("name", "id")
    )
    interactions = Interaction.objects.filter(owner_id=member_id)
    return {
        "contacts": contacts,
        "interaction_count": interactions.count(),
        "interactions": list(interactions.select_related("contact").order_by("-occurred_on", "-id")[:LIST_LIMIT]),
    }


def client_follow_ups(member_id: int) -> dict[str, list[FollowUp]]:
    """Open follow-ups (all, by due date) and the newest done ones (capped): two queries."""
    follow_ups = FollowUp.objects.filter(owner_id=member_id).select_related("contact")
    return {
        "open": list(follow_ups.filter(done_at__isnull=True).order_by("due_date", "id")),
        "done": list(follow_ups.filter(done_at__isnull=False).order_by("-done_at", "-id")[:LIST_LIMIT]),
    }


# --- The member's side ---------------------------------------------------------------------------


@dataclass
class Sharing:
    grants: list[CoachGrant]  # active and pending, whoever invited
    ended: list[CoachGrant]
    threads: list[CoachComment]
    pending_suggestions: list[GoalSuggestion]
    decided_suggestions: list[GoalSuggestion]
    access_log: list[CoachAccessLog]
    access_log_count: int

    @property
    def active(self) -> list[CoachGrant]:
        return [grant for grant in self.grants if grant.status == GrantStatus.ACTIVE]

    @property
    def active_coach_ids(self) -> set[int]:
        return {grant.coach_id for grant in self.active}


def sharing_for_member(member: User, *, now: datetime.datetime | None = None) -> Sharing:
    """The member's Coaching page, in nine queries:

    1. open grants with their coaches   2. the latest ended ones
    3–4. conversations (threads, then replies)
    5. pending suggestions   6. the latest answered ones
    7. the access log of the last 90 days (capped)   8. its size
    """
    now = now or timezone.now()
    grants = CoachGrant.objects.filter(member=member).select_related("coach")
    suggestions = GoalSuggestion.objects.filter(member=member).select_related("coach", "goal")
    log = CoachAccessLog.objects.filter(member=member).recent(now=now)
    return Sharing(
        grants=list(grants.open().order_by("-created_at", "-id")),
        ended=list(grants.filter(status__in=ENDED_STATUSES).order_by("-ended_at", "-id")[:HISTORY_LIMIT]),
        threads=conversation(member.pk),
        pending_suggestions=list(suggestions.filter(status=SuggestionStatus.PENDING)),
        decided_suggestions=list(suggestions.exclude(status=SuggestionStatus.PENDING)[:HISTORY_LIMIT]),
        access_log=list(log.select_related("coach", "contact")[:LIST_LIMIT]),
        access_log_count=log.count(),
    )


@dataclass
class MemberFeedback:
    coaches: list[CoachGrant]  # active grants
    invitations: list[CoachGrant]  # coaches' invitations waiting for the member
    comments: list[CoachComment]
    suggestions: list[GoalSuggestion]
    suggestion_count: int

    @property
    def is_empty(self) -> bool:
        return not (self.coaches or self.invitations or self.comments or self.suggestions)


def feedback_for_member(member: User) -> MemberFeedback:
    """What the member's dashboard shows about coaching, in four queries:

    1. active grants and invitations from coaches, with the coaches
    2. the newest comments written by coaches
    3. pending suggestions (capped)   4. their number
    """
    grants = list(
        CoachGrant.objects.filter(member=member, status__in=[GrantStatus.ACTIVE, GrantStatus.AWAITING_MEMBER])
        .select_related("coach")
        .order_by("-created_at", "-id")
    )
    pending = GoalSuggestion.objects.filter(member=member, status=SuggestionStatus.PENDING)
    return MemberFeedback(
        coaches=[grant for grant in grants if grant.status == GrantStatus.ACTIVE],
        invitations=[grant for grant in grants if grant.status == GrantStatus.AWAITING_MEMBER],
        comments=list(
            CoachComment.objects.filter(member=member, author=F("coach"))
            .select_related("coach", "goal")
            .order_by("-created_at", "-id")[:FEEDBACK_LIMIT]
        ),
        suggestions=list(pending.select_related("coach")[:FEEDBACK_LIMIT]),
        suggestion_count=pending.count(),
    )


# --- Sessions and private notes ------------------------------------------------------------------


def sessions_of(member_id: int, coach_id: int | None = None, *, limit: int = LIST_LIMIT) -> list[CoachingSession]:
    """The member's sessions, newest first (with one coach, if given), with their coach and agreed
    actions (and the goal or follow-up an accepted one became): two queries."""
    sessions = CoachingSession.objects.filter(member_id=member_id)
    if coach_id is not None:
        sessions = sessions.filter(coach_id=coach_id)
    actions = AgreedAction.objects.select_related("suggestion__goal", "follow_up").order_by("id")
    return list(
        sessions.select_related("coach")
        .prefetch_related(Prefetch("actions", queryset=actions))
        .order_by("-held_on", "-id")[:limit]
    )


def notes_of(grant: CoachGrant, *, limit: int = LIST_LIMIT) -> list[CoachNote]:
    """The grant's coach's private notes about its member, newest first: one query."""
    return list(CoachNote.objects.filter(coach_id=grant.coach_id, member_id=grant.member_id)[:limit])
