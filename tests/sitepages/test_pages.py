"""The site pages for readers: each kind in each language, the fallback and its notice, sanitized
Markdown, links for the reader's language, HEAD like GET, and the page cache."""

import re

import pytest
from django.test import Client
from django.utils import translation

from articles.languages import SHOWING_VERSION
from sitepages.models import NOT_AVAILABLE_IN, Kind, SitePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "sv", "da", "fi"]


def _h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1)


def _notice(requested, shown):
    with translation.override(requested):
        return f"{NOT_AVAILABLE_IN[requested]} {SHOWING_VERSION[shown]}"


def _page(kind):
    return SitePage.objects.get(kind=kind)


def _write(kind, language, title, body):
    page = _page(kind)
    setattr(page, f"title_{language}", title)
    setattr(page, f"body_{language}", body)
    page.save()
    return page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", Kind.values)
def test_it_shows_each_page_in_each_language(client, kind, language):
    page = _page(kind)  # the starter text of the data migration, in all four languages
    response = client.get(f"/{language}/pages/{kind}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert _h1(response) == getattr(page, f"title_{language}")
    assert f'<html lang="{language}"' in html
    assert "fallback-notice" not in html
    # Every version written is named as an alternate for search engines.
    for code in LANGUAGES:
        assert f'hreflang="{code}" href="http://testserver/{code}/pages/{kind}/"' in html


def test_the_urls_are_stable():
    # The footer, the sign-up page and editors' texts link to these addresses (docs/site-pages.md).
    assert [page.get_absolute_url() for page in SitePage.objects.order_by("kind")] == [
        "/en/pages/contact/",
        "/en/pages/privacy/",
        "/en/pages/terms/",
    ]


def test_it_falls_back_along_the_chain_with_a_notice(client):
    # fi → sv → en: without a Finnish version a Finnish reader gets the Swedish one, and is told.
    _write("privacy", "fi", "", "")
    response = client.get("/fi/pages/privacy/", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    html = response.content.decode()
    assert _h1(response) == _page("privacy").title_sv
    assert _notice("fi", "sv") in html
    assert '<article class="guide site-page" lang="sv">' in html
    # The stand-in depends on what the reader reads: no shared cache may keep it.
    assert "private" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]


def test_a_fallback_follows_the_languages_the_reader_reads(client):
    _write("terms", "da", "", "")
    # The browser asks for Danish, then English: English comes before the chain's Swedish.
    response = client.get("/da/pages/terms/", HTTP_ACCEPT_LANGUAGE="da, en;q=0.8")
    assert _h1(response) == _page("terms").title_en
    assert _notice("da", "en") in response.content.decode()
    # A member's own list wins over the browser.
    client.force_login(UserFactory(preferred_language="da", reading_languages="da,fi"))
    response = client.get("/da/pages/terms/", HTTP_ACCEPT_LANGUAGE="da, en;q=0.8")
    assert _h1(response) == _page("terms").title_fi
    assert "no-store" in response["Cache-Control"]


def test_a_page_written_in_one_language_reaches_every_reader(client):
    page = _page("contact")
    for code in ("en", "sv", "da"):
        setattr(page, f"title_{code}", "")
        setattr(page, f"body_{code}", "")
    page.save()
    response = client.get("/en/pages/contact/", HTTP_ACCEPT_LANGUAGE="en")
    assert _h1(response) == page.title_fi
    assert _notice("en", "fi") in response.content.decode()


def test_a_page_written_in_no_language_or_missing_is_not_found(client):
    page = _page("contact")
    for code in LANGUAGES:
        setattr(page, f"title_{code}", "")
        setattr(page, f"body_{code}", "")
    page.save()
    assert client.get("/en/pages/contact/").status_code == 404
    _page("terms").delete()
    assert client.get("/sv/pages/terms/").status_code == 404


def test_the_text_is_sanitized_markdown(client):
    _write(
        "contact",
        "en",
        "Contact us",
        "## Write to us\n\n"
        "<script>alert('x')</script>\n\n"
        "<img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold**\n\n"
        '<iframe src="https://example.com"></iframe>',
    )
    html = client.get("/en/pages/contact/").content.decode()
    body = html[html.index('<div class="guide-body">') :]
    assert '<h2 id="md-write-to-us">Write to us</h2>' in body
    assert "<strong>bold</strong>" in body
    assert "<script>alert" not in body and "alert('x')" not in body
    assert "onerror" not in body
    assert "javascript:" not in body
    assert "<iframe" not in body


def test_links_inside_the_site_get_the_readers_language(client):
    # The starter contact page links to /pages/privacy/ and /networks/suggest/ without a language.
    html = client.get("/da/pages/contact/").content.decode()
    assert 'href="/da/pages/privacy/"' in html
    assert 'href="/da/networks/suggest/"' in html


def test_the_date_it_was_updated_is_shown_in_the_readers_format(client):
    page = _page("privacy")
    SitePage.objects.filter(pk=page.pk).update(updated_at="2026-11-27T12:00:00+00:00")
    assert "Päivitetty 27. marraskuuta 2026" in client.get("/fi/pages/privacy/").content.decode()


def test_head_answers_like_get_and_other_methods_are_refused(client):
    get = client.get("/sv/pages/terms/")
    head = client.head("/sv/pages/terms/")
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""
    for method in ("post", "put", "delete"):
        assert getattr(client, method)("/sv/pages/terms/").status_code == 405


def test_an_unknown_kind_is_not_a_page(client):
    assert client.get("/en/pages/about/").status_code == 404


# --- The page cache ------------------------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def test_a_cached_page_is_served_without_queries_until_the_page_changes(page_cache_on, django_assert_num_queries):
    assert "<h1>Användarvillkor</h1>" in Client().get("/sv/pages/terms/").content.decode()
    with django_assert_num_queries(0):
        assert "<h1>Användarvillkor</h1>" in Client().get("/sv/pages/terms/").content.decode()
    # An editor's save makes it stale at once.
    page = _page("terms")
    page.title_sv = "Villkor"
    page.save()
    assert "<h1>Villkor</h1>" in Client().get("/sv/pages/terms/").content.decode()


def test_a_fallback_page_is_never_stored(page_cache_on):
    _write("privacy", "fi", "", "")
    first = Client().get("/fi/pages/privacy/", HTTP_ACCEPT_LANGUAGE="fi, en;q=0.8")
    assert _h1(first) == _page("privacy").title_en
    # A second reader on the same address who reads Swedish gets the Swedish version, not the cached English.
    second = Client().get("/fi/pages/privacy/", HTTP_ACCEPT_LANGUAGE="fi, sv;q=0.8")
    assert _h1(second) == _page("privacy").title_sv


def test_a_guide_links_to_the_contact_page_in_the_readers_language(client):
    # The blog post's "Kontakta oss": its editor writes the link without a language.
    from articles.models import Status
    from tests.factories import article_in

    article_in(
        ["sv"],
        key="blog",
        status=Status.PUBLISHED,
        body_sv="## Börja där du är\n\n[Kontakta oss](/pages/contact/) om du undrar något.\n",
    )
    html = client.get("/sv/guides/blog-sv/").content.decode()
    assert '<a href="/sv/pages/contact/">Kontakta oss</a>' in html
    assert client.get("/sv/pages/contact/").status_code == 200


def test_a_page_takes_one_query(client, django_assert_num_queries):
    # The page row. The starter contact page links to sections only (no guide slugs), so the guide
    # resolver asks nothing; an anonymous visitor without a session costs no session or user query.
    with django_assert_num_queries(1):
        assert client.get("/sv/pages/contact/").status_code == 200


def test_a_link_to_a_guide_costs_one_more_query(client, django_assert_num_queries):
    from articles.models import Status
    from tests.factories import article_in

    article_in(["en"], key="coffee", status=Status.PUBLISHED)
    _write("terms", "en", "Terms of use", "Read [our guide](/guides/coffee-en/) and [a missing one](/guides/nope/).")
    # The page row, then the public guides the text names.
    with django_assert_num_queries(2):
        html = client.get("/en/pages/terms/").content.decode()
    assert '<a href="/en/guides/coffee-en/">our guide</a>' in html
    assert "a missing one" in html and "/guides/nope/" not in html
