"""Follow-ups: add, edit, done and undone, snooze (remembering the first due date), delete."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from accounts.models import FollowUp
from tests.factories import ContactFactory, FollowUpFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
GOOD = {"title": "Skicka tack till Åsa 🙏", "due_date": "2030-03-01", "note": "Mention the fika."}


def _days(days):
    return TODAY + datetime.timedelta(days=days)


def test_it_adds_a_follow_up_for_a_contact(alice_client, alice):
    contact = ContactFactory(owner=alice)
    response = alice_client.post(reverse("tracker:followup_add"), {**GOOD, "contact": contact.pk})
    assert response["Location"] == reverse("tracker:followup_list")
    follow_up = FollowUp.objects.get()
    assert (follow_up.owner, follow_up.contact, follow_up.title) == (alice, contact, GOOD["title"])


def test_it_goes_back_to_the_page_it_came_from_but_never_off_site(alice_client):
    response = alice_client.post(reverse("tracker:followup_add"), {**GOOD, "next": "/en/me/"})
    assert response["Location"] == "/en/me/"
    response = alice_client.post(reverse("tracker:followup_add"), {**GOOD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("tracker:followup_list")
    response = alice_client.post(reverse("tracker:followup_add"), {**GOOD, "next": "//evil.example/"})
    assert response["Location"] == reverse("tracker:followup_list")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "<a href=x>click</a>"}, "title"),
        ({"due_date": ""}, "due_date"),
        ({"due_date": "tomorrow"}, "due_date"),
        ({"due_date": "0001-01-01"}, "due_date"),
        ({"note": "x" * 2001}, "note"),
        ({"contact": "999999"}, "contact"),
        ({"contact": "a"}, "contact"),
    ],
)
def test_it_rejects_bad_input_and_saves_nothing(alice_client, changes, field):
    response = alice_client.post(reverse("tracker:followup_add"), {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not FollowUp.objects.exists()


def test_it_refuses_a_follow_up_for_a_strangers_contact(alice_client, alice, charlie):
    theirs = ContactFactory(owner=charlie)
    response = alice_client.post(reverse("tracker:followup_add"), {**GOOD, "contact": theirs.pk})
    assert "contact" in response.context["form"].errors
    assert not FollowUp.objects.exists()
    follow_up = FollowUpFactory(owner=alice)
    response = alice_client.post(reverse("tracker:followup_edit", args=[follow_up.pk]), {**GOOD, "contact": theirs.pk})
    assert response.status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.contact is None


def test_it_marks_a_follow_up_done_and_open_again(alice_client, alice):
    follow_up = FollowUpFactory(owner=alice)
    url = reverse("tracker:followup_done", args=[follow_up.pk])
    alice_client.post(url)
    follow_up.refresh_from_db()
    done_at = follow_up.done_at
    assert done_at is not None
    alice_client.post(url)  # a second tap keeps the first time
    follow_up.refresh_from_db()
    assert follow_up.done_at == done_at
    alice_client.post(url, {"undo": "1"})
    follow_up.refresh_from_db()
    assert follow_up.done_at is None


def test_it_snoozes_and_remembers_the_first_due_date(alice_client, alice):
    follow_up = FollowUpFactory(owner=alice, due_date=_days(-3))
    url = reverse("tracker:followup_snooze", args=[follow_up.pk])
    assert alice_client.post(url, {"until": _days(1).isoformat()}).status_code == 302
    assert alice_client.post(url, {"until": _days(7).isoformat()}).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.due_date == _days(7)
    assert follow_up.original_due_date == _days(-3)


def test_the_snooze_message_gives_the_date_as_the_language_writes_it(alice_client, alice):
    follow_up = FollowUpFactory(owner=alice, due_date=_days(1), title="Ring Søren")
    until = _days(7)
    url = reverse("tracker:followup_snooze", args=[follow_up.pk]).replace("/en/", "/sv/", 1)
    response = alice_client.post(url, {"until": until.isoformat(), "next": "/sv/me/follow-ups/"}, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    with translation.override("sv"):
        expected = date_format(until, "SHORT_DATE_FORMAT")
    assert any(expected in message and "Ring Søren" in message for message in shown), shown
    assert not any(until.isoformat() in message for message in shown)


@pytest.mark.parametrize("until", ["", "soon", "2024-13-01", "today", "9999-01-01"])
def test_it_rejects_a_bad_snooze(alice_client, alice, until):
    follow_up = FollowUpFactory(owner=alice, due_date=_days(1))
    data = {"until": TODAY.isoformat() if until == "today" else until}
    assert alice_client.post(reverse("tracker:followup_snooze", args=[follow_up.pk]), data).status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.due_date == _days(1)
    assert follow_up.original_due_date is None


def test_it_does_not_snooze_a_done_follow_up(alice_client, alice):
    follow_up = FollowUpFactory(owner=alice, due_date=_days(1), done_at=timezone.now())
    response = alice_client.post(
        reverse("tracker:followup_snooze", args=[follow_up.pk]), {"until": _days(5).isoformat()}
    )
    assert response.status_code == 200
    follow_up.refresh_from_db()
    assert follow_up.due_date == _days(1)


def test_it_edits_and_deletes_a_follow_up(alice_client, alice):
    follow_up = FollowUpFactory(owner=alice)
    response = alice_client.post(reverse("tracker:followup_edit", args=[follow_up.pk]), {**GOOD, "title": "Ring Søren"})
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.title == "Ring Søren"
    alice_client.post(reverse("tracker:followup_delete", args=[follow_up.pk]))
    assert not FollowUp.objects.exists()


def test_it_lists_open_and_done_follow_ups_in_a_constant_number_of_queries(
    alice_client, alice, django_assert_num_queries
):
    FollowUpFactory(owner=alice, title="Open one")
    FollowUpFactory(owner=alice, title="Done one", done_at=timezone.now())
    # session, user, count, page (with contacts)
    with django_assert_num_queries(4):
        response = alice_client.get(reverse("tracker:followup_list"))
    assert [follow_up.title for follow_up in response.context["page"]] == ["Open one"]
    FollowUpFactory.create_batch(70, owner=alice, contact=ContactFactory(owner=alice))
    with django_assert_num_queries(4):
        alice_client.get(reverse("tracker:followup_list"))
    response = alice_client.get(reverse("tracker:followup_list"), {"show": "done"})
    assert [follow_up.title for follow_up in response.context["page"]] == ["Done one"]
