"""Response headers that protect members (the Content-Security-Policy, no caching of personal
pages), bad query strings, oversized request bodies, and a 503 while the database or a cache-kept
check (rate limits, log-out) cannot be reached."""

import logging

from csp.constants import HEADER, HEADER_REPORT_ONLY, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from rookie.lib.cache_guard import CacheUnavailable, cache_errors
from rookie.lib.memo import remembered

logger = logging.getLogger("rookie.database")
cache_logger = logging.getLogger("rookie.cache")

# Seconds a client (or the load balancer) should wait before asking again during an outage.
DATABASE_RETRY_AFTER_SECONDS = 5


# What a view or a decorator of django-csp sets to change a response's policy.
_CSP_RESPONSE_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
_CSP_HEADERS = (
    (HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt", False),
    (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro", True),
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY everywhere; the admin may also use inline styles.

    Django's admin and its widgets set style attributes; scripts stay 'self'-only there too.

    A response that changes nothing of the policy (no nonce asked for, no decorator, not the admin),
    which is every page of the site, gets the settings' policy as built once per process
    (rookie/lib/memo.py): building it on each request was a tenth of a cached fragment page's time.
    """

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or request.path_info.startswith("/admin/")
            or any(hasattr(response, name) for name in _CSP_RESPONSE_ATTRIBUTES)
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response  # as django-csp: Django's debug pages
        for header, setting, exempt, report_only in _CSP_HEADERS:
            policy = remembered(
                ("csp", report_only), lambda report_only=report_only: build_policy(report_only=report_only)
            )
            if not policy or getattr(response, exempt, False) is not False or header in response:
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        # As django-csp: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts


class PrivatePagesNoStoreMiddleware:
    """A page rendered for a signed-in user may show personal data: no cache may keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view decided (the health probes, which must not touch the database)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectNulInQueryMiddleware:
    """A NUL byte in the query string is a 400 for every view.

    PostgreSQL refuses NUL in a text parameter, so `?q=%00` would reach a search as a 500. Form
    fields already refuse it (Django's ProhibitNullCharactersValidator); query strings skip forms.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in value for values in request.GET.lists() for value in [values[0], *values[1]]):
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """A request whose body is over settings.MAX_REQUEST_BODY_BYTES gets 413 before anything reads it.

    DATA_UPLOAD_MAX_MEMORY_SIZE caps form fields, but Django streams an uploaded file of any size to a
    temporary file before a form can look at it. Declared lengths suffice: without Content-Length
    (a chunked body), Django reads no body at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body when the length is not a number
        if length > settings.MAX_REQUEST_BODY_BYTES:
            context = {"limit": settings.MAX_REQUEST_BODY_BYTES}
            return render(request, "errors/413.html", context, status=413)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with Retry-After instead of a 500.

    A restart or failover of PostgreSQL breaks connections for seconds (docs/DEPLOYMENT.md): that is
    "try again shortly", which load balancers and browsers understand, not a bug. The page is
    standalone (base.html would ask the database who is signed in) and no-store, which also keeps
    PrivatePagesNoStoreMiddleware from loading the user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # Handled here, so Django will not log it: say it, with the traceback.
        logger.error("database unavailable for %s %s", request.method, request.path, exc_info=exception)
        return _unavailable(request, "database")


class CacheUnavailableMiddleware:
    """A view whose check needs the shared cache (Redis) answers 503 "try again in a moment" while
    it cannot be reached, instead of a 500: rate limits fail closed, and so does log-out
    (rookie/lib/sessions.py). Reading code never gets here: it treats the cache as a miss
    (rookie/lib/cache_guard.py). Any other cache call left unguarded fails closed the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (CacheUnavailable, *cache_errors())):
            return None
        cache_logger.error("cache unavailable for %s %s", request.method, request.path, exc_info=exception)
        return _unavailable(request, "cache")


def _unavailable(request, what):
    response = render(request, "errors/503.html", {"unavailable": what}, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    return response
