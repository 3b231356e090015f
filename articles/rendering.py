"""Guide bodies for readers: the HTML stored when the guide was saved (articles/models.py), with its
links inside the site adapted to the reader (rookie/lib/markdown.py `resolve_links`).

Nothing is cached and no Markdown is converted here: a link to another guide is looked up on each
view (one query, only for a body with such links), so it appears as soon as that guide is public,
scheduled or not, and turns to plain text as soon as it is not.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation
from django.utils.safestring import SafeString

from articles.languages import language_codes
from articles.models import Article
from rookie.lib.markdown import GuideResolver, Heading, guide_links_in, resolve_links


@dataclass(frozen=True)
class Body:
    html: SafeString
    toc: tuple[Heading, ...]


def _slug_fields():
    return ["key", *[f"slug_{code}" for code in language_codes()]]


def _matching(slugs):
    return Q(key__in=slugs) | Q(*[Q(**{f"slug_{code}__in": slugs}) for code in language_codes()], _connector=Q.OR)


def guide_resolver(reader_language: str) -> GuideResolver:
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


def rendered_body(article: Article, version_language: str, reader_language: str) -> Body:
    """One version's stored body (HTML and table of contents) as a reader of one language gets it."""
    stored = getattr(article, f"body_html_{version_language}", "") or ""
    with translation.override(reader_language):
        html = resolve_links(stored, language=reader_language, resolve_guides=guide_resolver(reader_language))
    toc = getattr(article, f"body_toc_{version_language}", None) or []
    return Body(html=html, toc=tuple(Heading.from_json(heading) for heading in toc))


@dataclass(frozen=True)
class LinkProblem:
    language: str
    slug: str
    target: Article | None  # the guide the link names, when it exists but is not public

    @property
    def missing(self):
        return self.target is None


def link_problems(article: Article) -> list[LinkProblem]:
    """Internal links of every saved version that readers would get as plain text, for the admin
    page and the importer."""
    linked = {code: guide_links_in(getattr(article, f"body_html_{code}", "") or "") for code in article.languages}
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
