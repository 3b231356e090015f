"""E-mails: invitation, acceptance, comment and suggestion, each in the RECIPIENT's language,
as text and HTML, with absolute links; none when the write is rolled back."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation

from accounts.coaching import notifications, services
from accounts.models import CoachComment, GoalSuggestion, GrantScope, GrantStatus
from tests.coaching.conftest import SITE, html_part, only_mail
from tests.factories import CommentFactory, GrantFactory, SuggestionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_site")]


def test_it_sends_the_coach_the_members_invitation_in_the_coachs_language(
    alice_client, fiona, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post("/sv/coach/sharing/invite/", {"email": fiona.email, "scope": "full"})
    message = only_mail()
    assert message.to == [fiona.email]
    with translation.override("fi"):
        expected = translation.gettext("%(name)s invites you to be their career coach on Rookie")
    assert message.subject == expected % {"name": "Alice Andersson"}
    assert "career coach" not in message.subject
    # fiona reads Finnish: the link carries /fi/, the HTML says lang="fi", whatever the sender's language.
    assert f"{SITE}/fi/coach/#invitations" in message.body
    assert '<html lang="fi">' in html_part(message)
    assert f'href="{SITE}/fi/coach/#invitations"' in html_part(message)
    with translation.override("fi"):
        assert translation.gettext("Progress and contacts") in message.body


def test_it_restores_the_active_language_after_writing_an_e_mail(alice, fiona, django_capture_on_commit_callbacks):
    translation.activate("da")
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_invite_coach(member=alice, coach=fiona, scope=GrantScope.PROGRESS)
    assert "/fi/coach/" in only_mail().body
    assert translation.get_language() == "da"


def test_it_sends_the_member_a_coachs_invitation_in_the_members_language(
    client, alice, bob, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/coach/invite/", {"email": alice.email})
    message = only_mail()
    assert message.to == [alice.email]
    assert f"{SITE}/sv/coach/sharing/#coaches" in message.body
    assert '<html lang="sv">' in html_part(message)
    with translation.override("sv"):
        nothing_shared = translation.gettext(
            "Nothing is shared until you accept. You choose what the coach sees, and you can change it or "
            "stop sharing at any time. If you do not know this coach, decline the invitation."
        )
    assert nothing_shared in message.body
    assert nothing_shared.startswith("Inget")


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_writes_each_e_mail_in_the_recipients_language(alice, bob, language, django_capture_on_commit_callbacks):
    alice.preferred_language = language
    alice.save(update_fields=["preferred_language"])
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_COACH, scope=GrantScope.PROGRESS)
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_accept_by_coach(grant=grant)
        services.comment_add(member=alice, coach=bob, author=bob, body="Bra jobbat!")
        services.suggestion_add(member=alice, coach=bob, title="Två intervjuer", kind="interviews", target=2)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert message.to == [alice.email]
        assert f"{SITE}/{language}/coach/sharing/" in message.body
        assert f'<html lang="{language}">' in html_part(message)
        assert "\n" not in message.subject


def test_it_tells_the_coach_when_the_member_accepts(client, alice, bob, django_capture_on_commit_callbacks):
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER)
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/sv/coach/sharing/{grant.pk}/accept/", {"scope": "progress"})
    message = only_mail()
    assert message.to == [bob.email]
    assert message.subject == "Alice Andersson now shares their progress with you"
    assert f"{SITE}/en/coach/clients/{alice.pk}/" in message.body


def test_it_sends_a_members_reply_to_the_coach_with_the_text(
    client, alice, bob_grant, django_capture_on_commit_callbacks
):
    comment = CommentFactory(member=alice, coach=bob_grant.coach)
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/sv/coach/sharing/comments/{comment.pk}/reply/", {"body": "Tack <3 & hej"})
    message = only_mail()
    assert message.to == [bob_grant.coach.email]
    assert message.subject == "Alice Andersson replied on Rookie"
    assert "Tack <3 & hej" in message.body  # plain text is not HTML-escaped
    assert "Tack &lt;3 &amp; hej" in html_part(message)
    assert f"{SITE}/en/coach/clients/{alice.pk}/#comment-{comment.pk}" in message.body


def test_it_sends_nothing_when_the_write_is_rolled_back(alice, bob, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.grant_invite_coach(member=alice, coach=bob, scope=GrantScope.PROGRESS)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert mail.outbox == []


def test_it_keeps_the_write_when_the_mail_server_fails(alice, bob, monkeypatch, django_capture_on_commit_callbacks):
    def broken_send(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
    with django_capture_on_commit_callbacks(execute=True):
        grant = services.grant_invite_coach(member=alice, coach=bob, scope=GrantScope.PROGRESS)
    grant.refresh_from_db()
    assert grant.status == GrantStatus.AWAITING_COACH


def test_it_sends_nothing_on_decline_revoke_or_scope_change(alice, bob_grant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_set_scope(grant=bob_grant, scope=GrantScope.FULL)
        services.grant_revoke(grant=bob_grant)
    assert mail.outbox == []


# --- At most one e-mail an hour from one person to another (accounts/coaching/notifications.py) ---


def _comment_at(minutes, *, member, coach, author=None, **fields):
    """A comment written `minutes` after a fixed start, e-mailed as the service would (on commit)."""
    comment = CommentFactory(member=member, coach=coach, author=author or coach, **fields)
    CoachComment.objects.filter(pk=comment.pk).update(created_at=START + datetime.timedelta(minutes=minutes))
    comment.refresh_from_db()
    notifications.send_comment(comment)
    return comment


START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def test_a_coach_writing_ten_comments_in_a_row_sends_one_e_mail(alice, bob_grant):
    for minute in range(10):
        _comment_at(minute, member=alice, coach=bob_grant.coach, body=f"Point {minute}")
    message = only_mail()
    assert "Point 0" in message.body
    with translation.override("sv"):
        note = translation.gettext(
            "Rookie sends at most one e-mail like this an hour, so there may be more by now: "
            "the page always shows everything."
        )
    assert note in message.body


def test_the_first_comment_an_hour_after_the_last_e_mail_is_e_mailed_again(alice, bob_grant):
    # Every 25 minutes for two hours: e-mails at 0, 75 (the first at least an hour after 0) and 150.
    for minute in range(0, 151, 25):
        _comment_at(minute, member=alice, coach=bob_grant.coach, body=f"At {minute}")
    bodies = [message.body for message in mail.outbox]
    assert len(bodies) == 3
    assert "At 0\n" in bodies[0]
    assert "At 75\n" in bodies[1]
    assert "At 150\n" in bodies[2]


def test_each_direction_and_each_pair_has_its_own_hour(alice, bob_grant, fiona_grant):
    bob = bob_grant.coach
    _comment_at(0, member=alice, coach=bob)
    _comment_at(1, member=alice, coach=bob, author=alice)  # alice's reply goes to bob
    _comment_at(2, member=alice, coach=fiona_grant.coach)  # another coach, another pair
    _comment_at(3, member=alice, coach=bob)  # bob again, within his hour: no e-mail
    assert sorted(message.to[0] for message in mail.outbox) == sorted([alice.email, bob.email, alice.email])


def test_suggested_goals_are_e_mailed_at_most_once_an_hour_too(alice, bob_grant):
    for minute in (0, 5, 10, 70):
        suggestion = SuggestionFactory(member=alice, coach=bob_grant.coach)
        GoalSuggestion.objects.filter(pk=suggestion.pk).update(created_at=START + datetime.timedelta(minutes=minute))
        suggestion.refresh_from_db()
        notifications.send_suggestion(suggestion)
    assert len(mail.outbox) == 2


def test_the_coach_is_told_when_a_comment_is_not_e_mailed(client, alice, bob_grant, django_capture_on_commit_callbacks):
    client.force_login(bob_grant.coach)
    url = f"/en/coach/clients/{alice.pk}/comments/"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"body": "One"}, follow=True)
        second = client.post(url, {"body": "Two"}, follow=True)
    assert len(mail.outbox) == 1
    assert "Comment saved; Alice Andersson gets an e-mail." in first.content.decode()
    assert "Alice Andersson already had an e-mail from you within the hour" in second.content.decode()
