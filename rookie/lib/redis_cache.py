"""Django's Redis cache backend, keeping one redis-py client per connection pool.

Django's RedisCacheClient.get_client builds a new redis.Redis for every cache call, and redis-py's
constructor fills its table of response callbacks each time: on a signed-in page with half a dozen
cache calls (session, generation counters, kept fragments) that was about a millisecond of a
request. A redis.Redis holds nothing but its pool and is safe to share between threads, so one per
pool does the same work. settings.CACHES names this backend when REDIS_URL is set.
"""

from typing import Any

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, servers: list[str], **options: Any) -> None:
        super().__init__(servers, **options)
        self._clients: dict[int, Any] = {}

    # The pool methods and the client class are Django's own (undocumented, absent from django-stubs):
    # get_client is the method Django's comment invites a custom client to override.
    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)  # type: ignore[attr-defined]
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
            client = self._clients[index] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
