"""Contacts: add, edit, delete, tags, keep-in-touch interval, duplicates and bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Contact, FollowUp, Interaction
from networks.models import Network
from tests.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    InteractionFactory,
    NetworkFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
GOOD = {
    "name": "Jääskeläinen, Åsa-Maj 🌟",
    "company": "Ørsted A/S",
    "role": "Graduate recruiter",
    "email": "Asa@Example.com",
    "phone": "+46 70-123 45 67",
    "linkedin_url": "https://www.linkedin.com/in/asa-maj/",
    "language": "fi",
    "how_met": "Career day in Åbo",
    "tags": "Alumni, energy ,alumni,  Græsk kaffe",
    "keep_in_touch_days": "90",
    "notes": "Likes <b>bold</b> ideas.",
}


def test_it_adds_a_contact_with_normalised_tags_and_a_timer(alice_client, alice):
    response = alice_client.post(reverse("tracker:contact_add"), GOOD)
    contact = Contact.objects.get()
    assert response["Location"] == reverse("tracker:contact_detail", args=[contact.pk])
    assert contact.owner == alice
    assert contact.name == "Jääskeläinen, Åsa-Maj 🌟"
    assert contact.email == "asa@example.com"
    assert contact.tags == "alumni, energy, græsk kaffe"
    assert contact.linkedin_url == "https://www.linkedin.com/in/asa-maj"
    assert contact.next_touch_due == TODAY + datetime.timedelta(days=90)
    page = alice_client.get(response["Location"]).content.decode()
    assert "Likes &lt;b&gt;bold&lt;/b&gt; ideas." in page


def test_it_adds_a_contact_from_the_dashboards_few_fields_in_the_members_language(alice_client, alice):
    response = alice_client.post(reverse("tracker:contact_add"), {"quick": "1", "name": "Mikko", "company": ""})
    assert response.status_code == 302
    assert Contact.objects.get().language == alice.preferred_language


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "<img src=x onerror=alert(1)>"}, "name"),
        ({"company": "x" * 201}, "company"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "call me maybe"}, "phone"),
        ({"linkedin_url": "javascript:alert(1)"}, "linkedin_url"),
        ({"linkedin_url": "https://evil.example/in/asa"}, "linkedin_url"),
        ({"linkedin_url": "https://linkedin.com.evil.example/in/asa"}, "linkedin_url"),
        ({"language": "de"}, "language"),
        ({"keep_in_touch_days": "0"}, "keep_in_touch_days"),
        ({"keep_in_touch_days": "3651"}, "keep_in_touch_days"),
        ({"keep_in_touch_days": "often"}, "keep_in_touch_days"),
        ({"tags": "x" * 41}, "tags"),
        ({"tags": ", ".join(f"tag{n}" for n in range(40))}, "tags"),
        ({"tags": "<script>"}, "tags"),
        ({"notes": "x" * 5001}, "notes"),
        ({"met_at_event": "abc"}, "met_at_event"),
    ],
)
def test_it_rejects_bad_input_and_saves_nothing(alice_client, changes, field):
    response = alice_client.post(reverse("tracker:contact_add"), {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Contact.objects.exists()


def test_it_refuses_a_strangers_event_and_a_hidden_network(alice_client, charlie):
    response = alice_client.post(
        reverse("tracker:contact_add"), {**GOOD, "met_at_event": EventFactory(owner=charlie).pk}
    )
    assert "met_at_event" in response.context["form"].errors
    hidden = NetworkFactory(name="Hidden", status=Network.Status.HIDDEN)
    response = alice_client.post(reverse("tracker:contact_add"), {**GOOD, "met_at_network": hidden.pk})
    assert "met_at_network" in response.context["form"].errors
    assert not Contact.objects.exists()


def test_it_refuses_a_duplicate_email_or_linkedin_profile(alice_client, alice, charlie):
    ContactFactory(owner=alice, email="asa@example.com")
    ContactFactory(owner=alice, linkedin_url="https://www.linkedin.com/in/someone")
    ContactFactory(owner=charlie, linkedin_url="https://www.linkedin.com/in/asa-maj")
    response = alice_client.post(reverse("tracker:contact_add"), GOOD)
    assert "email" in response.context["form"].errors
    for spelling in (
        "https://www.linkedin.com/in/someone/",
        "http://linkedin.com/in/someone",
        "se.linkedin.com/in/someone",
    ):
        response = alice_client.post(reverse("tracker:contact_add"), {**GOOD, "email": "", "linkedin_url": spelling})
        assert "linkedin_url" in response.context["form"].errors
    assert Contact.objects.filter(owner=alice).count() == 2
    # charlie's contact with the same profile is not alice's business.
    assert alice_client.post(reverse("tracker:contact_add"), {**GOOD, "email": ""}).status_code == 302


def test_it_lets_a_contact_keep_its_own_email_when_edited(alice_client, alice):
    contact = ContactFactory(owner=alice, email="asa@example.com")
    response = alice_client.post(reverse("tracker:contact_edit", args=[contact.pk]), {**GOOD, "name": "Åsa"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.name == "Åsa"


def test_it_moves_the_timer_when_the_interval_changes(alice_client, alice):
    contact = ContactFactory(owner=alice, last_contacted_on=TODAY - datetime.timedelta(days=10))
    alice_client.post(reverse("tracker:contact_edit", args=[contact.pk]), {**GOOD, "keep_in_touch_days": "7"})
    contact.refresh_from_db()
    assert contact.next_touch_due == TODAY - datetime.timedelta(days=3)
    alice_client.post(reverse("tracker:contact_edit", args=[contact.pk]), {**GOOD, "keep_in_touch_days": ""})
    contact.refresh_from_db()
    assert contact.next_touch_due is None


def test_it_deletes_a_contact_with_its_interactions_and_follow_ups(alice_client, alice):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact)
    FollowUpFactory(owner=alice, contact=contact)
    page = alice_client.get(reverse("tracker:contact_delete", args=[contact.pk]))
    assert page.status_code == 200
    assert Contact.objects.filter(pk=contact.pk).exists()
    alice_client.post(reverse("tracker:contact_delete", args=[contact.pk]))
    assert not Contact.objects.exists()
    assert not Interaction.objects.exists()
    assert not FollowUp.objects.exists()


def test_it_filters_by_exact_tag_and_searches(alice_client, alice):
    ContactFactory(owner=alice, name="Anna", tags="alumni, energy")
    ContactFactory(owner=alice, name="Bertil", tags="alumni-board")
    ContactFactory(owner=alice, name="Cecilia", company="Energi AB")
    names = lambda response: [contact.name for contact in response.context["page"]]  # noqa: E731
    assert names(alice_client.get(reverse("tracker:contact_list"), {"tag": "alumni"})) == ["Anna"]
    assert names(alice_client.get(reverse("tracker:contact_list"), {"tag": "ALUMNI"})) == ["Anna"]
    # The search reads name, company and e-mail (as the contact picker does); tags have their filter.
    assert names(alice_client.get(reverse("tracker:contact_list"), {"q": "energ"})) == ["Cecilia"]
    assert names(alice_client.get(reverse("tracker:contact_list"), {"q": "x" * 5000})) == []


def test_it_searches_contacts_in_any_case_of_any_letter(alice_client, alice):
    ContactFactory(owner=alice, name="Åsa Öberg", company="Äänekosken Energia")
    ContactFactory(owner=alice, name="Bertil", company="Energi AB")
    names = lambda q: [c.name for c in alice_client.get(reverse("tracker:contact_list"), {"q": q}).context["page"]]  # noqa: E731
    assert names("åsa") == ["Åsa Öberg"]
    assert names("ÖBERG") == ["Åsa Öberg"]
    assert names("äänekosken") == ["Åsa Öberg"]


def test_it_lists_contacts_in_a_constant_number_of_queries(alice_client, alice, django_assert_num_queries):
    ContactFactory(owner=alice)
    # session, user, the filter's tags, events and networks, count, page
    with django_assert_num_queries(7):
        alice_client.get(reverse("tracker:contact_list"))
    ContactFactory.create_batch(80, owner=alice, tags="a, b")
    with django_assert_num_queries(7):
        response = alice_client.get(reverse("tracker:contact_list"))
    assert len(response.context["page"].object_list) == 50


def test_it_shows_a_contact_page_in_a_constant_number_of_queries(alice_client, alice, django_assert_num_queries):
    contact = ContactFactory(owner=alice)
    url = reverse("tracker:contact_detail", args=[contact.pk])
    # session, user, contact (with event and network), interactions, open follow-ups
    with django_assert_num_queries(5):
        alice_client.get(url)
    InteractionFactory.create_batch(60, contact=contact)
    FollowUpFactory.create_batch(5, owner=alice, contact=contact)
    # ... and the interaction count, once the list is capped
    with django_assert_num_queries(6):
        response = alice_client.get(url)
    assert response.context["interaction_count"] == 60
