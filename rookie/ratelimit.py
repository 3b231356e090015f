"""A small fixed-window rate limit on POSTs (sign-up, password reset), kept in the cache.

With the default local-memory cache the count is per process; with Redis (REDIS_URL, see
docs/DEPLOYMENT.md) it is shared by every web process.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_ip(request):
    if settings.BEHIND_PROXY:
        # The proxy appends the address it saw; earlier entries are whatever the client claimed.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _hit(key, window_seconds):
    # add() creates the counter with its expiry only if it is missing; incr() then counts atomically.
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        return 1


def too_many_requests(request):
    return render(request, "errors/429.html", status=429)


def rate_limit_post(name, *, limit, window_seconds, keys):
    """Refuse with a 429 page once a POST's key (IP, e-mail…) has been seen `limit` times in the window.

    `keys` is a function of the request returning the values to count (each one separately).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                for value in keys(request):
                    if not value:
                        continue
                    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
                    if _hit(f"ratelimit:{name}:{digest}", window_seconds) > limit:
                        return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def axes_client_ip(request):
    """django-axes keys on the same client address as our rate limits (REMOTE_ADDR; set by the proxy)."""
    return client_ip(request)
