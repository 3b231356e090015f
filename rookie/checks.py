"""Deployment checks of the project's own settings, run by `manage.py check --deploy` (CI fails on a
warning)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.http.request import validate_host


@register(Tags.security, deploy=True)
def site_url_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """SITE_URL is where every e-mailed link and the calendar address point: in production it must
    be set, use HTTPS and name a host this site answers for. Its development default (the local
    server) would send members links to their own machine."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and parts.hostname and validate_host(parts.hostname, settings.ALLOWED_HOSTS):
        return []
    return [
        Warning(
            f"SITE_URL is {settings.SITE_URL!r}: links in e-mails and the calendar feed would point there.",
            hint="Set SITE_URL to the site's public https:// address, whose host is in ALLOWED_HOSTS.",
            id="rookie.W001",
        )
    ]
