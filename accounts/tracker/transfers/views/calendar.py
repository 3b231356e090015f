"""The private calendar feed (no log-in: the token is the key) and its regeneration from the profile."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import CalendarFeed
from accounts.tracker.transfers.calendar import build_calendar, feed_for

# Tokens are secrets.token_urlsafe(32); anything else is not looked up (PostgreSQL refuses a NUL in text).
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


@require_safe
def calendar_feed(request, token):
    if not _TOKEN.fullmatch(token):
        raise Http404
    # An old token stops working the moment a new one is made: nothing caches this look-up.
    feed = get_object_or_404(CalendarFeed.objects.select_related("owner"), token=token, owner__is_active=True)
    response = HttpResponse(build_calendar(feed.owner), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rookie.ics"'
    response["Cache-Control"] = "private, max-age=0, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
@require_POST
def calendar_regenerate(request):
    feed_for(request.user).regenerate()
    messages.success(
        request,
        _("Your calendar feed has a new address. The old address no longer works; subscribe again with the new one."),
    )
    return redirect("accounts:profile")
