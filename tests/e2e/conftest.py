"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

`playwright install` cannot work here (no downloads), so the browser is Debian's headless shell
(package chromium-headless-shell, from the same Chromium source): what Playwright itself runs
headless, and a third less CPU per page than the full browser in headless mode.
On failure the page's screenshot and HTML are saved under test-results/ (ignored by git).
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.servers.basehttp import WSGIRequestHandler

# The sync Playwright API runs an event loop in this thread; Django must still allow the ORM here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The live server writes a response's headers and body in separate small writes; with Nagle's
# algorithm on, the second waits for the browser's delayed ACK (about 40 ms on loopback) on many
# page loads. TCP_NODELAY, as production servers set it, lets each page load take what it costs.
WSGIRequestHandler.disable_nagle_algorithm = True

CHROMIUM = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    # Everything in this folder drives the browser: `make test-fast` leaves it out with -m "not e2e".
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: apt-get install chromium-headless-shell (.ci/run does); "
            "`playwright install` is never needed",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _serve_static_without_manifest(settings):
    # The live server finds static files in their source folders, by their plain names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_COOKIES = False


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _save_if_failed(request, page, suffix=""):
    report = getattr(request.node, "rep_call", None)
    if not report or not report.failed:
        return
    RESULTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-120:] + suffix
    try:
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
        (RESULTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
    except Exception as error:  # noqa: BLE001 (a broken page must not hide the real failure)
        print(f"could not save the failed page: {error}")


@pytest.fixture
def page(page, request):
    """pytest-playwright's page, saved under test-results/ when the test fails."""
    page.set_default_timeout(10_000)
    yield page
    _save_if_failed(request, page)


@pytest.fixture
def phone_page(browser, request, browser_context_args):
    """A page in a 360 × 740 phone viewport, saved under test-results/ when the test fails."""
    context = browser.new_context(**{**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True})
    phone = context.new_page()
    phone.set_default_timeout(10_000)
    yield phone
    _save_if_failed(request, phone)
    context.close()


@pytest.fixture
def other_page(browser, request, browser_context_args):
    """A page in a second browser context (its own cookies: a second person), saved under
    test-results/ with an "-other" suffix when the test fails."""
    context = browser.new_context(**browser_context_args)
    other = context.new_page()
    other.set_default_timeout(10_000)
    yield other
    _save_if_failed(request, other, suffix="-other")
    context.close()


_axe = Axe()


# The colour scheme changes colours only: in the dark pass axe runs the rules that read colours.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def _axe_violations(page, ignore, rules=None):
    # axe is injected once per assert_accessible call; this only runs it again. Transitions still
    # running after the colour scheme changed (the Django admin's links fade) are finished first:
    # axe must measure the colours the page settles on, not a frame halfway between the schemes.
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    response = page.evaluate(
        """(options) => {
            document.documentElement.getBoundingClientRect();
            for (const animation of document.getAnimations()) animation.finish();
            return axe.run(document, options);
        }""",
        options,
    )
    bad = []
    for violation in response["violations"]:
        pattern = ignore.get(violation["id"])
        nodes = [
            n
            for n in violation["nodes"]
            if not (pattern and re.search(pattern, " ".join(map(str, n["target"])) + " " + n.get("html", "")))
        ]
        if nodes:
            bad.append({**violation, "nodes": nodes})
    return bad


def assert_accessible(page, *, ignore=None):
    """axe-core finds no violation of any impact on the current page, in the light and in the
    dark colour scheme (the page is checked as it is, then its colours once more with
    prefers-color-scheme: dark emulated; the light scheme is restored afterwards).

    `ignore` maps an axe rule to a regular expression searched in each offending element's CSS
    target and HTML; matching elements are left out for that rule. It is for third-party markup we
    do not control, such as the Django admin's.
    """
    ignore = ignore or {}
    # A navigation can have committed (so expect(...).to_have_url passed) before the document has
    # loaded: axe must see the page, not an empty <html>.
    page.wait_for_load_state("load")
    page.evaluate(_axe.axe_script)
    bad = [("light", v) for v in _axe_violations(page, ignore)]
    page.emulate_media(color_scheme="dark")
    try:
        bad += [("dark", v) for v in _axe_violations(page, ignore, COLOUR_RULES)]
    finally:
        page.emulate_media(color_scheme="light")
    details = "\n".join(
        f"[{scheme}] {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for scheme, v in bad
    )
    assert not bad, f"accessibility violations on {page.url}:\n{details}"


def watch_for_problems(page, live_server):
    """Collect what should never happen on a page: CSP violations and script errors (console
    errors), files that fail to load (the browser's own /favicon.ico probe aside) and requests that
    leave the site. Returns the list the problems are appended to."""
    problems = []
    page.on(
        "console",
        lambda m: m.type == "error" and "Failed to load resource" not in m.text and problems.append(m.text),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and "favicon" not in r.url and problems.append(f"{r.status} {r.url}"),
    )
    # A request the browser itself cancels (the page moved on while an icon loaded) is not a failure.
    page.on(
        "requestfailed",
        lambda request: "ERR_ABORTED" not in (request.failure or "") and problems.append(f"failed: {request.url}"),
    )
    page.on("request", lambda request: live_server.url not in request.url and problems.append(request.url))
    return problems
