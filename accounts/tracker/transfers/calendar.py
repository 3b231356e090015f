"""The member's private iCalendar feed (RFC 5545): open follow-ups and active goals' due dates.

Each item is an all-day VEVENT (calendar apps show those everywhere; VTODO support is patchy) with
a UID that stays the same across refreshes, so a subscribed calendar updates items in place.
The feed is in the owner's language, whoever fetches it (calendar apps send no useful one).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from accounts.models import CalendarFeed, FollowUp, Goal, GoalStatus

PRODID = "-//Rookie//Tracker//EN"


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


def open_follow_ups(owner):
    return (
        FollowUp.objects.filter(owner=owner, done_at__isnull=True).select_related("contact").order_by("due_date", "id")
    )


def goals_with_due_dates(owner):
    return Goal.objects.filter(owner=owner, status=GoalStatus.ACTIVE, due_date__isnull=False).order_by("due_date", "id")


def _all_day(uid, day, summary, description, stamp, url):
    event = CalendarEvent()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")
    event.add("url", url)
    return event


def build_calendar(owner):
    """The feed as bytes, in two queries: the open follow-ups with their contacts, and the goals."""
    domain = _uid_domain()
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    with translation.override(owner.preferred_language):
        dashboard = settings.SITE_URL + reverse("tracker:dashboard")
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", _("Rookie: follow-ups and goals"))
        # How often subscribers should refresh (RFC 7986, and the older Microsoft/Apple property).
        calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1H")
        for follow_up in open_follow_ups(owner):
            summary = (
                _("Follow up: %(what)s (%(contact)s)") % {"what": follow_up.title, "contact": follow_up.contact.name}
                if follow_up.contact
                else _("Follow up: %(what)s") % {"what": follow_up.title}
            )
            calendar.add_component(
                _all_day(
                    f"followup-{follow_up.pk}@{domain}", follow_up.due_date, summary, follow_up.note, stamp, dashboard
                )
            )
        for goal in goals_with_due_dates(owner):
            summary = _("Goal due: %(goal)s (%(progress)s of %(target)s)") % {
                "goal": goal.title,
                "progress": goal.progress,
                "target": goal.target,
            }
            calendar.add_component(_all_day(f"goal-{goal.pk}@{domain}", goal.due_date, summary, "", stamp, dashboard))
    return calendar.to_ical()
