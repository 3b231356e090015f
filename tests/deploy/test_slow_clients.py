"""Slow clients cannot starve Rookie's workers behind the proxy (docs/DEPLOYMENT.md, "Slow clients").

A gthread worker holds a thread for as long as a client takes to send its request, and a replica
has only workers × threads of them (3 × 2 in production): ten clients sending a byte a second
stall it. gunicorn cannot bound that time, so the proxy in front does: deploy/Caddyfile reads the
headers and the whole body itself, within timeouts, before a replica sees the request.

These tests run the production command (scripts/start-web.sh: gunicorn with rookie/gunicorn.conf.py
and its defaults of 3 workers × 2 threads) and Caddy with deploy/Caddyfile in front of it. The
Caddyfile is the committed one with two substitutions: the listener is a free loopback port instead
of :80, and the one gunicorn instead of Docker's DNS name "web". Caddy is Debian's `caddy` package
(.ci/run installs it); Debian's 2.6 spells `request_buffers <size>` as `buffer_requests` with
`max_buffer_size`, so that directive is translated for it. Only 127.0.0.1 is ever contacted.
"""

import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CADDYFILE = ROOT / "deploy" / "Caddyfile"
SLOW_CLIENTS = 10
# /healthz must answer within this many seconds while the slow clients are connected.
ANSWER_WITHIN = 3
TOKEN = "Sl0w-Secret_token99"
# The committed header timeout, and the shorter one the test's copy uses so the drop test waits
# seconds, not the full production limit; the directive is the same, only its number differs.
READ_HEADER = re.compile(r"read_header (\d+)s")
TEST_READ_HEADER_SECONDS = 2

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("slow_clients")]  # one worker starts gunicorn and Caddy


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port, path, *, timeout=ANSWER_WITHIN, headers=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback only)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _wait_until_up(port, process, log):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}:\n{log.read_text()}")
        try:
            if _get(port, "/healthz")[0] == 200:
                return
        except (ConnectionError, urllib.error.URLError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(f"no answer on port {port}:\n{log.read_text()}")


@contextmanager
def _running(command, *, env, log, port, cwd=ROOT):
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(port, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory, migrated_sqlite_file):
    """(port, log file) of the production command on a migrated SQLite file of its own."""
    directory = tmp_path_factory.mktemp("slow-clients")
    port = _free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "slow-clients-" + "s" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "RUN_MIGRATIONS": "0",  # migrating on start is tests/rookie/test_gunicorn.py's
        "SQLITE_NAME": str(migrated_sqlite_file(directory / "rookie.db")),
    }
    for name in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_THREADS"):
        env.pop(name, None)  # production's defaults: 3 workers × 2 threads
    log = directory / "gunicorn.log"
    with _running([str(ROOT / "scripts" / "start-web.sh")], env=env, log=log, port=port):
        yield port, log


def _caddyfile_for_test(listen_port, upstream_port, caddy_version, read_header=None):
    text = CADDYFILE.read_text()
    if read_header is not None:
        text, replaced = READ_HEADER.subn(f"read_header {read_header}s", text, count=1)
        assert replaced == 1
    text = text.replace(":80 {", f":{listen_port} {{\n\tbind 127.0.0.1", 1)
    text, replaced = re.subn(r"dynamic a \{.*?\}", f"to 127.0.0.1:{upstream_port}", text, count=1, flags=re.S)
    assert replaced == 1
    size = re.search(r"request_buffers (\d+)MB", text)
    if size and caddy_version < (2, 7):
        text = text.replace(size.group(0), f"buffer_requests\n\t\tmax_buffer_size {int(size.group(1)) * 10**6}")
    return text


@contextmanager
def _caddy_in_front_of(gunicorn_port, directory, read_header=None):
    """Caddy with deploy/Caddyfile (its header timeout replaced when given) in front of gunicorn."""
    caddy = shutil.which("caddy")
    if not caddy:
        pytest.fail("Caddy is not installed (no `caddy` on PATH): apt-get install caddy (.ci/run does)", pytrace=False)
    version = subprocess.run([caddy, "version"], capture_output=True, text=True, check=True).stdout
    major, minor = (int(part) for part in re.match(r"v?(\d+)\.(\d+)", version).groups())
    port = _free_port()
    config = directory / "Caddyfile"
    config.write_text(_caddyfile_for_test(port, gunicorn_port, (major, minor), read_header))
    # Caddy keeps its state (autosaved config, certificates) under these; keep it in the test's folder.
    env = {**os.environ, "HOME": str(directory), "XDG_CONFIG_HOME": str(directory), "XDG_DATA_HOME": str(directory)}
    command = [caddy, "run", "--config", str(config), "--adapter", "caddyfile"]
    with _running(command, env=env, log=directory / "caddy.log", port=port, cwd=directory):
        yield port


@pytest.fixture(scope="module")
def proxy(gunicorn, tmp_path_factory):
    """The port of Caddy with the committed deploy/Caddyfile in front of the gunicorn above."""
    with _caddy_in_front_of(gunicorn[0], tmp_path_factory.mktemp("caddy")) as port:
        yield port


@pytest.fixture
def quick_header_proxy(gunicorn, tmp_path):
    """The same proxy with a header timeout of TEST_READ_HEADER_SECONDS, so a test can wait it out."""
    with _caddy_in_front_of(gunicorn[0], tmp_path, read_header=TEST_READ_HEADER_SECONDS) as port:
        yield port


@contextmanager
def _slow_clients(port, first_bytes, trickle):
    """SLOW_CLIENTS connections that send `first_bytes`, then one `trickle` every second."""
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(SLOW_CLIENTS)]
    stop = threading.Event()

    def send_slowly():
        while not stop.wait(1):
            for sock in sockets:
                with suppress(OSError):  # the other side gave up on this client: that is the point
                    sock.sendall(trickle)

    for sock in sockets:
        sock.sendall(first_bytes)
    sender = threading.Thread(target=send_slowly, daemon=True)
    sender.start()
    try:
        time.sleep(1.5)  # let them take whatever they can take
        yield
    finally:
        stop.set()
        sender.join(timeout=5)
        for sock in sockets:
            sock.close()


SLOW_HEADERS = (b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: 1\r\n")
# A form post Django would read (a well-formed CSRF cookie makes it read the body to find the token).
SLOW_BODY = (
    b"POST /en/accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n"
    b"Cookie: csrftoken=abcdefghijklmnopqrstuvwxyzABCDEF\r\n\r\nusername=",
    b"a",
)


@pytest.mark.parametrize("kind", [SLOW_HEADERS, SLOW_BODY], ids=["headers", "body"])
def test_healthz_answers_through_the_proxy_while_ten_clients_send_slowly(proxy, kind):
    with _slow_clients(proxy, *kind):
        for _ in range(3):
            started = time.monotonic()
            status, _body = _get(proxy, "/healthz")
            assert status == 200
            assert time.monotonic() - started < ANSWER_WITHIN


def test_the_committed_proxy_waits_at_most_ten_seconds_for_headers():
    assert int(READ_HEADER.search(CADDYFILE.read_text()).group(1)) <= 10


def test_the_proxy_drops_a_client_whose_headers_do_not_arrive(quick_header_proxy):
    limit = TEST_READ_HEADER_SECONDS
    with socket.create_connection(("127.0.0.1", quick_header_proxy), timeout=limit + 10) as sock:
        sock.sendall(SLOW_HEADERS[0])
        started = time.monotonic()
        try:
            answer = sock.recv(100)
        except TimeoutError:
            answer = None  # still open: the proxy would wait for this client forever
        waited = time.monotonic() - started
    assert answer is not None
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408")
    assert waited < limit + 3


def test_the_proxy_passes_ordinary_requests_and_form_posts(proxy):
    status, body = _get(proxy, "/en/")
    assert status == 200
    assert "Rookie" in body
    request = urllib.request.Request(
        f"http://127.0.0.1:{proxy}/en/accounts/login/", data=b"username=a&password=b", method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)  # noqa: S310 (loopback only)
    assert refused.value.code == 403  # Django read it: no CSRF token
    assert "CSRF" in refused.value.read().decode()


def test_gunicorn_refuses_an_over_long_request_line(gunicorn):
    status, _body = _get(gunicorn[0], "/en/?q=" + "a" * 5000, timeout=5)
    assert status == 414


def test_gunicorn_refuses_too_many_header_fields(gunicorn):
    headers = {f"X-Field-{number}": "1" for number in range(60)}
    status, _body = _get(gunicorn[0], "/healthz", timeout=5, headers=headers)
    assert status == 431  # Request Header Fields Too Large


def test_gunicorn_refuses_an_over_long_header_field(gunicorn):
    status, _body = _get(gunicorn[0], "/healthz", timeout=5, headers={"X-Long": "a" * 9000})
    assert status == 431


def test_the_access_log_holds_no_link_token(proxy, gunicorn):
    _port, log = gunicorn
    referrer = {"Referer": f"https://rookie.example/en/accounts/password/reset/MQ/{TOKEN}/"}
    _get(proxy, f"/ics/{TOKEN}.ics", timeout=5, headers=referrer)
    _get(proxy, f"/en/accounts/password/reset/MQ/{TOKEN}/", timeout=5)
    _get(proxy, f"/reminders/off/{TOKEN}/", timeout=5)
    time.sleep(0.5)  # gunicorn writes the line after the response
    written = log.read_text()
    assert "GET /ics/[redacted].ics" in written
    assert "GET /en/accounts/password/reset/MQ/[redacted]/" in written
    assert "GET /reminders/off/[redacted]/" in written
    assert TOKEN not in written
