"""PostgreSQL restarted under load: Rookie keeps serving once it is back (`make pg-restart-check`).

Starts gunicorn through scripts/start-web.sh with production settings on a database of its own
(re-created, migrated and seeded with the demo data), logs the demo member in, and requests the
home page, a guide, /readyz and the member's dashboard from several threads. In the middle it
restarts the machine's PostgreSQL (pg_ctlcluster ... restart, a fast shutdown that cuts every open
connection), waits for pg_isready and keeps loading for a few more seconds.

Passes when the gunicorn master and its workers survive, every request that ended before the
restart began was a 200, and after PostgreSQL is back (plus a short grace period) every request is a 200 again: the
persistent connections (CONN_MAX_AGE with conn_health_checks) notice they are dead and reconnect.
During the outage every answer is a 200 or a 503 (with Retry-After), never a 500.

Needs root (pg_ctlcluster) and PostgreSQL on the host of PG_RESTART_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/rookie_pg_restart). It disturbs anything else using that
PostgreSQL for a second or two; CI runs it after the test suites. `--no-restart` runs the load
alone, to check the script itself without touching the server.
"""

import argparse
import collections
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/rookie_pg_restart"
MEMBER = ("member@demo.rookie.test", "rookie-demo-2026")  # seed_demo's member
THREADS = 4
WARM_UP_SECONDS = 3
AFTER_SECONDS = 6
GRACE_SECONDS = 1.0  # right after pg_isready answers, a request already in flight may still fail
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SIGNED_IN = 'action="/en/accounts/logout/"'  # the log-out button of a signed-in page
GUIDE_LINK = re.compile(r'href="(/en/guides/(?!feed/)[\w-]+/)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect to the log-in page means the session was lost: report it, do not follow


def fetch(opener, url, data=None, timeout=10):
    """(status, location, body); status is a string naming the error when no HTTP answer came."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=timeout) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read().decode(errors="replace")
    except (OSError, urllib.error.URLError) as error:
        return type(getattr(error, "reason", error)).__name__, "", ""


def prepare_database(url, env):
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    # collectstatic too: with DEBUG off, a page naming a static file that the manifest lacks is a 500,
    # and this check must also run on its own in a fresh checkout, before any `make test`.
    commands = (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["seed_demo", "--force"],  # production settings on a throwaway database
        ["collectstatic", "--noinput", "--verbosity", "0"],
    )
    for command in commands:
        subprocess.run(  # noqa: S603 (our own fixed command line)
            [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    return admin_url, name


def drop_database(admin_url, name):
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_until_up(process, base, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn exited at start-up:\n" + log_path.read_text(errors="replace")[-3000:])
        status, _location, _body = fetch(urllib.request.build_opener(), f"{base}/readyz", timeout=5)
        if status == 200:
            return
        time.sleep(0.3)
    sys.exit("gunicorn did not answer /readyz within 60 s")


def log_in(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
    status, _location, body = fetch(opener, f"{base}/en/accounts/login/")
    if status != 200:
        sys.exit(f"log-in page answered {status}")
    token = CSRF_FIELD.search(body).group(1)
    data = {"csrfmiddlewaretoken": token, "username": MEMBER[0], "password": MEMBER[1]}
    status, location, _body = fetch(opener, f"{base}/en/accounts/login/", data)
    if status != 302 or "/accounts/login/" in location:
        sys.exit(f"log-in failed: {status} {location}")
    return opener


def find_guide(opener, base):
    status, _location, body = fetch(opener, f"{base}/en/guides/")
    match = GUIDE_LINK.search(body) if status == 200 else None
    if not match:
        sys.exit(f"no guide found on /en/guides/ ({status}); did seed_demo run?")
    return match.group(1)


def postgres_version():
    versions = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(x) for x in v.split(".")])
    return versions[-1]


def pg_isready(host, port):
    command = ["pg_isready", "-q", "-h", host, "-p", str(port)]
    return subprocess.run(command, check=False).returncode == 0  # noqa: S603, S607 (PostgreSQL's client on PATH)


class Load:
    """Threads requesting the pages in turn and recording (started, ended, path, status) until stopped."""

    def __init__(self, base, opener, paths):
        self.base, self.opener, self.paths = base, opener, paths
        # /readyz is asked without cookies, as a load balancer's probe asks it.
        self.probe = urllib.request.build_opener(NoRedirects)
        self.results = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(THREADS)]

    def run(self, offset):
        index = offset
        while not self.stop.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            started = time.monotonic()
            opener = self.probe if path == "/readyz" else self.opener
            status, location, body = fetch(opener, self.base + path)
            lost_session = status == 302 and "/accounts/login/" in location
            if lost_session or (path.endswith("/me/") and status == 200 and SIGNED_IN not in body):
                status = "signed-out"
            with self.lock:
                self.results.append((started, time.monotonic(), path, status))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)


def summarize(label, rows):
    counts = collections.Counter(str(status) for _started, _ended, _path, status in rows)
    by_path = collections.Counter(path for _started, _ended, path, status in rows if status != 200)
    detail = f"; not 200 by page: {dict(by_path)}" if by_path else ""
    print(f"  {label:<34} {len(rows):>5} requests  {dict(sorted(counts.items()))}{detail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-restart", action="store_true", help="run the load without restarting PostgreSQL")
    args = parser.parse_args()

    url = os.environ.get("PG_RESTART_DATABASE_URL", DEFAULT_URL)
    parts = urllib.parse.urlsplit(url)
    pg_host, pg_port = parts.hostname or "127.0.0.1", parts.port or 5432
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": "pg-restart-check-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",  # plain HTTP on the loopback
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "2",
        "RUN_MIGRATIONS": "0",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CONN_MAX_AGE", None)  # the production default: persistent connections
    env.pop("REDIS_URL", None)

    print(f"pg-restart-check: database {parts.path.lstrip('/')} on {pg_host}:{pg_port}")
    admin_url, name = prepare_database(url, env)
    log_file = tempfile.NamedTemporaryFile(prefix="pg-restart-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    log_path = Path(log_file.name)
    command = [str(ROOT / "scripts" / "start-web.sh")]  # the production command
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    failures = []
    try:
        wait_until_up(process, base, log_path)
        opener = log_in(base)
        paths = ["/en/", find_guide(opener, base), "/readyz", "/en/me/"]
        print(f"pg-restart-check: gunicorn on {base}, {THREADS} threads requesting {', '.join(paths)}")
        with Load(base, opener, paths) as load:
            time.sleep(WARM_UP_SECONDS)
            restart_at = time.monotonic()
            if not args.no_restart:
                version = postgres_version()
                print(f"pg-restart-check: restarting PostgreSQL {version}")
                command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
                subprocess.run(command, check=True, timeout=120)  # noqa: S603, S607 (Debian's cluster wrapper)
                deadline = time.monotonic() + 60
                while not pg_isready(pg_host, pg_port):
                    if time.monotonic() > deadline:
                        failures.append("PostgreSQL did not come back within 60 s")
                        break
                    time.sleep(0.1)
            back_at = time.monotonic()
            time.sleep(AFTER_SECONDS)
        rows = sorted(load.results)

        # A request still in flight when the restart began belongs to the outage: its connection may
        # be cut under it (CI once saw such a request, started a moment before, answer 503).
        before = [row for row in rows if row[1] < restart_at]
        after = [row for row in rows if row[0] >= back_at + GRACE_SECONDS]
        outage = [row for row in rows if row[1] >= restart_at and row[0] < back_at + GRACE_SECONDS]
        print(f"pg-restart-check: PostgreSQL was away for {back_at - restart_at:.1f} s; grace {GRACE_SECONDS} s")
        summarize("before the restart", before)
        summarize("restart, outage and grace", outage)
        summarize("after PostgreSQL was back", after)

        if process.poll() is not None:
            failures.append(f"gunicorn exited with {process.returncode}")
        log_text = log_path.read_text(errors="replace")
        boots = log_text.count("Booting worker")
        if boots != int(env["WEB_CONCURRENCY"]):
            failures.append(f"workers were restarted ({boots} boots for {env['WEB_CONCURRENCY']} workers)")
        if not before or any(status != 200 for *_times, _path, status in before):
            failures.append("requests before the restart were not all 200")
        if len(after) < 20:
            failures.append(f"only {len(after)} requests after PostgreSQL was back")
        # Every page, the probe included, says "try again" (503 with Retry-After) while the database
        # is away; a 500 would mean an outage path that rookie.middleware.DatabaseUnavailableMiddleware misses.
        bad_outage = [(path, status) for *_times, path, status in outage if status not in (200, 503)]
        if bad_outage:
            failures.append(f"{len(bad_outage)} answers other than 200 or 503 during the outage, e.g. {bad_outage[:5]}")
        bad_after = [(path, status) for *_times, path, status in after if status != 200]
        if bad_after:
            failures.append(f"{len(bad_after)} requests failed after PostgreSQL was back, e.g. {bad_after[:5]}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log_file.close()
        drop_database(admin_url, name)

    if failures:
        # The verdict goes last: CI shows only the tail of what was printed.
        print(f"gunicorn log: {log_path}\n" + log_path.read_text(errors="replace")[-4000:])
        print("pg-restart-check: FAILED\n  " + "\n  ".join(failures))
        return 1
    log_path.unlink()
    print("pg-restart-check: OK, no 5xx after PostgreSQL came back and the process survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
