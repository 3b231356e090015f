"""Whole-page caching of public pages for anonymous readers, per language (docs/PERFORMANCE.md).

Only with PAGE_CACHE on (the default when REDIS_URL gives a cache all processes share): the
generation numbers that make pages stale live in the cache, and a per-process cache would let the
other processes keep serving a page that one of them just made stale.

What may come from the cache: a GET by a visitor who carries no session cookie and no pending
messages, so the page cannot show anyone's data: signed-in members, and anyone with a session,
always get a freshly rendered page, and such a request never stores one either.

What is cached is the view's response only; every middleware still runs on each request (security
headers, CSP, cookies, Vary). CSRF tokens differ per visitor: the stored page has a placeholder
where each `{% csrf_token %}` input's value was, and each visitor gets their own token there
(get_token also makes CsrfViewMiddleware set the visitor's cookie, as a rendered page would).

The key holds the language, the host, the path, the allowed query parameters and a generation
number per group of pages. An app declares its groups (`PageGroup`, in the app's pagecache.py) and
bumps a group's generation from its signals.py whenever something its pages show changes: every
cached page of that group is stale at once.

An unreachable cache (Redis down) is a miss: pages are rendered and not stored, and a bump is lost
(rookie/lib/cache_guard.py). Entries stored before the outage live PAGE_CACHE_SECONDS at most, so a
change made during one shows on cached pages within that time once the cache answers again.
"""

import hashlib
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeAlias, TypeVar

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from rookie.lib.cache_guard import tolerant_cache as cache
from rookie.lib.counters import generation_bump, generation_read

View: TypeAlias = Callable[..., HttpResponseBase]
Entry: TypeAlias = dict[str, Any]

_CSRF_VALUE = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = b"\x00rookie-csrf\x00"
# A query value longer than this is not something our own links produce: render, do not store.
MAX_PARAM_LENGTH = 60
# The message framework's cookie (messages.storage.cookie.CookieStorage.cookie_name).
MESSAGES_COOKIE = "messages"

# Every declared group by name: one name, one generation number.
_GROUPS: dict[str, "PageGroup"] = {}


@dataclass(frozen=True)
class PageGroup:
    """Pages that go stale together, declared by the app that renders them.

    shown_on_member_pages: the members' own cached pages (cache_member_page) show this group's
    content too, so they go stale with it.
    """

    name: str
    shown_on_member_pages: bool = False

    def __post_init__(self) -> None:
        declared = _GROUPS.setdefault(self.name, self)
        if declared != self:
            raise ValueError(f"page group {self.name!r} is already declared as {declared!r}")

    @property
    def generation_key(self) -> str:
        return f"pagecache:generation:{self.name}"

    def bump(self) -> None:
        """Every cached page of this group is stale from now on (and again once the transaction
        commits, so a reader between the change and the commit cannot store the old page for long)."""
        _bump_keys([self.generation_key])


def _member_page_groups() -> list[PageGroup]:
    return [group for group in _GROUPS.values() if group.shown_on_member_pages]


# Sent after generation numbers moved on: code that remembers a number for the rest of a request
# (networks/fragments.py) reads it again.
generation_bumped = Signal()


def _bump_keys(keys: list[str]) -> None:
    def run() -> None:
        for key in keys:
            generation_bump(key, cache=cache)
        generation_bumped.send(sender=None, keys=keys)

    if keys:
        run()
        transaction.on_commit(run)


def _cacheable_request(request: HttpRequest, params: frozenset[str]) -> bool:
    if not settings.PAGE_CACHE or request.method != "GET":
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # An empty parameter is what a submitted filter form sends for a field left alone (q=).
    return all(
        (name in params and len(value) <= MAX_PARAM_LENGTH) or value == ""
        for name, values in request.GET.lists()
        for value in values
    )


def _key(request: HttpRequest, group: PageGroup) -> str:
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    raw = "|".join(
        [
            translation.get_language() or "",
            request.scheme or "",
            request.get_host(),
            request.path,
            repr(query),
        ]
    )
    return f"pagecache:{group.name}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _lookup(key: str, generation_keys: list[str]) -> tuple[Entry | None, list[int]]:
    """The stored entry, if it was stored under the current generations, and those generations.

    One round trip to the cache (get_many): the entry records the generations it was rendered
    under, instead of the key holding them, so the page and the numbers are read together.
    """
    found = cache.get_many([key, *generation_keys])
    generations = [
        generation_read(generation_key, cache=cache, known=found.get(generation_key))
        for generation_key in generation_keys
    ]
    entry: Entry | None = found.get(key)
    if entry is None or entry.get("generations") != generations:
        return None, generations
    return entry, generations


def _entry(response: HttpResponse, generations: list[int], **extra: Any) -> Entry:
    return {
        "generations": generations,
        "status": response.status_code,
        "headers": list(response.items()),
        "content": _CSRF_VALUE.sub(rb"\1" + _PLACEHOLDER + rb"\2", response.content),
        **extra,
    }


def _storable(response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


def _from_entry(request: HttpRequest, entry: Entry) -> HttpResponse:
    # One token for every form of the page, as a rendered page has: the template's csrf_token is
    # computed once per render (django.template.context_processors.csrf).
    parts = entry["content"].split(_PLACEHOLDER)
    content = get_token(request).encode().join(parts) if len(parts) > 1 else parts[0]
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def cache_anonymous_page(
    group: PageGroup,
    *,
    params: Iterable[str] = (),
    timeout: int | None = None,
    valid_until: Callable[[], float | None] | None = None,
) -> Callable[[View], View]:
    """Cache a public GET view's page for anonymous readers (see the module's docstring).

    params: the query parameters the page understands; a request with any other is rendered and
    not stored. valid_until: a function returning a Unix time after which stored pages must not be
    served (e.g. the next scheduled guide's publication), or None.
    """
    allowed = frozenset(params)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not _cacheable_request(request, allowed):
                return view(request, *args, **kwargs)
            key = _key(request, group)
            entry, generations = _lookup(key, [group.generation_key])
            if entry is not None and (entry["until"] is None or time.time() < entry["until"]):
                return _from_entry(request, entry)
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponse) and _storable(response):
                # Stored under the generations read before rendering: a change made meanwhile wins.
                entry = _entry(response, generations, until=valid_until() if valid_until else None)
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS if timeout is None else timeout)
            return response

        return wrapped

    return decorator


# --- Pages of one signed-in member ----------------------------------------------------------------
#
# The dashboard and the coach page are cached per user: the key starts with the user's id, so a
# page is only ever served to the user it was rendered for. Each user has a generation number,
# bumped whenever anything their page shows changes (the app that owns the member's data connects
# its models to bump_members); the key also holds the day (overdue, "due this week"), and an entry
# is only good under the generations of the user and of every group declared
# shown_on_member_pages that it was rendered under.
# MEMBER_PAGE_SECONDS bounds what drifts with the clock alone (the coach page's 30-day counts).


def _member_key(user_id: object) -> str:
    return f"pagecache:member:{user_id}"


def bump_members(user_ids: Iterable[object]) -> None:
    """Every cached page of these users is stale from now on (and again at commit)."""
    _bump_keys([_member_key(user_id) for user_id in set(user_ids) if user_id])


def _has_messages(request: HttpRequest) -> bool:
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", None)
    return bool(
        MESSAGES_COOKIE in request.COOKIES
        or "_messages" in getattr(request, "session", {})
        or queued  # a message added while rendering: the next page shows it
    )


def cache_member_page(
    *, on_hit: Callable[[HttpRequest, Any], None] | None = None, timeout: int | None = None
) -> Callable[[View], View]:
    """Cache a signed-in GET page for its own user only (see above).

    on_hit(request, extra): called when the page comes from the cache, with what the view left in
    `response.pagecache_extra` when it was rendered (the coach page logs the clients it shows).
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            user = request.user
            if (
                not settings.PAGE_CACHE
                or request.method != "GET"
                or not user.is_authenticated
                or request.GET
                or _has_messages(request)
            ):
                return view(request, *args, **kwargs)
            raw = "|".join(
                [
                    view.__module__,
                    view.__qualname__,
                    translation.get_language() or "",
                    request.scheme or "",
                    request.get_host(),
                    request.path,
                    timezone.localdate().isoformat(),
                ]
            )
            key = f"pagecache:private:{user.pk}:{hashlib.sha256(raw.encode()).hexdigest()}"
            generation_keys = [_member_key(user.pk), *(group.generation_key for group in _member_page_groups())]
            entry, generations = _lookup(key, generation_keys)
            if entry is not None and entry.get("user_id") == user.pk:
                if on_hit is not None:
                    on_hit(request, entry["extra"])
                return _from_entry(request, entry)
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponse) and _storable(response) and not _has_messages(request):
                extra = getattr(response, "pagecache_extra", None)
                entry = _entry(response, generations, user_id=user.pk, extra=extra)
                cache.set(key, entry, settings.MEMBER_PAGE_CACHE_SECONDS if timeout is None else timeout)
            return response

        return wrapped

    return decorator


# --- Fragments every reader shares ----------------------------------------------------------------
#
# Not a page: a part of one (a guide's rendered body, a page of the guide list, the home page's
# latest guides) that is the same for every reader of a language in a time zone, kept under its
# group's generation, so a change that bumps the group shows at once, with or without the page
# cache. Nothing of one member may go into one: the key says only the language and the zone.
# Only with settings.FRAGMENT_CACHE (on when the cache is shared, like PAGE_CACHE): a per-process
# cache would keep serving what another process's change made stale.

T = TypeVar("T")


def fragments_on() -> bool:
    return bool(settings.FRAGMENT_CACHE)


def shared_fragment(
    group: PageGroup,
    name: str,
    parts: Iterable[object],
    compute: Callable[[], T],
    *,
    valid_until: Callable[[], float | None] | None = None,
    timeout: int | None = None,
) -> T:
    """compute(), or what it gave for the same name, parts, language and time zone since `group`
    last changed (and before valid_until's time, when given). compute() may raise (a 404): nothing
    is stored then."""
    if not fragments_on():
        return compute()
    raw = repr([translation.get_language() or "", timezone.get_current_timezone_name(), *map(str, parts)])
    key = f"fragment:{group.name}:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"
    entry, generations = _lookup(key, [group.generation_key])
    if entry is not None and (entry["until"] is None or time.time() < entry["until"]):
        stored: T = entry["value"]
        return stored
    value = compute()
    # Stored under the generations read before computing: a change made meanwhile wins.
    until = valid_until() if valid_until else None
    entry = {"generations": generations, "until": until, "value": value}
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS if timeout is None else timeout)
    return value
