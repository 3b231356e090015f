"""Repeated mail through a real SMTP server (aiosmtpd, started here) and Django's SMTP backend: what
arrives has one-click unsubscribe (RFC 8058), a text and an HTML part and the member's language,
and the link in it turns that kind of mail off without a log-in (docs/mail.md)."""

import datetime
import email
import re
import socket
import threading
from email.message import EmailMessage
from email.policy import default as default_policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string

from accounts.coaching import services as coaching
from accounts.mail_preferences import (
    COACHING_COMMENTS,
    COACHING_SUGGESTIONS,
    NETWORK_ANSWERS,
    off_token,
    off_url,
    read_off_token,
)
from accounts.models import CalendarFeed, GoalKind, GrantScope, User
from accounts.tracker.transfers.reminders import reminders_send
from rookie.lib.email import send_templated_email
from tests.factories import CoachFactory, FollowUpFactory, GrantFactory

pytestmark = pytest.mark.django_db

SITE = "https://mail.rookie.example"
TODAY = datetime.date(2026, 3, 12)
ONE_CLICK = "List-Unsubscribe=One-Click"


class _Inbox:
    """aiosmtpd's handler: keeps every message it is given, parsed."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
            self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free local port, and Django's SMTP backend sending to it."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = SITE
    yield inbox
    controller.stop()


def _parts(message):
    assert message.get_content_type() == "multipart/alternative"
    return {part.get_content_type(): part.get_content() for part in message.iter_parts()}


def _one_click_url(message):
    """The one-click address, after checking both headers are as RFC 8058 wants them."""
    # A long address makes the header fold onto the next line; unfolded, the leading space goes.
    header = str(message["List-Unsubscribe"]).strip()
    assert header.startswith("<") and header.endswith(">"), header
    assert str(message["List-Unsubscribe-Post"]) == ONE_CLICK
    url = header[1:-1]
    assert url.startswith(f"{SITE}/"), "absolute, on the site's own address (SITE_URL)"
    return url


def _click(client, url):
    """What a mail program does for the one-click button: a POST with that body, no session, no CSRF token."""
    client.handler.enforce_csrf_checks = True
    return client.post(urlsplit(url).path, ONE_CLICK, content_type="application/x-www-form-urlencoded")


def _coach_for(member, **fields):
    coach = CoachFactory(**fields)
    GrantFactory(member=member, coach=coach, scope=GrantScope.PROGRESS)
    return coach


def _comment(coach, member, body, django_capture_on_commit_callbacks):
    # Through the service, as the site does: the mail goes once the write commits.
    with django_capture_on_commit_callbacks(execute=True):
        coaching.comment_add(member=member, coach=coach, author=coach, body=body)


def test_it_delivers_the_reminder_digest_with_one_click_unsubscribe_in_the_members_language(smtp, alice, client):
    FollowUpFactory(owner=alice, title="Tacka för fikan", due_date=TODAY)
    assert reminders_send(today=TODAY).sent == 1

    [message] = smtp.messages
    assert smtp.recipients == [["alice@example.com"]]
    url = _one_click_url(message)
    assert str(message["Auto-Submitted"]) == "auto-generated"
    assert str(message["Content-Language"]) == "sv"
    parts = _parts(message)
    assert set(parts) == {"text/plain", "text/html"}
    for body in parts.values():
        assert "Tacka för fikan" in body
        assert "Hej Alice Andersson" in body  # alice reads Swedish
    assert "Stäng av påminnelsemejl" in parts["text/plain"]
    assert url in parts["text/plain"]

    # The link is signed: a changed character is refused, not a 500, and changes nothing.
    tampered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    assert _click(client, tampered).status_code == 400
    assert not CalendarFeed.objects.filter(owner=alice, reminders_enabled=False).exists()

    response = _click(client, url)
    assert response.status_code == 200
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is False

    # The next day the follow-up is still due, and no digest goes out.
    assert reminders_send(today=TODAY + datetime.timedelta(days=1)).sent == 0
    assert len(smtp.messages) == 1


def test_it_delivers_a_coaching_comment_with_one_click_unsubscribe_and_honours_it(
    smtp, alice, charlie, client, django_capture_on_commit_callbacks
):
    bob = _coach_for(alice, email="coach@example.com", display_name="Bob Berg")
    _comment(bob, alice, "Snyggt jobbat <3", django_capture_on_commit_callbacks)

    [message] = smtp.messages
    assert smtp.recipients == [["alice@example.com"]]
    assert str(message["Content-Language"]) == "sv"
    parts = _parts(message)
    assert "Hej Alice Andersson" in parts["text/plain"]
    assert "Snyggt jobbat <3" in parts["text/plain"]
    assert "Snyggt jobbat &lt;3" in parts["text/html"]
    url = _one_click_url(message)
    # The address is alice's, for comments, signed with that kind's salt; it is also in both parts.
    assert read_off_token(urlsplit(url).path.rstrip("/").rsplit("/", 1)[1]) == (alice, COACHING_COMMENTS)
    assert urlsplit(url).path.startswith("/sv/")
    assert url in parts["text/plain"]
    assert url in parts["text/html"]

    # Opening the link (a mail scanner does) only asks.
    page = client.get(urlsplit(url).path)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert User.objects.get(pk=alice.pk).mail_coaching_comments is True

    assert _click(client, url).status_code == 200
    alice.refresh_from_db()
    assert alice.mail_coaching_comments is False
    # Only that kind: suggested goals still come.
    assert alice.mail_coaching_suggestions is True

    # Another coach writes (no hourly limit in the way): alice gets nothing now; charlie still does.
    fiona = _coach_for(alice)
    _comment(fiona, alice, "Och ett till", django_capture_on_commit_callbacks)
    _comment(_coach_for(charlie), charlie, "Godt gået", django_capture_on_commit_callbacks)
    assert smtp.recipients == [["alice@example.com"], ["charlie@example.com"]]
    assert str(smtp.messages[1]["Content-Language"]) == "da"

    with django_capture_on_commit_callbacks(execute=True):
        coaching.suggestion_add(member=alice, coach=bob, title="Tre kaffe", kind=GoalKind.INTERVIEWS, target=3)
    suggestion_mail = smtp.messages[-1]
    assert smtp.recipients[-1] == ["alice@example.com"]
    suggestion_url = _one_click_url(suggestion_mail)
    assert suggestion_url != url
    assert read_off_token(urlsplit(suggestion_url).path.rstrip("/").rsplit("/", 1)[1]) == (
        alice,
        COACHING_SUGGESTIONS,
    )


def test_it_gives_a_coach_the_link_for_their_own_mail(smtp, alice, client, django_capture_on_commit_callbacks):
    bob = _coach_for(alice, preferred_language="fi")
    with django_capture_on_commit_callbacks(execute=True):
        coaching.comment_add(member=alice, coach=bob, author=alice, body="Tack!")
    [message] = smtp.messages
    assert smtp.recipients == [[bob.email]]
    assert str(message["Content-Language"]) == "fi"
    url = _one_click_url(message)
    assert urlsplit(url).path.startswith("/fi/")
    assert _click(client, url).status_code == 200
    assert User.objects.get(pk=bob.pk).mail_coaching_comments is False
    assert User.objects.get(pk=alice.pk).mail_coaching_comments is True


def test_it_sends_invitations_without_an_unsubscribe_link(smtp, alice, django_capture_on_commit_callbacks):
    # Once per coach and member, and someone waits for the answer: not a kind that can be turned off.
    bob = CoachFactory(preferred_language="da")
    with django_capture_on_commit_callbacks(execute=True):
        coaching.grant_invite_coach(member=alice, coach=bob, scope=GrantScope.PROGRESS)
    [message] = smtp.messages
    assert message["List-Unsubscribe"] is None
    assert str(message["Content-Language"]) == "da"
    assert set(_parts(message)) == {"text/plain", "text/html"}


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_refuses_forged_damaged_and_foreign_tokens(client, alice, method):
    valid = off_token(alice, COACHING_COMMENTS)
    for token in [
        "nope",
        valid[:-2],
        valid + "x",
        "a" * 300,
        signing.dumps(alice.pk),  # signed, but not with any kind's salt
        signing.dumps("x", salt="accounts.mail_preferences.off.coaching-comments"),
    ]:
        response = getattr(client, method)(f"/en/accounts/mail/off/{token}/")
        assert response.status_code == 400, token
    assert User.objects.get(pk=alice.pk).mail_coaching_comments is True


def test_it_refuses_the_link_of_a_deactivated_account(client, alice):
    url = off_url(alice, NETWORK_ANSWERS)
    User.objects.filter(pk=alice.pk).update(is_active=False)
    assert client.post(urlsplit(url).path).status_code == 400


def test_it_answers_the_link_in_the_members_language(client, alice):
    url = off_url(alice, COACHING_SUGGESTIONS)
    # Whatever prefix the link was opened under.
    response = client.get(urlsplit(url).path.replace("/sv/", "/en/", 1))
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()


def test_it_turns_each_kind_on_again_from_the_profile(alice_client, alice):
    User.objects.filter(pk=alice.pk).update(mail_coaching_comments=False, mail_network_answers=False)
    response = alice_client.post(
        "/en/accounts/mail/settings/", {"mail_coaching_comments": "1", "mail_coaching_suggestions": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    alice.refresh_from_db()
    assert (alice.mail_coaching_comments, alice.mail_coaching_suggestions, alice.mail_network_answers) == (
        True,
        True,
        False,
    )


def test_it_keeps_the_mail_settings_to_signed_in_posts(client, alice_client):
    assert client.post("/en/accounts/mail/settings/").status_code == 302  # to the log-in page
    assert alice_client.get("/en/accounts/mail/settings/").status_code == 405


def test_the_profile_shows_each_kind_with_its_state(alice, rf):
    # The partial accounts/profile.html includes: one labelled checkbox per kind, ticked while it is on.
    User.objects.filter(pk=alice.pk).update(mail_coaching_suggestions=False)
    alice.refresh_from_db()
    request = rf.get("/en/accounts/profile/")
    request.user = alice
    html = render_to_string("accounts/unsubscribe_settings.html", {"user": alice}, request=request)
    assert 'action="/en/accounts/mail/settings/"' in html
    for field, ticked in [
        ("mail_coaching_comments", True),
        ("mail_coaching_suggestions", False),
        ("mail_network_answers", True),
    ]:
        element_id = field.replace("_", "-")
        [tag] = re.findall(rf'<input type="checkbox" name="{field}" id="{element_id}"[^>]*>', html)
        assert ("checked" in tag) is ticked, field
        assert f'<label for="{element_id}">' in html


def test_the_library_refuses_a_repeated_mail_without_html_or_with_a_relative_link(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "m/text_subject.txt": "S",
                            "m/text.txt": "T",
                            "m/both_subject.txt": "S",
                            "m/both.txt": "T {{ unsubscribe_url }}",
                            "m/both.html": "<p>{{ unsubscribe_url }}</p>",
                        },
                    )
                ]
            },
        }
    ]
    with pytest.raises(ImproperlyConfigured):
        send_templated_email(to="a@example.com", language="en", template="m/text", context={}, unsubscribe_url=SITE)
    with pytest.raises(ImproperlyConfigured):
        send_templated_email(to="a@example.com", language="en", template="m/both", context={}, unsubscribe_url="/off/")
    message = send_templated_email(
        to="a@example.com", language="fi", template="m/both", context={}, unsubscribe_url=f"{SITE}/off/x/"
    )
    assert message.body == f"T {SITE}/off/x/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{SITE}/off/x/>"
    assert message.extra_headers["Content-Language"] == "fi"
    # Mail that is not repeated (a password reset) has its language, and no unsubscribe headers.
    plain = send_templated_email(to="a@example.com", language="da", template="m/text", context={})
    assert plain.extra_headers == {"Content-Language": "da"}
