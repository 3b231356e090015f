"""What the calendar feed holds: the member's events (with place), open follow-ups and goals' due dates,
with clear titles, a link to each entry's own page, and the member's time zone as a VTIMEZONE."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from accounts.models import GoalCount, GoalStatus
from tests.factories import CalendarFeedFactory, ContactFactory, EventFactory, FollowUpFactory, GoalFactory

pytestmark = pytest.mark.django_db

SITE = "https://rookie.example"  # tests/tracker_io/conftest.py


def _fetch(client, owner):
    feed = CalendarFeedFactory(owner=owner)
    response = client.get(f"/ics/{feed.token}.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return response, calendar, {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def _today(user):
    return timezone.now().astimezone(zoneinfo.ZoneInfo(user.time_zone)).date()


def test_it_has_planned_events_with_their_place_and_not_old_or_other_peoples(client, alice, charlie):
    alice.preferred_language = "en"
    alice.save(update_fields=["preferred_language"])
    today = _today(alice)
    fair = EventFactory(
        owner=alice, name="Karriärdagar KTH", date=today + datetime.timedelta(days=5), location="Nymble, Stockholm"
    )
    fair.learning_goal = "Vilka bolag anställer juniorer"
    fair.people_to_meet = 4
    fair.save()
    last_week = EventFactory(owner=alice, name="Mingel", date=today - datetime.timedelta(days=7))
    EventFactory(owner=alice, name="Long ago", date=today - datetime.timedelta(days=31))
    EventFactory(owner=charlie, name="Charlie's event", date=today)

    response, _calendar, events = _fetch(client, alice)
    assert set(events) == {f"event-{fair.pk}@rookie.example", f"event-{last_week.pk}@rookie.example"}
    entry = events[f"event-{fair.pk}@rookie.example"]
    assert str(entry["SUMMARY"]) == "Karriärdagar KTH"
    assert str(entry["LOCATION"]) == "Nymble, Stockholm"
    assert entry.decoded("DTSTART") == fair.date
    assert entry["DTSTART"].params.get("VALUE") == "DATE"
    assert (
        str(entry["DESCRIPTION"]) == "Goal: talk to 4 new people.\nWhat I want to learn: Vilka bolag anställer juniorer"
    )
    assert b"Charlie" not in response.content


def test_achieved_goals_and_done_follow_ups_drop_out(client, alice):
    open_goal = GoalFactory(owner=alice, title="Träffa tre", progress=2, target=3)
    GoalFactory(owner=alice, title="Reached, not yet marked done", progress=3, target=3)
    GoalFactory(owner=alice, title="Marked done", status=GoalStatus.DONE, progress=1, target=3)
    GoalFactory(owner=alice, title="Dropped", status=GoalStatus.DROPPED)
    open_follow_up = FollowUpFactory(owner=alice, title="Skicka tack")
    FollowUpFactory(owner=alice, title="Done already", done_at=timezone.now())

    response, _calendar, events = _fetch(client, alice)
    assert set(events) == {f"goal-{open_goal.pk}@rookie.example", f"followup-{open_follow_up.pk}@rookie.example"}
    for gone in (b"Reached", b"Marked done", b"Dropped", b"Done already"):
        assert gone not in response.content


def test_a_counted_goal_drops_out_when_the_records_reach_its_target(client, alice):
    alice.preferred_language = "en"
    alice.save(update_fields=["preferred_language"])
    today = _today(alice)
    start = today - datetime.timedelta(days=10)
    reached = GoalFactory(owner=alice, title="Go to two events", counts=GoalCount.EVENTS, target=2, starts_on=start)
    halfway = GoalFactory(owner=alice, title="Go to three events", counts=GoalCount.EVENTS, target=3, starts_on=start)
    # Two events attended in the period: the stored progress stays 0, the records say 2.
    EventFactory(owner=alice, date=today - datetime.timedelta(days=5))
    EventFactory(owner=alice, date=today - datetime.timedelta(days=2))
    _response, _calendar, events = _fetch(client, alice)
    assert f"goal-{reached.pk}@rookie.example" not in events
    assert str(events[f"goal-{halfway.pk}@rookie.example"]["SUMMARY"]) == "Goal due: Go to three events (2 of 3)"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # The example: the name was in the title and again in brackets.
        ("Tack till Mette Sørensen", "Följ upp: Tack till Mette Sørensen"),
        ("Ring mette om jobbet", "Följ upp: Ring mette om jobbet"),
        ("Skicka mitt CV", "Följ upp: Skicka mitt CV (Mette Sørensen)"),
        # "Mettes" is not the word "Mette": the name is added.
        ("Läs Mettes artikel", "Följ upp: Läs Mettes artikel (Mette Sørensen)"),
    ],
)
def test_follow_up_titles_name_the_contact_once(client, alice, title, summary):
    contact = ContactFactory(owner=alice, name="Mette Sørensen")
    follow_up = FollowUpFactory(owner=alice, contact=contact, title=title)
    _response, _calendar, events = _fetch(client, alice)
    text = str(events[f"followup-{follow_up.pk}@rookie.example"]["SUMMARY"])
    assert text == summary
    assert text.count("Mette Sørensen") <= 1


def test_each_entry_links_to_its_own_page_in_the_members_language(client, alice):
    event = EventFactory(owner=alice, date=_today(alice))
    follow_up = FollowUpFactory(owner=alice)
    goal = GoalFactory(owner=alice)
    _response, _calendar, events = _fetch(client, alice)
    urls = {uid: str(entry["URL"]) for uid, entry in events.items()}
    assert urls == {
        f"event-{event.pk}@rookie.example": f"{SITE}/sv/me/events/{event.pk}/",
        f"followup-{follow_up.pk}@rookie.example": f"{SITE}/sv/me/follow-ups/{follow_up.pk}/edit/",
        f"goal-{goal.pk}@rookie.example": f"{SITE}/sv/me/goals/{goal.pk}/",
    }
    # Each address is that entry's page: alice opens it and sees the entry.
    client.force_login(alice)
    for entry, url in zip((event.name, follow_up.title, goal.title), urls.values(), strict=True):
        page = client.get(url.removeprefix(SITE))
        assert page.status_code == 200
        assert entry in page.content.decode()


@pytest.mark.parametrize("zone", ["Europe/Helsinki", "Europe/Copenhagen", "America/New_York"])
def test_it_carries_the_members_time_zone_as_a_vtimezone(client, alice, zone):
    alice.time_zone = zone
    alice.save(update_fields=["time_zone"])
    EventFactory(owner=alice, date=_today(alice))
    response, calendar, _events = _fetch(client, alice)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == zone
    assert calendar["X-WR-TIMEZONE"] == zone
    # Its rules give the zone's real offsets (standard and, where there is one, summer time).
    offsets = {component.decoded("TZOFFSETTO") for component in vtimezone.walk() if "TZOFFSETTO" in component}
    january = datetime.datetime(_today(alice).year + 1, 1, 15, tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
    july = datetime.datetime(_today(alice).year + 1, 7, 15, tzinfo=zoneinfo.ZoneInfo(zone)).utcoffset()
    assert {january, july} <= offsets
    # The VTIMEZONE comes before the entries (RFC 5545 wants it before any use) and the feed stays
    # within the line length.
    body = response.content
    assert body.index(b"BEGIN:VTIMEZONE") < body.index(b"BEGIN:VEVENT")
    # RFC 5545 §3.6.5: TZID and at least one STANDARD or DAYLIGHT, each with DTSTART and both offsets.
    rules = [component for component in vtimezone.subcomponents if component.name in ("STANDARD", "DAYLIGHT")]
    assert rules
    assert all({"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"} <= set(rule) for rule in rules)
    # §3.6.1: every entry has its UID, DTSTAMP (UTC) and DTSTART.
    for entry in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "DTSTART", "URL"} <= set(entry)
        assert entry.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))


def test_planned_means_from_today_in_the_members_zone(client, alice):
    alice.time_zone = "Pacific/Kiritimati"  # UTC+14: its "today" is ahead of the server's
    alice.save(update_fields=["time_zone"])
    today_there = _today(alice)
    kept = EventFactory(owner=alice, date=today_there - datetime.timedelta(days=30))
    dropped = EventFactory(owner=alice, date=today_there - datetime.timedelta(days=31))
    _response, _calendar, events = _fetch(client, alice)
    assert f"event-{kept.pk}@rookie.example" in events
    assert f"event-{dropped.pk}@rookie.example" not in events


def test_the_feed_is_in_the_members_language_whoever_fetches_it(client, alice):
    # alice reads Swedish; the calendar app asks in English.
    goal = GoalFactory(owner=alice, title="Träffa 3 nya", progress=1, target=3)
    response = client.get(f"/ics/{CalendarFeedFactory(owner=alice).token}.ics", HTTP_ACCEPT_LANGUAGE="en")
    calendar = Calendar.from_ical(response.content)
    with translation.override("sv"):
        assert calendar["X-WR-CALNAME"] == gettext("Rookie: events, follow-ups and goals")
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Sista dag för målet: Träffa 3 nya (1 av 3)"
    assert str(entry["URL"]) == f"{SITE}/sv/me/goals/{goal.pk}/"
