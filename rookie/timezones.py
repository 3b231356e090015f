"""Every date and time a signed-in user sees is in their own time zone (User.time_zone).

Members live in Sweden, Denmark and Finland and travel; the server's zone (settings.TIME_ZONE,
Stockholm) is only right for some of them. While a request of a signed-in user runs, their zone is
the active one, so templates, `timezone.localdate()` ("today" on the tracker), form defaults and
the admin (its "You are N hours behind server time" note compares the browser's offset with the
active zone's) all use it. Anonymous visitors, and a user whose zone cannot be loaded, get the
server's zone.
"""

from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import DatabaseError
from django.http import FileResponse
from django.utils import timezone

from rookie.lib.cache_guard import CacheUnavailable, cache_errors


def user_time_zone(user) -> ZoneInfo | None:
    """The signed-in user's zone, or None for an anonymous visitor or a name that does not load."""
    if user is None or not user.is_authenticated:
        return None
    try:
        return ZoneInfo(user.time_zone)
    except (ZoneInfoNotFoundError, ValueError, TypeError, AttributeError):
        return None


def _chunks_in_zone(chunks: Iterable[bytes], zone: ZoneInfo) -> Iterator[bytes]:
    # A streaming response (the contacts export) renders its rows after the view has returned,
    # while the server sends them: each chunk is made with the user's zone active again.
    iterator = iter(chunks)
    while True:
        with timezone.override(zone):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


class UserTimeZoneMiddleware:
    """Activates the signed-in user's zone for the request and deactivates it afterwards.

    Placed after AuthenticationMiddleware (it reads request.user). Loading the user may fail while
    the database or the session cache is down: the request then goes on in the server's zone and
    the view meets the same error, which DatabaseUnavailableMiddleware or CacheUnavailableMiddleware
    turn into their 503 (they only see exceptions raised by views).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            zone = user_time_zone(getattr(request, "user", None))
        except (DatabaseError, CacheUnavailable, *cache_errors()):
            zone = None
        if zone is None:
            timezone.deactivate()
            return self.get_response(request)
        timezone.activate(zone)
        try:
            response = self.get_response(request)
        finally:
            timezone.deactivate()
        if response.streaming and not response.is_async and not isinstance(response, FileResponse):
            response.streaming_content = _chunks_in_zone(response.streaming_content, zone)
        return response
