"""`make bench`: Rookie's pages under load, on PostgreSQL, with production settings (docs/PERFORMANCE.md).

Steps: install wrk if missing; create the bench database if missing and migrate it; generate the
data (`manage.py bench_data --scale $SCALE`) unless it is already there; collectstatic; start
gunicorn (scripts/start-web.sh, DEBUG off) on loopback, first with the page cache off (every request
rendered), then with it on; each time log the bench member and the bench coach in through the real
log-in form and run wrk against each page; print both tables, write them with the machine facts
into docs/PERFORMANCE.md between the generated-section markers, and exit 1 if a target fails.
Ratios are to the baseline view measured in the same mode.

Standard library only (run it with the venv's Python, which manage.py needs anyway).

Environment (all optional):
  BENCH_DATABASE_URL  postgres://postgres@127.0.0.1:5432/rookie_bench
  BENCH_REDIS_URL     redis://127.0.0.1:6379/13 (the shared cache; emptied at the start of each run)
  SCALE               10 (the bench_data scale; the data is generated only when missing)
  BENCH_RESET         1 drops the bench database first (e.g. to change SCALE)
  BENCH_PORT          8765
  BENCH_DURATION      10 (seconds of measuring per page, after BENCH_WARMUP=3 seconds unmeasured)
  BENCH_ROUNDS        5 (every page is measured this many times; its best round counts)
  BENCH_WORKERS, BENCH_THREADS   3 and 2: gunicorn processes and threads (why: docs/PERFORMANCE.md)
  BENCH_MEMBER, BENCH_COACH, BENCH_PASSWORD   the bench users that bench_data creates
  BENCH_NO_DOCS       1 prints the table without touching docs/PERFORMANCE.md
  BENCH_PAGES, BENCH_MODES   only these pages (keys of PAGES, with the baseline) or modes (off, on);
                      a partial run prints its tables and never writes docs/PERFORMANCE.md
"""

import datetime
import http.cookiejar
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
LUA = ROOT / "scripts" / "bench" / "report.lua"
DOC = ROOT / "docs" / "PERFORMANCE.md"
BEGIN, END = "<!-- bench:generated:begin -->", "<!-- bench:generated:end -->"

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rookie_bench")
# A Redis database of its own: the run empties it first (pages of an older data set must not be served).
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
SCALE = int(os.environ.get("SCALE", "10"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
# Production's defaults (rookie/gunicorn.conf.py), which also measured best on these 2 cores shared
# with PostgreSQL and wrk: 3 processes × 2 threads. Alternatives measured: docs/PERFORMANCE.md.
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
CONNECTIONS, WRK_THREADS = 8, 2
MEMBER = os.environ.get("BENCH_MEMBER", "bench-member@bench.rookie.test")
COACH = os.environ.get("BENCH_COACH", "bench-coach@bench.rookie.test")
PASSWORD = os.environ.get("BENCH_PASSWORD", "rookie-bench-2026")
BASE = f"http://127.0.0.1:{PORT}"

# Production settings, except two that need HTTPS: the benchmark talks plain HTTP on loopback, so
# Secure cookies would never come back and an HTTPS redirect would answer every request with a 301.
SERVER_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_COOKIES": "0",
    "SECURE_SSL_REDIRECT": "0",
    "DATABASE_URL": DATABASE_URL,
    # Several gunicorn processes: production needs the shared cache then (README), and the page
    # caches are only on with it (rookie/lib/pagecache.py).
    "REDIS_URL": REDIS_URL,
    "LOG_LEVEL": "WARNING",
    # The bench app (bench_data, the /bench/baseline/ page) is off unless asked for (rookie/settings.py).
    "BENCH_ENABLED": "1",
}

# (key, label, who is signed in, target ratio to the baseline without the page cache, with it);
# None: no target (the baseline itself, or a page the cache never serves, whose p99 limit is then
# the uncached one in both modes).
PAGES = [
    ("baseline", "baseline (minimal view)", None, None, None),
    ("home", "home", None, 0.3, 0.5),
    ("guide", "a guide", None, 0.3, 0.5),
    ("guides", "guides list", None, 0.2, 0.4),
    ("network", "a network's page", None, 0.2, 0.4),
    ("catalogue", "catalogue, filtered and sorted", None, 0.15, 0.3),
    ("catalogue_member", "catalogue, a member's fit for me", "member", 0.15, None),
    ("dashboard", "dashboard (3,000 contacts, 1,000 follow-ups)", "member", 0.05, 0.1),
    ("contact_search", "contact search (3,000 contacts)", "member", 0.3, None),
    ("coach", "coach page (30 clients)", "coach", 0.03, 0.1),
]
MODES = [("off", "without the page cache"), ("on", "with the page cache")]

# A quick look while working on some pages: BENCH_PAGES=key,key (keys of PAGES) measures those and
# the baseline, BENCH_MODES=off (or on) one mode. Such a partial run never writes docs/PERFORMANCE.md.
_ONLY_PAGES = {key for key in os.environ.get("BENCH_PAGES", "").split(",") if key}
_ONLY_MODES = {mode for mode in os.environ.get("BENCH_MODES", "").split(",") if mode}
if unknown := (_ONLY_PAGES - {page[0] for page in PAGES}) | (_ONLY_MODES - {mode for mode, _title in MODES}):
    raise SystemExit(f"bench: unknown BENCH_PAGES or BENCH_MODES entries: {', '.join(sorted(unknown))}")
PARTIAL = bool(_ONLY_PAGES or _ONLY_MODES)
if _ONLY_PAGES:
    PAGES = [page for page in PAGES if page[0] == "baseline" or page[0] in _ONLY_PAGES]
if _ONLY_MODES:
    MODES = [(mode, title) for mode, title in MODES if mode in _ONLY_MODES]
P99_LIMIT_MS = 100.0  # every public page, and signed-in pages served with the page cache
P99_SIGNED_IN_UNCACHED_MS = 250.0

# Facts the run needs from the database, printed as JSON by `manage.py shell` (one process).
FACTS_CODE = """
import json
from django.db import connection
from django.db.models import Count
from accounts.models import User
from accounts.models.coaching import CoachGrant
from accounts.models.tracker import Contact, FollowUp, Goal
from articles.models import Article
from networks.models import Evaluation, Network
member = User.objects.filter(email=%(member)r).first()
coach = User.objects.filter(email=%(coach)r).first()
facts = {"member": bool(member), "coach": bool(coach)}
if member and coach:
    guide = Article.objects.published().exclude(slug_en="").exclude(slug_en=None).newest_first().first()
    network = Network.objects.published().order_by("-evaluation_count", "pk").first()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    facts.update(
        guide=guide.slug_en if guide else None,
        network=network.slug if network else None,
        network_evaluations=network.evaluation_count if network else 0,
        postgres=postgres,
        counts={
            "users": User.objects.count(),
            "coaches": User.objects.filter(role="coach").count(),
            "guides": Article.objects.count(),
            "networks": Network.objects.count(),
            "evaluations": Evaluation.objects.count(),
            "contacts": Contact.objects.count(),
            "follow-ups": FollowUp.objects.count(),
            "goals": Goal.objects.count(),
            "coach grants": CoachGrant.objects.count(),
        },
        member_counts={
            "follow-ups": FollowUp.objects.filter(owner=member).count(),
            "contacts": Contact.objects.filter(owner=member).count(),
        },
        coach_clients=CoachGrant.objects.filter(coach=coach, status="active").count(),
    )
print("FACTS " + json.dumps(facts))
"""


def log(message):
    print(f"bench: {message}", flush=True)


def manage(*args, capture=False, extra_env=None):
    env = {**os.environ, **SERVER_ENV, **(extra_env or {})}
    result = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else None


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("wrk is missing: installing the Debian package")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)  # noqa: S603, S607 (fixed command)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "wrk"], check=True)  # noqa: S603, S607


def ensure_database():
    """Create the bench database if missing (dropped first with BENCH_RESET=1), through psycopg."""
    import psycopg  # the venv has it (psycopg 3)

    url = urllib.parse.urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if os.environ.get("BENCH_RESET") == "1":
            log(f"dropping database {name} (BENCH_RESET=1)")
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            log(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def facts():
    output = manage("shell", "-c", FACTS_CODE % {"member": MEMBER, "coach": COACH}, capture=True)
    line = next(line for line in output.splitlines() if line.startswith("FACTS "))
    return json.loads(line[len("FACTS ") :])


def ensure_data():
    found = facts()
    if found["member"] and found["coach"]:
        log("bench data already there (delete it with BENCH_RESET=1)")
        return found
    log(f"generating bench data at scale {SCALE} (manage.py bench_data)")
    started = time.monotonic()
    # --force: DEBUG is off here, and bench_data refuses that unless told the database is the benchmark's own.
    manage("bench_data", "--scale", str(SCALE), "--password", PASSWORD, "--force")
    log(f"bench data generated in {time.monotonic() - started:.0f} s")
    # A production database has been vacuumed and analysed by autovacuum long ago; freshly loaded
    # tables have no statistics, and the planner then picks plans no real site would run.
    postgres("VACUUM (ANALYZE)")
    return facts()


def postgres(statement):
    import psycopg

    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        connection.execute(statement)


def start_server(logfile, page_cache):
    env = {
        **os.environ,
        **SERVER_ENV,
        "PAGE_CACHE": "1" if page_cache else "0",
        "HOST": "127.0.0.1",
        "PORT": str(PORT),
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_THREADS": str(THREADS),
        "RUN_MIGRATIONS": "0",
    }
    start_web = ["/bin/sh", str(ROOT / "scripts" / "start-web.sh")]
    process = subprocess.Popen(  # noqa: S603 (our own start script)
        start_web,
        cwd=ROOT,
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"bench: gunicorn exited with {process.returncode}; see {logfile.name}")
        try:
            with urllib.request.urlopen(f"{BASE}/readyz", timeout=2) as response:  # noqa: S310 (http://127.0.0.1)
                if response.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    stop_server(process)
    raise SystemExit(f"bench: /readyz did not answer 200 within 60 s; see {logfile.name}")


def stop_server(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(email):
    """POST the log-in form like a browser (CSRF cookie and token); returns the Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    login_url = f"{BASE}/en/accounts/login/"
    with opener.open(login_url, timeout=10) as response:
        page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD})
    request = urllib.request.Request(login_url, data=form.encode(), headers={"Referer": login_url})  # noqa: S310
    try:
        opener.open(request, timeout=30)
        raise SystemExit(f"bench: logging in as {email} did not redirect (wrong password?)")
    except urllib.error.HTTPError as error:
        if error.code != 302:
            raise SystemExit(f"bench: logging in as {email} answered {error.code}") from None
    cookies = {cookie.name: cookie.value for cookie in jar}
    if not any("session" in name for name in cookies):
        raise SystemExit(f"bench: no session cookie after logging in as {email}")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def check_page(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    opener = urllib.request.build_opener(_NoRedirect())
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def run_wrk(url, cookie, seconds, measured):
    env = {**os.environ, "BENCH_COOKIE": cookie or ""}
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s", "-s", str(LUA), url]
    output = subprocess.run(command, env=env, check=True, text=True, capture_output=True).stdout  # noqa: S603
    if not measured:
        return None
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line[len("BENCH_JSON ") :])


def best_of(previous, result):
    """The round with the higher throughput, with every round's failures added up.

    The machine is shared (other processes take CPU at random moments), so a page is measured in
    each of ROUNDS rounds and its best round counts, like timeit's best of n; a non-2xx response
    or a socket error in any round still fails the page.
    """
    if previous is None:
        return result
    best = dict(max(previous, result, key=lambda r: r["requests_per_s"]))
    best["non2xx"] = previous["non2xx"] + result["non2xx"]
    best["statuses"] = {
        status: previous["statuses"].get(status, 0) + result["statuses"].get(status, 0)
        for status in {*previous["statuses"], *result["statuses"]}
    }
    best["socket_errors"] = {
        name: previous["socket_errors"][name] + result["socket_errors"][name] for name in result["socket_errors"]
    }
    return best


def machine(found):
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    versions = manage(
        "shell",
        "-c",
        "import django, gunicorn; print('VERSIONS', django.get_version(), gunicorn.__version__)",
        capture=True,
    )
    django_version, gunicorn_version = next(
        line.split()[1:] for line in versions.splitlines() if line.startswith("VERSIONS ")
    )
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "kernel": platform.release(),
        "Python": platform.python_version(),
        "Django": django_version,
        "PostgreSQL": found.get("postgres", "?"),
        "gunicorn": f"{gunicorn_version}, {WORKERS} workers × {THREADS} threads (gthread)",
        "wrk": f"{CONNECTIONS} connections, {WRK_THREADS} threads; per page {WARMUP} s warm-up, then {DURATION} s "
        f"measured; {ROUNDS} rounds, the best round counts",
    }


def verdicts(results, mode):
    baseline = results["baseline"]["requests_per_s"]
    rows, failures = [], []
    for key, label, who, *targets in PAGES:
        target = targets[0] if mode == "off" else targets[1]
        # A signed-in page without a target for the page cache is one it never serves (a member's
        # catalogue with their weights, the contact search): rendered in both modes.
        served_uncached = mode == "off" or targets[1] is None
        p99_limit = P99_SIGNED_IN_UNCACHED_MS if who and served_uncached else P99_LIMIT_MS
        result = results[key]
        ratio = result["requests_per_s"] / baseline if baseline else 0.0
        socket_errors = sum(result["socket_errors"].values())
        problems = []
        if target is not None and ratio < target:
            problems.append(f"ratio {ratio:.2f} < {target}")
        if result["non2xx"]:
            problems.append(f"{result['non2xx']} non-2xx {result['statuses']}")
        if socket_errors:
            problems.append(f"{socket_errors} socket errors")
        if result["p99_ms"] >= p99_limit:
            problems.append(f"p99 {result['p99_ms']:.1f} ms ≥ {p99_limit:.0f} ms")
        if problems:
            failures.append(f"{label}, page cache {mode}: {'; '.join(problems)}")
        rows.append(
            [
                label,
                f"{result['requests_per_s']:.0f}",
                "1.00" if key == "baseline" else f"{ratio:.2f}",
                f"{result['p50_ms']:.1f}",
                f"{result['p99_ms']:.1f}",
                str(result["non2xx"] + socket_errors),
                f"≥ {target}" if target is not None else "—",
                f"< {p99_limit:.0f}",
                "FAIL" if problems else "pass",
            ]
        )
    return rows, failures


HEADER = ["page", "req/s", "× baseline", "p50 ms", "p99 ms", "non-2xx + errors", "target", "p99 limit", "result"]


def text_table(rows):
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in [HEADER, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(rows):
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def generated_section(tables, failures, urls, found, facts_machine, when):
    counts = ", ".join(f"{value:,} {name}" for name, value in found["counts"].items())
    lines = [
        BEGIN,
        "<!-- Written by `make bench` (scripts/bench.py); edit the hand-written part below instead. -->",
        "",
        f"Run of {when} at scale {SCALE} on PostgreSQL, production settings (DEBUG off), every page",
        "through the same gunicorn and middleware; ratios are to the baseline view of the same table.",
        f"p99 limits: {P99_LIMIT_MS:.0f} ms on public pages and on signed-in pages served with the page",
        f"cache, {P99_SIGNED_IN_UNCACHED_MS:.0f} ms on signed-in pages without it.",
        "",
    ]
    for mode, title in MODES:
        lines += [f"#### {title.capitalize()}", "", markdown_table(tables[mode]), ""]
    lines += [
        f"**{'All targets met.' if not failures else 'Failed: ' + ' · '.join(failures)}**",
        "",
        "Pages measured:",
        "",
        *[f"- {label}: `{urls[key]}`" for key, label, *_rest in PAGES],
        "",
        f"Data: {counts}. The bench member has {found['member_counts']['follow-ups']:,} follow-ups and "
        f"{found['member_counts']['contacts']:,} contacts; the bench coach has {found['coach_clients']} "
        f"clients; the network measured has {found['network_evaluations']} evaluations.",
        "",
        "Machine:",
        "",
        *[f"- {name}: {value}" for name, value in facts_machine.items()],
        "",
        END,
    ]
    return "\n".join(lines)


def write_doc(section):
    text = DOC.read_text() if DOC.exists() else ""
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + section + after
    else:
        text = (text.rstrip() + "\n\n" if text else "# Performance\n\n## Latest run\n\n") + section + "\n"
    DOC.write_text(text)
    log(f"wrote {DOC.relative_to(ROOT)}")


def main():
    ensure_wrk()
    ensure_database()
    log("migrating")
    manage("migrate", "--noinput", "--verbosity", "0")
    found = ensure_data()
    postgres("ANALYZE")  # fresh statistics, whatever happened to the data since the last run
    if not found.get("guide") or not found.get("network"):
        raise SystemExit("bench: no published guide or network in the bench database")
    log("collectstatic")
    manage("collectstatic", "--noinput", "--verbosity", "0")

    urls = {
        "baseline": "/bench/baseline/",
        "home": "/en/",
        "guide": f"/en/guides/{found['guide']}/",
        "guides": "/en/guides/",
        # Filtered by kind and by a spoken language, sorted by the number of evaluations.
        "catalogue": "/en/networks/?kind=professional&language=sv&sort=evaluations",
        # The bench member has priorities on every criterion: "fit for me" weighs them.
        "catalogue_member": "/en/networks/?sort=fit",
        "network": f"/en/networks/{found['network']}/",
        "dashboard": "/en/me/",
        # What the contact field asks while the member types three letters.
        "contact_search": "/en/me/contacts/search/?q=ann",
        "coach": "/en/coach/",
    }
    tables, failures = {}, []
    for mode, title in MODES:
        results = measure(urls, page_cache=mode == "on")
        rows, missed = verdicts(results, mode)
        tables[mode] = rows
        failures += missed
        print(f"\n{title}:\n{text_table(rows)}\n")
    # An ISO 8601 timestamp for the generated section of docs/PERFORMANCE.md (a record, not a page).
    when = datetime.datetime.now(datetime.UTC).isoformat(timespec="minutes")
    if os.environ.get("BENCH_NO_DOCS") != "1" and not PARTIAL:
        write_doc(generated_section(tables, failures, urls, found, machine(found), when))
    if failures:
        print("bench: FAILED\n  " + "\n  ".join(failures))
        return 1
    print("bench: all targets met")
    return 0


def measure(urls, *, page_cache):
    """Every page under wrk, ROUNDS times, against a gunicorn with the page cache on or off."""
    mode = "on" if page_cache else "off"
    manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
    with tempfile.NamedTemporaryFile("w", prefix="rookie-bench-gunicorn-", suffix=".log", delete=False) as logfile:
        log(f"page cache {mode}: gunicorn ({WORKERS} workers × {THREADS} threads) on {BASE}; log: {logfile.name}")
        server = start_server(logfile, page_cache)
        try:
            cookies = {"member": log_in(MEMBER), "coach": log_in(COACH)}
            results = {}
            for round_number in range(1, ROUNDS + 1):
                for key, label, who, *_targets in PAGES:
                    url, cookie = BASE + urls[key], cookies.get(who)
                    status = check_page(url, cookie)
                    if status != 200:
                        raise SystemExit(f"bench: {urls[key]} answered {status} before the run")
                    run_wrk(url, cookie, WARMUP, measured=False)
                    result = run_wrk(url, cookie, DURATION, measured=True)
                    rate, p99 = result["requests_per_s"], result["p99_ms"]
                    log(f"page cache {mode}, round {round_number}, {label}: {rate:.0f} req/s, p99 {p99:.1f} ms")
                    results[key] = best_of(results.get(key), result)
        finally:
            stop_server(server)
    return results


if __name__ == "__main__":
    sys.exit(main())
