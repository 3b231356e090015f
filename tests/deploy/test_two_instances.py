"""The web tier is stateless: two gunicorn instances on one database serve one member as if they were one.

Both instances run the production command (scripts/start-web.sh) with production settings on their own
ports. They share a database of their own on the same server as the test run: pytest's test database
cannot serve, because on SQLite it lives in the test process's memory and on PostgreSQL the run
rolls back or flushes what it writes. So a module fixture creates a dedicated database (or SQLite
file), migrates it once and adds one member; every test starts its own pair of instances on it.
"""

import datetime
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import redis

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "stateless@example.com"
PASSWORD = "two-instances-2026-pass"
DISPLAY_NAME = "Stella Stateless"
REDIS_URL = "redis://127.0.0.1:6379/15"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SIGNED_IN = 'action="/en/accounts/logout/"'  # the log-out button every page shows a signed-in member

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("two_instances")]  # one worker starts the pair


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=120)


@pytest.fixture(scope="module")
def shared_env(tmp_path_factory, migrated_sqlite_file):
    """The environment both instances run with, pointing at a migrated database with one member."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "two-instances-" + "s" * 40,  # shared: both instances must read each other's signatures
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",  # plain HTTP on the loopback
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "2",
        "RUN_MIGRATIONS": "0",  # migrated once below, as a release would
    }
    env.pop("REDIS_URL", None)
    run_url = os.environ.get("DATABASE_URL")
    admin_url = name = None
    if run_url:
        parts = urllib.parse.urlsplit(run_url)
        name = f"{parts.path.lstrip('/')}_two_instances_{os.getpid()}"
        admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
        _manage(env, "migrate", "--noinput", "--verbosity", "0")
    else:
        env.pop("DATABASE_URL", None)
        env["SQLITE_NAME"] = str(migrated_sqlite_file(tmp_path_factory.mktemp("two-instances") / "shared.db"))
    try:
        _manage(
            env,
            "shell",
            "-c",
            "from accounts.models import User;"
            f"User.objects.create_user({EMAIL!r}, {PASSWORD!r}, display_name={DISPLAY_NAME!r},"
            " preferred_language='en')",
        )
        yield env
    finally:
        if admin_url:
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def _instances(env, log_dir, count=2):
    """Start `count` gunicorn instances through scripts/start-web.sh; yield their base URLs; stop them."""
    started = []
    try:
        for index in range(count):
            port = _free_port()
            log = open(log_dir / f"instance-{index}.log", "wb")  # noqa: SIM115 (closed below)
            process = subprocess.Popen(
                [str(ROOT / "scripts" / "start-web.sh")],
                cwd=ROOT,
                env={**env, "HOST": "127.0.0.1", "PORT": str(port)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            started.append((process, log, f"http://127.0.0.1:{port}"))
        for process, log, base in started:
            _wait_until_up(process, log, base)
        yield [base for _process, _log, base in started]
    finally:
        for process, _log, _base in started:
            process.terminate()
        for process, log, _base in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            log.close()


def _wait_until_up(process, log, base):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, Path(log.name).read_text(errors="replace")[-3000:]
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=5) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:  # refused, or accepted by the socket before a worker is ready to answer
            pass
        time.sleep(0.2)
    raise AssertionError(f"{base} did not come up: " + Path(log.name).read_text(errors="replace")[-3000:])


@pytest.fixture(scope="module")
def pair(shared_env, tmp_path_factory):
    """Two instances with the default settings: sessions in the database, a cache per process."""
    with _instances(shared_env, tmp_path_factory.mktemp("pair")) as bases:
        yield bases


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (to the log-in page, say) is a result to check, not to follow


class Browser:
    """One member's browser: one cookie jar, whichever instance the request goes to."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirects)

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, data=body, timeout=15) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def get(self, url):
        return self.request(url)

    def post_form(self, form_url, data, action_url=None):
        """GET the form (for its CSRF token), then POST it, as a browser does."""
        status, _headers, body = self.get(form_url)
        assert status == 200, (form_url, status)
        token = CSRF_FIELD.search(body).group(1)
        return self.request(action_url or form_url, {"csrfmiddlewaretoken": token, **data})

    def log_in(self, base):
        status, headers, _body = self.post_form(f"{base}/en/accounts/login/", {"username": EMAIL, "password": PASSWORD})
        assert status == 302, status
        assert "/accounts/login/" not in headers["Location"]


def _add_contact(browser, base, name):
    status, headers, _body = browser.post_form(
        f"{base}/en/me/contacts/add/", {"quick": "1", "name": name, "company": "Two Instances AB"}
    )
    assert status == 302 and "/en/me/contacts/" in headers["Location"], (base, status)
    # Follow the redirect as a browser does: the contact's page shows (and so uses up) the
    # "Contact added" message, so the next pages are the ordinary ones again.
    status, _headers, body = browser.get(urllib.parse.urljoin(base, headers["Location"]))
    assert status == 200 and name in body, (base, status)


def _add_follow_up(browser, base, title):
    # Due today: the dashboard lists it under this week's follow-ups.
    status, headers, _body = browser.post_form(
        f"{base}/en/me/follow-ups/add/", {"title": title, "due_date": datetime.date.today().isoformat()}
    )
    assert status == 302, (base, status)
    status, _headers, _body = browser.get(urllib.parse.urljoin(base, headers["Location"]))
    assert status == 200, (base, status)


def _signed_in_page(browser, url):
    status, _headers, body = browser.get(url)
    assert status == 200, (url, status)
    assert SIGNED_IN in body, url
    return body


def test_a_session_made_on_one_instance_works_on_the_other_and_no_write_is_lost(pair):
    a, b = pair
    browser = Browser()
    browser.log_in(a)
    added = []
    for round_number in range(10):
        writer, reader = (a, b) if round_number % 2 else (b, a)
        _signed_in_page(browser, f"{writer}/en/me/")
        name = f"Contact {round_number} {uuid.uuid4().hex[:6]}"
        _add_contact(browser, writer, name)
        added.append(name)
        # The other instance reads every contact written so far from the shared database. (The
        # dashboard is cached per member; that cache is shared only with REDIS_URL, next test.)
        body = _signed_in_page(browser, f"{reader}/en/me/contacts/?page=1")
        missing = [known for known in added if known not in body]
        assert not missing, (reader, missing)


def test_failed_log_ins_count_across_instances(pair):
    # django-axes keeps its counts in the database, so alternating instances does not reset them.
    intruder = f"intruder-{uuid.uuid4().hex[:8]}@example.com"
    a, b = pair
    browser = Browser()
    statuses = []
    for attempt in range(6):
        base = (a, b)[attempt % 2]
        status, _headers, _body = browser.post_form(
            f"{base}/en/accounts/login/", {"username": intruder, "password": "wrong-password-1"}
        )
        statuses.append(status)
    # Five failures (AXES_FAILURE_LIMIT), split over both instances, lock the pair out.
    assert statuses[:4] == [200, 200, 200, 200]
    assert statuses[-1] == 429, statuses


@pytest.mark.usefixtures("redis_server")
def test_with_redis_sessions_log_outs_and_rate_limits_are_shared(shared_env, tmp_path):
    # The rate-limit counters for this client address are this test's: forget earlier runs' counts.
    raw = redis.Redis.from_url(REDIS_URL)
    for key in raw.scan_iter("rookie:1:ratelimit:password-reset*"):
        raw.delete(key)
    env = {**shared_env, "REDIS_URL": REDIS_URL}  # cache and cached_db sessions in the shared Redis
    with _instances(env, tmp_path) as (a, b):
        browser = Browser()
        browser.log_in(b)
        # Each write, on either instance, shows at once on both dashboards: the per-member page
        # cache and what makes it stale (rookie/lib/pagecache.py) live in the shared Redis. Four
        # writes, two on each instance: the dashboard lists five follow-ups a section.
        added = []
        for round_number in range(4):
            writer = (a, b)[round_number % 2]
            name = f"Redis follow-up {round_number} {uuid.uuid4().hex[:6]}"
            _add_follow_up(browser, writer, name)
            added.append(name)
            for base in (a, b):
                body = _signed_in_page(browser, f"{base}/en/me/")  # this week's follow-ups
                missing = [known for known in added if known not in body]
                assert not missing, (base, missing)

        # Password-reset requests: five an hour per address, counted in Redis by both instances.
        address = f"reset-{uuid.uuid4().hex[:8]}@example.com"
        visitor = Browser()
        statuses = [
            visitor.post_form(f"{base}/en/accounts/password/reset/", {"email": address})[0]
            for base in (a, b, a, b, a, b)
        ]
        assert statuses == [302, 302, 302, 302, 302, 429]

        # Logging out on A ends the session on B too (its cached copy is deleted, not left behind).
        status, _headers, _body = browser.post_form(
            f"{a}/en/accounts/profile/", {}, action_url=f"{a}/en/accounts/logout/"
        )
        assert status == 302
        status, headers, _body = browser.get(f"{b}/en/me/")
        assert status == 302 and "/accounts/login/" in headers["Location"]
