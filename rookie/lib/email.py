"""One way to send an e-mail built from templates, in the recipient's language.

A message is a template family under one stem, e.g. "email/account_deleted":

- `<stem>_subject.txt`: the subject, collapsed to one line whatever the template's line breaks;
- `<stem>.txt`: the plain-text body (required);
- `<stem>.html`: an HTML alternative, attached when the template exists.

Everything is rendered with the recipient's language active, so `{% trans %}`, dates and numbers
follow it; a context given as a callable is built inside that language too, which is what URLs
need (`reverse()` adds the active language's prefix).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
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


def render_templated_email(*, language: str, template: str, context: Context) -> RenderedEmail:
    """Render the template family `template` in `language` (see the module's docstring).

    The context always has `site_url` and `LANGUAGE_CODE`; the caller's values win.
    """
    with translation.override(language):
        values = context() if callable(context) else context
        full = {"site_url": settings.SITE_URL, "LANGUAGE_CODE": language, **values}
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
) -> EmailMultiAlternatives:
    """Render `template` in `language` and send it to `to`; returns the message that was sent.

    A failure to send raises (the callers decide whether to retry, log or give up).
    """
    rendered = render_templated_email(language=language, template=template, context=context)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        headers=dict(headers or {}),
        connection=connection,
    )
    if rendered.html is not None:
        message.attach_alternative(rendered.html, "text/html")
    message.send(fail_silently=False)
    return message
