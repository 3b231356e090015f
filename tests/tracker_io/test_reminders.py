import datetime
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail, signing
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import translation

from accounts.models import ReminderLog
from accounts.tracker.transfers import reminders
from accounts.tracker.transfers.reminders import (
    CLAIM_LEASE,
    DIGEST_LIMIT,
    opt_out_token,
    opt_out_url,
    reminders_send,
    user_for_opt_out_token,
)
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


def _due_members(count):
    """`count` members, each with a different backlog (0 to 3 overdue follow-ups and 0 to 2 contacts
    to get back in touch with, besides one follow-up due today)."""
    members = UserFactory.create_batch(count)
    for index, member in enumerate(members):
        FollowUpFactory(owner=member, due_date=TODAY)
        for _ in range(index % 4):
            FollowUpFactory(owner=member, due_date=YESTERDAY)
        for number in range(index % 3):
            _losing_touch(member, name=f"Kontakt {index}-{number}")
    return members


@pytest.mark.parametrize("count", [5, 50])
def test_it_claims_composes_and_records_a_batch_in_the_same_queries_at_5_and_at_50_members(
    count, django_assert_num_queries
):
    _due_members(count)
    # The batch: 1 savepoint; 2 the members due, with both counts; 3 their follow-ups (with their
    # contacts) and 4 their contacts, the first DIGEST_LIMIT of each member's; 5 the claims' insert;
    # 6 taking over abandoned claims; 7 reading back ours; 8 release; then, after sending,
    # 9 marking them sent. The end: 10 savepoint, 11 no member left, 12 release.
    with django_assert_num_queries(12):
        result = reminders_send(today=TODAY, batch_size=50)
    assert (result.sent, result.batches) == (count, 1)
    assert len(mail.outbox) == count


def test_it_runs_in_a_number_of_queries_that_does_not_grow_with_a_members_backlog(alice, django_assert_num_queries):
    for _ in range(300):
        FollowUpFactory(owner=alice, due_date=YESTERDAY)
    with django_assert_num_queries(12):  # as above
        _run()
    (message,) = mail.outbox
    assert ReminderLog.objects.get(owner=alice).follow_up_count == 300


def test_it_sends_each_batch_through_one_mail_connection(monkeypatch):
    _due_members(5)
    opened = []
    original = reminders.mail.get_connection

    def counting_get_connection(*args, **kwargs):
        connection = original(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(reminders.mail, "get_connection", counting_get_connection)
    result = reminders_send(today=TODAY, batch_size=2)
    assert (result.sent, result.batches, len(opened)) == (5, 3, 3)
    assert len(mail.outbox) == 5


def test_it_sends_each_member_one_digest_when_another_worker_runs_in_the_middle_of_a_batch(monkeypatch):
    """Worker A has claimed its first batch and is sending it when worker B starts: B takes the
    other members, A none of B's, and nobody gets two digests."""
    members = _due_members(7)
    original_send = reminders.send_digest
    other_worker = []

    def send_while_another_worker_runs(digest, *, connection=None):
        if not other_worker:
            other_worker.append("started")
            monkeypatch.setattr(reminders, "send_digest", original_send)  # B sends normally
            other_worker.append(reminders_send(today=TODAY, batch_size=2))
        original_send(digest, connection=connection)

    monkeypatch.setattr(reminders, "send_digest", send_while_another_worker_runs)
    first = reminders_send(today=TODAY, batch_size=2)
    _started, second = other_worker
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(member.email for member in members)
    assert (first.sent, second.sent) == (2, 5)
    assert ReminderLog.objects.filter(sent_at__isnull=False).count() == 7
    assert not ReminderLog.objects.filter(sent_at__isnull=True).exists()


class WorkerDied(BaseException):
    """Stands for the process being killed: not an Exception, so nothing catches it."""


def test_it_sends_a_dead_workers_batch_again_once_its_claims_are_abandoned(monkeypatch):
    members = _due_members(3)
    original_send = reminders.send_digest
    sent_before_dying = []

    def dies_after_one_mail(digest, *, connection=None):
        if sent_before_dying:
            raise WorkerDied
        original_send(digest, connection=connection)
        sent_before_dying.append(digest.owner.email)

    monkeypatch.setattr(reminders, "send_digest", dies_after_one_mail)
    with pytest.raises(WorkerDied):
        reminders_send(today=TODAY, batch_size=10)
    monkeypatch.setattr(reminders, "send_digest", original_send)
    assert len(mail.outbox) == 1
    assert ReminderLog.objects.filter(sent_at__isnull=True).count() == 3

    # While the claims are fresh, the dead worker might still be sending: nobody else touches them.
    assert reminders_send(today=TODAY).sent == 0
    # Past the lease they are abandoned: every member of the batch is sent theirs, the one who had
    # it already a second time (at least once, never lost).
    ReminderLog.objects.update(claimed_at=F("claimed_at") - CLAIM_LEASE - datetime.timedelta(seconds=1))
    assert reminders_send(today=TODAY).sent == 3
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == sorted([*sent_before_dying, *(member.email for member in members)])
    assert ReminderLog.objects.filter(sent_at__isnull=False).count() == 3


def test_it_sends_each_digest_in_the_morning_of_the_members_own_day(settings):
    settings.REMINDERS_LOCAL_HOUR = 7
    day = datetime.date(2026, 3, 13)
    stockholm = UserFactory(time_zone="Europe/Stockholm")
    helsinki = UserFactory(time_zone="Europe/Helsinki")
    FollowUpFactory(owner=stockholm, due_date=day)
    FollowUpFactory(owner=helsinki, due_date=day)
    # Hourly runs. 23:30 in Stockholm is 00:30 on the 13th in Helsinki: the 13th has begun there,
    # but nobody gets a mail in the night.
    late_evening = datetime.datetime(2026, 3, 12, 22, 30, tzinfo=datetime.UTC)
    assert reminders_send(now=late_evening).sent == 0
    # 06:30 in Stockholm, 07:30 in Helsinki: Helsinki's morning has come.
    early = datetime.datetime(2026, 3, 13, 5, 30, tzinfo=datetime.UTC)
    assert reminders_send(now=early).sent == 1
    assert [message.to[0] for message in mail.outbox] == [helsinki.email]
    assert ReminderLog.objects.get().sent_on == day
    assert reminders_send(now=early + datetime.timedelta(hours=1)).sent == 1
    assert mail.outbox[-1].to == [stockholm.email]
    assert set(ReminderLog.objects.values_list("owner_id", "sent_on")) == {(helsinki.pk, day), (stockholm.pk, day)}
    # Later runs the same day send nothing more; the evening still belongs to the same day.
    assert reminders_send(now=early + datetime.timedelta(hours=15)).sent == 0


def test_the_hour_is_a_setting(settings):
    settings.REMINDERS_LOCAL_HOUR = 0
    member = UserFactory(time_zone="Europe/Helsinki")
    FollowUpFactory(owner=member, due_date=datetime.date(2026, 3, 13))
    # 00:30 in Helsinki: with the hour at 0 the digest goes out just after midnight.
    assert reminders_send(now=datetime.datetime(2026, 3, 12, 22, 30, tzinfo=datetime.UTC)).sent == 1


@pytest.mark.slow
def test_an_hour_outside_the_day_stops_the_settings_from_loading():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "localhost"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=Path(__file__).resolve().parents[2],
        env={**env, "DJANGO_SETTINGS_MODULE": "rookie.settings", "REMINDERS_LOCAL_HOUR": "24"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "REMINDERS_LOCAL_HOUR must be an hour from 0 to 23, not 24" in result.stderr


def test_it_refuses_a_batch_size_that_is_not_a_positive_number():
    for value in ("0", "-3", "many"):
        with pytest.raises(CommandError, match="--batch-size"):
            call_command("send_reminders", "--batch-size", value, stdout=StringIO())


def test_it_puts_a_one_click_opt_out_link_in_the_mail(alice, client):
    FollowUpFactory(owner=alice, due_date=TODAY)
    _run()
    (message,) = mail.outbox
    # The token is signed with the time: the link in the mail is read back, not made again (a
    # second boundary between the two would change it).
    header = message.extra_headers["List-Unsubscribe"]
    url = header.removeprefix("<").removesuffix(">")
    assert url.startswith(opt_out_url(alice).rsplit("/", 2)[0] + "/")
    assert user_for_opt_out_token(url.rstrip("/").rsplit("/", 1)[1]) == alice
    assert url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_it_only_trusts_opt_out_tokens_it_signed(alice):
    token = opt_out_token(alice)
    assert user_for_opt_out_token(token) == alice
    assert user_for_opt_out_token(token[:-2]) is None
    assert user_for_opt_out_token("") is None
    # The same value signed for another purpose (another salt) is refused.
    assert user_for_opt_out_token(signing.dumps(alice.pk)) is None
    assert user_for_opt_out_token(signing.dumps("x", salt="accounts.tracker.transfers.reminders.opt-out")) is None
