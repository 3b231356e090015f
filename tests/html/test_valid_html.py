"""Every page of the demo is valid HTML (the Nu HTML checker finds no error) and shows no English
interface string in Swedish, Danish or Finnish; nor does any e-mail."""

import io
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.management.commands.seed_demo import DEMO_USERS
from accounts.models import Contact, User
from accounts.signup import PendingSignup, signup_token_make
from networks.models import Network
from tests.conftest import LANGUAGES, rows_for_the_module
from tests.html.crawl import Page, crawl, require_java, saved, vnu_errors
from tests.html.english import EMAIL_CONTEXTS, EMAIL_TEMPLATES, english_in, english_in_text, page_language

# One worker crawls once for both checks.
pytestmark = pytest.mark.xdist_group("demo_crawl")

# Where each role starts: the home page, the pages its navigation is built around, and pages no
# link reaches (e-mailed links, the pages after a form, a wrong role's 403, a missing page's 404).
ROLE_STARTS = {
    "anonymous": [
        "",
        "no-such-page/",
        "accounts/signup/sent/",
        "accounts/signup/confirm/{signup_token}/",
        "accounts/signup/confirm/{used_signup_token}/",
        "accounts/signup/confirm/not-a-token/",
        "accounts/password/reset/sent/",
        "accounts/password/reset/{client_uidb64}/{client_reset_token}/",
        "accounts/password/reset/{client_uidb64}/not-a-token/",
        "accounts/password/reset/complete/",
        "accounts/privacy/deleted/",
    ],
    "member": ["", "me/", "coach/sharing/", "coach/", "accounts/password/change/done/"],
    "coach": ["", "me/", "coach/", "coach/sharing/"],
    "editor": ["", "me/", "guides/"],
}

# Forms sent back with their errors (the only POSTs): the pages a mistake shows, per role.
INVALID_FORMS = {
    "anonymous": [
        ("accounts/login/", {"username": "nobody@example.com", "password": "wrong"}),
        ("accounts/signup/", {"email": "not an address"}),
        ("accounts/password/reset/", {"email": ""}),
    ],
    "member": [("accounts/password/change/", {"old_password": "wrong"})],
    "coach": [],
    "editor": [],
}

# Error pages that only a failure shows (a large upload, a rate limit, a crash, an outage): rendered
# as their views render them.
ERROR_PAGES = [
    ("errors/413.html", {"limit": 5 * 1024 * 1024}),
    ("errors/429.html", {"cooloff_timedelta": timedelta(minutes=15)}),
    ("errors/429.html", {}),
    ("errors/500.html", {}),
    ("errors/503.html", {"unavailable": "database"}),
    ("errors/503.html", {"unavailable": "cache"}),
]


def _error_pages(folder: Path, language: str) -> list[Page]:
    request = RequestFactory().get(f"/{language}/")
    request.user = AnonymousUser()
    pages = []
    with translation.override(language):
        for number, (template, context) in enumerate(ERROR_PAGES):
            file = folder / f"error-{language}-{number}.html"
            file.write_text(render_to_string(template, context, request), encoding="utf-8")
            pages.append(Page(f"({template} rendered in {language})", file, 200))
    return pages


@dataclass(frozen=True)
class DemoCrawl:
    folder: Path
    pages: list[Page]
    seconds: float
    names: frozenset[str]  # what the demo's people named things: content, in whatever language


@pytest.fixture(scope="module")
def demo_crawl(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo crawled as each role (anonymous, the demo member, coach and editor) in each language,
    following every same-site link breadth-first from the home page and the role's own start pages;
    every HTML page saved once for the checks below.

    Every page must also work at 360 px: the width changes how a browser lays the page out, not
    the HTML the server sends (there is no user-agent or viewport sniffing), so checking the served
    HTML once covers every width. The layout at 360 px is the browser tests' business
    (tests/e2e/test_phone.py).

    The admin (/admin/) is left out: its pages are Django's own markup, not our templates. So are
    links that log out, delete, export, download or feed (files or state changes), other languages
    (each is crawled on its own) and, after a few instances, more pages of an already seen pattern.
    Pages that no link reaches are fetched directly (ROLE_STARTS), a few forms are sent back with
    their errors (INVALID_FORMS, the only POSTs), and the error pages that only a failure shows are
    rendered (ERROR_PAGES).
    """
    folder = tmp_path_factory.mktemp("demo-pages")
    started = time.monotonic()
    with rows_for_the_module(django_db_blocker):
        call_command("seed_demo", force=True, stdout=io.StringIO())
        users = {role: User.objects.get(email=spec[0]) for role, spec in DEMO_USERS.items()}
        # The reset link of the coach's second client: nobody logs in as them, so it stays valid.
        tokens = {
            "signup_token": signup_token_make(PendingSignup("newcomer@example.com", "Newcomer", "en")),
            "used_signup_token": signup_token_make(PendingSignup(users["member"].email, "Elin", "sv")),
            "client_uidb64": urlsafe_base64_encode(force_bytes(users["client"].pk)),
            "client_reset_token": default_token_generator.make_token(users["client"]),
        }
        pages = []
        for language in LANGUAGES:
            for role, starts in ROLE_STARTS.items():
                client = Client()
                if role != "anonymous":
                    client.force_login(users[role])
                urls = [f"/{language}/{start.format(**tokens)}" for start in starts]
                found = crawl(client, urls, language, folder, f"{role}-{language}")
                # Each crawl finds at least its start pages and their navigation (the smallest, the
                # anonymous one, finds about 30): fewer means a start page or the log-in stopped working.
                assert len(found) >= 20, f"only {len(found)} pages as {role} in {language}"
                pages += found
                for number, (path, data) in enumerate(INVALID_FORMS[role]):
                    url = f"/{language}/{path}"
                    response = client.post(url, data)
                    page = saved(response, f"POST {url}", folder / f"{role}-{language}-post-{number}.html")
                    assert response.status_code == 200 and page, (url, response.status_code)  # re-rendered with errors
                    pages.append(page)
            pages += _error_pages(folder, language)
        names = frozenset(Network.objects.values_list("name", flat=True)) | frozenset(
            Contact.objects.values_list("name", flat=True)
        )
        yield DemoCrawl(folder, pages, time.monotonic() - started, names)


# django_db: pytest-django builds only the databases that marked tests use, and the crawl needs one.
@pytest.mark.slow
@pytest.mark.django_db
def test_every_demo_page_is_valid_html_for_every_role_and_language(demo_crawl):
    """Every page of the crawl passes the Nu HTML checker: no errors allowed."""
    require_java()
    started = time.monotonic()
    errors = vnu_errors(demo_crawl.folder, demo_crawl.pages)
    checked = time.monotonic() - started
    print(f"{len(demo_crawl.pages)} pages crawled in {demo_crawl.seconds:.1f} s, checked by vnu in {checked:.1f} s")
    assert not errors, f"{len(errors)} HTML errors (file → URL, line: message):\n" + "\n".join(map(str, errors))


@pytest.mark.slow
@pytest.mark.django_db
def test_no_page_shows_an_english_interface_string_in_swedish_danish_or_finnish(demo_crawl):
    """Labels, buttons, badges, error messages and headings on every sv, da and fi page of the crawl
    come from the catalogue in the page's language: no English text of the catalogue shows (see
    tests/html/english.py for what counts)."""
    found = []
    for page in demo_crawl.pages:
        language = page_language(page.file)
        if language in ("sv", "da", "fi"):
            found += [
                f"{page.url} ({page.file.name}): {phrase!r}"
                for phrase in english_in(page.file, language, demo_crawl.names)
            ]
    assert not found, f"{len(found)} English interface strings:\n" + "\n".join(found)


@pytest.mark.parametrize("language", ["sv", "da", "fi"])
def test_no_email_shows_an_english_interface_string(language):
    """Every e-mail template, rendered with each of its branches, in the recipient's language."""
    found = []
    for template in sorted(EMAIL_TEMPLATES.glob("*.*")):
        for context in EMAIL_CONTEXTS:
            with translation.override(language):
                text = render_to_string(f"email/{template.name}", context)
            found += [f"{template.name}: {phrase!r}" for phrase in english_in_text(text, language)]
    assert not found, f"{len(set(found))} English strings in e-mails:\n" + "\n".join(sorted(set(found)))


@pytest.mark.parametrize(
    ("language", "text", "english"),
    [
        ("sv", "Logga in · Log an interaction · Mål", ["Log an interaction"]),
        ("da", "Gem ændringer. This field is required.", ["This field is required"]),
        ("fi", "Kirjaudu sisään · Overdue", ["Overdue"]),
        ("sv", "Rookie · LinkedIn · Logga in", []),
    ],
)
def test_the_check_finds_english_and_only_english(language, text, english):
    found = english_in_text(text, language)
    assert set(english) <= set(found)
    assert found or not english
    assert not found or english
