"""The member's e-mail about a session their coach recorded (notifications.send_session): once, after
the commit, in the member's language, with the agreed actions and a link to the session; never the
coach's private notes; not at all when the member turned coaching suggestions off; and a mail
server that fails loses nothing."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone, translation

from accounts.coaching import notifications, services
from accounts.mail_preferences import COACHING_SUGGESTIONS, read_off_token, set_wanted
from accounts.models import GoalKind
from accounts.models.coaching import ActionKind, CoachingSession
from rookie.templatetags.rookie_l10n import ldate
from tests.coaching.conftest import SITE, html_part, in_days, only_mail, session_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_site")]

DISCUSSED = "Plans for the career fair"
NOTE = "Nervous about the fair"


def _in(language, msgid, **values):
    with translation.override(language):
        text = translation.gettext(msgid)
    return text % values if values else text


def _record(client, member, coach, **fields):
    """bob records a session through the page (in English, his language), with a goal without a
    date and a follow-up due in two days."""
    client.force_login(coach)
    data = session_post(
        discussed=DISCUSSED,
        actions=[
            {"kind": "goal", "title": "Meet three new people", "goal_kind": "meet", "target": "3"},
            {"kind": "follow_up", "title": "Thank Eva <for> the fika", "due_date": in_days(2)},
        ],
        **fields,
    )
    return client.post(f"/en/coach/clients/{member.pk}/sessions/", data)


@pytest.mark.parametrize("language", ["sv", "da", "fi"])
def test_recording_a_session_e_mails_the_member_once_in_their_language(
    client, alice, bob_grant, language, django_capture_on_commit_callbacks
):
    alice.preferred_language = language
    alice.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        response = _record(client, alice, bob_grant.coach)
    assert response.status_code == 302
    session = CoachingSession.objects.get()
    # One mail for the session: the goal agreed in it is not e-mailed again as a suggestion.
    message = only_mail()
    html = html_part(message)
    assert message.to == [alice.email]
    assert message.extra_headers["Content-Language"] == language
    assert message.subject == _in(language, "%(name)s wrote up your coaching session", name="Bob Berg")
    url = f"{SITE}/{language}/coach/sharing/sessions/#session-{session.pk}"
    assert url in message.body
    assert f'href="{url}"' in html
    assert f'<html lang="{language}">' in html

    with translation.override(language):
        held_on = ldate(session.held_on)
        due = ldate(timezone.localdate() + datetime.timedelta(days=2))
    assert _in(language, "%(name)s wrote up your coaching session of %(date)s.", name="Bob Berg", date=held_on) in (
        message.body
    )
    # The kinds, the target and the due date in strings the catalogues already translate.
    goal_line = f"{_in(language, 'Goal')}: Meet three new people ({_in(language, 'target %(target)s', target=3)})"
    due_text = _in(language, "due %(date)s", date=due)
    follow_up_line = f"{_in(language, 'Follow-up')}: Thank Eva <for> the fika ({due_text})"
    assert f"- {goal_line}\n" in message.body
    assert f"- {follow_up_line}\n" in message.body
    assert _in(language, "Goal") != "Goal" and _in(language, "due %(date)s") != "due %(date)s"
    assert "Thank Eva &lt;for&gt; the fika" in html  # plain text is not HTML-escaped, HTML is
    one_step = _in(language, "On the page you add each one to your goals or follow-ups in one step, or say no, thanks.")
    assert one_step in message.body
    assert one_step in html


def test_a_month_name_follows_the_members_language(client, alice, bob_grant, django_capture_on_commit_callbacks):
    alice.preferred_language = "fi"
    alice.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        services.session_record(
            grant=bob_grant,
            held_on=datetime.date(2026, 12, 1),
            discussed=DISCUSSED,
            actions=[{"kind": ActionKind.FOLLOW_UP, "title": "Soita Annalle", "due_date": datetime.date(2026, 12, 9)}],
        )
    body = only_mail().body
    assert "joulukuuta" in body  # Finnish "of December", from the locale's DATE_FORMAT
    assert "December" not in body


def test_it_never_carries_the_coachs_private_notes_or_the_discussion(
    client, alice, bob_grant, bob_note, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _record(client, alice, bob_grant.coach)
    message = only_mail()
    for part in (message.subject, message.body, html_part(message)):
        assert NOTE not in part
        assert bob_note.body not in part
        # What was discussed stays behind the member's log-in, on the page the mail links to.
        assert DISCUSSED not in part


def test_a_session_without_actions_says_so(alice, bob_grant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = services.session_record(grant=bob_grant, held_on=timezone.localdate(), discussed=DISCUSSED)
    message = only_mail()
    assert _in("sv", "No actions were agreed this time.") in message.body
    assert _in("sv", "Read the session:") in message.body
    assert f"{SITE}/sv/coach/sharing/sessions/#session-{session.pk}" in message.body
    assert f">{_in('sv', 'Read the session')}</a>" in html_part(message)
    assert "- " not in message.body.split("--")[0]  # no action list


def test_it_carries_the_one_click_unsubscribe_of_coaching_suggestions(alice, bob_session):
    # bob_session was recorded outside a captured on_commit: send it as the commit would.
    notifications.send_session(bob_session)
    message = only_mail()
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link.startswith(f"{SITE}/sv/")
    assert read_off_token(link.rstrip("/").rsplit("/", 1)[-1]) == (alice, COACHING_SUGGESTIONS)
    assert link in message.body
    assert f'href="{link}"' in html_part(message)


def test_it_is_not_sent_when_the_member_turned_coaching_suggestions_off(
    client, alice, bob_grant, django_capture_on_commit_callbacks
):
    set_wanted(alice, COACHING_SUGGESTIONS, False)
    with django_capture_on_commit_callbacks(execute=True):
        response = _record(client, alice, bob_grant.coach)
    assert response.status_code == 302
    assert CoachingSession.objects.count() == 1
    assert mail.outbox == []


def test_it_is_sent_only_after_the_commit(alice, bob_grant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.session_record(grant=bob_grant, held_on=timezone.localdate(), discussed=DISCUSSED)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not CoachingSession.objects.exists()


def test_demo_sessions_send_nothing(alice, bob_grant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.session_record(
            grant=bob_grant,
            held_on=timezone.localdate(),
            discussed=DISCUSSED,
            actions=[{"kind": ActionKind.GOAL, "title": "Meet", "goal_kind": GoalKind.MEET, "target": 3}],
            notify=False,
        )
    assert CoachingSession.objects.count() == 1
    assert mail.outbox == []


def test_a_failing_mail_server_keeps_the_session_and_redirects(
    client, alice, bob_grant, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken_send(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
    with django_capture_on_commit_callbacks(execute=True):
        response = _record(client, alice, bob_grant.coach)
    session = CoachingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#session-{session.pk}")
    assert session.actions.count() == 2
    assert "coaching notification send_session failed" in caplog.text
