"""Counters and generation numbers kept in the cache: the one place that writes "add, then incr".

- `counter_hit`: a fixed-window counter (rate limits, failed log-ins, look-up allowances). The
  first hit creates it with its expiry; every hit adds one atomically, so simultaneous requests
  never lose a count. Use Django's cache: a check that must not be skipped should fail loudly
  when the cache is unreachable (rookie/lib/cache_guard.py), not count nothing.
- `generation_read` / `generation_bump`: a number that only changes, for cache keys that must
  go stale at once (rookie/lib/pagecache.py). A missing number starts from the clock, so a
  number lost with an evicted key or a restarted cache never repeats an older one.
"""

import contextlib
import time
from typing import Any, Protocol

from django.core.cache import cache as default_cache


class CounterCache(Protocol):
    """What a counter needs from a cache; Django's caches have it."""

    def add(self, key: str, value: Any, timeout: Any = ...) -> bool: ...

    def incr(self, key: str, delta: int = 1) -> int: ...

    def decr(self, key: str, delta: int = 1) -> int: ...

    def get(self, key: str, default: Any = None) -> Any: ...


class GenerationCache(Protocol):
    """What a generation number needs; Django's caches and rookie.lib.cache_guard.TolerantCache have it."""

    def add(self, key: str, value: Any, timeout: Any = ...) -> bool: ...

    def incr(self, key: str, delta: int = 1) -> int | None: ...

    def set(self, key: str, value: Any, timeout: Any = ...) -> None: ...

    def get(self, key: str, default: Any = None) -> Any: ...


def counter_hit(key: str, *, window_seconds: int, cache: CounterCache = default_cache) -> int:
    """Count one hit on `key`; returns the count in the current window, this hit included.

    The window starts with the first hit and lasts `window_seconds`; later hits do not extend it.
    """
    for _attempt in range(2):
        cache.add(key, 0, timeout=window_seconds)
        try:
            return cache.incr(key)
        except ValueError:  # the window ended between add() and incr(): start the next one
            continue
    # Two windows ended within two calls: only a window of (almost) no time does that.
    return 1


def counter_value(key: str, *, cache: CounterCache = default_cache) -> int:
    """The count in the current window (0 when none has started)."""
    return int(cache.get(key) or 0)


def counter_give_back(key: str, *, cache: CounterCache = default_cache) -> None:
    """Take one hit back (a hit that turned out not to count); nothing when the window has ended."""
    with contextlib.suppress(ValueError):
        cache.decr(key)


def generation_read(key: str, *, cache: GenerationCache, known: Any = None) -> int:
    """The current generation under `key`, starting one if there is none.

    `known`: the value already fetched for `key` (say, by a get_many with other keys), or None.
    """
    if known is not None:
        return int(known)
    # add() only writes when the key is missing: of two processes starting it at once, one wins.
    cache.add(key, time.time_ns(), timeout=None)
    return int(cache.get(key, 0))


def generation_bump(key: str, *, cache: GenerationCache) -> None:
    """Move the generation under `key` on: everything keyed by the old one is stale."""
    try:
        cache.incr(key)
    except ValueError:  # missing (never read, or evicted): a fresh number from the clock
        cache.set(key, time.time_ns(), timeout=None)
