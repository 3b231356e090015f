"""The README's commands work as written on a fresh clone.

Each fenced block in README.md is preceded by a marker: `<!-- readme-test: run -->` blocks are run
here, line by line in bash from the checkout, against a throwaway SQLite database; the others say
why they are not (`<!-- readme-test: not run (...) -->`). A block without a marker fails, so a new
command in the README is either tried here or says why not.
"""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MARKER = re.compile(r"<!-- readme-test: (run|not run \(.+\)) -->")

pytestmark = pytest.mark.slow


def _blocks() -> list[tuple[int, str, str]]:
    """(line number, marker or "", body) of every fenced block."""
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks, start = [], None
    for number, line in enumerate(lines):
        if line.startswith("```"):
            if start is None:
                start = number
            else:
                before = lines[start - 1] if start else ""
                marker = MARKER.fullmatch(before.strip())
                blocks.append((start + 1, marker.group(1) if marker else "", "\n".join(lines[start + 1 : number])))
                start = None
    return blocks


def test_every_block_says_whether_it_is_run():
    unmarked = [line for line, marker, _body in _blocks() if not marker]
    assert not unmarked, f"README.md blocks at lines {unmarked} need a readme-test marker (see this test)"
    assert any(marker == "run" for _line, marker, _body in _blocks())


@pytest.mark.parametrize(
    "block",
    [pytest.param(body, id=f"README.md line {line}") for line, marker, body in _blocks() if marker == "run"],
)
def test_the_block_runs_as_written(block, tmp_path, migrated_sqlite_file):
    # The commands name no database: they get the checkout's default, pointed at a throwaway file
    # (SQLITE_NAME), migrated first as `make run` would have done.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SECURE_COOKIES"}
    }
    env["SQLITE_NAME"] = str(migrated_sqlite_file(tmp_path / "db.sqlite3"))
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", block], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{block}\n---\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr


def test_make_run_points_links_at_the_port_it_serves_on():
    # `PORT=8101 make run`: the server, and so the calendar address and e-mailed links, use 8101.
    env = {**os.environ, "PORT": "8101"}
    env.pop("SITE_URL", None)
    result = subprocess.run(["make", "-n", "run"], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    (serve,) = [line for line in result.stdout.splitlines() if "runserver" in line]
    assert "SITE_URL=http://127.0.0.1:8101 " in serve and serve.endswith("runserver 127.0.0.1:8101")
