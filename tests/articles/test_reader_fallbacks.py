"""A guide missing in the reader's language follows the reader: the languages they read (a member's
profile, else the browser's Accept-Language) come before the configured chain (articles/languages.py),
and the page cache never hands one reader's fallback to another."""

import pytest
from django.test import Client
from django.utils import translation

from articles.languages import NOT_AVAILABLE_IN, SHOWING_VERSION, accept_language_codes, reader_chain
from tests.factories import UserFactory, article_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(db):
    """A guide in Swedish and English only (slugs coffee-sv, coffee-en)."""
    return article_in(["sv", "en"], key="coffee")


def _get(client, path, accept=None):
    headers = {"accept-language": accept} if accept is not None else {}
    return client.get(path, headers=headers)


def _notice(requested, shown):
    with translation.override(requested):
        return f"{NOT_AVAILABLE_IN[requested]} {SHOWING_VERSION[shown]}"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fi, en;q=0.8", ["fi", "en"]),
        ("fi, sv;q=0.8", ["fi", "sv"]),
        ("en;q=0.5, fi-FI, sv-SE;q=0.9, de;q=0.95", ["fi", "sv", "en"]),
        ("da-DK,da;q=0.9,en-GB;q=0.8,en;q=0.7", ["da", "en"]),
        ("de, *;q=0.1", []),
        ("", []),
        ("not a header ;;; q=x", []),
    ],
)
def test_accept_language_gives_the_site_languages_in_q_order(header, expected):
    assert accept_language_codes(header) == expected


def test_the_readers_languages_come_before_the_configured_chain():
    assert reader_chain("fi", ["fi", "en"]) == ["fi", "en", "sv", "da"]
    assert reader_chain("fi", []) == ["fi", "sv", "en", "da"]  # settings.LANGUAGE_FALLBACKS
    assert reader_chain("fi", ["da", "xx"]) == ["fi", "da", "sv", "en"]


def test_a_finnish_reader_who_reads_english_gets_the_english_version_with_a_finnish_notice(client, guide):
    response = _get(client, "/fi/guides/coffee-en/", "fi, en;q=0.8")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Coffee (en)</h1>" in html
    assert '<article class="guide" lang="en">' in html
    assert '<html lang="fi">' in html
    notice = _notice("fi", "en")
    with translation.override("en"):
        assert notice != f"{NOT_AVAILABLE_IN['fi']} {SHOWING_VERSION['en']}"  # the notice is in Finnish
    assert f'<p class="notice fallback-notice" role="note">{notice}' in html
    # The notice links the other version, in its own language.
    assert '<a href="/sv/guides/coffee-sv/" hreflang="sv" lang="sv">Svenska</a>' in html


def test_a_finnish_reader_who_reads_english_is_sent_from_the_swedish_address_to_the_english(client, guide):
    response = _get(client, "/fi/guides/coffee-sv/", "fi, en;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/fi/guides/coffee-en/"


def test_a_finnish_reader_who_reads_swedish_gets_the_swedish_version(client, guide):
    response = _get(client, "/fi/guides/coffee-en/", "fi, sv;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/fi/guides/coffee-sv/"
    html = _get(client, "/fi/guides/coffee-sv/", "fi, sv;q=0.8").content.decode()
    assert "<h1>Coffee (sv)</h1>" in html
    assert f'<p class="notice fallback-notice" role="note">{_notice("fi", "sv")}' in html
    assert '<a href="/en/guides/coffee-en/" hreflang="en" lang="en">English</a>' in html


def test_without_accept_language_the_configured_chain_decides(client, guide):
    html = _get(client, "/fi/guides/coffee-sv/").content.decode()
    assert "<h1>Coffee (sv)</h1>" in html  # fi → sv → en


def test_the_readers_own_language_wins_over_their_list(client):
    article_in(["fi", "sv", "en"], key="all")
    html = _get(client, "/fi/guides/all-fi/", "en, sv;q=0.8").content.decode()
    assert "<h1>All (fi)</h1>" in html and "fallback-notice" not in html


@pytest.mark.parametrize(("reading", "shown"), [("fi,en", "en"), ("fi,sv", "sv"), ("en", "en")])
def test_a_members_reading_list_wins_over_accept_language(client, guide, reading, shown):
    member = UserFactory(preferred_language="fi", reading_languages=reading)
    client.force_login(member)
    # The browser asks for the other one.
    other = "sv" if shown == "en" else "en"
    response = _get(client, f"/fi/guides/coffee-{shown}/", f"fi, {other};q=0.8")
    assert response.status_code == 200
    assert f"<h1>Coffee ({shown})</h1>" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_member_without_a_list_follows_their_browser(client, guide):
    client.force_login(UserFactory(preferred_language="fi", reading_languages=""))
    response = _get(client, "/fi/guides/coffee-en/", "fi, en;q=0.8")
    assert response.status_code == 200
    assert "<h1>Coffee (en)</h1>" in response.content.decode()


# --- The page cache ------------------------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def test_a_fallback_page_is_not_shared_between_readers_with_different_lists(page_cache_on, guide):
    # The first reader reads English; a second, on the same address, reads only Swedish.
    first = _get(Client(), "/fi/guides/coffee-en/", "fi, en;q=0.8")
    assert "<h1>Coffee (en)</h1>" in first.content.decode()
    assert "private" in first["Cache-Control"]
    assert "Accept-Language" in first["Vary"]
    second = _get(Client(), "/fi/guides/coffee-en/", "fi, sv;q=0.8")
    assert second.status_code == 302 and second["Location"] == "/fi/guides/coffee-sv/"
    # And the other way round, on the Swedish address.
    assert "<h1>Coffee (sv)</h1>" in _get(Client(), "/fi/guides/coffee-sv/", "fi, sv;q=0.8").content.decode()
    assert _get(Client(), "/fi/guides/coffee-sv/", "fi, en;q=0.8")["Location"] == "/fi/guides/coffee-en/"


def test_a_page_in_the_readers_own_language_is_still_cached(page_cache_on, guide, django_assert_num_queries):
    # The same for every reader, whatever they read: one render serves the next reader.
    assert "<h1>Coffee (sv)</h1>" in _get(Client(), "/sv/guides/coffee-sv/", "fi, en;q=0.8").content.decode()
    with django_assert_num_queries(0):
        response = _get(Client(), "/sv/guides/coffee-sv/", "sv")
    assert "<h1>Coffee (sv)</h1>" in response.content.decode()
    assert "private" not in response.get("Cache-Control", "")
