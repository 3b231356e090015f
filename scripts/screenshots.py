"""`make screenshots`: the README's pictures of the key screens, from a fresh demo.

Builds a throwaway SQLite database in a temporary folder (migrate, then seed_demo), serves it with
`manage.py runserver` on a free loopback port, logs in as the demo roles through the log-in form
and takes each screen in SCREENS at phone (360 × 740) and desktop (1280 × 800) width with
Playwright and Debian's Chromium into docs/screenshots/<name>-<width>.png. The server stops at the
end, also when something fails.

Phone pictures are the whole page down to MAX_HEIGHT pixels, desktop pictures the first screen, so
that the PNGs stay small (the folder stays under about 3 MB).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium-headless-shell"
# The same as tests/e2e/conftest.py: Chromium in a container, nothing fetched on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
MAX_HEIGHT = 2000
# README.md lists the demo users and their shared password.
DEMO_PASSWORD = "rookie-demo-2026"
ROLES = {"member": "member@demo.rookie.test", "coach": "coach@demo.rookie.test"}
# Browser locales, so that Accept-Language matches the page's language.
LOCALES = {"en": "en-GB", "sv": "sv-SE", "da": "da-DK", "fi": "fi-FI"}


@dataclass(frozen=True)
class Screen:
    name: str
    role: str | None  # a key of ROLES, or None for an anonymous visitor
    path: str  # may name {member} and {contact}: ids looked up in the seeded database

    @property
    def language(self) -> str:
        return self.path.strip("/").split("/")[0]


SCREENS = [
    Screen("home", None, "/sv/"),
    Screen("catalogue", None, "/fi/networks/"),
    Screen("network", None, "/da/networks/copenhagen-young-economists/"),
    Screen("dashboard", "member", "/sv/me/"),
    Screen("contact", "member", "/sv/me/contacts/{contact}/"),
    Screen("client", "coach", "/en/coach/clients/{member}/"),
    # Not written in Finnish: shown in another language with the fallback notice.
    Screen("guide", None, "/fi/guides/informational-interviews/"),
    Screen("profile", "member", "/fi/accounts/profile/"),
]

# Printed as JSON by `manage.py shell`: the ids the paths above need.
IDS_QUERY = """
import json
from accounts.models import Contact, User
member = User.objects.get(email="member@demo.rookie.test")
contact = Contact.objects.filter(owner=member).order_by("name").first()
print(json.dumps({"member": member.pk, "contact": contact.pk}))
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the development server stopped (exit code {server.returncode})")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310 (http://127.0.0.1)
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the development server did not answer at {url} within {seconds:.0f} s")


def log_in(page, base: str, email: str) -> None:
    page.goto(base + "/en/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("form[action$='/accounts/login/'] button[type=submit]")
    if "/accounts/login/" in page.url:
        raise RuntimeError(f"could not log in as {email}")


def take(browser, base: str, ids: dict[str, int]) -> list[Path]:
    written = []
    for viewport, is_phone in ((PHONE, True), (DESKTOP, False)):
        contexts = {}
        try:
            for screen in SCREENS:
                key = (screen.role, screen.language)
                if key not in contexts:
                    context = browser.new_context(
                        viewport=viewport,
                        is_mobile=is_phone,
                        has_touch=is_phone,
                        device_scale_factor=1,
                        locale=LOCALES[screen.language],
                        color_scheme="light",
                    )
                    if screen.role:
                        log_in(context.new_page(), base, ROLES[screen.role])
                    contexts[key] = context
                page = contexts[key].new_page()
                response = page.goto(base + screen.path.format(**ids), wait_until="networkidle")
                if response is None or response.status != 200:
                    raise RuntimeError(f"{screen.name}: {screen.path} answered {response and response.status}")
                path = OUT / f"{screen.name}-{viewport['width']}.png"
                if is_phone:
                    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                    clip = {"x": 0, "y": 0, "width": viewport["width"], "height": height}
                    page.screenshot(path=str(path), full_page=True, clip=clip)
                else:
                    page.screenshot(path=str(path))
                page.close()
                written.append(path)
                print(f"  {path.relative_to(ROOT)}")
        finally:
            for context in contexts.values():
                context.close()
    return written


def shrink(paths: list[Path]) -> None:
    """Re-encode with Pillow's best PNG compression when it is installed (it is, in .venv)."""
    try:
        from PIL import Image
    except ImportError:
        return
    for path in paths:
        with Image.open(path) as image:
            image.load()
        image.save(path, optimize=True)


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        print(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium-headless-shell", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rookie-screenshots-") as folder:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "PAGE_CACHE"}
        }
        env.update(DEBUG="1", SQLITE_NAME=str(Path(folder) / "db.sqlite3"), MEDIA_ROOT=str(Path(folder) / "media"))
        print("Building the demo database…")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "seed_demo")
        ids = json.loads(manage(env, "shell", "--command", IDS_QUERY).strip().splitlines()[-1])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 (our own manage.py)
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(base, server)
            print(f"Taking {len(SCREENS)} screens at {PHONE['width']} and {DESKTOP['width']} px…")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    written = take(browser, base, ids)
                finally:
                    browser.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    shrink(written)
    total = sum(path.stat().st_size for path in written)
    print(f"{len(written)} pictures, {total / 1_000_000:.1f} MB, in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
