"""rookie.lib.redis_cache: one redis-py client per connection pool, working like Django's backend."""

import threading
import uuid

import pytest

from rookie.lib.redis_cache import RedisCache

pytestmark = pytest.mark.usefixtures("redis_server")

# Database 15: the tests' own (tests/deploy/test_redis_settings.py); each test uses a key prefix of its own.
REDIS_URL = "redis://127.0.0.1:6379/15"


def _cache() -> RedisCache:
    return RedisCache(REDIS_URL, {"KEY_PREFIX": f"redis-cache-test-{uuid.uuid4().hex}"})


def test_calls_share_one_client_per_pool():
    cache = _cache()
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: reads and writes use one pool


def test_values_round_trip_through_the_shared_client():
    cache = _cache()
    cache.set("a", {"n": 1}, 30)
    cache.set_many({"b": [2], "c": "three"}, 30)
    assert cache.get("a") == {"n": 1}
    assert cache.get_many(["a", "b", "c", "missing"]) == {"a": {"n": 1}, "b": [2], "c": "three"}
    assert cache.add("counter", 0, 30) is True
    assert cache.incr("counter", 2) == 2
    assert cache.delete("a") is True
    assert cache.get("a") is None


def test_threads_using_one_client_see_their_own_values():
    # redis-py takes a connection from the pool for each command, so sharing the client is safe.
    cache = _cache()
    errors: list[str] = []

    def work(number: int) -> None:
        for round_number in range(50):
            key = f"thread-{number}"
            cache.set(key, (number, round_number), 30)
            if cache.get(key) != (number, round_number):
                errors.append(f"thread {number} round {round_number}")

    threads = [threading.Thread(target=work, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
