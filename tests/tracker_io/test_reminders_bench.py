"""bench/reminders.py (`manage.py bench_reminders`): its members each get a full digest, and one of
its workers sends them all through the throwaway backend. The timing itself starts processes on a
database of their own and is run by hand (docs/PERFORMANCE.md, "Reminders")."""

import datetime

import pytest

from accounts.models import FollowUp, ReminderLog, User
from accounts.tracker.transfers.reminders import digest_for
from bench import reminders as bench_reminders

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 12)


def test_it_makes_members_with_a_full_digest_due_once():
    assert bench_reminders.members_make(6, day=DAY) == 6
    assert bench_reminders.members_make(6, day=DAY) == 0  # already there
    members = User.objects.filter(email__endswith=f"@{bench_reminders.DOMAIN}")
    assert members.count() == 6
    assert {member.preferred_language for member in members} == {"en", "sv", "da", "fi"}
    digest = digest_for(members.first(), DAY)
    assert (len(digest.overdue), len(digest.due_today), len(digest.nudges)) == (2, 1, 1)
    assert FollowUp.objects.filter(due_date__gt=DAY).count() == 6  # one later, not in the digest


def test_a_worker_sends_every_digest_to_the_throwaway_backend(tmp_path, settings):
    bench_reminders.members_make(5, day=DAY)
    (tmp_path / "go").touch()
    done = bench_reminders.worker(str(tmp_path), day=DAY, batch_size=2)
    assert (done["sent"], done["batches"], done["taken"]) == (5, 3, 0)
    assert done["cpu_seconds"] > 0
    assert settings.EMAIL_BACKEND == "bench.reminders.DiscardingBackend"
    assert ReminderLog.objects.filter(sent_on=DAY, sent_at__isnull=False).count() == 5
