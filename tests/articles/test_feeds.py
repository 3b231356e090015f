"""RSS per language and sitemap.xml with hreflang alternates."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from tests.factories import ArticleFactory, article_in

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _feed(client, language):
    with translation.override(language):
        response = client.get(f"/{language}/guides/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_has_a_feed_per_language(client, language):
    article_in(["en", "sv", "da", "fi"], key="all")
    channel = _feed(client, language).find("channel")
    assert channel.findtext("language") == language
    item = channel.find("item")
    assert item.findtext("title") == f"All ({language})"
    assert item.findtext("link") == f"http://testserver/{language}/guides/all-{language}/"


def test_it_marks_fallback_versions_in_the_feed(client):
    article_in(["sv"], key="svenska")
    item = _feed(client, "fi").find("channel/item")
    assert item.findtext("title").startswith("Svenska (sv) (")
    assert item.findtext("link") == "http://testserver/fi/guides/svenska-sv/"


def test_it_leaves_drafts_and_scheduled_guides_out_of_the_feed(client):
    ArticleFactory(title_en="Visible")
    ArticleFactory(title_en="Hidden draft", draft=True)
    ArticleFactory(title_en="Hidden scheduled", scheduled=True)
    titles = [item.findtext("title") for item in _feed(client, "en").iter("item")]
    assert titles == ["Visible"]


def test_it_lists_each_existing_version_in_the_sitemap_with_alternates(client):
    article_in(["en", "sv"], key="pair")
    ArticleFactory(key="secret", draft=True)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    urls = {url.findtext(f"{SITEMAP}loc"): url for url in root.iter(f"{SITEMAP}url")}
    assert "http://testserver/en/guides/pair-en/" in urls and "http://testserver/sv/guides/pair-sv/" in urls
    assert not any("pair" in loc and ("/da/" in loc or "/fi/" in loc) for loc in urls)  # no fallback pages
    assert not any("secret" in loc for loc in urls)
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver/sv/guides/pair-sv/"].iter(f"{XHTML}link")
    }
    assert alternates == {"en": "http://testserver/en/guides/pair-en/", "sv": "http://testserver/sv/guides/pair-sv/"}
    assert "http://testserver/fi/guides/" in urls  # the list page in every language


def test_it_links_the_feed_from_the_guide_pages(client):
    article = ArticleFactory()
    with translation.override("sv"):
        html = client.get("/sv/guides/").content.decode()
    assert re.search(r'<link rel="alternate" type="application/rss\+xml" [^>]*href="/sv/guides/feed/"', html)
    with translation.override("en"):
        assert "/en/guides/feed/" in client.get(f"/en/guides/{article.slug_en}/").content.decode()
