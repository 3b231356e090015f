"""Guides and categories for tests; reuse tests.factories.UserFactory for people."""

import itertools
from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Category, Status

LANGUAGES = ("en", "sv", "da", "fi")
_numbers = itertools.count(1)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug_en = factory.Sequence(lambda n: f"category-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published guide with an English version only; add others with `article_in(...)`."""

    class Meta:
        model = Article

    key = factory.Sequence(lambda n: f"guide-{n}")
    title_en = factory.Sequence(lambda n: f"Guide number {n}")
    slug_en = factory.LazyAttribute(lambda o: o.key)
    description_en = "A short guide for tests."
    body_en = "## First step\n\nSay hello to three new people.\n\n## Second step\n\nFollow up within two days.\n"
    author_name = "Rookie"
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)
        scheduled = factory.Trait(published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1)))


def article_in(languages, **kwargs):
    """A guide with versions in exactly `languages`: title "<Key> (<code>)", slug "<key>-<code>"."""
    key = kwargs.pop("key", None) or f"translated-guide-{next(_numbers)}"
    fields = {f"{name}_en": "" for name in ("title", "slug", "description", "body")}
    for code in languages:
        fields[f"title_{code}"] = f"{key.replace('-', ' ').capitalize()} ({code})"
        fields[f"slug_{code}"] = f"{key}-{code}"
        fields[f"description_{code}"] = f"Description in {code}."
        fields[f"body_{code}"] = f"## Heading in {code}\n\nText in {code}.\n"
    fields.update(kwargs)
    return ArticleFactory(key=key, **fields)
