"""Small fixed-window rate limits, kept in the cache: on POSTs (sign-up, password reset, forms that
check the current password) and on failed log-ins per client address.

With the default local-memory cache the count is per process; with Redis (REDIS_URL, see
docs/DEPLOYMENT.md) it is shared by every web process.
"""

import functools
import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rookie.lib.counters import counter_hit, counter_value
from rookie.lib.identity import email_skeleton

View: TypeAlias = Callable[..., HttpResponse]


def client_ip(request: HttpRequest) -> str:
    if settings.BEHIND_PROXY:
        # The proxy appends the address it saw; earlier entries are whatever the client claimed.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return str(forwarded).split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def _key(name: str, value: str) -> str:
    # Every value is counted as an e-mail address's skeleton (rookie/lib/identity.py): every spelling of
    # an address, look-alike letters included, shares one counter. IPs and ids stay as they are.
    digest = hashlib.sha256(email_skeleton(str(value)).encode()).hexdigest()[:32]
    return f"ratelimit:{name}:{digest}"


def too_many_requests(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/429.html", status=429)


def rate_limit_post(
    name: str, *, limit: int, window_seconds: int, keys: Callable[[HttpRequest], Iterable[str]]
) -> Callable[[View], View]:
    """Refuse with a 429 page once a POST's key (IP, e-mail…) has been seen `limit` times in the window.

    `keys` is a function of the request returning the values to count (each one separately).
    """

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                for value in keys(request):
                    if not value:
                        continue
                    if counter_hit(_key(name, value), window_seconds=window_seconds) > limit:
                        return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def failure_record(name: str, value: str, *, window_seconds: int) -> int:
    """Count one failure of `value` (say, a client address) under `name`; returns the count so far."""
    return counter_hit(_key(name, value), window_seconds=window_seconds) if value else 0


def failure_count(name: str, value: str) -> int:
    """How many failures `value` has had under `name` in the current window."""
    return counter_value(_key(name, value)) if value else 0


def per_user(request: HttpRequest) -> list[str]:
    """The signed-in user's id as a rate-limit key (nothing for an anonymous visitor)."""
    return [str(request.user.pk)] if request.user.is_authenticated else []


# Every form that asks for the current password (changing it, on the site and in the admin, and
# deleting the account) shares one counter per user: a stolen session could otherwise guess the
# password there without django-axes noticing, and a counter per form would multiply the guesses.
CURRENT_PASSWORD_LIMIT = 10
CURRENT_PASSWORD_WINDOW_SECONDS = 3600


def current_password_limit(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """At most CURRENT_PASSWORD_LIMIT POSTs an hour per user to the views that check the password."""
    return rate_limit_post(
        "current-password",
        limit=CURRENT_PASSWORD_LIMIT,
        window_seconds=CURRENT_PASSWORD_WINDOW_SECONDS,
        keys=per_user,
    )(view)


def axes_client_ip(request: HttpRequest) -> str:
    """django-axes keys on the same client address as our rate limits (REMOTE_ADDR; set by the proxy)."""
    return client_ip(request)
