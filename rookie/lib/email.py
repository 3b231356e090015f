"""One way to send an e-mail built from templates, in the recipient's language.

A message is a template family under one stem, e.g. "email/account_deleted":

- `<stem>_subject.txt`: the subject, collapsed to one line whatever the template's line breaks;
- `<stem>.txt`: the plain-text body (required);
- `<stem>.html`: an HTML alternative, attached when the template exists.

Everything is rendered with the recipient's language active, so `{% trans %}`, dates and numbers
follow it; a context given as a callable is built inside that language too, which is what URLs
need (`reverse()` adds the active language's prefix). Every message says its language
(`Content-Language`).

Mail a member gets again and again (digests, notifications) is sent with `unsubscribe_url`: the
absolute, signed address that turns that kind of mail off for that recipient without a log-in. The
message then carries one-click unsubscribe (RFC 8058: `List-Unsubscribe` and
`List-Unsubscribe-Post`, which mail programs use to offer their own "Unsubscribe" button and POST to
the address without opening it), is marked `Auto-Submitted`, must have an HTML part as well as the
text, and its templates get the address as `unsubscribe_url` to show it in the footer. This module
only places the address; the app that owns the preference makes and honours it (docs/mail.md).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

Context = Mapping[str, Any] | Callable[[], Mapping[str, Any]]


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str | None


ONE_CLICK = "List-Unsubscribe=One-Click"


def unsubscribe_headers(url: str) -> dict[str, str]:
    """The headers of a message that may be unsubscribed from with one click at `url` (RFC 8058)."""
    if not url.startswith("https://") and not url.startswith("http://"):
        # RFC 8058 wants an absolute HTTPS address; http is accepted for development servers.
        raise ImproperlyConfigured(f"An unsubscribe address must be absolute: {url!r}")
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": ONE_CLICK,
        # Sent by a program, not a person: no out-of-office replies to it (RFC 3834).
        "Auto-Submitted": "auto-generated",
    }


def render_templated_email(
    *, language: str, template: str, context: Context, unsubscribe_url: str | None = None
) -> RenderedEmail:
    """Render the template family `template` in `language` (see the module's docstring).

    The context always has `site_url`, `LANGUAGE_CODE` and `unsubscribe_url` (None unless given);
    the caller's values win.
    """
    with translation.override(language):
        values = context() if callable(context) else context
        full = {"site_url": settings.SITE_URL, "LANGUAGE_CODE": language, "unsubscribe_url": unsubscribe_url, **values}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
        text = render_to_string(f"{template}.txt", full)
        try:
            html_template = get_template(f"{template}.html")
        except TemplateDoesNotExist:
            html = None
        else:
            html = html_template.render(full)
    return RenderedEmail(subject=subject, text=text, html=html)


def send_templated_email(
    *,
    to: str | Sequence[str],
    language: str,
    template: str,
    context: Context,
    headers: Mapping[str, str] | None = None,
    from_email: str | None = None,
    connection: BaseEmailBackend | None = None,
    unsubscribe_url: str | None = None,
) -> EmailMultiAlternatives:
    """Render `template` in `language` and send it to `to`; returns the message that was sent.

    With `unsubscribe_url` (mail sent repeatedly; see the module's docstring) the message carries
    the one-click unsubscribe headers, and a template family without an HTML part is refused.
    A failure to send raises (the callers decide whether to retry, log or give up).
    """
    rendered = render_templated_email(
        language=language, template=template, context=context, unsubscribe_url=unsubscribe_url
    )
    all_headers = {"Content-Language": language}
    if unsubscribe_url is not None:
        if rendered.html is None:
            raise ImproperlyConfigured(f"{template}.html is missing: mail sent repeatedly has an HTML part too")
        all_headers.update(unsubscribe_headers(unsubscribe_url))
    all_headers.update(headers or {})
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        headers=all_headers,
        connection=connection,
    )
    if rendered.html is not None:
        message.attach_alternative(rendered.html, "text/html")
    message.send(fail_silently=False)
    return message
