"""Sessions in the database, read through the shared cache, that keep working when the cache is down.

SESSION_ENGINE with REDIS_URL (settings.py). Django's cached_db store survives a failed cache read
but not a failed write after a database read, a failed `exists()` when a new key is made (log-in),
or a failed delete: with Redis unreachable, every signed-in page and every log-in was a 500. Here
the database stays the source of truth and the cache is used when it answers
(rookie/lib/cache_guard.py).

One case fails closed: ending a session (log-out, `flush()`) while the cache is unreachable.
Its cached copy could not be deleted, and would sign the member back in as soon as the cache
answers again; so nothing is deleted and the member gets the 503 "try again in a moment" page.
Other deletions (a key replaced at log-in or password change, account deletion) leave nothing a
cached copy could bring back: the old key's data is not signed in, carries the old password's
hash, or names a user who no longer exists.
"""

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.core.cache import BaseCache, caches

from rookie.lib.cache_guard import CacheUnavailable, TolerantCache, cache_errors


class SessionStore(cached_db.SessionStore):
    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self._strict_cache: BaseCache = caches[settings.SESSION_CACHE_ALIAS]
        self._cache = TolerantCache(settings.SESSION_CACHE_ALIAS)

    def flush(self) -> None:
        if self.session_key is not None:
            try:
                self._strict_cache.delete(self.cache_key_prefix + self.session_key)
            except cache_errors() as error:
                raise CacheUnavailable("the session's cached copy cannot be deleted") from error
        super().flush()
