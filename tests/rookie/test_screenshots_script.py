"""scripts/screenshots.py (`make screenshots`): its screens are pages that exist, in the languages
and for the roles the README pictures promise. Chromium never starts here; the script itself runs
only through make."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _resolve(screen):
    # A language prefix matches only while its language is active (i18n_patterns).
    with translation.override(screen.language):
        return resolve(screen.path.format(member=1, contact=1))


def _script():
    spec = importlib.util.spec_from_file_location("rookie_screenshots", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


screenshots = _script()


@pytest.mark.parametrize("screen", screenshots.SCREENS, ids=lambda screen: screen.name)
def test_each_screen_is_a_page_that_exists(screen):
    # The ids come from the seeded database at run time; any number shows the pattern matches.
    path = screen.path.format(member=1, contact=1)
    try:
        match = _resolve(screen)
    except Resolver404:
        pytest.fail(f"{screen.name}: {path} is no page of the site")
    # A real page, not the catch-all of a language prefix or a redirect to one.
    assert match.url_name, path
    assert screen.language in dict(settings.LANGUAGES), path
    assert screen.role is None or screen.role in screenshots.ROLES


def test_the_screens_are_the_ones_the_issue_asked_for():
    by_name = {screen.name: screen for screen in screenshots.SCREENS}
    expected = {
        "home": (None, "sv", "home"),
        "catalogue": (None, "fi", "networks:list"),
        "network": (None, "da", "networks:detail"),
        "dashboard": ("member", "sv", "tracker:dashboard"),
        "contact": ("member", "sv", "tracker:contact_detail"),
        "client": ("coach", "en", "coaching:client"),
        "guide": (None, "fi", "articles:detail"),
        "profile": ("member", "fi", "accounts:profile"),
    }
    assert set(by_name) == set(expected)
    for name, (role, language, view_name) in expected.items():
        screen = by_name[name]
        assert (screen.role, screen.language) == (role, language), name
        assert _resolve(screen).view_name == view_name, name
    assert len(set(by_name)) == len(screenshots.SCREENS), "two screens would write the same file"


def test_the_demo_accounts_and_password_are_the_readmes():
    assert f"`{screenshots.DEMO_PASSWORD}`" in README
    for email in screenshots.ROLES.values():
        assert email in README


def test_the_readme_shows_pictures_the_script_writes():
    # Markdown links and <img src="…"> (which can set a phone picture's width, side by side).
    shown = re.findall(r"(?:\]\(|src=\")(docs/screenshots/[^)\"]+\.png)", README)
    assert len(shown) >= 4, "the README shows fewer than four screenshots"
    written = {
        f"docs/screenshots/{screen.name}-{size['width']}.png"
        for screen in screenshots.SCREENS
        for size in (screenshots.PHONE, screenshots.DESKTOP)
    }
    for path in shown:
        assert path in written, f"{path} is not one the script takes"
        assert (ROOT / path).is_file(), f"{path} is not committed"
