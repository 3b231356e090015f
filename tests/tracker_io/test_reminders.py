import datetime
from io import StringIO

import pytest
from django.core import mail, signing
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.utils import translation

from accounts.models import ReminderLog
from accounts.tracker.transfers.reminders import DIGEST_LIMIT, opt_out_token, opt_out_url, user_for_opt_out_token
from tests.factories import CalendarFeedFactory, ContactFactory, FollowUpFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 12)
YESTERDAY = TODAY - datetime.timedelta(days=1)


def _run(*args):
    out = StringIO()
    call_command("send_reminders", "--date", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


def _losing_touch(owner, name="Åsa Öberg"):
    contact = ContactFactory(
        owner=owner, name=name, keep_in_touch_days=30, last_contacted_on=TODAY - datetime.timedelta(days=40)
    )
    assert contact.next_touch_due < TODAY
    return contact


def test_it_sends_one_digest_with_overdue_due_today_and_nudges(alice):
    FollowUpFactory(owner=alice, title="Tacka för fikan", due_date=YESTERDAY)
    FollowUpFactory(owner=alice, title="Skicka CV", due_date=TODAY, contact=None)
    FollowUpFactory(owner=alice, title="Not yet", due_date=TODAY + datetime.timedelta(days=1))
    FollowUpFactory(
        owner=alice,
        title="Done already",
        due_date=YESTERDAY,
        done_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
    )
    _losing_touch(alice)
    ContactFactory(owner=alice, name="Fine", keep_in_touch_days=30, last_contacted_on=TODAY)
    output = _run()
    assert "1 sent" in output
    (message,) = mail.outbox
    assert message.to == ["alice@example.com"]
    assert "Tacka för fikan" in message.body
    assert "Skicka CV" in message.body
    assert "Åsa Öberg" in message.body
    assert "Not yet" not in message.body and "Done already" not in message.body and "Fine" not in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Tacka för fikan" in html
    log = ReminderLog.objects.get(owner=alice)
    assert (log.sent_on, log.follow_up_count, log.nudge_count) == (TODAY, 2, 1)


def test_it_sends_nothing_new_when_run_twice_the_same_day(alice):
    FollowUpFactory(owner=alice, due_date=TODAY)
    _run()
    output = _run()
    assert len(mail.outbox) == 1
    assert "0 sent" in output
    assert ReminderLog.objects.count() == 1
    # The next day is a new day.
    call_command("send_reminders", "--date", (TODAY + datetime.timedelta(days=1)).isoformat(), stdout=StringIO())
    assert len(mail.outbox) == 2


def test_it_writes_in_each_members_language(alice, charlie):
    # alice reads Swedish, charlie Danish: Django's own catalogues translate the month in the subject.
    FollowUpFactory(owner=alice, due_date=TODAY)
    FollowUpFactory(owner=charlie, due_date=TODAY)
    fi_member = UserFactory(preferred_language="fi")
    FollowUpFactory(owner=fi_member, due_date=TODAY)
    _run()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "mars" in subjects["alice@example.com"]
    assert "marts" in subjects["charlie@example.com"]
    assert "12. maaliskuuta" in subjects[fi_member.email]  # the genitive a Finn writes after a day
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "https://rookie.example/sv/me/" in bodies["alice@example.com"]
    assert "https://rookie.example/da/me/" in bodies["charlie@example.com"]
    assert "https://rookie.example/reminders/off/" in bodies["charlie@example.com"]


def test_it_skips_members_who_turned_reminders_off_or_have_nothing_due(alice, charlie):
    FollowUpFactory(owner=alice, due_date=TODAY)
    CalendarFeedFactory(owner=alice, reminders_enabled=False)
    FollowUpFactory(owner=charlie, due_date=TODAY + datetime.timedelta(days=2))
    inactive = UserFactory(is_active=False)
    FollowUpFactory(owner=inactive, due_date=TODAY)
    _run()
    assert mail.outbox == []
    assert ReminderLog.objects.count() == 0


def test_it_counts_a_member_without_a_feed_row_as_enabled(alice, charlie):
    FollowUpFactory(owner=alice, due_date=TODAY)
    FollowUpFactory(owner=charlie, due_date=TODAY)
    CalendarFeedFactory(owner=charlie, reminders_enabled=True)
    _run()
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.com", "charlie@example.com"]


def test_it_keeps_going_when_one_members_mail_fails_and_retries_that_member_later(alice, charlie, monkeypatch):
    FollowUpFactory(owner=alice, due_date=TODAY)
    FollowUpFactory(owner=charlie, due_date=TODAY)
    original_send = EmailMultiAlternatives.send

    def flaky_send(message, fail_silently=False):
        if message.to == ["alice@example.com"]:
            raise ConnectionError("SMTP server went away")
        return original_send(message, fail_silently)

    monkeypatch.setattr(EmailMultiAlternatives, "send", flaky_send)
    with pytest.raises(CommandError, match="alice@example.com"):
        _run()
    assert [message.to[0] for message in mail.outbox] == ["charlie@example.com"]
    assert list(ReminderLog.objects.values_list("owner__email", flat=True)) == ["charlie@example.com"]

    monkeypatch.setattr(EmailMultiAlternatives, "send", original_send)
    _run()
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.com", "charlie@example.com"]
    assert ReminderLog.objects.count() == 2


def test_it_sends_and_records_nothing_on_a_dry_run(alice):
    FollowUpFactory(owner=alice, due_date=TODAY)
    output = _run("--dry-run")
    assert "would send to alice@example.com: 1 follow-ups" in output
    assert mail.outbox == []
    assert ReminderLog.objects.count() == 0


def test_it_refuses_a_malformed_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "12/03/2026", stdout=StringIO())


def test_it_lists_a_long_backlog_in_part_and_counts_the_rest(alice):
    for _ in range(DIGEST_LIMIT + 5):
        FollowUpFactory(owner=alice, due_date=YESTERDAY)
    _run()
    (message,) = mail.outbox
    with translation.override(alice.preferred_language):
        more = translation.ngettext("…and %(count)s more follow-up.", "…and %(count)s more follow-ups.", 5)
    assert more % {"count": 5} in message.body
    assert ReminderLog.objects.get(owner=alice).follow_up_count == DIGEST_LIMIT + 5


def test_it_runs_in_a_number_of_queries_that_grows_with_members_not_with_their_backlog(
    alice, django_assert_num_queries
):
    for _ in range(300):
        FollowUpFactory(owner=alice, due_date=YESTERDAY)
    # 1 members due; digest: 2 follow-ups, 3 their count, 4 contacts, 5 their count;
    # 6 savepoint, 7 log look-up, 8 savepoint, 9 log insert, 10 release, 11 release.
    with django_assert_num_queries(11):
        _run()


def test_it_puts_a_one_click_opt_out_link_in_the_mail(alice, client):
    FollowUpFactory(owner=alice, due_date=TODAY)
    _run()
    (message,) = mail.outbox
    url = opt_out_url(alice)
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_it_only_trusts_opt_out_tokens_it_signed(alice):
    token = opt_out_token(alice)
    assert user_for_opt_out_token(token) == alice
    assert user_for_opt_out_token(token[:-2]) is None
    assert user_for_opt_out_token("") is None
    # The same value signed for another purpose (another salt) is refused.
    assert user_for_opt_out_token(signing.dumps(alice.pk)) is None
    assert user_for_opt_out_token(signing.dumps("x", salt="accounts.tracker.transfers.reminders.opt-out")) is None
