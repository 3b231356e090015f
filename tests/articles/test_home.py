"""The home page shows the latest guides in the reader's language."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tests.factories import ArticleFactory, article_in

pytestmark = pytest.mark.django_db


def test_it_shows_the_three_latest_guides(client):
    for days in range(5):
        ArticleFactory(title_en=f"Home guide {days}", published_at=timezone.now() - timedelta(days=days))
    ArticleFactory(title_en="Draft on home", draft=True)
    with translation.override("en"):
        html = client.get("/en/").content.decode()
    assert "Latest guides" in html
    assert "Home guide 0" in html and "Home guide 2" in html and "Home guide 3" not in html
    assert "Draft on home" not in html


def test_it_shows_them_in_the_readers_language(client):
    article_in(["en", "da"], key="home")
    with translation.override("da"):
        html = client.get("/da/").content.decode()
    assert 'href="/da/guides/home-da/"' in html and "Home (da)" in html


def test_it_leaves_the_section_out_without_guides(client):
    with translation.override("en"):
        assert "latest-guides" not in client.get("/en/").content.decode()
