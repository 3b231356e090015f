"""Development and benchmark tooling stays out of production.

- The bench app (bench_data, the /bench/baseline/ page) exists only with BENCH_ENABLED=1, which only
  `make bench` (scripts/bench.py) sets. Settings are read once per process, so each start is tried
  in a fresh interpreter with exactly the environment under test.
- seed_demo and bench_data create accounts with a known password: they refuse to run with DEBUG off
  unless given --force, before writing anything.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.models import User
from bench.management.commands.bench_data import Command as BenchData

ROOT = Path(__file__).resolve().parents[2]

# A production start: DEBUG off, the secrets it requires, nothing else of the test run's.
PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "testserver", "SECURE_COOKIES": "0"}

PROBE = """
import json
import django
django.setup()
from django.apps import apps
from django.core.management import get_commands
from django.test import Client
from django.urls import Resolver404, resolve
try:
    view = resolve("/bench/baseline/").func.__module__
except Resolver404:
    view = None
client = Client()
print(json.dumps({
    "installed": apps.is_installed("bench"),
    "command": "bench_data" in get_commands(),
    "view": view,
    "get": client.get("/bench/baseline/").status_code,
    "post": client.post("/bench/baseline/").status_code,
}))
"""


def _start(tmp_path, **env):
    """What a process started with exactly this environment (plus PRODUCTION) has of the bench app."""
    names = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "BENCH_ENABLED"}
    clean = {name: value for name, value in os.environ.items() if name not in names}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={
            **clean,
            **PRODUCTION,
            "DJANGO_SETTINGS_MODULE": "rookie.settings",
            "SQLITE_NAME": str(tmp_path / "probe.sqlite3"),
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # a fresh interpreter with Django
def test_a_production_start_has_no_bench_app_command_or_page(tmp_path):
    found = _start(tmp_path)
    assert found == {"installed": False, "command": False, "view": None, "get": 404, "post": 404}


@pytest.mark.slow  # a fresh interpreter with Django
def test_bench_enabled_brings_the_app_its_command_and_its_page(tmp_path):
    found = _start(tmp_path, BENCH_ENABLED="1")
    assert found == {"installed": True, "command": True, "view": "bench.views", "get": 200, "post": 405}


@pytest.mark.slow  # a fresh interpreter with Django
def test_a_malformed_bench_enabled_stops_the_start(tmp_path):
    clean = {name: value for name, value in os.environ.items() if name != "BENCH_ENABLED"}
    result = subprocess.run(
        [sys.executable, "-c", "import rookie.settings"],
        cwd=ROOT,
        env={**clean, **PRODUCTION, "BENCH_ENABLED": "maybe"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    assert "BENCH_ENABLED must be a boolean" in result.stderr


DEMO_EMAILS = ("member@demo.rookie.test", "coach@demo.rookie.test", "editor@demo.rookie.test")


@pytest.mark.django_db
def test_seed_demo_refuses_with_debug_off_and_says_why():
    # The test run has DEBUG off, like production.
    with pytest.raises(CommandError) as refused:
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 (discarded output)
    message = str(refused.value)
    assert "rookie-demo-2026" in message and "DEBUG" in message and "--force" in message
    assert not User.objects.exists()


@pytest.mark.django_db
def test_seed_demo_runs_with_force():
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115 (discarded output)
    assert set(User.objects.filter(email__in=DEMO_EMAILS).values_list("email", flat=True)) == set(DEMO_EMAILS)


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_runs_with_debug_on():
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 (discarded output)
    assert User.objects.filter(email__in=DEMO_EMAILS).count() == len(DEMO_EMAILS)


@pytest.mark.django_db
def test_bench_data_refuses_with_debug_off_and_says_why():
    with pytest.raises(CommandError) as refused:
        call_command(BenchData(), scale=0.002, verbosity=0)
    message = str(refused.value)
    assert "known password" in message and "DEBUG" in message and "--force" in message
    assert not User.objects.exists()


@pytest.mark.django_db
def test_bench_data_runs_with_force():
    call_command(BenchData(), scale=0.002, force=True, verbosity=0)
    assert User.objects.filter(email__endswith="@bench.rookie.test").exists()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_bench_data_runs_with_debug_on():
    call_command(BenchData(), scale=0.002, verbosity=0)
    assert User.objects.filter(email__endswith="@bench.rookie.test").exists()
