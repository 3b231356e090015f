"""Response headers that protect members: the Content-Security-Policy and no caching of personal pages."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpResponseBadRequest
from django.utils.cache import patch_cache_control


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY everywhere; the admin may also use inline styles.

    Django's admin and its widgets set style attributes; scripts stay 'self'-only there too.
    """

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
