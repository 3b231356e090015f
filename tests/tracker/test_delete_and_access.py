"""The tracker's five objects: looked up through accounts/tracker/access.py (a stranger's is a 404) and
deleted through one confirm page (accounts/tracker/views/common.py: confirm_delete)."""

import datetime

import pytest
from django.http import Http404
from django.urls import reverse

from accounts.models import Contact, Event, FollowUp, Goal, Interaction, InteractionKind
from accounts.tracker import access, services
from tests.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory

pytestmark = pytest.mark.django_db


def _objects(owner):
    contact = ContactFactory(owner=owner, name="Åsa Ödegård")
    return {
        "goal": GoalFactory(owner=owner, title="Meet three people"),
        "contact": contact,
        "interaction": InteractionFactory(contact=contact),
        "follow_up": FollowUpFactory(owner=owner, contact=contact, title="Thank Åsa"),
        "event": EventFactory(owner=owner, name="Slush"),
    }


LOOKUPS = {
    "goal": access.get_goal_for_user,
    "contact": access.get_contact_for_user,
    "interaction": access.get_interaction_for_user,
    "follow_up": access.get_follow_up_for_user,
    "event": access.get_event_for_user,
}


@pytest.mark.parametrize("kind", LOOKUPS)
def test_each_object_is_found_for_its_owner_and_is_a_404_for_anyone_else(alice, charlie, kind):
    obj = _objects(alice)[kind]
    assert LOOKUPS[kind](alice, obj.pk) == obj
    with pytest.raises(Http404):
        LOOKUPS[kind](charlie, obj.pk)


# kind → (delete URL name, model, where the member lands, where Cancel leads)
DELETES = {
    "goal": ("tracker:goal_delete", Goal, lambda o: reverse("tracker:goal_list"), "tracker:goal_detail"),
    "contact": ("tracker:contact_delete", Contact, lambda o: reverse("tracker:contact_list"), "tracker:contact_detail"),
    "interaction": (
        "tracker:interaction_delete",
        Interaction,
        lambda o: reverse("tracker:contact_detail", args=[o.contact_id]),
        None,
    ),
    "follow_up": ("tracker:followup_delete", FollowUp, lambda o: reverse("tracker:followup_list"), None),
    "event": ("tracker:event_delete", Event, lambda o: reverse("tracker:event_list"), "tracker:event_detail"),
}


@pytest.mark.parametrize("kind", DELETES)
def test_the_confirm_page_asks_then_deletes(alice_client, alice, kind):
    name, model, landing, cancel = DELETES[kind]
    obj = _objects(alice)[kind]
    url = reverse(name, args=[obj.pk])
    page = alice_client.get(url)
    assert page.status_code == 200
    assert "This cannot be undone." in page.content.decode()
    if cancel:
        assert page.context["cancel_url"] == reverse(cancel, args=[obj.pk])
    assert model.objects.filter(pk=obj.pk).exists()
    response = alice_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == landing(obj)
    assert not model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("kind", DELETES)
def test_a_stranger_gets_a_404_and_deletes_nothing(charlie_client, alice, kind):
    name, model, _landing, _cancel = DELETES[kind]
    obj = _objects(alice)[kind]
    assert charlie_client.get(reverse(name, args=[obj.pk])).status_code == 404
    assert charlie_client.post(reverse(name, args=[obj.pk])).status_code == 404
    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("kind", DELETES)
def test_another_method_is_a_405(alice_client, alice, kind):
    name, model, _landing, _cancel = DELETES[kind]
    obj = _objects(alice)[kind]
    assert alice_client.put(reverse(name, args=[obj.pk])).status_code == 405
    assert model.objects.filter(pk=obj.pk).exists()


def test_deleting_an_interaction_moves_the_contacts_last_contact_back(alice_client, alice):
    contact = ContactFactory(owner=alice)
    log = {"owner": alice, "contact": contact, "kind": InteractionKind.FIKA, "notes": ""}
    services.interaction_log(**log, occurred_on=datetime.date(2030, 1, 1))
    newer, _offer = services.interaction_log(**log, occurred_on=datetime.date(2030, 2, 1))
    alice_client.post(reverse("tracker:interaction_delete", args=[newer.pk]))
    contact.refresh_from_db()
    assert contact.last_contacted_on == datetime.date(2030, 1, 1)


def test_a_follow_up_deleted_from_the_dashboard_goes_back_there_and_never_off_site(alice_client, alice):
    first, second = FollowUpFactory(owner=alice), FollowUpFactory(owner=alice)
    back = alice_client.post(reverse("tracker:followup_delete", args=[first.pk]), {"next": "/en/me/"})
    assert back["Location"] == "/en/me/"
    away = alice_client.post(reverse("tracker:followup_delete", args=[second.pk]), {"next": "https://evil.example/"})
    assert away["Location"] == reverse("tracker:followup_list")
