"""The site pages for readers: public, read-only, one URL per kind (sitepages/urls.py)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles.languages import reader_chain, reader_languages
from articles.links import guide_link_rules
from articles.rendering import guide_resolver
from rookie.lib.markdown import render_markdown
from sitepages import pagecache as site_pages
from sitepages.models import Kind, SitePage


@require_safe
@site_pages.cache
def site_page(request, kind):
    """One query for the page, and one more when its text links to guides. The text is Markdown,
    converted (and sanitized) on each rendering: these are three short pages, and anonymous
    readers get them from the page cache."""
    if kind not in Kind.values:
        raise Http404
    language = get_language()
    chain = reader_chain(language, reader_languages(request))
    page = SitePage.objects.filter(kind=kind).first()
    version = page.version(chain, language) if page is not None else None
    if version is None:
        raise Http404
    with translation.override(language):
        body = render_markdown(
            version.body,
            language=language,
            links=guide_link_rules(),
            resolve_slugs=guide_resolver(language),
        )
    alternates = []
    for code in page.languages:
        with translation.override(code):
            alternates.append((code, request.build_absolute_uri(page.get_absolute_url())))
    response = render(
        request,
        "sitepages/page.html",
        {"page": page, "version": version, "body": body.html, "alternates": alternates},
    )
    if version.is_fallback:
        # Which version stands in depends on the languages this reader reads (as for a guide,
        # articles/views.py): neither the page cache nor a shared cache may keep it for the next reader.
        patch_vary_headers(response, ["Accept-Language"])
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        else:
            patch_cache_control(response, private=True)
    return response
