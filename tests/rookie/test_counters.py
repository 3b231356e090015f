import time

from django.core.cache import cache

from rookie.lib.cache_guard import tolerant_cache
from rookie.lib.counters import counter_give_back, counter_hit, counter_value, generation_bump, generation_read


def test_it_counts_hits_in_a_window():
    assert counter_value("c") == 0
    assert [counter_hit("c", window_seconds=60) for _ in range(3)] == [1, 2, 3]
    assert counter_value("c") == 3


def test_a_window_that_ends_between_add_and_incr_starts_the_next_one(monkeypatch):
    real_add = cache.add
    calls = []

    def add_then_expire(key, value, timeout=None):
        calls.append(key)
        created = real_add(key, value, timeout)
        if len(calls) == 1:
            cache.delete(key)  # the window ends right after add()
        return created

    monkeypatch.setattr(cache, "add", add_then_expire)
    assert counter_hit("c", window_seconds=60) == 1
    assert counter_value("c") == 1


def test_giving_back_a_hit():
    counter_hit("c", window_seconds=60)
    counter_hit("c", window_seconds=60)
    counter_give_back("c")
    assert counter_value("c") == 1
    counter_give_back("gone")  # no window: nothing to give back, no error
    assert counter_value("gone") == 0


def test_a_generation_starts_from_the_clock_and_only_moves_on():
    before = time.time_ns()
    first = generation_read("g", cache=tolerant_cache)
    assert first >= before
    assert generation_read("g", cache=tolerant_cache) == first
    generation_bump("g", cache=tolerant_cache)
    assert generation_read("g", cache=tolerant_cache) > first


def test_a_lost_generation_never_repeats_an_older_one():
    first = generation_read("g", cache=tolerant_cache)
    generation_bump("g", cache=tolerant_cache)
    bumped = generation_read("g", cache=tolerant_cache)
    cache.delete("g")  # evicted
    generation_bump("g", cache=tolerant_cache)
    assert generation_read("g", cache=tolerant_cache) not in (first, bumped)


def test_a_known_generation_is_not_read_again():
    assert generation_read("g", cache=tolerant_cache, known=42) == 42
    assert cache.get("g") is None
