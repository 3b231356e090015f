"""Logging interactions: the contact's last contact and keep-in-touch timer, and the thank-you offer."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts.models import Contact, FollowUp, Interaction, InteractionKind
from accounts.tracker import services
from tests.examples import examples
from tests.factories import ContactFactory, InteractionFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def _log(client, contact, kind="fika", occurred_on=None, notes=""):
    return client.post(
        reverse("tracker:interaction_add_for_contact", args=[contact.pk]),
        {"kind": kind, "occurred_on": (occurred_on or TODAY).isoformat(), "notes": notes},
    )


def test_it_starts_the_timer_from_the_day_a_contact_is_added(alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=30)
    assert contact.last_contacted_on is None
    assert contact.next_touch_due == TODAY + datetime.timedelta(days=30)


def test_it_restarts_the_timer_when_an_interaction_is_logged(alice_client, alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=30)
    response = _log(alice_client, contact, occurred_on=_days_ago(3), notes="Fika på Kafé Ängel ☕")
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.last_contacted_on == _days_ago(3)
    assert contact.next_touch_due == _days_ago(3) + datetime.timedelta(days=30)
    assert Interaction.objects.get().notes == "Fika på Kafé Ängel ☕"


def test_it_keeps_the_latest_date_when_an_older_interaction_is_typed_in_late(alice_client, alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=10)
    _log(alice_client, contact, occurred_on=_days_ago(1))
    _log(alice_client, contact, kind="email", occurred_on=_days_ago(20))
    contact.refresh_from_db()
    assert contact.last_contacted_on == _days_ago(1)
    assert contact.next_touch_due == _days_ago(1) + datetime.timedelta(days=10)


def test_it_recomputes_from_the_latest_remaining_interaction_after_a_delete(alice_client, alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=10)
    _log(alice_client, contact, occurred_on=_days_ago(5))
    _log(alice_client, contact, occurred_on=_days_ago(2))
    latest = Interaction.objects.get(occurred_on=_days_ago(2))
    assert alice_client.post(reverse("tracker:interaction_delete", args=[latest.pk])).status_code == 302
    contact.refresh_from_db()
    assert contact.last_contacted_on == _days_ago(5)
    assert contact.next_touch_due == _days_ago(5) + datetime.timedelta(days=10)


def test_it_falls_back_to_the_day_the_contact_was_added_when_no_interaction_is_left(alice_client, alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=10)
    _log(alice_client, contact, occurred_on=_days_ago(5))
    alice_client.post(reverse("tracker:interaction_delete", args=[Interaction.objects.get().pk]))
    contact.refresh_from_db()
    assert contact.last_contacted_on is None
    assert contact.next_touch_due == TODAY + datetime.timedelta(days=10)


def test_it_moves_the_timer_when_an_interaction_is_edited(alice_client, alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=10)
    _log(alice_client, contact, occurred_on=_days_ago(1))
    interaction = Interaction.objects.get()
    response = alice_client.post(
        reverse("tracker:interaction_edit", args=[interaction.pk]),
        {"kind": "call", "occurred_on": _days_ago(8).isoformat(), "notes": ""},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.last_contacted_on == _days_ago(8)
    assert Interaction.objects.get().kind == "call"


def test_it_leaves_no_timer_without_an_interval(alice_client, alice):
    contact = ContactFactory(owner=alice, keep_in_touch_days=None)
    _log(alice_client, contact)
    contact.refresh_from_db()
    assert contact.last_contacted_on == TODAY
    assert contact.next_touch_due is None


def test_it_logs_from_the_dashboards_quick_add_with_a_contact_picker(alice_client, alice):
    contact = ContactFactory(owner=alice)
    response = alice_client.post(
        reverse("tracker:interaction_add"),
        {"contact": contact.pk, "kind": "video", "occurred_on": TODAY.isoformat()},
    )
    assert response.status_code == 302
    assert Interaction.objects.get().contact == contact


def test_it_refuses_a_strangers_contact_in_the_picker(alice_client, charlie):
    theirs = ContactFactory(owner=charlie)
    response = alice_client.post(
        reverse("tracker:interaction_add"), {"contact": theirs.pk, "kind": "call", "occurred_on": TODAY.isoformat()}
    )
    assert response.status_code == 200
    assert "contact" in response.context["form"].errors
    assert not Interaction.objects.exists()
    theirs.refresh_from_db()
    assert theirs.last_contacted_on is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": ""}, "kind"),
        ({"kind": "telepathy"}, "kind"),
        ({"occurred_on": ""}, "occurred_on"),
        ({"occurred_on": "yesterday"}, "occurred_on"),
        ({"occurred_on": "2024-02-30"}, "occurred_on"),
        ({"occurred_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "occurred_on"),
        ({"occurred_on": "1066-10-14"}, "occurred_on"),
        ({"notes": "x" * 5001}, "notes"),
    ],
)
def test_it_rejects_bad_input_and_saves_nothing(alice_client, alice, changes, field):
    contact = ContactFactory(owner=alice, keep_in_touch_days=10)
    data = {"kind": "call", "occurred_on": TODAY.isoformat(), "notes": "", **changes}
    response = alice_client.post(reverse("tracker:interaction_add_for_contact", args=[contact.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Interaction.objects.exists()
    contact.refresh_from_db()
    assert contact.last_contacted_on is None


def test_it_stores_html_as_text_and_escapes_it(alice_client, alice):
    contact = ContactFactory(owner=alice)
    _log(alice_client, contact, notes="<script>alert(1)</script> 🎉")
    body = alice_client.get(reverse("tracker:contact_detail", args=[contact.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 🎉" in body
    assert "<script>alert(1)" not in body


@pytest.mark.parametrize("kind", ["met", "fika", "event"])
def test_it_offers_a_thank_you_after_a_first_meeting(alice_client, alice, kind):
    contact = ContactFactory(owner=alice)
    response = _log(alice_client, contact, kind=kind)
    assert response["Location"].endswith("?thanks=1#thank-you")
    page = alice_client.get(response["Location"]).content.decode()
    assert reverse("tracker:contact_thank_you", args=[contact.pk]) in page
    assert (TODAY + datetime.timedelta(days=2)).isoformat() in page


def test_it_offers_a_thank_you_after_every_informational_interview(alice_client, alice):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact, kind=InteractionKind.MET)
    response = _log(alice_client, contact, kind="interview")
    assert response["Location"].endswith("?thanks=1#thank-you")


@pytest.mark.parametrize("kind", ["call", "video", "email", "linkedin"])
def test_it_offers_no_thank_you_after_other_kinds(alice_client, alice, kind):
    contact = ContactFactory(owner=alice)
    response = _log(alice_client, contact, kind=kind)
    assert "thanks" not in response["Location"]


def test_it_offers_no_thank_you_after_a_second_meeting(alice_client, alice):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact, kind=InteractionKind.MET)
    assert "thanks" not in _log(alice_client, contact, kind="met")["Location"]


def test_it_adds_the_thank_you_follow_up_once(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Søren Ærø")
    url = reverse("tracker:contact_thank_you", args=[contact.pk])
    due = (TODAY + datetime.timedelta(days=2)).isoformat()
    data = {"title": services.thank_you_title(contact), "due_date": due}
    assert alice_client.post(url, data).status_code == 302
    assert alice_client.post(url, data).status_code == 302
    follow_up = FollowUp.objects.get()
    assert follow_up.contact == contact
    assert follow_up.owner == alice
    assert follow_up.due_date.isoformat() == due
    assert "Søren Ærø" in follow_up.title


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "due_date": "2030-01-01"},
        {"title": "x" * 201, "due_date": "2030-01-01"},
        {"title": "<b>Thanks</b>", "due_date": "2030-01-01"},
        {"title": "Thanks", "due_date": "soon"},
        {"title": "Thanks", "due_date": "9999-12-31"},
    ],
)
def test_it_rejects_a_bad_thank_you(alice_client, alice, data):
    contact = ContactFactory(owner=alice)
    response = alice_client.post(reverse("tracker:contact_thank_you", args=[contact.pk]), data)
    assert response.status_code == 200
    assert not FollowUp.objects.exists()


def test_it_shows_the_interview_questions_open_when_logging_an_interview(alice_client, alice):
    contact = ContactFactory(owner=alice)
    url = reverse("tracker:interaction_add_for_contact", args=[contact.pk])
    body = alice_client.get(url + "?kind=interview").content.decode()
    assert '<details class="tr-questions" open>' in body
    assert "Which skills matter most in your field" in body
    assert '<details class="tr-questions">' in alice_client.get(url).content.decode()


def test_it_shows_the_interview_questions_on_the_contact_page(alice_client, alice):
    contact = ContactFactory(owner=alice)
    body = alice_client.get(reverse("tracker:contact_detail", args=[contact.pk])).content.decode()
    assert "Suggested questions for an informational interview" in body
    assert body.count("<li>", body.index('class="tr-questions"')) >= 6


class TestTimerProperty(TestCase):
    """Whatever the order of logs and deletes, last contact is the latest remaining interaction."""

    @settings(max_examples=examples(30), deadline=None)
    @given(
        st.lists(
            st.tuples(st.sampled_from(["log", "delete"]), st.integers(min_value=0, max_value=400)),
            min_size=1,
            max_size=12,
        )
    )
    def test_it_always_matches_the_latest_remaining_interaction(self, steps):
        owner = UserFactory()
        contact = ContactFactory(owner=owner, keep_in_touch_days=45)
        for action, days in steps:
            if action == "log":
                services.interaction_log(
                    owner=owner, contact=contact, kind=InteractionKind.CALL, occurred_on=_days_ago(days)
                )
            else:
                victim = Interaction.objects.filter(contact=contact).order_by("?").first()
                if victim:
                    services.interaction_delete(interaction=victim)
        contact = Contact.objects.get(pk=contact.pk)
        dates = list(Interaction.objects.filter(contact=contact).values_list("occurred_on", flat=True))
        assert contact.last_contacted_on == (max(dates) if dates else None)
        start = contact.last_contacted_on or timezone.localdate(contact.created_at)
        assert contact.next_touch_due == start + datetime.timedelta(days=45)
