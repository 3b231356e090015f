"""The run's migrated SQLite template: one `manage.py migrate` per test run, shared by every xdist
worker (tests/conftest.py: migrated_sqlite_template, and through it each worker's in-memory test
database and the tests that start processes on a file of their own).

`python -m tests.sqlite_template <folder>` makes it in the background: the xdist controller starts
that before the workers, so the migration runs while they start and collect.
"""

import fcntl
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "migrated-template.sqlite3"


def sqlite_copy(source_path: Path, path: Path) -> Path:
    """A copy by SQLite's backup, which also carries what the WAL holds."""
    with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
    return path


def migrate(env: dict[str, str]) -> None:
    """`manage.py migrate` in a process of its own, on the database `env` names."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


def ensure(folder: Path) -> Path:
    """The template in `folder`, made by the first caller; a file lock keeps the others waiting."""
    template = folder / NAME
    with (folder / "migrated-template.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            # Migrated beside it, then copied in whole: a failed migration leaves no template.
            migrating = template.with_suffix(".partial")
            env = {**os.environ, "SQLITE_NAME": str(migrating)}
            env.pop("DATABASE_URL", None)
            migrate(env)
            sqlite_copy(migrating, template)
    return template


if __name__ == "__main__":
    ensure(Path(sys.argv[1]))
