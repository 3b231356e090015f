"""A worker never waits for the members another worker is claiming.

On PostgreSQL the pick is `FOR NO KEY UPDATE SKIP LOCKED`: members whose rows another transaction
holds are skipped, and taken by a later batch or run once they are free. SQLite has no row locks:
there a claim is an IMMEDIATE transaction, which takes the database's one write lock at BEGIN, so
two claims queue and the second sees what the first wrote; that is what the SQLite run checks.
"""

import datetime
import threading
import time

import pytest
from django.core import mail
from django.db import connection, transaction

from accounts.models import ReminderLog, User
from accounts.tracker.transfers.reminders import reminders_send
from tests.factories import FollowUpFactory, UserFactory

# Transactional: the other worker is another connection and must see committed rows.
pytestmark = pytest.mark.django_db(transaction=True)

TODAY = datetime.date(2026, 3, 12)


@pytest.fixture(autouse=True)
def _fixed_site_url(settings):
    settings.SITE_URL = "https://rookie.example"


def _due_members(count):
    members = UserFactory.create_batch(count)
    for member in members:
        FollowUpFactory(owner=member, due_date=TODAY)
    return members


def test_it_skips_the_members_another_worker_holds_and_sends_them_once_they_are_free():
    members = _due_members(5)
    held = members[:2]
    if connection.vendor == "sqlite":
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
        assert reminders_send(today=TODAY, batch_size=2).sent == 5
        return

    holding = threading.Event()
    release = threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                list(User.objects.filter(pk__in=[m.pk for m in held]).select_for_update(no_key=True))
                holding.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert holding.wait(10)
        with connection.cursor() as cursor:
            # Were the pick to wait for the held rows, it would fail here rather than hang.
            cursor.execute("SET lock_timeout = '5s'")
        started = time.monotonic()
        first = reminders_send(today=TODAY, batch_size=2)
        assert time.monotonic() - started < 5
    finally:
        release.set()
        thread.join(30)
    assert first.sent == 3
    assert sorted(message.to[0] for message in mail.outbox) == sorted(m.email for m in members[2:])
    assert not ReminderLog.objects.filter(owner__in=held).exists()

    assert reminders_send(today=TODAY, batch_size=2).sent == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted(m.email for m in members)
