"""{% tracker_io_profile as io %}: what the profile page's calendar and reminders panel shows.

A tag, because the profile view belongs to the log-in code and passes only its form.
"""

from django import template

from accounts.tracker.transfers.calendar import feed_for, feed_url, webcal_url

register = template.Library()


@register.simple_tag(takes_context=True)
def tracker_io_profile(context):
    user = context["request"].user
    if not user.is_authenticated:
        return None
    feed = feed_for(user)
    return {"feed": feed, "feed_url": feed_url(feed), "webcal_url": webcal_url(feed)}
