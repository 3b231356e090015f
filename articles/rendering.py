"""Guide bodies for readers: the HTML stored when the guide was saved (articles/models.py), with its
links inside the site adapted to the reader (rookie/lib/markdown.py `resolve_links`, with the
rules of articles/links.py).

Nothing is cached and no Markdown is converted here: a link to another guide is looked up on each
view (one query, only for a body with such links), so it appears as soon as that guide is public,
scheduled or not, and turns to plain text as soon as it is not.
"""

from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation
from django.utils.safestring import SafeString

from articles.blocks import GUIDE_BLOCKS, fill_blocks
from articles.links import guide_link_rules
from articles.models import Article
from rookie.lib.languages import LANGUAGE_CODES, language_fields
from rookie.lib.markdown import Heading, SlugResolver, resolve_links, slug_links_in


@dataclass(frozen=True)
class Body:
    html: SafeString
    toc: tuple[Heading, ...]


def _slug_fields() -> list[str]:
    return ["key", *language_fields("slug")]


def _matching(slugs: Collection[str]) -> Q:
    return Q(key__in=slugs) | Q(*[Q(**{f"slug_{code}__in": slugs}) for code in LANGUAGE_CODES], _connector=Q.OR)


def guide_resolver(reader_language: str) -> SlugResolver:
    """A SlugResolver: linked slugs → the page of that guide for this reader, if it is public."""

    def resolve(linked: Collection[str]) -> dict[str, str | None]:
        slugs = list(linked)
        found = Article.objects.published().filter(_matching(slugs)).only(*_slug_fields(), *language_fields("title"))
        urls: dict[str, str | None] = {}
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
        html = resolve_links(
            stored,
            language=reader_language,
            links=guide_link_rules(),
            resolve_slugs=guide_resolver(reader_language),
            blocks=GUIDE_BLOCKS,
        )
    html = fill_blocks(html, reader_language)
    toc = getattr(article, f"body_toc_{version_language}", None) or []
    return Body(html=html, toc=tuple(Heading.from_json(heading) for heading in toc))


@dataclass(frozen=True)
class LinkProblem:
    language: str
    slug: str
    target: Article | None  # the guide the link names, when it exists but is not public

    @property
    def missing(self) -> bool:
        return self.target is None


def link_problems(article: Article) -> list[LinkProblem]:
    """Internal links of every saved version that readers would get as plain text, for the admin
    page and the importer."""
    rules = guide_link_rules()
    linked = {code: slug_links_in(getattr(article, f"body_html_{code}", "") or "", rules) for code in article.languages}
    wanted = {slug for slugs in linked.values() for slug in slugs}
    if not wanted:
        return []
    targets: dict[str, Article] = {}
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
