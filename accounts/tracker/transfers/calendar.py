"""The member's private iCalendar feed (RFC 5545): their events, open follow-ups and goals' due dates.

Each item is an all-day VEVENT (calendar apps show those everywhere; VTODO support is patchy) with
a UID that stays the same across refreshes, so a subscribed calendar updates items in place, and a
URL to the item's own page. The tracker keeps dates, not times, for all three: an all-day entry is
the same day in every zone, so no DTSTART needs a TZID. The feed still says which zone it is meant
for (the member's User.time_zone: X-WR-TIMEZONE and its VTIMEZONE, from zoneinfo), which clients use
for anything they show with a time, and "today" (which events are still planned) is counted there.
The feed is in the owner's language, whoever fetches it (calendar apps send no useful one).
"""

import datetime
import functools
import re
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import CalendarFeed, Event, FollowUp, Goal, GoalStatus
from accounts.tracker import counting

PRODID = "-//Rookie//Tracker//EN"
# A past event stays in the feed this long, so last week's fair does not vanish from the calendar.
PAST_EVENTS_KEPT = datetime.timedelta(days=30)


def feed_for(owner):
    """The owner's feed row, created on first use (no row means the defaults: reminders on)."""
    feed, _created = CalendarFeed.objects.get_or_create(owner=owner)
    return feed


def feed_url(feed):
    return settings.SITE_URL + reverse("calendar_feed", args=[feed.token])


def webcal_url(feed):
    """The same address with the webcal scheme, which opens the subscribe dialogue of calendar apps."""
    return "webcal://" + feed_url(feed).split("://", 1)[1]


def _uid_domain():
    return urlsplit(settings.SITE_URL).hostname or "rookie.invalid"


def owner_zone(owner):
    """The member's zone; the site's if theirs does not load (a name a newer tzdata dropped)."""
    try:
        return zoneinfo.ZoneInfo(owner.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE or "UTC")


def planned_events(owner, today):
    return Event.objects.filter(owner=owner, date__gte=today - PAST_EVENTS_KEPT).order_by("date", "id")


def open_follow_ups(owner):
    return (
        FollowUp.objects.filter(owner=owner, done_at__isnull=True).select_related("contact").order_by("due_date", "id")
    )


def goals_with_due_dates(owner, today):
    """Active goals with a due date that are not yet reached: a goal at its target is achieved,
    marked done or not. A counted goal's progress comes from the member's records (one grouped query
    per kind of counted goal present, so at most one per kind, whatever the number of goals)."""
    goals = list(
        Goal.objects.filter(owner=owner, status=GoalStatus.ACTIVE, due_date__isnull=False).order_by("due_date", "id")
    )
    counting.count_goals(goals, today=today)
    return [goal for goal in goals if goal.progress < goal.target]


@functools.lru_cache(maxsize=32)
def _vtimezone(tzid, year):
    from icalendar import Timezone  # see build_calendar

    # Building the transitions takes a while: once per zone and year, for the years around now.
    return Timezone.from_tzid(
        tzid, first_date=datetime.date(year - 1, 1, 1), last_date=datetime.date(year + 3, 1, 1)
    ).to_ical()


def _names_contact(title, name):
    """Whether the title already says who: the full name or the first name as a whole word."""
    words = set(re.findall(r"\w+", title.casefold()))
    name_words = re.findall(r"\w+", name.casefold())
    return bool(name_words) and (name.casefold() in title.casefold() or name_words[0] in words)


def follow_up_summary(follow_up):
    if follow_up.contact and not _names_contact(follow_up.title, follow_up.contact.name):
        return _("Follow up: %(what)s (%(contact)s)") % {"what": follow_up.title, "contact": follow_up.contact.name}
    return _("Follow up: %(what)s") % {"what": follow_up.title}


def _all_day(uid, day, summary, stamp, url, *, description="", location=""):
    from icalendar import Event as CalendarEvent  # see build_calendar

    event = CalendarEvent()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    event.add("transp", "TRANSPARENT")
    event.add("url", url)
    return event


def _event_description(event):
    lines = [
        ngettext("Goal: talk to %(count)s new person.", "Goal: talk to %(count)s new people.", event.people_to_meet)
        % {"count": event.people_to_meet}
    ]
    if event.learning_goal:
        lines.append(_("What I want to learn: %(goal)s") % {"goal": event.learning_goal})
    return "\n".join(lines)


def build_calendar(owner):
    """The feed as bytes: a query each for the events, the open follow-ups with their contacts and the
    goals, and one per kind of counted goal among them."""
    # icalendar is imported where it is used, not with the module: it takes about 20 ms to import,
    # paid by every process that loads the URLs (each gunicorn worker, each management command).
    from icalendar import Calendar, Timezone

    domain = _uid_domain()
    zone = owner_zone(owner)
    now = timezone.now()
    today = now.astimezone(zone).date()
    stamp = now.astimezone(datetime.UTC).replace(microsecond=0)
    with translation.override(owner.preferred_language):

        def link(name, pk):
            return settings.SITE_URL + reverse(name, args=[pk])

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Rookie: events, follow-ups and goals"))
        calendar.add("x-wr-timezone", zone.key)
        # How often subscribers should refresh (RFC 7986, and the older Microsoft/Apple property).
        calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1H")
        calendar.add_component(Timezone.from_ical(_vtimezone(zone.key, today.year)))
        for event in planned_events(owner, today):
            calendar.add_component(
                _all_day(
                    f"event-{event.pk}@{domain}",
                    event.date,
                    event.name,
                    stamp,
                    link("tracker:event_detail", event.pk),
                    description=_event_description(event),
                    location=event.location,
                )
            )
        for follow_up in open_follow_ups(owner):
            calendar.add_component(
                _all_day(
                    f"followup-{follow_up.pk}@{domain}",
                    follow_up.due_date,
                    follow_up_summary(follow_up),
                    stamp,
                    # The follow-up's own page is its form: what, when, who, the note.
                    link("tracker:followup_edit", follow_up.pk),
                    description=follow_up.note,
                )
            )
        # Counted goals take a record's day in the active zone: the member's, as on their pages.
        with timezone.override(zone):
            goals = goals_with_due_dates(owner, today)
        for goal in goals:
            summary = _("Goal due: %(goal)s (%(progress)s of %(target)s)") % {
                "goal": goal.title,
                "progress": goal.progress,
                "target": goal.target,
            }
            calendar.add_component(
                _all_day(
                    f"goal-{goal.pk}@{domain}", goal.due_date, summary, stamp, link("tracker:goal_detail", goal.pk)
                )
            )
    return calendar.to_ical()
