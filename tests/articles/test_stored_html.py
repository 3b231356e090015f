"""Each version's body is converted once, when the guide is saved, and stored beside its text."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import ArticleFactory, article_in

pytestmark = pytest.mark.django_db


def test_saving_stores_each_versions_html_and_table_of_contents():
    article = article_in(["en", "sv"], body_sv="## Börja här\n\nHej [nätverk](/networks/).")
    assert article.body_html_sv.startswith('<h2 id="md-borja-har">Börja här</h2>')
    assert 'href="/networks/"' in article.body_html_sv  # adapted to each reader when shown
    assert article.body_toc_sv == [{"level": 2, "id": "md-borja-har", "name": "Börja här", "children": []}]
    assert article.body_html_en.startswith("<h2") and article.body_html_da == ""


def test_saving_only_the_text_updates_its_html():
    article = article_in(["en"])
    article.body_en = "Fresh *words*."
    article.save(update_fields=["body_en"])
    article.refresh_from_db()
    assert article.body_html_en == "<p>Fresh <em>words</em>.</p>"
    assert article.body_toc_en == []


def test_a_link_to_a_scheduled_guide_appears_when_it_goes_public_without_a_save(client):
    later = timezone.now() + datetime.timedelta(days=1)
    target = ArticleFactory(key="later", slug_en="later", status=Status.PUBLISHED, published_at=later)
    ArticleFactory(key="now", slug_en="now", status=Status.PUBLISHED, body_en="Read [this](/later).")
    assert 'href="/en/guides/later/"' not in client.get("/en/guides/now/").content.decode()
    Article.objects.filter(pk=target.pk).update(published_at=timezone.now() - datetime.timedelta(minutes=1))
    assert 'href="/en/guides/later/"' in client.get("/en/guides/now/").content.decode()


def test_a_fallback_reader_gets_the_stored_version_with_links_in_their_language(client):
    ArticleFactory(key="nets", title_en="", slug_en="", title_sv="Nätverk", slug_sv="natverk",
                   body_sv="## Steg\n\nSe [listan](/networks/).")  # fmt: skip
    page = client.get("/fi/guides/natverk/").content.decode()
    assert 'class="notice fallback-notice"' in page
    assert '<a href="/fi/networks/">listan</a>' in page
    assert 'href="#md-steg"' in page  # the table of contents, from the stored headings


def test_the_migration_stores_the_html_of_existing_guides():
    article = article_in(["en", "fi"])
    Article.objects.filter(pk=article.pk).update(body_html_en="", body_toc_en=[], body_html_fi="")
    migration = importlib.import_module("articles.migrations.0004_article_body_html")
    migration.store_bodies(apps, None)
    article.refresh_from_db()
    assert article.body_html_en.startswith("<h2") and article.body_html_fi.startswith("<h2")
    assert article.body_toc_en[0]["id"] == "md-heading-in-en"
