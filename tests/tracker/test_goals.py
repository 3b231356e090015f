"""Goals: adding (also from the guides' templates), progress with its dated history, status, pickers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Goal, GoalKind, GoalProgress, GoalStatus
from accounts.tracker import services
from accounts.tracker.goal_templates import GOAL_TEMPLATES, TEMPLATES_BY_KEY
from networks.models import Network
from tests.factories import EventFactory, GoalFactory, NetworkFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
GOOD = {"title": "Talk to 3 people at Slush 🚀", "kind": "meet", "target": "3", "due_date": "2030-05-01"}


def test_it_adds_a_goal_with_the_first_point_of_its_history(alice_client, alice):
    response = alice_client.post(reverse("tracker:goal_add"), GOOD)
    goal = Goal.objects.get()
    assert response["Location"] == reverse("tracker:goal_detail", args=[goal.pk])
    assert (goal.owner, goal.title, goal.target, goal.status) == (alice, GOOD["title"], 3, GoalStatus.ACTIVE)
    assert list(goal.history.values_list("recorded_on", "progress")) == [(TODAY, 0)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "<script>x</script>"}, "title"),
        ({"kind": "world_domination"}, "kind"),
        ({"target": "0"}, "target"),
        ({"target": "1001"}, "target"),
        ({"target": "three"}, "target"),
        ({"due_date": "31/12/2030"}, "due_date"),
        ({"due_date": "9999-12-31"}, "due_date"),
    ],
)
def test_it_rejects_bad_input_and_saves_nothing(alice_client, changes, field):
    response = alice_client.post(reverse("tracker:goal_add"), {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Goal.objects.exists()
    assert not GoalProgress.objects.exists()


def test_a_date_out_of_range_names_the_range_as_the_language_writes_dates(alice_client):
    url = reverse("tracker:goal_add").replace("/en/", "/fi/", 1)
    response = alice_client.post(url, {**GOOD, "due_date": "2200-01-01"})
    (error,) = response.context["form"].errors["due_date"]
    assert "31. joulukuuta 2100" in error
    assert "2100-12-31" not in error


def test_it_refuses_a_strangers_event(alice_client, charlie):
    response = alice_client.post(reverse("tracker:goal_add"), {**GOOD, "event": EventFactory(owner=charlie).pk})
    assert "event" in response.context["form"].errors
    assert not Goal.objects.exists()


def test_it_offers_approved_networks_and_the_members_own_submissions_only(alice_client, alice, charlie):
    approved = NetworkFactory(name="Approved Net", status=Network.Status.APPROVED)
    own_pending = NetworkFactory(name="My Pending", status=Network.Status.PENDING, submitted_by=alice)
    hidden = NetworkFactory(name="Hidden Net", status=Network.Status.HIDDEN)
    others_pending = NetworkFactory(name="Their Pending", status=Network.Status.PENDING, submitted_by=charlie)
    for network in (hidden, others_pending):
        response = alice_client.post(reverse("tracker:goal_add"), {**GOOD, "network": network.pk})
        assert "network" in response.context["form"].errors
    assert not Goal.objects.exists()
    for network in (approved, own_pending):
        assert alice_client.post(reverse("tracker:goal_add"), {**GOOD, "network": network.pk}).status_code == 302
    page = alice_client.get(reverse("tracker:goal_add")).content.decode()
    assert "Approved Net" in page and "My Pending" in page
    assert "Hidden Net" not in page and "Their Pending" not in page


def test_it_moves_progress_by_one_and_records_one_point_per_day(alice_client, alice):
    goal = services.goal_create(owner=alice, title="Meet", kind=GoalKind.MEET, target=3, today=TODAY)
    url = reverse("tracker:goal_progress", args=[goal.pk])
    alice_client.post(url, {"delta": "1"})
    alice_client.post(url, {"delta": "1"})
    goal.refresh_from_db()
    assert goal.progress == 2
    assert list(goal.history.values_list("recorded_on", "progress")) == [(TODAY, 2)]


def test_it_keeps_a_dated_history_for_charts(alice):
    goal = services.goal_create(owner=alice, title="Meet", kind=GoalKind.MEET, target=5, today=TODAY)
    services.goal_progress_set(goal=goal, progress=1, today=TODAY + datetime.timedelta(days=1))
    services.goal_progress_set(goal=goal, progress=4, today=TODAY + datetime.timedelta(days=3))
    assert list(goal.history.values_list("progress", flat=True)) == [0, 1, 4]


def test_it_sets_progress_and_shows_the_bar(alice_client, alice):
    goal = GoalFactory(owner=alice, target=4)
    response = alice_client.post(reverse("tracker:goal_progress", args=[goal.pk]), {"progress": "3"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.progress == 3
    page = alice_client.get(reverse("tracker:goal_detail", args=[goal.pk])).content.decode()
    assert '<progress max="4" value="3"' in page
    assert "75 %" in page


@pytest.mark.parametrize("value", ["-1", "1001", "lots", ""])
def test_it_rejects_bad_progress(alice_client, alice, value):
    goal = GoalFactory(owner=alice, progress=1)
    response = alice_client.post(reverse("tracker:goal_progress", args=[goal.pk]), {"progress": value})
    assert response.status_code == 200
    goal.refresh_from_db()
    assert goal.progress == 1
    assert not GoalProgress.objects.exists()


def test_it_never_goes_below_zero_or_above_the_limit(alice):
    goal = GoalFactory(owner=alice, progress=0)
    assert services.goal_progress_set(goal=goal, delta=-1).progress == 0
    goal.progress = 1000
    goal.save()
    assert services.goal_progress_set(goal=goal, delta=1).progress == 1000


def test_it_changes_the_status(alice_client, alice):
    goal = GoalFactory(owner=alice)
    alice_client.post(reverse("tracker:goal_status", args=[goal.pk]), {"status": "done"})
    goal.refresh_from_db()
    assert goal.status == GoalStatus.DONE
    response = alice_client.post(reverse("tracker:goal_status", args=[goal.pk]), {"status": "abandoned"})
    assert response.status_code == 200
    goal.refresh_from_db()
    assert goal.status == GoalStatus.DONE


def test_it_edits_and_deletes_a_goal(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("tracker:goal_edit", args=[goal.pk]), {**GOOD, "title": "Träffa fem nya", "status": "dropped"}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.status) == ("Träffa fem nya", GoalStatus.DROPPED)
    alice_client.post(reverse("tracker:goal_delete", args=[goal.pk]))
    assert not Goal.objects.exists()


def test_it_lists_the_goal_templates_with_a_post_button_each(alice_client):
    page = alice_client.get(reverse("tracker:goal_templates")).content.decode()
    for key in ("meet-three", "interview-this-month", "follow-up-two-days", "evaluate-two-networks"):
        assert f'value="{key}"' in page
    assert "Talk to at least three new people at your next event" in page


@pytest.mark.parametrize("template", GOAL_TEMPLATES, ids=lambda template: template.key)
def test_it_adds_a_goal_from_each_template(alice_client, alice, template):
    response = alice_client.post(reverse("tracker:goal_add_template"), {"key": template.key})
    goal = Goal.objects.get()
    assert response["Location"] == reverse("tracker:goal_detail", args=[goal.pk])
    assert (goal.owner, goal.kind, goal.counts, goal.target) == (alice, template.kind, template.counts, template.target)
    assert goal.due_date == template.due_date(TODAY)
    # A manual goal starts its stored history; a counted one derives it from the records.
    assert goal.history.count() == (0 if goal.is_counted else 1)


@pytest.mark.parametrize("key", ["", "nope", "<b>", "meet-three" * 20])
def test_it_refuses_an_unknown_template(alice_client, key):
    assert alice_client.post(reverse("tracker:goal_add_template"), {"key": key}).status_code == 200
    assert not Goal.objects.exists()


def test_it_ends_the_interview_goal_with_the_month():
    template = TEMPLATES_BY_KEY["interview-this-month"]
    assert template.due_date(datetime.date(2024, 2, 10)) == datetime.date(2024, 2, 29)
    assert template.due_date(datetime.date(2025, 12, 31)) == datetime.date(2025, 12, 31)


def test_it_makes_template_goals_for_any_owner_and_event(bob, alice):
    # Reusable outside the views (guides' "add to my goals", coaches' suggestions).
    event = EventFactory(owner=alice, date=TODAY + datetime.timedelta(days=4))
    goal = services.goal_add_from_template(owner=alice, key="meet-three", event=event)
    assert (goal.owner, goal.event, goal.due_date) == (alice, event, event.date)
    with pytest.raises(KeyError):
        services.goal_add_from_template(owner=alice, key="unknown")
