"""What Rookie does when the shared cache (Redis, REDIS_URL) cannot be reached.

The cache only ever holds copies (rendered pages, cached sessions) and counters.
So code that reads through it treats an unreachable cache as a miss and a write to it as done:
`tolerant_cache` has the cache's methods with that behaviour. Code whose check must not be skipped
(rate limits) uses the real cache and raises CacheUnavailable instead, which
rookie.middleware.CacheUnavailableMiddleware answers with a 503 "try again in a moment" page.

An unreachable Redis may cost a connect timeout per call (settings: 2 s). After a failure,
tolerant_cache skips the cache for RETRY_SECONDS in that thread, so a page does not wait once per
cache call during an outage.
"""

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger("rookie.cache")

# Seconds a thread skips the cache after a failed call.
RETRY_SECONDS = 5.0
_DOWN_UNTIL = "_rookie_cache_down_until"

T = TypeVar("T")


def cache_errors() -> tuple[type[Exception], ...]:
    """Everything a cache call raises when the server is unreachable, times out or refuses the command.

    A function, evaluated only when something was raised: importing redis takes about 35 ms, paid by
    every process at its start (each gunicorn worker, each management command), while the default
    cache (local memory, no REDIS_URL) never raises these.
    """
    from redis.exceptions import RedisError

    return (RedisError,)


class CacheUnavailable(Exception):
    """A check that must not be skipped could not reach the cache: the request is refused with a 503."""


class TolerantCache:
    """The cache of `alias`, for reading code: an unreachable cache is a miss, a write is dropped.

    Same signatures and meaning as Django's cache (timeout=None keeps a value forever). Looks the
    backend up on each call: caches[alias] is per thread and follows settings changes.
    """

    def __init__(self, alias: str = "default") -> None:
        self.alias = alias

    def _call(self, operation: Callable[[BaseCache], T], fallback: T) -> T:
        backend = caches[self.alias]
        if getattr(backend, _DOWN_UNTIL, 0.0) > time.monotonic():
            return fallback
        try:
            return operation(backend)
        except cache_errors() as error:
            setattr(backend, _DOWN_UNTIL, time.monotonic() + RETRY_SECONDS)
            logger.warning("cache unavailable, carrying on without it for %ss: %s", RETRY_SECONDS, error)
            return fallback

    def get(self, key: str, default: Any = None) -> Any:
        return self._call(lambda cache: cache.get(key, default), default)

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        keys = list(keys)
        return self._call(lambda cache: cache.get_many(keys), {})

    def set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> None:
        self._call(lambda cache: cache.set(key, value, timeout), None)

    def add(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> bool:
        return self._call(lambda cache: cache.add(key, value, timeout), False)

    def incr(self, key: str, delta: int = 1) -> int | None:
        """The new value; None when the cache cannot be reached. A missing key raises ValueError."""
        return self._call(lambda cache: cache.incr(key, delta), None)

    def delete(self, key: str) -> bool:
        return self._call(lambda cache: cache.delete(key), False)

    def has_key(self, key: str) -> bool:
        return self._call(lambda cache: cache.has_key(key), False)

    def __contains__(self, key: str) -> bool:
        return self.has_key(key)


tolerant_cache = TolerantCache()


def cache_answers(alias: str = "default") -> bool:
    """Whether the cache answers a read right now (the readiness probe); never uses the skip window."""
    try:
        caches[alias].get("readyz:probe")
    except cache_errors():
        return False
    return True
