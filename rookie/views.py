"""Site-wide views: home, health probes, language switching and error pages."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from articles import pagecache as guide_pages
from articles.views import latest_versions
from rookie.lib.cache_guard import cache_answers
from rookie.lib.pagecache import cache_anonymous_page, shared_fragment


def _latest_guides_html() -> str:
    context = {"latest_guides": latest_versions(translation.get_language())}
    return render_to_string("articles/partials/latest.html", context)


@require_safe
@cache_anonymous_page(guide_pages.GROUP, valid_until=guide_pages.valid_until)
def home(request):
    """The latest guides are the same for every reader of a language: rendered once until a guide
    changes (or the next scheduled one goes public), with the page cache or without."""
    latest = shared_fragment(
        guide_pages.GROUP, "home-latest", [], _latest_guides_html, valid_until=guide_pages.valid_until
    )
    return render(request, "home.html", {"latest_guides_html": latest})


@never_cache
@require_safe
def healthz(request):
    """The process answers; used by the load balancer's liveness probe."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """The database answers, and the shared cache when there is one (REDIS_URL); a 503 takes this
    instance out of rotation until they do. Without the cache pages still render, but sign-up,
    password reset and log-out refuse (rookie/lib/cache_guard.py)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    if settings.REDIS_URL and not cache_answers():
        return HttpResponse("cache unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_POST
def set_language(request):
    """Django's set_language: the interface language only (the language cookie).

    A member's preferred language (e-mails, the calendar feed, titles of new goals) is theirs to
    change on the profile page; switching the interface here does not touch it.
    Django translates `next` by resolving it in the active language; this view is outside the
    prefix, so activate the language of `next` first or /sv/... would not resolve under "en".
    """
    next_language = translation.get_language_from_path(request.POST.get("next", ""))
    with translation.override(next_language or translation.get_language()):
        return django_set_language(request)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    return render(request, "errors/500.html", status=500)
