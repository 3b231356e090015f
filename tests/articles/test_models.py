"""Article and Category: versions, fallbacks, slugs and the database's own rules."""

import pytest
from django.db import IntegrityError, transaction

from articles.languages import fallback_chain
from articles.models import Article, Category, Status, nordic_slugify
from tests.factories import ArticleFactory, article_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "chain"),
    [
        ("fi", ["fi", "sv", "en", "da"]),
        ("da", ["da", "sv", "en", "fi"]),
        ("sv", ["sv", "en", "da", "fi"]),
        ("en", ["en", "sv", "da", "fi"]),
        ("de", ["en", "sv", "da", "fi"]),
    ],
)
def test_it_falls_back_along_the_nordic_chain(language, chain):
    assert fallback_chain(language) == chain


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Netværk för Ålborg", "netvaerk-for-alborg"), ("Nätverk", "natverk"), ("Øl & Æbler", "ol-aebler"), ("🎉", "")],
)
def test_it_makes_readable_slugs_from_nordic_titles(text, slug):
    assert nordic_slugify(text) == slug


def test_it_knows_which_versions_exist():
    article = article_in(["sv", "fi"])
    assert article.languages == ["sv", "fi"]
    assert article.version("da").language == "sv" and article.version("da").is_fallback
    assert article.version("fi").language == "fi" and not article.version("fi").is_fallback


def test_it_computes_reading_time_per_language():
    article = article_in(["en", "sv"], body_en="word " * 600, body_sv="ord " * 100)
    assert (article.reading_minutes_en, article.reading_minutes_sv, article.reading_minutes_da) == (3, 1, 0)


def test_it_dates_a_guide_when_it_is_published():
    article = ArticleFactory(draft=True)
    article.status = Status.PUBLISHED
    article.save(update_fields=["status", "published_at", "updated_at"])
    article.refresh_from_db()
    assert article.published_at is not None


@pytest.mark.parametrize(
    "change",
    [
        {"status": "archived"},
        {"status": Status.PUBLISHED, "published_at": None},
        {"cover_image": "guides/covers/a.png", "image_url": "https://example.com/a.png"},
    ],
)
def test_the_database_refuses_what_the_rules_forbid(change):
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(**change)


def test_the_database_refuses_a_duplicate_slug_in_one_language():
    ArticleFactory(slug_en="same")
    other = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=other.pk).update(slug_en="same")


def test_empty_slugs_do_not_collide():
    article_in(["sv"])
    article_in(["sv"])
    assert Article.objects.filter(slug_en="").count() == 2


def test_it_never_uses_a_reserved_slug():
    article = ArticleFactory.build(title_en="Feed", slug_en="", key="")
    article.save()
    assert article.slug_en != "feed"


def test_a_category_needs_a_name_and_gets_slugs():
    with pytest.raises(Exception) as error:
        Category().full_clean()
    assert "at least one language" in str(error.value)
    category = Category(name_sv="Karriär & Jobb")
    category.full_clean()
    category.save()
    assert category.slug_sv == "karriar-jobb"
    assert category.name_for("fi") == "Karriär & Jobb"
