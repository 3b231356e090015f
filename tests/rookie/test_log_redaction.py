"""Link tokens never reach a log line (rookie/lib/log_redaction.py); gunicorn's access log is checked
against a running server in tests/deploy/test_slow_clients.py."""

import io
import logging

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from rookie.lib.log_redaction import redact

TOKEN = "Zx9-secret_Token42"


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _patterns(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}", entry


def _token_urls():
    """Every named URL with a `token` parameter, in every language, with TOKEN in it."""
    for name, pattern in _patterns(get_resolver()):
        parameters = set(pattern.pattern.regex.groupindex)
        if "token" not in parameters:
            continue
        kwargs = dict.fromkeys(parameters, "MQ") | {"token": TOKEN}
        for language in ("en", "sv", "da", "fi"):
            with translation.override(language):
                yield name, reverse(name, kwargs=kwargs)


def test_the_url_patterns_with_a_token_are_found():
    names = {name for name, _url in _token_urls()}
    assert {"calendar_feed", "reminders_off", "accounts:password_reset_confirm"} <= names


@pytest.mark.parametrize(("name", "url"), list(_token_urls()))
def test_every_url_with_a_token_is_redacted(name, url):
    line = f'127.0.0.1 - - [01/Jan/2026:10:00:00 +0100] "GET {url}?x=1 HTTP/1.1" 200 5 "https://r.example{url}" "-"'
    redacted = redact(line)
    assert TOKEN not in redacted, name
    assert "[redacted]" in redacted


@pytest.mark.parametrize(
    "path",
    [
        "/en/accounts/password/reset/",
        "/en/accounts/password/reset/sent/",
        "/en/accounts/password/reset/complete/",
        "/en/accounts/password/reset/MQ/set-password/",
        "/en/guides/how-to-network/",
    ],
)
def test_other_paths_are_left_alone(path):
    assert redact(f'"GET {path} HTTP/1.1"') == f'"GET {path} HTTP/1.1"'


@pytest.mark.django_db
def test_djangos_not_found_line_for_a_calendar_feed_has_no_token(client):
    # A wrong or replaced feed token is a 404, which Django logs with the path as a warning.
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        response = client.get(f"/ics/{TOKEN}.ics")
    finally:
        handler.setStream(previous)
    assert response.status_code == 404
    written = stream.getvalue()
    assert "Not Found: /ics/[redacted].ics" in written
    assert TOKEN not in written
