"""The production command line (scripts/start-web.sh → gunicorn), run outside Docker.

docker-compose.yml and the Dockerfile start the web process with the same script, so this proves
the container's command works without a Docker engine.
"""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_it_serves_the_site_with_gunicorn_and_production_settings(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "gunicorn-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "RUN_MIGRATIONS": "1",
        "SQLITE_NAME": str(tmp_path / "gunicorn.db"),
    }
    env.pop("DATABASE_URL", None)  # its own throwaway SQLite file, migrated by the script
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "start-web.sh")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline:
            try:
                status, _body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except (ConnectionError, urllib.error.URLError):
                time.sleep(0.3)
        assert status == 200, process.stdout.read1().decode() if process.poll() is not None else "no answer"
        assert _get(f"http://127.0.0.1:{port}/readyz")[0] == 200
        status, body = _get(f"http://127.0.0.1:{port}/sv/")
        assert status == 200
        assert '<html lang="sv">' in body
    finally:
        process.terminate()
        process.wait(timeout=20)
