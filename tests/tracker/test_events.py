"""Event mode: plan (event + linked goal), during (quick add), debrief (follow-ups, once)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Contact, Event, FollowUp, Goal, GoalKind, GoalProgress, Interaction
from tests.factories import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
GOOD = {
    "name": "Slush 2026 — Helsingfors",
    "date": TODAY.isoformat(),
    "location": "Messukeskus",
    "people_to_meet": "4",
    "learning_goal": "Who hires junior data engineers",
}


def _days(days):
    return TODAY + datetime.timedelta(days=days)


def _plan(client):
    client.post(reverse("tracker:event_add"), GOOD)
    return Event.objects.get()


def test_it_creates_the_event_with_a_linked_meet_goal(alice_client, alice):
    event = _plan(alice_client)
    goal = Goal.objects.get()
    assert (event.owner, goal.owner) == (alice, alice)
    assert (goal.event, goal.kind, goal.target, goal.progress) == (event, GoalKind.MEET, 4, 0)
    assert goal.due_date == event.date
    assert "Slush 2026" in goal.title


def test_it_keeps_the_goal_in_step_when_the_event_changes(alice_client, alice):
    event = _plan(alice_client)
    response = alice_client.post(
        reverse("tracker:event_edit", args=[event.pk]), {**GOOD, "people_to_meet": "6", "date": _days(1).isoformat()}
    )
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert (goal.target, goal.due_date, goal.event_date) == (6, _days(1), _days(1))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "<iframe src=x>"}, "name"),
        ({"date": ""}, "date"),
        ({"date": "next friday"}, "date"),
        ({"people_to_meet": "0"}, "people_to_meet"),
        ({"people_to_meet": "101"}, "people_to_meet"),
        ({"people_to_meet": "many"}, "people_to_meet"),
        ({"learning_goal": "x" * 301}, "learning_goal"),
    ],
)
def test_it_rejects_a_bad_event_and_saves_nothing(alice_client, changes, field):
    response = alice_client.post(reverse("tracker:event_add"), {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()
    assert not Goal.objects.exists()


def test_it_adds_people_during_the_event_and_counts_them_in_the_goal(alice_client, alice):
    event = _plan(alice_client)
    url = reverse("tracker:event_during", args=[event.pk])
    page = alice_client.get(url).content.decode()
    assert 'class="tr-big-form"' in page
    for name in ("Søren Ærø", "Päivi Jääskeläinen"):
        assert alice_client.post(url, {"name": name, "company": "Ørsted", "note": "Likes 🦀"}).status_code == 302
    contacts = Contact.objects.order_by("name")
    assert [c.name for c in contacts] == ["Päivi Jääskeläinen", "Søren Ærø"]
    assert all(c.met_at_event == event and c.owner == alice and c.notes == "Likes 🦀" for c in contacts)
    assert all(c.language == alice.preferred_language for c in contacts)
    goal = Goal.objects.get()
    assert goal.progress == 2
    assert list(GoalProgress.objects.filter(goal=goal).values_list("recorded_on", "progress")) == [(TODAY, 2)]


@pytest.mark.parametrize(
    "data",
    [{"name": ""}, {"name": "x" * 201}, {"name": "<b>x</b>"}, {"name": "Ok", "note": "x" * 301}],
)
def test_it_rejects_a_bad_quick_add(alice_client, alice, data):
    event = _plan(alice_client)
    assert alice_client.post(reverse("tracker:event_during", args=[event.pk]), data).status_code == 200
    assert not Contact.objects.exists()
    assert Goal.objects.get().progress == 0


def _debrief(client, event, contacts):
    return client.post(reverse("tracker:event_debrief", args=[event.pk]), {"contacts": [c.pk for c in contacts]})


def test_it_debriefs_the_checked_contacts_once(alice_client, alice):
    event = EventFactory(owner=alice, date=_days(-1))
    anna, bo, cia = (ContactFactory(owner=alice, name=name, met_at_event=event) for name in ("Anna", "Bo", "Cia"))
    page = alice_client.get(reverse("tracker:event_debrief", args=[event.pk])).content.decode()
    assert page.count('type="checkbox" name="contacts"') == 3

    assert _debrief(alice_client, event, [anna, bo]).status_code == 302
    assert FollowUp.objects.count() == 4
    for contact in (anna, bo):
        due = sorted(FollowUp.objects.filter(contact=contact).values_list("due_date", flat=True))
        assert due == [_days(2), _days(30)]
        interaction = Interaction.objects.get(contact=contact)
        assert (interaction.kind, interaction.occurred_on) == ("event", event.date)
        contact.refresh_from_db()
        assert contact.last_contacted_on == event.date
    assert not FollowUp.objects.filter(contact=cia).exists()
    event.refresh_from_db()
    debriefed_at = event.debriefed_at
    assert debriefed_at is not None

    # A second POST (a double tap, the back button) creates nothing new.
    assert _debrief(alice_client, event, [anna, bo]).status_code == 302
    assert FollowUp.objects.count() == 4
    assert Interaction.objects.count() == 2
    event.refresh_from_db()
    assert event.debriefed_at == debriefed_at

    # Later, the one left out can still be debriefed, alone.
    page = alice_client.get(reverse("tracker:event_debrief", args=[event.pk])).content.decode()
    assert page.count('type="checkbox" name="contacts"') == 1
    _debrief(alice_client, event, [anna, cia])
    assert FollowUp.objects.count() == 6
    assert Interaction.objects.count() == 3


def test_it_refuses_contacts_from_elsewhere_in_the_debrief(alice_client, alice, charlie):
    event = EventFactory(owner=alice, date=_days(-1))
    other_event = EventFactory(owner=alice, date=_days(-1))
    not_from_here = ContactFactory(owner=alice, met_at_event=other_event)
    theirs = ContactFactory(owner=charlie)
    for contact in (not_from_here, theirs):
        assert _debrief(alice_client, event, [contact]).status_code == 200
    assert _debrief(alice_client, event, []).status_code == 302  # nothing checked is fine
    assert not FollowUp.objects.exists()
    assert not Interaction.objects.exists()


def test_it_waits_for_the_event_before_the_debrief(alice_client, alice):
    event = EventFactory(owner=alice, date=_days(3))
    contact = ContactFactory(owner=alice, met_at_event=event)
    assert _debrief(alice_client, event, [contact]).status_code == 200
    assert not FollowUp.objects.exists()
    event.refresh_from_db()
    assert event.debriefed_at is None


def test_it_deletes_an_event_but_keeps_the_people_and_goals(alice_client, alice):
    event = _plan(alice_client)
    alice_client.post(reverse("tracker:event_during", args=[event.pk]), {"name": "Kari"})
    alice_client.post(reverse("tracker:event_delete", args=[event.pk]))
    assert not Event.objects.exists()
    assert Contact.objects.get().met_at_event is None
    assert Goal.objects.get().event is None
