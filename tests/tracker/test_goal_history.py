"""A goal's history records what really happened: one row per day, the progress at the end of that
day, in date order, ending at the goal's current progress, so a chart never shows a drop such as
"2/3" then "0/3" while the goal stood at 2/3."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Goal, GoalProgress
from accounts.tracker import counting, services

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)


def _history(goal):
    return list(GoalProgress.objects.filter(goal=goal).order_by("recorded_on").values_list("recorded_on", "progress"))


# --- seed_demo's goals ---------------------------------------------------------------------------


def test_no_demo_goal_shows_a_drop_and_each_ends_at_its_progress():
    call_command("seed_demo", force=True, stdout=io.StringIO())
    goals = list(Goal.objects.all())
    assert len(goals) >= 5  # the demo member's and the coaching clients' goals
    today = timezone.localdate()
    # A counted goal's history is derived from the records; the same rules hold for it.
    counting.count_goals(goals, today=today)
    assert any(goal.is_counted for goal in goals)
    for goal in goals:
        history = counting.history_of(goal, today=today) if goal.is_counted else _history(goal)
        assert history, goal.title
        values = [progress for _day, progress in history]
        # The demo never lowers a goal, so any decrease is a drop that did not happen.
        assert values == sorted(values), (goal.title, history)
        assert values[-1] == goal.progress, (goal.title, history)
        assert all(day <= today for day, _progress in history), (goal.title, history)


def test_the_demo_event_goal_starts_before_the_event_and_stays_at_two():
    call_command("seed_demo", force=True, stdout=io.StringIO())
    goal = Goal.objects.get(event__isnull=False, progress=2)
    history = _history(goal)
    assert [progress for _day, progress in history] == [0, 2]
    assert history[0][0] < history[1][0] == goal.event.date


# --- The rules -----------------------------------------------------------------------------------


def test_creation_records_the_starting_progress_on_the_creation_day(alice):
    goal = services.goal_create(owner=alice, title="Meet people", target=3, today=TODAY)
    assert _history(goal) == [(TODAY, 0)]


def test_changes_on_the_same_day_update_that_days_row(alice):
    goal = services.goal_create(owner=alice, title="Meet people", target=3, today=TODAY)
    services.goal_progress_set(goal=goal, progress=1, today=TODAY)
    services.goal_progress_set(goal=goal, delta=1, today=TODAY)
    assert _history(goal) == [(TODAY, 2)]


def test_each_day_keeps_its_end_of_day_value_and_a_real_lowering_is_kept(alice):
    yesterday = TODAY - datetime.timedelta(days=1)
    goal = services.goal_create(owner=alice, title="Meet people", target=3, today=yesterday)
    services.goal_progress_set(goal=goal, progress=3, today=yesterday)
    services.goal_progress_set(goal=goal, progress=1, today=TODAY)  # the member lowered it
    assert _history(goal) == [(yesterday, 3), (TODAY, 1)]
    goal.refresh_from_db()
    assert goal.progress == 1


def test_a_backdated_row_never_comes_after_todays(alice):
    goal = services.goal_create(owner=alice, title="Meet people", target=3, today=TODAY)
    with pytest.raises(ValueError):
        services.goal_progress_set(goal=goal, progress=2, today=TODAY - datetime.timedelta(days=9))
    # Refused as a whole: neither the goal nor its history changed.
    goal.refresh_from_db()
    assert goal.progress == 0
    assert _history(goal) == [(TODAY, 0)]


def test_a_backdated_history_written_in_date_order_ends_at_the_goals_progress(alice):
    event_day = TODAY - datetime.timedelta(days=9)
    event = services.event_create(
        owner=alice,
        name="Career day",
        date=event_day,
        people_to_meet=3,
        today=event_day - datetime.timedelta(days=14),
    )
    goal = event.goals.get()
    services.goal_progress_set(goal=goal, progress=2, today=event_day)
    assert _history(goal) == [(event_day - datetime.timedelta(days=14), 0), (event_day, 2)]
    goal.refresh_from_db()
    assert goal.progress == 2
