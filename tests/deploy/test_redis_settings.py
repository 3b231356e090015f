"""REDIS_URL switches the cache (and the session store) to the shared Redis; unset, local memory.

Each case imports the settings in a fresh interpreter, so the test run's own cache is untouched.
The Redis on this machine (and in CI, on the same machine) answers at 127.0.0.1:6379.
"""

import os
import subprocess
import sys
import uuid

import pytest
import redis

from tests.deploy.settings_probe import ROOT, settings_probe

REDIS_URL = "redis://127.0.0.1:6379/15"

pytestmark = pytest.mark.slow  # each case starts an interpreter

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.cache import cache
key = {key!r}
cache.set(key, {{"n": 1}}, timeout=30)
value = cache.get(key)
cache.delete(key)
print(json.dumps({{
    "backend": settings.CACHES["default"]["BACKEND"],
    "prefix": settings.CACHES["default"].get("KEY_PREFIX", ""),
    "sessions": settings.SESSION_ENGINE,
    "value": value,
    "gone": cache.get(key) is None,
}}))
"""


def _probe(**env):
    key = f"settings-probe:{uuid.uuid4().hex}"
    return key, settings_probe(PROBE.format(key=key), drop={"REDIS_URL"}, **env)


def test_without_redis_url_the_cache_is_local_memory_and_sessions_the_database():
    _key, found = _probe()
    assert found["backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["sessions"] == "django.contrib.sessions.backends.db"
    assert found["value"] == {"n": 1}


@pytest.mark.usefixtures("redis_server")
def test_with_redis_url_the_cache_is_redis_with_a_key_prefix_and_sessions_are_cached_db():
    key, found = _probe(REDIS_URL=REDIS_URL)
    assert found["backend"] == "rookie.lib.redis_cache.RedisCache"
    assert found["prefix"] == "rookie"
    assert found["sessions"] == "rookie.lib.sessions"  # cached_db that survives Redis being down
    assert found["value"] == {"n": 1}
    assert found["gone"] is True


@pytest.mark.usefixtures("redis_server")
def test_a_value_set_by_one_process_is_read_by_another_through_redis():
    # Two interpreters stand for two web instances: the second sees what the first stored.
    key = f"settings-probe:{uuid.uuid4().hex}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "rookie.settings", "REDIS_URL": REDIS_URL}
    setup = "import django; django.setup(); from django.core.cache import cache;"
    subprocess.run(
        [sys.executable, "-c", setup + f"cache.set({key!r}, 'shared', timeout=30)"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=60,
    )
    raw = redis.Redis.from_url(REDIS_URL)
    assert raw.exists(f"rookie:1:{key}") == 1  # Django's key: prefix, version, key
    result = subprocess.run(
        [sys.executable, "-c", setup + f"print(cache.get({key!r})); cache.delete({key!r})"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "shared"
    assert raw.exists(f"rookie:1:{key}") == 0
