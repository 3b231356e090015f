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
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Count, F, Max, Model, Prefetch, Q
from django.db.models.expressions import Combinable
from django.utils import timezone

from accounts.coaching import statements
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


def _db_datetime(value: Any) -> Any:
    """A timestamp read with a plain cursor, made what the ORM makes of it: aware. (SQLite hands
    back text, or naive values, and loses a column's type in a subquery or a UNION.)"""
    if value is None or (isinstance(value, datetime.datetime) and value.tzinfo is not None):
        return value
    for converter in connection.ops.get_db_converters(_A_DATETIME):
        value = converter(value, _A_DATETIME, connection)
    return value


_A_DATETIME = CoachGrant._meta.get_field("created_at").get_col(CoachGrant._meta.db_table)


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
    between the coach and members, in two statements whatever the number of clients
    (accounts/coaching/statements.py):

    1. COACH_GRANTS: the open grants (active and pending) with their members and, for an active
       grant only, the latest tracker activity (interaction logged, goal changed, follow-up done,
       contact changed), the number of interactions over the chart's weeks and of overdue
       follow-ups
    2. CLIENT_GOALS: the first active goals of each client, with how many each has
    and one grouped query per kind of counted goal among the goals shown (accounts.tracker.counting)
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = week_starts(today, tracker_queries.CHART_WEEKS)[0]
    with connection.cursor() as cursor:
        cursor.execute(
            statements.COACH_GRANTS,
            {
                "coach": coach.pk,
                "awaiting_coach": GrantStatus.AWAITING_COACH.value,
                "awaiting_member": GrantStatus.AWAITING_MEMBER.value,
                "active": GrantStatus.ACTIVE.value,
                "since": since,
                "today": today,
            },
        )
        rows = cursor.fetchall()
    grants: list[CoachGrant] = []
    clients: list[tuple[CoachGrant, _Figures]] = []
    for pk, member_id, scope, status, created_at, display_name, email, *figures in rows:
        grant = _from_db(
            CoachGrant,
            id=pk,
            member_id=member_id,
            coach_id=coach.pk,
            scope=scope,
            status=status,
            created_at=_db_datetime(created_at),
        )
        grant.member = _from_db(User, id=member_id, display_name=display_name, email=email)
        *moments, recent_interactions, overdue = figures
        moments = [_db_datetime(moment) for moment in moments]
        # The figures also as the grant's attributes (as annotations are): None unless it is active.
        for name, value in zip(_FIGURES, [*moments, recent_interactions, overdue], strict=True):
            setattr(grant, name, value)
        grants.append(grant)
        if status == GrantStatus.ACTIVE:
            clients.append(
                (grant, _Figures(moments=moments, recent_interactions=recent_interactions or 0, overdue=overdue or 0))
            )
    return CoachPage(
        clients=_summaries(coach, clients, now=now),
        waiting_for_me=[grant for grant in grants if grant.status == GrantStatus.AWAITING_COACH],
        waiting_for_member=[grant for grant in grants if grant.status == GrantStatus.AWAITING_MEMBER],
    )


# COACH_GRANTS' figures, in its columns' order.
_FIGURES = ["last_interaction", "last_goal", "last_follow_up", "last_contact", "recent_interactions", "overdue"]

M = TypeVar("M", bound=Model)


def _from_db(model: type[M], **values: Any) -> M:
    """An instance of the model with these values, as the ORM makes it from a row: the fields not
    given are deferred (what the page shows of a grant and its member, not their whole rows)."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(connection.alias, names, [values[name] for name in names])


def clients_for_coach(coach: User, *, now: datetime.datetime | None = None) -> list[ClientSummary]:
    """The coach's clients, most in need of attention first (coach_page's queries)."""
    return coach_page(coach, now=now).clients


@dataclass
class _Figures:
    """What the grants query counts for one active grant's member."""

    moments: list[datetime.datetime | None]  # the latest of each kind of tracker activity
    recent_interactions: int
    overdue: int


def _summaries(
    coach: User, clients: list[tuple[CoachGrant, _Figures]], *, now: datetime.datetime
) -> list[ClientSummary]:
    if not clients:
        return []
    today = timezone.localdate(now)
    goals: defaultdict[int, list[Goal]] = defaultdict(list)
    goal_counts: dict[int, int] = {}
    for goal in Goal.objects.raw(
        statements.CLIENT_GOALS,
        {
            "coach": coach.pk,
            "active": GrantStatus.ACTIVE.value,
            "goal_active": GoalStatus.ACTIVE.value,
            "per_client": GOALS_PER_CLIENT,
        },
    ):
        goals[goal.owner_id].append(goal)
        goal_counts[goal.owner_id] = goal.goal_count  # type: ignore[attr-defined]  # a column of the statement
    counting.count_goals([goal for owner_goals in goals.values() for goal in owner_goals], today=today)

    summaries: list[ClientSummary] = []
    for grant, figures in clients:
        last_activity = max((moment for moment in figures.moments if moment is not None), default=None)
        inactive_days = (today - timezone.localdate(last_activity)).days if last_activity else None
        summaries.append(
            ClientSummary(
                grant=grant,
                goals=goals[grant.member_id],
                goal_count=goal_counts.get(grant.member_id, 0),
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


@dataclass(frozen=True)
class FeedbackGrant:
    pk: int
    coach_name: str


@dataclass(frozen=True)
class FeedbackComment:
    pk: int
    parent_id: int | None
    body: str
    created_at: datetime.datetime
    coach_name: str
    goal_title: str  # empty for a comment on no goal

    @property
    def thread_id(self) -> int:
        return self.parent_id or self.pk


@dataclass(frozen=True)
class FeedbackSuggestion:
    pk: int
    title: str
    coach_name: str


@dataclass
class MemberFeedback:
    coaches: list[FeedbackGrant]  # active grants
    invitations: list[FeedbackGrant]  # coaches' invitations waiting for the member
    comments: list[FeedbackComment]
    suggestions: list[FeedbackSuggestion]
    suggestion_count: int

    @property
    def is_empty(self) -> bool:
        return not (self.coaches or self.invitations or self.comments or self.suggestions)


def feedback_for_member(member: User) -> MemberFeedback:
    """What the member's dashboard shows about coaching, in one statement (MEMBER_FEEDBACK): active
    grants and coaches' invitations with the coaches' names, the newest comments written by
    coaches, the newest pending suggestions and their number.

    Plain SQL with only the columns the box shows: the dashboard is the page a member opens most,
    and building the four ORM statements this replaces cost ten times what running them does.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            statements.MEMBER_FEEDBACK,
            {
                "member": member.pk,
                "active": GrantStatus.ACTIVE.value,
                "awaiting_member": GrantStatus.AWAITING_MEMBER.value,
                "comments": FEEDBACK_LIMIT,
                "pending": SuggestionStatus.PENDING.value,
                "suggestions": FEEDBACK_LIMIT,
            },
        )
        rows = cursor.fetchall()
    # A UNION keeps no order: every part is newest first, the rows' own order.
    rows.sort(key=lambda row: (_db_datetime(row[5]), row[1]), reverse=True)
    feedback = MemberFeedback(coaches=[], invitations=[], comments=[], suggestions=[], suggestion_count=0)
    for part, pk, status, parent_id, body, created_at, name, title, total in rows:
        if part == "g":
            grants = feedback.coaches if status == GrantStatus.ACTIVE else feedback.invitations
            grants.append(FeedbackGrant(pk=pk, coach_name=name))
        elif part == "c":
            feedback.comments.append(
                FeedbackComment(
                    pk=pk,
                    parent_id=parent_id,
                    body=body,
                    created_at=_db_datetime(created_at),
                    coach_name=name,
                    goal_title=title or "",
                )
            )
        else:
            feedback.suggestions.append(FeedbackSuggestion(pk=pk, title=title, coach_name=name))
            feedback.suggestion_count = total
    return feedback


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
