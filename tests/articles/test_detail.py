"""/<lang>/guides/<slug>/: one guide, its fallback, its alternates, drafts and scheduling."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone, translation

from articles.languages import NOT_AVAILABLE_IN, SHOWING_VERSION
from tests.conftest import LANGUAGES
from tests.factories import ArticleFactory, CategoryFactory, article_in

pytestmark = pytest.mark.django_db

# The fallback each language gets when only the other versions exist (settings.LANGUAGE_FALLBACKS).
EXPECTED_FALLBACK = {"fi": "sv", "da": "sv", "sv": "en", "en": "sv"}


def _get(client, language, slug, **kwargs):
    with translation.override(language):
        return client.get(f"/{language}/guides/{slug}/", **kwargs)


def _hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html))


def test_it_shows_a_guide_with_its_table_of_contents_and_details(client):
    category = CategoryFactory(name_en="Events")
    article = ArticleFactory(
        title_en="Meeting people", author_name="Maja Writer", category=category, body_en="## First\n\nword " * 3
    )
    html = _get(client, "en", article.slug_en).content.decode()
    assert "<h1>Meeting people</h1>" in html
    assert "By Maja Writer" in html
    assert "Events" in html
    assert "1 min read" in html
    assert '<nav class="guide-toc"' in html and 'href="#md-first"' in html
    # A valid datetime attribute: to the second (the HTML standard refuses microseconds).
    published = article.published_at.astimezone(timezone.get_current_timezone()).replace(microsecond=0)
    assert f'<time datetime="{published.isoformat()}">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_shows_the_readers_own_version_with_hreflang_for_every_version(client, language):
    article = article_in(LANGUAGES, key="everywhere")
    html = _get(client, language, article.version(language).slug).content.decode()
    assert f"<h1>Everywhere ({language})</h1>" in html
    assert "fallback-notice" not in html
    assert _hreflangs(html) == {code: f"http://testserver/{code}/guides/everywhere-{code}/" for code in LANGUAGES}
    assert f'<link rel="canonical" href="http://testserver/{language}/guides/everywhere-{language}/">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_falls_back_along_the_chain_with_a_visible_notice(client, language):
    others = [code for code in LANGUAGES if code != language]
    article = article_in(others, key="elsewhere")
    fallback = EXPECTED_FALLBACK[language]
    response = _get(client, language, f"elsewhere-{fallback}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>Elsewhere ({fallback})</h1>" in html
    with translation.override(language):
        notice = f"{NOT_AVAILABLE_IN[language]} {SHOWING_VERSION[fallback]}"
    assert f'<p class="notice fallback-notice" role="note">{notice}\n  <span class="fallback-versions">' in html
    assert f'<article class="guide" lang="{fallback}">' in html
    assert f'<html lang="{language}">' in html
    # Alternates list the versions that exist; the canonical page is the original version.
    assert set(_hreflangs(html)) == set(others)
    assert f'<link rel="canonical" href="http://testserver/{fallback}/guides/elsewhere-{fallback}/">' in html
    assert article.version(language).language == fallback


def test_it_falls_back_to_finnish_for_a_guide_written_only_in_finnish(client):
    article_in(["fi"], key="suomeksi")
    html = _get(client, "en", "suomeksi-fi").content.decode()
    assert "<h1>Suomeksi (fi)</h1>" in html and "fallback-notice" in html


def test_it_redirects_another_versions_slug_to_the_readers_version(client):
    article_in(["en", "sv", "fi"], key="moving")
    response = _get(client, "fi", "moving-en")
    assert response.status_code == 302
    assert response.url == "/fi/guides/moving-fi/"
    response = _get(client, "da", "moving-fi")  # Danish falls back to Swedish
    assert response.url == "/da/guides/moving-sv/"
    assert _get(client, "en", "moving").url == "/en/guides/moving-en/"  # the identifier works too


@pytest.mark.parametrize(("target", "expected_slug"), [("en", "switch-en"), ("sv", "switch-sv"), ("da", "switch-sv")])
def test_it_lands_on_the_right_slug_after_switching_language(client, target, expected_slug):
    article_in(["en", "sv", "fi"], key="switch")
    response = client.post("/i18n/setlang/", {"language": target, "next": "/fi/guides/switch-fi/"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/{target}/guides/{expected_slug}/"
    assert f'<html lang="{target}">' in response.content.decode()


def test_it_hides_drafts_and_scheduled_guides_from_the_public(client, alice_client):
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    for article in (draft, scheduled):
        assert _get(client, "en", article.slug_en).status_code == 404
        assert _get(alice_client, "en", article.slug_en).status_code == 404


def test_it_lets_editors_preview_drafts_with_a_banner(editor_client):
    draft = ArticleFactory(draft=True, title_en="Work in progress")
    response = _get(editor_client, "en", draft.slug_en)
    assert response.status_code == 200
    html = response.content.decode()
    assert "draft-banner" in html and "Only editors can see it." in html
    assert f"/admin/articles/article/{draft.pk}/change/" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]


def test_it_marks_a_scheduled_guide_in_the_preview(editor_client):
    scheduled = ArticleFactory(scheduled=True)
    html = _get(editor_client, "en", scheduled.slug_en).content.decode()
    assert "Scheduled" in html and "This guide will be published on" in html


def test_it_publishes_a_scheduled_guide_when_its_time_comes(client):
    article = ArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    assert _get(client, "en", article.slug_en).status_code == 404
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert _get(client, "en", article.slug_en).status_code == 200
        assert article.title_en in client.get("/en/guides/").content.decode()


def test_it_is_404_for_an_unknown_slug(client):
    assert _get(client, "en", "no-such-guide").status_code == 404


def test_it_resolves_internal_links_to_the_readers_version(client):
    article_in(["en", "sv"], key="chamber-of-commerce")
    ArticleFactory(key="draft-target", slug_en="draft-target", draft=True)
    article = article_in(
        ["sv"],
        key="linking",
        body_sv="Gå med i [handelskammaren](/chamber-of-commerce), läs [utkastet](/draft-target), "
        "[saknad](/btob) och [nätverken](/networks/).",
    )
    html = _get(client, "sv", article.slug_sv).content.decode()
    assert '<a href="/sv/guides/chamber-of-commerce-sv/">handelskammaren</a>' in html
    assert "utkastet" in html and "/draft-target" not in html  # not public: plain text
    assert "saknad" in html and "/btob" not in html
    assert '<a href="/sv/networks/">nätverken</a>' in html
    html = _get(client, "da", article.slug_sv).content.decode()  # Danish reader, Swedish version
    assert '<a href="/da/guides/chamber-of-commerce-sv/">handelskammaren</a>' in html


def test_it_refreshes_the_cached_body_when_the_guide_is_saved(client):
    article = ArticleFactory(body_en="First words.")
    assert "First words." in _get(client, "en", article.slug_en).content.decode()
    article.body_en = "Second words."
    article.save()
    assert "Second words." in _get(client, "en", article.slug_en).content.decode()


def test_it_refreshes_links_when_the_linked_guide_is_published(client):
    target = ArticleFactory(key="later", slug_en="later", draft=True)
    article = ArticleFactory(body_en="See [the other guide](/later).")
    assert 'href="/en/guides/later/"' not in _get(client, "en", article.slug_en).content.decode()
    target.status = target.Status.PUBLISHED
    target.save()
    assert 'href="/en/guides/later/"' in _get(client, "en", article.slug_en).content.decode()


def test_it_renders_hostile_bodies_inert_on_the_page(client):
    from tests.articles.safety import HOSTILE, active_content

    # NUL bytes cannot be stored (PostgreSQL refuses them; forms and the importer refuse them first).
    body = "\n\n".join(text.replace("\x00", "") for _name, text in HOSTILE)
    article = ArticleFactory(body_en=body)
    html = _get(client, "en", article.slug_en).content.decode()
    content = html[html.index('<div class="guide-body">') : html.index("</article>")]
    assert active_content(content) == []


@pytest.mark.parametrize("count", [1, 50])
def test_it_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        article_in(["en", "sv"], body_sv="Läs [mer](/other-guide).")
    article_in(["en"], key="other-guide")
    article = article_in(["sv"], body_sv="Läs [mer](/other-guide) och [det här](/missing).")
    # 1. the guide (with its category and its stored HTML)  2. the guides its links name
    for _view in range(2):
        with django_assert_num_queries(2):
            assert _get(client, "fi", article.slug_sv).status_code == 200


def test_it_runs_one_query_for_a_body_without_links_to_guides(client, django_assert_num_queries):
    article = article_in(["en"], body_en="## Plan\n\nSee [the networks](/networks/) and [a site](https://example.com).")
    with django_assert_num_queries(1):
        assert _get(client, "en", article.slug_en).status_code == 200


def test_the_guide_lists_time_elements_are_to_the_second(client):
    # A minute ago: PostgreSQL's now() is the test transaction's start, before this row's time.
    published_at = (timezone.now() - timedelta(minutes=1)).replace(microsecond=123456)
    article = ArticleFactory(title_en="Listed", published_at=published_at)
    html = client.get("/en/guides/").content.decode()
    published = article.published_at.astimezone(timezone.get_current_timezone()).replace(microsecond=0)
    assert f'<time datetime="{published.isoformat()}">' in html
    assert ".123456" not in html
