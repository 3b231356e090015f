"""Goals that count themselves: each kind counts the member's own records dated in the goal's period
(starts_on … due_date, never after today), never another member's; adding a goal like an active
one asks first; the pages count all goals in a fixed number of queries; the demo's numbers match
its records.

alice is the member whose goals count; charlie is a stranger whose records must never count.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import (
    Contact,
    Goal,
    GoalCount,
    GoalKind,
    GoalProgress,
    GoalStatus,
    InteractionKind,
    User,
)
from accounts.tracker import counting, queries, services
from networks.models import Evaluation
from tests.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    InteractionFactory,
    NetworkFactory,
    SuggestionFactory,
    evaluate,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
# The goal's period: twenty days ago until five days ago, so records after it are in the past too.
START = TODAY - datetime.timedelta(days=20)
DUE = TODAY - datetime.timedelta(days=5)
BEFORE = START - datetime.timedelta(days=1)
MIDDLE = START + datetime.timedelta(days=7)
AFTER = DUE + datetime.timedelta(days=1)


def _at(day):
    """Noon of `day` in the active time zone: a timestamp whose local day is `day`."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _goal(owner, counts, **fields):
    fields.setdefault("starts_on", START)
    fields.setdefault("due_date", DUE)
    return services.goal_create(
        owner=owner, title=f"Count {counts}", counts=counts, target=10, today=fields["starts_on"], **fields
    )


def _count(goal):
    counting.count_goals([goal], today=TODAY)
    return goal.progress


def _contact(owner, added_on, **fields):
    contact = ContactFactory(owner=owner, **fields)
    Contact.objects.filter(pk=contact.pk).update(created_at=_at(added_on))
    return contact


# --- Each kind counts its records in the period, and only the member's own ------------------------


def test_new_people_count_on_the_day_they_were_added_within_the_period(alice, charlie):
    for day in (BEFORE, START, MIDDLE, DUE, AFTER):
        _contact(alice, day)
    _contact(charlie, MIDDLE)
    goal = _goal(alice, GoalCount.PEOPLE_MET)
    assert _count(goal) == 3
    assert goal.counted_history == [
        counting.HistoryPoint(START, 1),
        counting.HistoryPoint(MIDDLE, 2),
        counting.HistoryPoint(DUE, 3),
    ]


def test_someone_met_at_an_event_counts_on_the_events_day_whenever_they_were_added(alice):
    in_period = EventFactory(owner=alice, date=MIDDLE)
    after = EventFactory(owner=alice, date=AFTER)
    _contact(alice, TODAY, met_at_event=in_period)  # typed in after the period, met in it
    _contact(alice, MIDDLE, met_at_event=after)  # added in the period, but met after it
    assert _count(_goal(alice, GoalCount.PEOPLE_MET)) == 1


def test_a_goal_tied_to_an_event_or_a_network_counts_only_people_met_there(alice):
    fair, other_event = EventFactory(owner=alice, date=MIDDLE), EventFactory(owner=alice, date=MIDDLE)
    network, other_network = NetworkFactory(), NetworkFactory()
    _contact(alice, MIDDLE, met_at_event=fair)
    _contact(alice, MIDDLE, met_at_event=fair, met_at_network=network)
    _contact(alice, MIDDLE, met_at_event=other_event, met_at_network=other_network)
    _contact(alice, MIDDLE)
    at_fair = _goal(alice, GoalCount.PEOPLE_MET, event=fair)
    through_network = _goal(alice, GoalCount.PEOPLE_MET, network=network)
    anywhere = _goal(alice, GoalCount.PEOPLE_MET)
    counting.count_goals([at_fair, through_network, anywhere], today=TODAY)
    assert (at_fair.progress, through_network.progress, anywhere.progress) == (2, 1, 4)


def test_informational_interviews_count_by_their_date(alice, charlie):
    contact = ContactFactory(owner=alice)
    for day in (BEFORE, START, MIDDLE, AFTER):
        InteractionFactory(contact=contact, kind=InteractionKind.INTERVIEW, occurred_on=day)
    InteractionFactory(contact=contact, kind=InteractionKind.FIKA, occurred_on=MIDDLE)
    InteractionFactory(contact=ContactFactory(owner=charlie), kind=InteractionKind.INTERVIEW, occurred_on=MIDDLE)
    assert _count(_goal(alice, GoalCount.INTERVIEWS)) == 2


def test_interactions_of_a_kind_count_only_that_kind(alice, charlie):
    contact = ContactFactory(owner=alice)
    for day in (BEFORE, MIDDLE, DUE, AFTER):
        InteractionFactory(contact=contact, kind=InteractionKind.CALL, occurred_on=day)
    InteractionFactory(contact=contact, kind=InteractionKind.VIDEO, occurred_on=MIDDLE)
    InteractionFactory(contact=ContactFactory(owner=charlie), kind=InteractionKind.CALL, occurred_on=MIDDLE)
    calls = _goal(alice, GoalCount.INTERACTIONS, interaction_kind=InteractionKind.CALL)
    videos = _goal(alice, GoalCount.INTERACTIONS, interaction_kind=InteractionKind.VIDEO)
    counting.count_goals([calls, videos], today=TODAY)
    assert (calls.progress, videos.progress) == (2, 1)


def test_networks_evaluated_count_on_the_day_of_the_first_evaluation(alice, charlie):
    for day in (BEFORE, MIDDLE, DUE, AFTER):
        evaluation = evaluate(alice, NetworkFactory(), [4, 4, 4, 4, 4])
        Evaluation.objects.filter(pk=evaluation.pk).update(created_at=_at(day))
    evaluation = evaluate(charlie, NetworkFactory(), [3, 3, 3, 3, 3])
    Evaluation.objects.filter(pk=evaluation.pk).update(created_at=_at(MIDDLE))
    assert _count(_goal(alice, GoalCount.EVALUATIONS)) == 2


def test_events_count_once_they_have_taken_place(alice, charlie):
    for day in (BEFORE, START, DUE, AFTER):
        EventFactory(owner=alice, date=day)
    EventFactory(owner=charlie, date=MIDDLE)
    assert _count(_goal(alice, GoalCount.EVENTS)) == 2
    open_ended = _goal(alice, GoalCount.EVENTS, starts_on=TODAY, due_date=None)
    EventFactory(owner=alice, date=TODAY + datetime.timedelta(days=1))
    assert _count(open_ended) == 0
    EventFactory(owner=alice, date=TODAY)
    assert _count(open_ended) == 1


def test_a_thank_you_counts_when_done_within_two_days_of_the_first_meeting(alice, charlie):
    def met_and_thanked(owner, met_on, done_on, *, thanks=1):
        contact = ContactFactory(owner=owner)
        InteractionFactory(contact=contact, kind=InteractionKind.MET, occurred_on=met_on)
        for _ in range(thanks):
            FollowUpFactory(owner=owner, contact=contact, due_date=met_on, done_at=_at(done_on))
        return contact

    met_and_thanked(alice, MIDDLE, MIDDLE + datetime.timedelta(days=2))  # counts
    met_and_thanked(alice, MIDDLE, MIDDLE + datetime.timedelta(days=1), thanks=2)  # counts once
    met_and_thanked(alice, MIDDLE, MIDDLE + datetime.timedelta(days=3))  # too late
    met_and_thanked(alice, BEFORE - datetime.timedelta(days=1), BEFORE)  # before the period
    met_and_thanked(charlie, MIDDLE, MIDDLE)  # someone else's
    # A follow-up of someone never met, and one not done, are not thank-yous for a meeting.
    FollowUpFactory(owner=alice, contact=ContactFactory(owner=alice), due_date=MIDDLE, done_at=_at(MIDDLE))
    met = ContactFactory(owner=alice)
    InteractionFactory(contact=met, kind=InteractionKind.MET, occurred_on=MIDDLE)
    FollowUpFactory(owner=alice, contact=met, due_date=MIDDLE)
    assert _count(_goal(alice, GoalCount.THANK_YOUS)) == 2


def test_follow_ups_count_when_done_by_their_due_date(alice, charlie):
    FollowUpFactory(owner=alice, due_date=MIDDLE, done_at=_at(MIDDLE))  # on the day: counts
    FollowUpFactory(owner=alice, due_date=DUE, done_at=_at(START))  # early: counts
    FollowUpFactory(owner=alice, due_date=MIDDLE, done_at=_at(MIDDLE + datetime.timedelta(days=1)))  # late
    FollowUpFactory(owner=alice, due_date=MIDDLE)  # not done
    FollowUpFactory(owner=alice, due_date=AFTER, done_at=_at(AFTER))  # after the period
    FollowUpFactory(owner=alice, due_date=BEFORE, done_at=_at(BEFORE))  # before it
    FollowUpFactory(owner=charlie, due_date=MIDDLE, done_at=_at(MIDDLE))
    assert _count(_goal(alice, GoalCount.FOLLOW_UPS)) == 2


def test_a_manual_goal_keeps_its_taps_and_a_counted_one_cannot_be_tapped(alice, alice_client):
    manual = services.goal_create(owner=alice, title="Pitch", target=2)
    manual = services.goal_progress_set(goal=manual, delta=1)
    counting.count_goals([manual], today=TODAY)
    assert manual.progress == 1
    counted = _goal(alice, GoalCount.INTERVIEWS, due_date=None)
    with pytest.raises(ValueError):
        services.goal_progress_set(goal=counted, delta=1)
    response = alice_client.post(reverse("tracker:goal_progress", args=[counted.pk]), {"delta": "1"})
    assert response.status_code == 302
    counted.refresh_from_db()
    assert counted.progress == 0
    assert not GoalProgress.objects.filter(goal=counted).exists()


# --- The history is derived from the records ------------------------------------------------------


def test_the_history_is_the_running_total_and_never_drops(alice):
    contact = ContactFactory(owner=alice)
    for day in (START, MIDDLE, MIDDLE, DUE):
        InteractionFactory(contact=contact, kind=InteractionKind.INTERVIEW, occurred_on=day)
    goal = _goal(alice, GoalCount.INTERVIEWS)
    history = counting.history_of(goal, today=TODAY)
    assert history == [(START, 1), (MIDDLE, 3), (DUE, 4)]
    # The progress chart draws the same points, from the first day of the period.
    (view,) = queries.goal_charts(alice.pk, today=TODAY)
    assert view.chart.rows == history
    assert view.chart.start == START
    assert view.chart.latest == 4


def test_the_goal_page_shows_the_counted_progress_and_history(alice, alice_client):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact, kind=InteractionKind.INTERVIEW, occurred_on=MIDDLE)
    goal = _goal(alice, GoalCount.INTERVIEWS)
    response = alice_client.get(reverse("tracker:goal_detail", args=[goal.pk]))
    assert response.context["goal"].progress == 1
    assert [(p.recorded_on, p.progress) for p in response.context["history"]] == [(START, 0), (MIDDLE, 1)]
    page = response.content.decode()
    assert "+1 done" not in page
    assert "Informational interviews held" in page


def test_the_database_refuses_an_unknown_count_and_interactions_without_their_kind(alice):
    with pytest.raises(IntegrityError):
        Goal.objects.create(owner=alice, title="x", counts="vibes")


def test_the_database_refuses_counting_interactions_without_a_kind(alice):
    with pytest.raises(IntegrityError):
        Goal.objects.create(owner=alice, title="x", counts=GoalCount.INTERACTIONS)


def test_the_form_asks_which_interactions_count(alice_client):
    data = {"title": "Calls", "kind": GoalKind.CUSTOM, "counts": GoalCount.INTERACTIONS, "target": "3"}
    response = alice_client.post(reverse("tracker:goal_add"), data)
    assert response.status_code == 200
    assert "interaction_kind" in response.context["form"].errors
    response = alice_client.post(reverse("tracker:goal_add"), {**data, "interaction_kind": InteractionKind.CALL})
    assert response.status_code == 302
    assert Goal.objects.get().interaction_kind == InteractionKind.CALL


# --- Templates and suggestions say what they count -----------------------------------------------


def test_a_template_goal_counts_what_the_template_says(alice):
    goal = services.goal_add_from_template(owner=alice, key="evaluate-two-networks")
    assert (goal.counts, goal.starts_on) == (GoalCount.EVALUATIONS, TODAY)
    evaluate(alice, NetworkFactory(), [4, 4, 4, 4, 4])
    assert _count(goal) == 1


def test_an_accepted_suggestion_counts_by_its_kind(alice, bob):
    from accounts.coaching import services as coaching_services

    suggestion = SuggestionFactory(member=alice, coach=bob, kind=GoalKind.INTERVIEWS)
    goal = coaching_services.suggestion_accept(suggestion=suggestion)
    assert goal.counts == GoalCount.INTERVIEWS


# --- Adding a goal like an active one asks first -----------------------------------------------------


GOAL = {"title": "Two interviews", "kind": GoalKind.INTERVIEWS, "counts": GoalCount.INTERVIEWS, "target": "2"}


def test_adding_a_goal_like_an_active_one_asks_and_adds_only_when_confirmed(alice, alice_client):
    first = alice_client.post(reverse("tracker:goal_add"), GOAL)
    assert first.status_code == 302
    existing = Goal.objects.get()
    asked = alice_client.post(reverse("tracker:goal_add"), {**GOAL, "title": "More interviews"})
    assert asked.status_code == 200
    assert asked.context["duplicate"] == existing
    page = asked.content.decode()
    assert 'name="confirm_duplicate" value="1"' in page
    assert 'value="More interviews"' in page  # the fields are posted again, as they were
    assert Goal.objects.count() == 1
    confirmed = alice_client.post(
        reverse("tracker:goal_add"), {**GOAL, "title": "More interviews", "confirm_duplicate": "1"}
    )
    assert confirmed.status_code == 302
    assert Goal.objects.count() == 2


def test_a_goal_that_is_no_longer_active_or_counts_differently_is_no_duplicate(alice, alice_client):
    _goal(alice, GoalCount.INTERVIEWS, due_date=None)
    Goal.objects.update(status=GoalStatus.DONE)
    assert alice_client.post(reverse("tracker:goal_add"), GOAL).status_code == 302
    other = {**GOAL, "counts": GoalCount.INTERACTIONS, "interaction_kind": InteractionKind.CALL}
    assert alice_client.post(reverse("tracker:goal_add"), other).status_code == 302
    assert Goal.objects.count() == 3


def test_a_strangers_goal_is_no_duplicate(alice_client, charlie):
    _goal(charlie, GoalCount.INTERVIEWS, due_date=None)
    assert alice_client.post(reverse("tracker:goal_add"), GOAL).status_code == 302


def test_adding_a_template_like_an_active_goal_asks_first(alice, alice_client):
    url = reverse("tracker:goal_add_template")
    assert alice_client.post(url, {"key": "interview-this-month"}).status_code == 302
    asked = alice_client.post(url, {"key": "interview-this-month"})
    assert asked.status_code == 200
    assert 'name="key" value="interview-this-month"' in asked.content.decode()
    assert Goal.objects.filter(owner=alice).count() == 1
    assert alice_client.post(url, {"key": "interview-this-month", "confirm_duplicate": "1"}).status_code == 302
    assert Goal.objects.filter(owner=alice).count() == 2


def test_a_manual_goal_is_a_duplicate_only_with_the_same_title(alice, alice_client):
    manual = {"title": "Write my pitch", "kind": GoalKind.CUSTOM, "target": "1"}
    assert alice_client.post(reverse("tracker:goal_add"), manual).status_code == 302
    assert alice_client.post(reverse("tracker:goal_add"), {**manual, "title": "Practise it"}).status_code == 302
    assert alice_client.post(reverse("tracker:goal_add"), {**manual, "title": "write my PITCH"}).status_code == 200


# --- A fixed number of queries ------------------------------------------------------------------

COUNTED = [
    (GoalCount.PEOPLE_MET, {}),
    (GoalCount.INTERVIEWS, {}),
    (GoalCount.INTERACTIONS, {"interaction_kind": InteractionKind.CALL}),
    (GoalCount.EVALUATIONS, {}),
    (GoalCount.EVENTS, {}),
    (GoalCount.THANK_YOUS, {}),
    (GoalCount.FOLLOW_UPS, {}),
]


def _records(owner, n):
    for _ in range(n):
        event = EventFactory(owner=owner, date=MIDDLE)
        contact = _contact(owner, MIDDLE, met_at_event=event)
        InteractionFactory(contact=contact, kind=InteractionKind.MET, occurred_on=MIDDLE)
        InteractionFactory(contact=contact, kind=InteractionKind.INTERVIEW, occurred_on=MIDDLE)
        InteractionFactory(contact=contact, kind=InteractionKind.CALL, occurred_on=MIDDLE)
        FollowUpFactory(owner=owner, contact=contact, due_date=MIDDLE, done_at=_at(MIDDLE))
        evaluate(owner, NetworkFactory(), [4, 4, 4, 4, 4])


def _goals(owner, per_kind):
    for counts, fields in COUNTED:
        for _ in range(per_kind):
            Goal.objects.create(
                owner=owner, title=f"Count {counts}", counts=counts, target=5, starts_on=START, **fields
            )


def _queries(fn):
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def test_counting_runs_one_query_per_kind_whatever_the_number_of_goals_members_and_records(alice, charlie):
    _records(alice, 1)
    _goals(alice, 1)
    goals = list(Goal.objects.all())
    assert _queries(lambda: counting.count_goals(goals, today=TODAY)) == len(COUNTED)
    # One record of each kind (the evaluation is dated today; these goals have no due date).
    assert {goal.counts: goal.progress for goal in goals} == {counts: 1 for counts, _fields in COUNTED}
    _records(alice, 3)
    _records(charlie, 2)
    _goals(alice, 2)
    _goals(charlie, 2)
    goals = list(Goal.objects.all())
    assert _queries(lambda: counting.count_goals(goals, today=TODAY)) == len(COUNTED)
    assert {goal.progress for goal in goals if goal.owner_id == alice.pk} == {4}
    # Nothing to count: no query at all.
    assert _queries(lambda: counting.count_goals([], today=TODAY)) == 0


def _page_queries(client, url):
    client.get(url)  # warm per-process caches the same way at both sizes
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url_name", ["tracker:dashboard", "tracker:goal_list", "tracker:progress"])
def test_the_goal_pages_run_the_same_number_of_queries_whatever_the_goals_and_records(alice, alice_client, url_name):
    url = reverse(url_name)
    _records(alice, 1)
    _goals(alice, 1)
    small = _page_queries(alice_client, url)
    _records(alice, 4)
    _goals(alice, 1)
    assert _page_queries(alice_client, url) == small


def test_the_dashboard_shows_counted_progress(alice, alice_client):
    _records(alice, 2)
    _goals(alice, 1)
    response = alice_client.get(reverse("tracker:dashboard"))
    shown = response.context["data"].goals
    assert len(shown) == min(queries.DASHBOARD_LIMIT, len(COUNTED))
    assert [goal.progress for goal in shown] == [2] * len(shown)
    # Every kind, when the list is long enough to hold them all.
    every = queries.dashboard_for(alice, today=TODAY, limit=len(COUNTED)).goals
    assert {goal.counts: goal.progress for goal in every} == {counts: 2 for counts, _fields in COUNTED}


# --- The demo ---------------------------------------------------------------------------------------


def test_the_demo_members_counted_goals_match_their_records():
    call_command("seed_demo", force=True, stdout=io.StringIO())
    member = User.objects.get(email="member@demo.rookie.test")
    dashboard = queries.dashboard_for(member, today=TODAY)
    counted = [goal for goal in dashboard.goals if goal.is_counted]
    assert {goal.counts for goal in counted} >= {GoalCount.INTERVIEWS, GoalCount.EVALUATIONS}
    for goal in counted:
        assert goal.counts in (GoalCount.INTERVIEWS, GoalCount.EVALUATIONS)
        if goal.counts == GoalCount.INTERVIEWS:
            records = member.interactions.filter(
                kind=InteractionKind.INTERVIEW, occurred_on__gte=goal.starts_on, occurred_on__lte=goal.due_date
            ).count()
        else:
            records = Evaluation.objects.filter(member=member, created_at__date__gte=goal.starts_on).count()
        assert records >= 1
        assert goal.progress == records
    # The pitch stays a manual goal.
    assert any(not goal.is_counted for goal in dashboard.goals)
