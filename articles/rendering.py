"""Guide bodies through the one renderer (rookie/markdown.py), with internal links resolved and the
result cached per guide, version language and reader language.

The cache key holds the guide's `updated_at`, so saving a guide refreshes it, and a generation
number bumped whenever any guide is saved or deleted (signals.py), because a body's links depend
on other guides' slugs and status. A guide that becomes public by reaching its scheduled time is
not a save; links to it appear when cached bodies expire (ARTICLES_HTML_CACHE_SECONDS).
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import translation

from articles.languages import language_codes
from articles.models import Article
from rookie.cache_guard import tolerant_cache as cache  # unreachable, a miss: the body is rendered
from rookie.markdown import render_markdown

GENERATION_KEY = "articles:generation"


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Start from the clock, not 1, so a restarted process never meets keys of an older generation.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _slug_fields():
    return ["key", *[f"slug_{code}" for code in language_codes()]]


def _matching(slugs):
    return Q(key__in=slugs) | Q(*[Q(**{f"slug_{code}__in": slugs}) for code in language_codes()], _connector=Q.OR)


def guide_resolver(reader_language):
    """A GuideResolver: linked slugs → the page of that guide for this reader, if it is public."""

    def resolve(slugs):
        slugs = list(slugs)
        found = (
            Article.objects.published()
            .filter(_matching(slugs))
            .only(*_slug_fields(), *[f"title_{code}" for code in language_codes()])
        )
        urls = {}
        for article in found:
            url = article.version(reader_language).url
            for value in (getattr(article, name) for name in _slug_fields()):
                if value in slugs:
                    urls[value] = url
        return urls

    return resolve


def rendered_body(article, version_language, reader_language):
    """The Rendered body (html, toc, word count) of one version, for a reader of one language."""
    stamp = int(article.updated_at.timestamp() * 1_000_000) if article.updated_at else 0
    key = f"articles:html:{article.pk}:{stamp}:{version_language}:{reader_language}:{generation()}"
    rendered = cache.get(key)
    if rendered is None:
        with translation.override(reader_language):
            rendered = render_markdown(
                getattr(article, f"body_{version_language}", "") or "",
                language=reader_language,
                resolve_guides=guide_resolver(reader_language),
            )
        cache.set(key, rendered, settings.ARTICLES_HTML_CACHE_SECONDS)
    return rendered


@dataclass(frozen=True)
class LinkProblem:
    language: str
    slug: str
    target: Article | None  # the guide the link names, when it exists but is not public

    @property
    def missing(self):
        return self.target is None


def link_problems(article):
    """Internal links of every version that readers would get as plain text, for the admin page."""
    linked = {}
    for code in article.languages:
        rendered = render_markdown(getattr(article, f"body_{code}", "") or "", language=code)
        linked[code] = rendered.guide_links
    wanted = {slug for slugs in linked.values() for slug in slugs}
    if not wanted:
        return []
    targets = {}
    for other in Article.objects.filter(_matching(wanted)):
        for value in (getattr(other, name) for name in _slug_fields()):
            if value in wanted:
                targets[value] = other
    problems = []
    for code, slugs in linked.items():
        for slug in slugs:
            target = targets.get(slug)
            if target is None or not target.is_public:
                problems.append(LinkProblem(code, slug, target))
    return problems
