"""Public guide pages: the list (search, category filter, pages) and one guide with its fallback."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_list_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from accounts.tracker.goal_templates import TEMPLATES_BY_KEY
from articles import pagecache as guide_pages
from articles.languages import reader_chain, reader_languages
from articles.models import Article, ArticleVersion, Category, any_slug_q
from articles.permissions import can_edit_guides
from articles.rendering import rendered_body
from articles.search import MAX_QUERY_LENGTH, search_articles
from rookie.lib.languages import LANGUAGE_CODES
from rookie.lib.pagecache import MAX_PARAM_LENGTH, cache_anonymous_page, shared_fragment
from rookie.lib.querystring import query_int, query_text

# The parameters of the list's own links and form; a request with any other is rendered on its own
# (its page links carry them), like a search, whose free text would fill the cache with one-off lists.
LIST_PARAMS = frozenset({"category", "page", "q"})


@require_safe
@cache_anonymous_page(guide_pages.GROUP, params=("category", "page"), valid_until=guide_pages.valid_until)
def article_list(request):
    """Queries: categories with published guides, the page count, the page's guides (3, whatever
    the number of guides; the count and page queries carry the search when there is one).

    Without a search the list (filters, guides, pages) is the same for every reader of a language:
    it is rendered once until a guide or a category changes, with the page cache or without."""
    query = query_text(request, "q", max_length=MAX_QUERY_LENGTH)
    if query or not _shared_list_request(request):
        content = _list_content(request, query)
    else:
        parts = sorted((name, value) for name, values in request.GET.lists() for value in values)
        content = shared_fragment(
            guide_pages.GROUP, "list", parts, lambda: _list_content(request, ""), valid_until=guide_pages.valid_until
        )
    return render(request, "articles/list.html", {"content": content, "query": query})


def _shared_list_request(request) -> bool:
    return all(
        name in LIST_PARAMS and len(value) <= MAX_PARAM_LENGTH
        for name, values in request.GET.lists()
        for value in values
    )


def _list_content(request, query: str) -> str:
    language = get_language()
    category_slug = query_text(request, "category")  # slugs are at most 100 characters

    categories = list(Category.objects.with_published_guides())
    selected = None
    if category_slug:
        selected = next(
            (c for c in categories if category_slug in {getattr(c, f"slug_{code}") for code in LANGUAGE_CODES}),
            None,
        )

    articles = Article.objects.published().for_listing().with_shown_language(language)
    if category_slug:
        articles = articles.filter(category=selected) if selected else articles.none()
    articles = search_articles(articles, query, language) if query else articles.newest_first()
    page = Paginator(articles, settings.ARTICLES_PER_PAGE).get_page(query_int(request, "page", minimum=1))

    return render_to_string(
        "articles/partials/list_content.html",
        {
            "page": page,
            "versions": [article.version(language) for article in page.object_list],
            "categories": [
                {"slug": c.slug_for(language), "name": c.name_for(language), "selected": c == selected}
                for c in categories
            ],
            "selected_category": selected.name_for(language) if selected else "",
            "category_slug": category_slug,
            "query": query,
        },
        request,
    )


def _get_article_for_user(request, slug, chain):
    """The guide with this slug in any language (or this identifier) that the user may see, else 404.

    Editors also get drafts and scheduled guides, to preview them; to everyone else those do not exist.
    """
    candidates = get_list_or_404(
        Article.objects.visible_to(request.user).filter(any_slug_q(slug)).select_related("category")[:5]
    )

    def closeness(article):
        # Slugs are unique across guides; should old data disagree, the reader's own language wins.
        codes = [code for code in chain if getattr(article, f"slug_{code}") == slug]
        return chain.index(codes[0]) if codes else len(chain)

    return min(candidates, key=closeness)


def _version_for_reader(article, language, chain):
    """The first version on the reader's chain that exists (articles/languages.py: reader_chain)."""
    code = next((code for code in chain if article.has_version(code)), language)
    return ArticleVersion(article, code, language)


@dataclass(frozen=True)
class GuidePage:
    """What a guide's page shows that is the same for every reader of one language who reads the
    same languages (reader_chain): kept as a shared fragment (rookie/lib/pagecache.py)."""

    redirect_to: str = ""  # the address of the version this reader gets, when the slug is another's
    title: str = ""
    description: str = ""
    keywords: tuple[str, ...] = ()
    language: str = ""  # the version's
    is_fallback: bool = False
    canonical_path: str = ""
    alternates: tuple[tuple[str, str], ...] = ()  # (language, path) of every version
    goal_keys: tuple[str, ...] = ()
    html: str = ""  # the fallback notice and the <article>


def _guide_page(article, slug, language, chain) -> GuidePage:
    version = _version_for_reader(article, language, chain)
    if not version.slug:
        raise Http404
    if version.slug != slug:
        # Another version's slug (the language switcher keeps the slug as it is) or the identifier:
        # go to the address of the version this reader gets.
        return GuidePage(redirect_to=version.url)
    alternates = tuple(version.alternates())
    html = render_to_string(
        "articles/partials/guide.html",
        {
            "article": article,
            "version": version,
            "body": rendered_body(article, version.language, language),
            "other_versions": [(code, url) for code, url in alternates if code != version.language],
        },
    )
    return GuidePage(
        title=version.title,
        description=version.description,
        keywords=tuple(version.keywords),
        language=version.language,
        is_fallback=version.is_fallback,
        canonical_path=version.canonical_url,
        alternates=alternates,
        goal_keys=tuple(template.key for template in article.suggested_goal_templates),
        html=html,
    )


@require_safe
@cache_anonymous_page(guide_pages.GROUP, valid_until=guide_pages.valid_until)
def article_detail(request, slug):
    """Queries for a reader: the guide (its body stored as HTML), and one more for the guides its
    links name when it links to any. No Markdown is converted here (articles/rendering.py).

    What the page shows of the guide is the same for every reader of a language who reads the same
    languages: it is kept until a guide changes (or the next scheduled one goes public), with the
    page cache or without. Editors, who may see drafts, always get it fresh."""
    language = get_language()
    chain = reader_chain(language, reader_languages(request))
    preview = None
    if can_edit_guides(request.user):
        article = _get_article_for_user(request, slug, chain)
        page = _guide_page(article, slug, language, chain)
        preview = None if article.is_public else article
    else:
        page = shared_fragment(
            guide_pages.GROUP,
            "guide",
            [slug, *chain],
            lambda: _guide_page(_get_article_for_user(request, slug, chain), slug, language, chain),
            valid_until=guide_pages.valid_until,
        )
    if page.redirect_to:
        return redirect(page.redirect_to)
    site = request.build_absolute_uri("/").removesuffix("/")  # the paths are absolute: one call, not five
    response = render(
        request,
        "articles/detail.html",
        {
            "page": page,
            "alternates": [(code, site + path) for code, path in page.alternates],
            "canonical_url": site + page.canonical_path,
            "goal_templates": [TEMPLATES_BY_KEY[key] for key in page.goal_keys if key in TEMPLATES_BY_KEY],
            "preview": preview,
        },
    )
    if page.is_fallback:
        # Which version stands in depends on the languages this reader reads (their browser's
        # Accept-Language, or their profile): the page cache must not store it for the next
        # reader (rookie/lib/pagecache.py stores nothing private), nor may any shared cache.
        patch_vary_headers(response, ["Accept-Language"])
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        else:
            patch_cache_control(response, private=True)
    if preview is not None:
        response["Cache-Control"] = "private, no-store"
    return response


def latest_versions(language, limit=3):
    """The newest published guides as a reader of `language` gets them (the home page); one query."""
    articles = Article.objects.published().for_listing().newest_first()[:limit]
    return [article.version(language) for article in articles]
