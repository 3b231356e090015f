"""E-mails of the coaching feature, in the RECIPIENT's language, as text and HTML.

Links are absolute (settings.SITE_URL) and carry the recipient's language prefix, because
reverse() runs while their language is active.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import GrantStatus


def _send(*, recipient, template, url_name, url_kwargs=None, fragment="", **context):
    with translation.override(recipient.preferred_language):
        url = f"{settings.SITE_URL}{reverse(url_name, kwargs=url_kwargs)}{fragment}"
        context = {
            **context,
            "recipient": recipient,
            "url": url,
            "site_url": settings.SITE_URL,
            "LANGUAGE_CODE": translation.get_language(),
        }
        # A subject is one line whatever the template's line breaks.
        subject = " ".join(render_to_string(f"email/{template}_subject.txt", context).split())
        text = render_to_string(f"email/{template}.txt", context)
        html = render_to_string(f"email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    message.send()


def send_invitation(grant):
    if grant.status == GrantStatus.AWAITING_COACH:
        # The member invited a coach: the coach accepts it on their client page.
        _send(
            recipient=grant.coach,
            template="coaching_invitation_to_coach",
            url_name="coaching:clients",
            fragment="#invitations",
            grant=grant,
            member=grant.member,
        )
    else:
        _send(
            recipient=grant.member,
            template="coaching_invitation_to_member",
            url_name="coaching:sharing",
            fragment="#coaches",
            grant=grant,
            coach=grant.coach,
        )


def send_acceptance(grant, by_coach):
    if by_coach:
        _send(
            recipient=grant.member,
            template="coaching_accepted_by_coach",
            url_name="coaching:sharing",
            fragment="#coaches",
            grant=grant,
            coach=grant.coach,
        )
    else:
        _send(
            recipient=grant.coach,
            template="coaching_accepted_by_member",
            url_name="coaching:client",
            url_kwargs={"member_id": grant.member_id},
            grant=grant,
            member=grant.member,
        )


def send_comment(comment):
    thread = comment.parent_id or comment.pk
    if comment.by_coach:
        _send(
            recipient=comment.member,
            template="coaching_comment",
            url_name="coaching:sharing",
            fragment=f"#comment-{thread}",
            comment=comment,
            author=comment.coach,
        )
    else:
        _send(
            recipient=comment.coach,
            template="coaching_comment",
            url_name="coaching:client",
            url_kwargs={"member_id": comment.member_id},
            fragment=f"#comment-{thread}",
            comment=comment,
            author=comment.member,
        )


def send_suggestion(suggestion):
    _send(
        recipient=suggestion.member,
        template="coaching_suggestion",
        url_name="coaching:sharing",
        fragment=f"#suggestion-{suggestion.pk}",
        suggestion=suggestion,
        coach=suggestion.coach,
    )
