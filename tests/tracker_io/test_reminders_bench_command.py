"""`manage.py bench_reminders` end to end, small: it makes the members, times one and two worker
processes on an SQLite file of its own, and every due member gets one digest in each timing."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from bench.management.commands import bench_reminders

ROOT = Path(__file__).resolve().parents[2]


def _manage(args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def bench_env(tmp_path, migrated_sqlite_file):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG"}}
    env.update(
        DEBUG="0",
        BENCH_ENABLED="1",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="localhost",
        SQLITE_NAME=str(migrated_sqlite_file(tmp_path / "bench.sqlite3")),
    )
    return env


@pytest.mark.slow
def test_it_times_one_and_two_workers_and_each_sends_every_digest_once(bench_env):
    result = _manage(
        ["bench_reminders", "--members", "24", "--batch-size", "5", "--date", "2026-03-12", "--force"], bench_env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Members with a digest due on 2026-03-12: 24" in result.stdout
    # "N worker(s): … s, … digests/s (a + b sent in …)": the workers' shares add up to every member.
    for count in (1, 2):
        line = re.search(rf"^{count} workers?: .*\((.+?) sent in", result.stdout, re.MULTILINE)
        assert line, result.stdout
        shares = [int(share.replace(",", "")) for share in line.group(1).split(" + ")]
        assert (len(shares), sum(shares)) == (count, 24), line.group(0)


# The refusals come before any database work, so they run in this process: no migrated file needed.
# The bench app is installed only with BENCH_ENABLED (as in the subprocess above), so the command is
# passed as an object.
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--members", "0", "--force"], "whole number above 0"),
        (["--members", "5", "--workers", "1,x", "--force"], "whole number above 0"),
        (["--members", "5"], "DEBUG on, or with --force"),
    ],
)
def test_it_refuses_bad_arguments_and_a_production_database(settings, args, message):
    settings.DEBUG = False
    with pytest.raises(CommandError, match=message):
        call_command(bench_reminders.Command(), *args)
