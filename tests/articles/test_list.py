"""/<lang>/guides/: published guides in the reader's language (or a marked fallback), newest first,
with a category filter, search and pages, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone, translation

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, article_in

pytestmark = pytest.mark.django_db


def _list(client, language="en", **params):
    with translation.override(language):
        return client.get(f"/{language}/guides/", params)


def test_it_lists_published_guides_newest_first(client):
    now = timezone.now()
    older = ArticleFactory(title_en="Older guide", published_at=now - timedelta(days=5))
    newer = ArticleFactory(title_en="Newer guide", published_at=now - timedelta(days=1))
    ArticleFactory(title_en="Draft guide", draft=True)
    ArticleFactory(title_en="Scheduled guide", scheduled=True)
    html = _list(client).content.decode()
    assert html.index(newer.title_en) < html.index(older.title_en)
    assert "Draft guide" not in html and "Scheduled guide" not in html
    assert f'href="/en/guides/{newer.slug_en}/"' in html


def test_it_shows_the_readers_language_and_marks_fallbacks(client):
    article_in(["sv", "fi"], key="both")
    article_in(["sv"], key="swedish-only")
    html = _list(client, "fi").content.decode()
    assert "Both (fi)" in html and "Both (sv)" not in html
    assert "Swedish only (sv)" in html
    assert 'href="/fi/guides/swedish-only-sv/" lang="sv"' in html
    assert "tag-fallback" in html and html.count("tag-fallback") == 1


def test_it_filters_by_category_in_any_language_of_its_slug(client):
    category = CategoryFactory(name_en="Events", slug_en="events", name_sv="Evenemang", slug_sv="evenemang")
    ArticleFactory(title_en="At the event", category=category)
    ArticleFactory(title_en="Something else")
    html = _list(client, category="events").content.decode()
    assert "At the event" in html and "Something else" not in html
    html = _list(client, "sv", category="events").content.decode()  # a link shared from English
    assert "At the event" in html and "Something else" not in html
    assert '<option value="evenemang" selected>Evenemang</option>' in html


def test_it_shows_nothing_for_an_unknown_category(client):
    ArticleFactory(title_en="Something")
    html = _list(client, category="nope-<b>").content.decode()
    assert "0 guides found." in html and "Something" not in html


def test_it_searches_the_version_the_reader_gets(client):
    # The Swedish reader gets the Swedish version of the first guide: its English text is not searched.
    article_in(["en", "sv"], key="mixed", body_en="## A\n\nAbout mentors.\n", body_sv="## A\n\nOm kaffe.\n")
    article_in(["en"], key="english", body_en="## A\n\nAbout mentors.\n")
    html = _list(client, "sv", q="mentors").content.decode()
    assert "English (en)" in html
    assert "Mixed" not in html
    with translation.override("sv"):
        found = translation.ngettext("%(counter)s guide found.", "%(counter)s guides found.", 1) % {"counter": 1}
    assert found in html


def test_it_searches_with_each_databases_own_means(client):
    now = timezone.now()
    in_title = ArticleFactory(
        title_en="Networking for introverts", body_en="Some text.", published_at=now - timedelta(days=9)
    )
    in_body = ArticleFactory(
        title_en="Small talk", body_en="Introverts can do this too.", published_at=now - timedelta(days=1)
    )
    html = _list(client, q="introverts").content.decode()
    assert in_title.title_en in html and in_body.title_en in html
    if connection.vendor == "postgresql":
        # Full-text search ranks a title match above a body match, whatever the dates.
        assert html.index(in_title.title_en) < html.index(in_body.title_en)
        # ... and stems with the language's configuration: "introvert" finds "introverts".
        assert in_title.title_en in _list(client, q="introvert").content.decode()
    else:
        # SQLite: a substring match, newest first.
        assert html.index(in_body.title_en) < html.index(in_title.title_en)
        assert in_title.title_en in _list(client, q="INTROVERT").content.decode()


def test_it_searches_each_language_with_its_own_configuration(client):
    article_in(["sv"], key="natverk", title_sv="Om nätverken", body_sv="Vi minglar på mässor.")
    html = _list(client, "sv", q="mingla").content.decode()
    if connection.vendor == "postgresql":
        assert "Om nätverken" in html  # Swedish stemming: mingla ~ minglar
    else:
        assert "Om nätverken" in html  # substring: "mingla" is in "minglar"
    html = _list(client, "sv", q="nätverk").content.decode()
    assert "Om nätverken" in html
    # Any case of å, ä, ö, on both databases (rookie.lib.lookups on SQLite).
    assert "Om nätverken" in _list(client, "sv", q="NÄTVERKEN").content.decode()


@pytest.mark.parametrize("query", ["", "   ", "<script>", "åäöæøå", "🎉", "x" * 500, "a:b & !c | (", '"unterminated'])
def test_it_takes_any_search_text(client, query):
    ArticleFactory()
    assert _list(client, q=query).status_code == 200


def test_it_paginates(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    for number in range(5):
        ArticleFactory(title_en=f"Paged guide {number}", published_at=timezone.now() - timedelta(days=number))
    first = _list(client).content.decode()
    assert "Paged guide 0" in first and "Paged guide 2" not in first
    third = _list(client, page=3).content.decode()
    assert "Paged guide 4" in third and "Page 3 of 3" in third
    assert "Paged guide 4" in _list(client, page="999").content.decode()  # past the end: the last page
    assert "Paged guide 0" in _list(client, page="abc").content.decode()


def test_it_keeps_the_search_in_page_links(client, settings):
    settings.ARTICLES_PER_PAGE = 1
    ArticleFactory(title_en="Coffee one")
    ArticleFactory(title_en="Coffee two")
    assert "?q=Coffee&amp;page=2" in _list(client, q="Coffee").content.decode()


@pytest.mark.parametrize("count", [1, 50])
def test_it_runs_a_constant_number_of_queries(client, django_assert_num_queries, count):
    category = CategoryFactory()
    for _ in range(count):
        article_in(["en", "sv"], category=category)
    # 1. categories with published guides  2. count  3. the page of guides, with their categories
    with django_assert_num_queries(3):
        response = _list(client, "fi")
    assert response.status_code == 200
    assert Article.objects.count() == count


@pytest.mark.parametrize("count", [1, 50])
def test_it_searches_in_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        article_in(["en", "da"])
    with django_assert_num_queries(3):
        assert _list(client, "da", q="Text").status_code == 200
