"""Secrets that travel in URLs never reach a log line.

A calendar feed's token (/ics/<token>.ics), a password-reset link (/password/reset/<uid>/<token>/),
a sign-up confirmation (/accounts/signup/confirm/<token>/), the reminders opt-out
(/reminders/off/<signed>/) and the one-click mail opt-out (/accounts/mail/off/<signed>/) each let
whoever has the URL read or change a member's data. Access logs (gunicorn, rookie/gunicorn.conf.py)
print every request line and referrer; Django logs the path of a 404, a CSRF failure or an error.
Whoever reads the logs must not get those links.

RedactSecretsFilter rewrites any log record's message: Django's console handler (settings.LOGGING)
and gunicorn's access and error logs use it. tests/rookie/test_log_redaction.py checks that every
URL pattern with a `token` parameter is covered.
"""

import logging
import re

REDACTED = "[redacted]"

# Characters a path segment can hold in a log line: it ends at a slash, the query, a fragment, a
# space or a quote (the request line and the referrer are quoted in the access log).
_SEGMENT = r"[^/?#\s\"']+"
_SECRET_PATHS = [
    re.compile(rf"(/ics/){_SEGMENT}?(\.ics)"),
    re.compile(rf"(/reminders/off/){_SEGMENT}(/|$|[?#\s\"'])"),
    re.compile(rf"(/mail/off/){_SEGMENT}(/|$|[?#\s\"'])"),
    # /password/reset/<uidb64>/<token>/; Django then moves the token into the session and
    # redirects to /password/reset/<uidb64>/set-password/, which holds nothing secret.
    re.compile(rf"(/password/reset/{_SEGMENT}/)(?!set-password(?:/|$)){_SEGMENT}(/|$|[?#\s\"'])"),
    re.compile(rf"(/signup/confirm/){_SEGMENT}(/|$|[?#\s\"'])"),
]


def redact(text: str) -> str:
    """`text` with the secret part of every such URL replaced by [redacted]."""
    for pattern in _SECRET_PATHS:
        text = pattern.sub(rf"\g<1>{REDACTED}\g<2>", text)
    return text


class RedactSecretsFilter(logging.Filter):
    """Rewrites the record's message with redact(); never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
