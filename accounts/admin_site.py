"""The admin site, with the same log-in and current-password limits as the member pages.

Django's admin has its own log-in and password-change views; this site wraps them with the
per-client-address log-in throttle (accounts/auth_logging.py) and the per-user limit shared by every
form that checks the current password (rookie/lib/ratelimit.py). It replaces the default site through
AdminConfig in INSTALLED_APPS, so `admin.site` and `@admin.register` everywhere use it unchanged.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from accounts.auth_logging import login_throttle
from rookie.lib.admin_access import ObjectAccessSiteMixin
from rookie.lib.ratelimit import current_password_limit


# ObjectAccessSiteMixin: no per-object page tells whether an id exists (rookie/lib/admin_access.py).
class RookieAdminSite(ObjectAccessSiteMixin, admin.AdminSite):
    @method_decorator(never_cache)
    @login_not_required
    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        return login_throttle(super().login)(request, extra_context)

    def password_change(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        return current_password_limit(super().password_change)(request, extra_context)


class AdminConfig(DjangoAdminConfig):
    default_site = "accounts.admin_site.RookieAdminSite"
