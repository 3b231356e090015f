"""Run a script against rookie.settings in a fresh interpreter, with a chosen environment.

Settings are read once per process, so a test of what an environment variable switches on cannot
reload them in the test run itself (and must not: the run's own cache and databases stay as they are).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_probe(script, *, drop=(), **env):
    """Run `script` (which prints one JSON line last) with `drop` removed from the environment and
    `env` added; returns the decoded JSON."""
    clean = {name: value for name, value in os.environ.items() if name not in set(drop)}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "rookie.settings", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
