"""Two `send_reminders` workers started together on the same day's data: each due member gets
exactly one digest, and each worker sends a share of them.

They run as two processes against a database of their own (pytest's test database cannot serve: on
SQLite it lives in the test process's memory, and on PostgreSQL the run rolls back what it writes),
of the kind the suite runs on: with DATABASE_URL set (CI's PostgreSQL run, `.ci/run`), a fresh
PostgreSQL database on that server, where the workers divide the members with
`FOR NO KEY UPDATE SKIP LOCKED`; otherwise an SQLite file, where claims queue behind SQLite's
one writer. Each run checks its own database's way, and the test first makes sure that the
PostgreSQL run really uses PostgreSQL.
"""

import json
import os
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import psycopg
import pytest

from tests import sqlite_template

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-03-12"
MEMBERS = 600
BATCH = 20

pytestmark = pytest.mark.slow


def _worker(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "tests.tracker_io.reminder_worker", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
        **kwargs,
    )


@pytest.fixture
def worker_env(tmp_path_factory, migrated_sqlite_file):
    """The environment both workers run with: a migrated database of their own, MEMBERS due on DAY."""
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "reminder-workers-" + "s" * 40, "ALLOWED_HOSTS": "localhost"}
    env.pop("REDIS_URL", None)
    run_url = os.environ.get("DATABASE_URL")
    admin_url = name = None
    if run_url:
        parts = urllib.parse.urlsplit(run_url)
        name = f"{parts.path.lstrip('/')}_reminder_workers_{os.getpid()}"
        admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
        sqlite_template.migrate(env)
    else:
        env.pop("DATABASE_URL", None)
        env["SQLITE_NAME"] = str(migrated_sqlite_file(tmp_path_factory.mktemp("reminder-workers") / "shared.db"))
    try:
        _worker(env, "seed", str(MEMBERS), DAY)
        yield env
    finally:
        if admin_url:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _start_together(env, mail_dir, count=2):
    """Start `count` workers, let them through the gate at once when all are ready; wait for them."""
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.tracker_io.reminder_worker", "send", str(mail_dir), DAY, str(BATCH)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(count)
    ]
    try:
        deadline = time.monotonic() + 60
        while len(list(mail_dir.glob("ready-*"))) < count:
            assert all(worker.poll() is None for worker in workers), [worker.communicate() for worker in workers]
            assert time.monotonic() < deadline, "the workers did not start within 60 s"
            time.sleep(0.05)
        (mail_dir / "go").touch()
        outputs = [worker.communicate(timeout=120)[0] for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert [worker.returncode for worker in workers] == [0] * count, outputs
    return {worker.pid: output for worker, output in zip(workers, outputs, strict=True)}


def test_it_sends_each_due_member_one_digest_and_both_workers_share_the_work(worker_env, tmp_path):
    # CI's PostgreSQL run must exercise PostgreSQL's way (SKIP LOCKED), not fall back to SQLite's.
    on_postgresql = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    assert worker_env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")) == on_postgresql
    assert ("SQLITE_NAME" in worker_env) != on_postgresql

    outputs = _start_together(worker_env, tmp_path)
    sent_by = {
        pid: (tmp_path / f"sent-{pid}.txt").read_text().split() if (tmp_path / f"sent-{pid}.txt").exists() else []
        for pid in outputs
    }
    everyone = [email for emails in sent_by.values() for email in emails]
    duplicates = [email for email, times in Counter(everyone).items() if times > 1]
    assert not duplicates, duplicates
    assert sorted(everyone) == sorted(f"worker-member-{index}@example.com" for index in range(MEMBERS))
    # Each worker took a share: at least a few batches (about half each when they really run
    # side by side; the floor leaves room for a busy machine).
    shares = sorted(len(emails) for emails in sent_by.values())
    assert shares[0] >= 3 * BATCH, (shares, outputs)
    for pid, output in outputs.items():
        assert f"Reminders for {DAY}: {len(sent_by[pid])} sent, 0 failed" in output

    report = json.loads(_worker(worker_env, "report", DAY).stdout)
    assert report == {"sent": MEMBERS, "claimed_not_sent": 0, "workers": 2}

    # A third worker later that day finds nothing left to send.
    (tmp_path / "later").mkdir()
    (later,) = _start_together(worker_env, tmp_path / "later", count=1).values()
    assert f"Reminders for {DAY}: 0 sent, 0 failed" in later
    assert not list((tmp_path / "later").glob("sent-*"))
