"""Guide pages without the page cache: what every reader of a language shares (a guide as it is
shown, a page of the guide list, the home page's latest guides) is rendered once and kept under the
guides' generation (rookie/lib/pagecache.py shared_fragment), so an editor's change shows at once
and nothing of one reader reaches another."""

import re
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

import rookie.lib.pagecache
from articles import pagecache as guide_pages
from articles.models import Category, Status
from tests.factories import ArticleFactory, CategoryFactory, UserFactory, article_in

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PAGES = ["/en/", "/en/guides/", "/en/guides/say-hello/"]


@pytest.fixture(autouse=True)
def _fragments_on_page_cache_off(settings):
    # Fragments are on by default only with a shared cache (REDIS_URL); one test process shares
    # its LocMem cache.
    settings.PAGE_CACHE = False
    settings.FRAGMENT_CACHE = True


@pytest.fixture
def guide(db):
    return ArticleFactory(title_en="Say hello first", key="say-hello", suggested_goals=["meet-three"])


def _html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_a_second_reader_gets_the_shared_part_without_a_query(guide, django_assert_num_queries, url):
    first = _html(Client(), url)
    with django_assert_num_queries(0):
        second = _html(Client(), url)
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    assert "Say hello first" in second


def test_without_fragments_every_page_is_rendered(settings, guide, django_assert_num_queries):
    settings.FRAGMENT_CACHE = False
    _html(Client(), "/en/guides/say-hello/")
    with django_assert_num_queries(1):  # the guide, with its body stored as HTML
        _html(Client(), "/en/guides/say-hello/")


@pytest.mark.parametrize("url", PAGES)
def test_publishing_a_guide_shows_it_at_once(guide, url):
    draft = ArticleFactory(title_en="Brand new guide", key="brand-new", draft=True)
    _html(Client(), url)
    assert Client().get("/en/guides/brand-new/").status_code == 404
    draft.status = Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save()
    assert "Brand new guide" in _html(Client(), "/en/guides/brand-new/")
    if url != "/en/guides/say-hello/":
        assert "Brand new guide" in _html(Client(), url)


@pytest.mark.parametrize("url", PAGES)
def test_editing_a_guide_shows_the_edit_at_once(guide, url):
    assert "Say hello first" in _html(Client(), url)
    guide.title_en = "Say hello twice"
    guide.body_en = "A body written again."
    guide.save()
    html = _html(Client(), url)
    assert "Say hello twice" in html and "Say hello first" not in html
    if url == "/en/guides/say-hello/":
        assert "A body written again." in html


def test_unpublishing_a_guide_takes_it_off_at_once(guide):
    for url in PAGES:
        _html(Client(), url)
    guide.status = Status.DRAFT
    guide.save()
    assert Client().get("/en/guides/say-hello/").status_code == 404
    assert "Say hello first" not in _html(Client(), "/en/guides/")
    assert "Say hello first" not in _html(Client(), "/en/")


def test_renaming_a_category_shows_at_once(guide):
    category = CategoryFactory(name_en="Before")
    guide.category = category
    guide.save()
    assert "Before" in _html(Client(), "/en/guides/")
    Category.objects.filter(pk=category.pk).update(name_en="After")  # no signal: still the old list
    category.refresh_from_db()
    category.save()
    html = _html(Client(), "/en/guides/")
    assert "After" in html and "Before" not in html


def test_a_scheduled_guide_appears_when_its_time_comes(guide, monkeypatch):
    ArticleFactory(title_en="Scheduled for later", key="later", published_at=timezone.now() + timedelta(hours=1))
    assert "Scheduled for later" not in _html(Client(), "/en/guides/")
    assert "Scheduled for later" not in _html(Client(), "/en/")
    assert Client().get("/en/guides/later/").status_code == 404
    # Two hours later, without any save: the stored fragments must not be used any more.
    later = timezone.now() + timedelta(hours=2)
    clock = SimpleNamespace(time=lambda: later.timestamp(), time_ns=time.time_ns)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(rookie.lib.pagecache, "time", clock)
    monkeypatch.setattr(guide_pages, "time", clock)
    assert "Scheduled for later" in _html(Client(), "/en/guides/")
    assert "Scheduled for later" in _html(Client(), "/en/")
    assert "Scheduled for later" in _html(Client(), "/en/guides/later/")


def test_a_page_of_the_list_and_a_category_are_kept_apart(guide):
    category = CategoryFactory(name_en="Events", slug_en="events")
    ArticleFactory(title_en="At the fair", key="fair", category=category)
    everything = _html(Client(), "/en/guides/")
    events = _html(Client(), "/en/guides/", category="events")
    assert "Say hello first" in everything and "Say hello first" not in events
    assert "At the fair" in events


def test_a_search_and_unknown_parameters_are_rendered_for_the_request(guide, django_assert_num_queries):
    _html(Client(), "/en/guides/", q="hello")
    with django_assert_num_queries(3):
        assert "Say hello first" in _html(Client(), "/en/guides/", q="hello")
    # Page links carry the request's other parameters: such a list is not shared.
    for number in range(12):
        ArticleFactory(title_en=f"Filler {number}", key=f"filler-{number}")
    assert "utm_source=x" in _html(Client(), "/en/guides/", utm_source="x")
    assert "utm_source" not in _html(Client(), "/en/guides/")


def test_a_readers_own_part_of_a_guide_is_theirs(guide):
    anonymous = _html(Client(), "/en/guides/say-hello/")
    member = Client()
    member.force_login(UserFactory())
    signed_in = _html(member, "/en/guides/say-hello/")
    again = _html(Client(), "/en/guides/say-hello/")
    assert "Log in to add this to your goals" in anonymous and "Log in to add this to your goals" in again
    assert "Add to my goals" in signed_in and "Add to my goals" not in again
    assert TOKEN.findall(signed_in) and set(TOKEN.findall(signed_in)).isdisjoint(TOKEN.findall(again))


def test_dates_are_in_each_readers_time_zone(guide):
    # 23:30 UTC: already the next day in Helsinki, still the same day in Reykjavik.
    guide.published_at = timezone.now().replace(hour=23, minute=30, second=0, microsecond=0) - timedelta(days=2)
    guide.save()
    readers = {}
    for zone in ("Atlantic/Reykjavik", "Europe/Helsinki"):
        client = Client()
        client.force_login(UserFactory(time_zone=zone))
        readers[zone] = re.search(r'<time datetime="([^"]+)"', _html(client, "/en/guides/say-hello/")).group(1)
    assert readers["Atlantic/Reykjavik"] != readers["Europe/Helsinki"]


def test_an_editors_preview_is_never_shared(guide, editor):
    ArticleFactory(title_en="Not yet", key="not-yet", draft=True)
    editor_client = Client()
    editor_client.force_login(editor)
    assert Client().get("/en/guides/not-yet/").status_code == 404
    assert "Not yet" in _html(editor_client, "/en/guides/not-yet/")
    assert Client().get("/en/guides/not-yet/").status_code == 404


def test_each_language_and_reader_chain_gets_its_own_guide(guide):
    article = article_in(["en", "sv"], key="two")
    url = f"/fi/guides/{article.slug_sv}/"
    swedish = _html(Client(HTTP_ACCEPT_LANGUAGE="fi"), url)
    assert '<html lang="fi">' in swedish and '<article class="guide" lang="sv">' in swedish
    # A Finnish reader who reads English gets the English version, at its own address.
    response = Client(HTTP_ACCEPT_LANGUAGE="fi, en").get(url)
    assert response.status_code == 302 and response["Location"] == f"/fi/guides/{article.slug_en}/"
    assert '<article class="guide" lang="en">' in _html(Client(HTTP_ACCEPT_LANGUAGE="fi, en"), response["Location"])
    assert TOKEN.sub("", _html(Client(HTTP_ACCEPT_LANGUAGE="fi"), url)) == TOKEN.sub("", swedish)
