import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from accounts.models import CalendarFeed, GoalCount, GoalStatus
from tests.factories import CalendarFeedFactory, ContactFactory, EventFactory, FollowUpFactory, GoalFactory

pytestmark = pytest.mark.django_db

REGENERATE = "/en/me/calendar/regenerate/"


def _feed_url(feed):
    return f"/ics/{feed.token}.ics"


def _events(response):
    calendar = Calendar.from_ical(response.content)
    return calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_it_serves_open_follow_ups_and_goal_due_dates_as_valid_icalendar(client, alice, charlie):
    today = timezone.localdate()
    feed = CalendarFeedFactory(owner=alice)
    contact = ContactFactory(owner=alice, name="Åsa Öberg")
    open_one = FollowUpFactory(
        owner=alice, contact=contact, title="Tack för fikan; ring, sen", note="Rad 1\nRad 2", due_date=today
    )
    no_contact = FollowUpFactory(
        owner=alice, contact=None, title="Update my CV", due_date=today + datetime.timedelta(days=3)
    )
    FollowUpFactory(owner=alice, title="Already done", done_at=timezone.now())
    goal = GoalFactory(owner=alice, title="Träffa 3 nya", progress=1, target=3)
    GoalFactory(owner=alice, title="No due date", due_date=None)
    GoalFactory(owner=alice, title="Dropped goal", status=GoalStatus.DROPPED)
    FollowUpFactory(owner=charlie, title="Charlie's follow-up")

    response = client.get(_feed_url(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    calendar, events = _events(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Rookie//Tracker//EN"
    assert set(events) == {
        f"followup-{open_one.pk}@rookie.example",
        f"followup-{no_contact.pk}@rookie.example",
        f"goal-{goal.pk}@rookie.example",
    }
    event = events[f"followup-{open_one.pk}@rookie.example"]
    # Semicolons, commas and line breaks survive the escaping.
    assert "Tack för fikan; ring, sen" in str(event["SUMMARY"])
    assert "Åsa Öberg" in str(event["SUMMARY"])
    assert str(event["DESCRIPTION"]) == "Rad 1\nRad 2"
    assert event.decoded("DTSTART") == today
    assert event.decoded("DTEND") == today + datetime.timedelta(days=1)
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert event.decoded("DTSTAMP").tzinfo is not None
    # alice reads Swedish: her feed is written in Swedish.
    assert "Träffa 3 nya (1 av 3)" in str(events[f"goal-{goal.pk}@rookie.example"]["SUMMARY"])
    assert b"Charlie" not in response.content
    # Every line ends with CRLF and is at most 75 octets (RFC 5545 §3.1).
    lines = response.content.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)


def test_it_keeps_uids_stable_between_fetches(client, alice):
    feed = CalendarFeedFactory(owner=alice)
    FollowUpFactory(owner=alice)
    GoalFactory(owner=alice)
    assert set(_events(client.get(_feed_url(feed)))[1]) == set(_events(client.get(_feed_url(feed)))[1])


def test_it_serves_an_empty_but_valid_calendar(client, alice):
    feed = CalendarFeedFactory(owner=alice)
    calendar, events = _events(client.get(_feed_url(feed)))
    assert events == {}
    assert calendar["VERSION"] == "2.0"


@pytest.mark.parametrize("token", ["nope", "x" * 43, "%00", "a.b", "x" * 43 + "%0A"])
def test_it_answers_404_to_unknown_tokens(client, alice, token):
    CalendarFeedFactory(owner=alice)
    assert client.get(f"/ics/{token}.ics").status_code == 404


def test_it_answers_404_for_an_inactive_member(client, alice):
    feed = CalendarFeedFactory(owner=alice)
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert client.get(_feed_url(feed)).status_code == 404


def test_it_kills_the_old_token_the_moment_a_new_one_is_made(alice_client, alice):
    feed = CalendarFeedFactory(owner=alice)
    old_url = _feed_url(feed)
    assert alice_client.get(old_url).status_code == 200
    response = alice_client.post(REGENERATE)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    feed.refresh_from_db()
    assert alice_client.get(old_url).status_code == 404
    assert alice_client.get(_feed_url(feed)).status_code == 200


def test_it_creates_the_feed_when_regenerating_for_a_member_without_one(alice_client, alice):
    alice_client.post(REGENERATE)
    assert CalendarFeed.objects.filter(owner=alice).count() == 1


def test_it_regenerates_only_the_members_own_feed(alice_client, charlie):
    charlie_feed = CalendarFeedFactory(owner=charlie)
    token = charlie_feed.token
    alice_client.post(REGENERATE)
    charlie_feed.refresh_from_db()
    assert charlie_feed.token == token


@pytest.mark.parametrize("size", [1, 500])
def test_it_builds_the_feed_in_a_constant_number_of_queries(client, alice, django_assert_num_queries, size):
    feed = CalendarFeedFactory(owner=alice)
    contacts = ContactFactory.create_batch(min(size, 300), owner=alice)
    for number in range(size):
        FollowUpFactory(owner=alice, contact=contacts[number % len(contacts)])
    GoalFactory.create_batch(min(size, 20), owner=alice)
    EventFactory.create_batch(min(size, 20), owner=alice)
    # Goals that count events: their progress is one grouped query, whatever their number.
    GoalFactory.create_batch(min(size, 20), owner=alice, counts=GoalCount.EVENTS, target=1000)
    # 1 the feed with its owner, 2 the planned events, 3 open follow-ups with their contacts,
    # 4 active goals with a due date, 5 the events the counted goals count. The VTIMEZONE comes
    # from zoneinfo, not the database.
    with django_assert_num_queries(5):
        response = client.get(_feed_url(feed))
    assert len(_events(response)[1]) == size + 3 * min(size, 20)
