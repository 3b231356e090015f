"""Timing `send_reminders` for many members (`manage.py bench_reminders`; docs/PERFORMANCE.md, "Reminders").

1. **Data.** N members, each with a digest to get: two overdue follow-ups (one about a contact),
   one due on the day, one later (not in the digest) and one contact to get back in touch with,
   in the members' four languages. Written with bulk_create a chunk at a time, no signals and no
   save(), so what save() derives (Contact.next_touch_due) is set here; skipped when the N members
   are already there (a second run measures again on the same data).
2. **Timing.** For one worker, then for two: the day's ReminderLog rows are deleted, the workers
   (`manage.py bench_reminders --worker`, each its own process, as cron or the compose service
   would start them) start up and wait at a gate; the clock starts when the gate opens and stops
   when the last worker has exited. Each runs `send_reminders --date DAY` with DiscardingBackend:
   every digest is composed and rendered in the member's language and turned into the bytes an
   SMTP server would get, then thrown away.

Use a database of its own: step 2 deletes that day's reminder log.
"""

import datetime
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction

from accounts.models import Contact, FollowUp, ReminderLog, User
from accounts.tracker.transfers.reminders import BATCH_SIZE
from bench import texts

DOMAIN = "reminders.bench.rookie.test"
CHUNK = 5000  # members written per transaction
ROOT = Path(__file__).resolve().parent.parent


class DiscardingBackend(BaseEmailBackend):
    """Builds each message's MIME bytes, as an SMTP backend would before sending, and drops them."""

    def send_messages(self, email_messages):
        for message in email_messages:
            message.message().as_bytes()
        return len(email_messages)


def _email(number: int) -> str:
    return f"member-{number:06d}@{DOMAIN}"


def _pick(choices: list[str], number: int) -> str:
    return choices[number % len(choices)]


def _contact_name(member: User) -> str:
    language = member.preferred_language
    return f"{_pick(texts.FIRST_NAMES[language], member.pk)} {_pick(texts.LAST_NAMES[language], member.pk)}"


def members_make(count: int, *, day: datetime.date, log: Callable[[str], None] | None = None) -> int:
    """Make sure `count` bench members exist with something due on `day`; returns how many were written."""
    existing = User.objects.filter(email__endswith=f"@{DOMAIN}").count()
    if existing >= count:
        return 0
    password = make_password(None)  # unusable: nobody logs in as these members
    languages = itertools.cycle(texts.LANGUAGES)
    started = time.monotonic()
    for first in range(existing, count, CHUNK):
        numbers = range(first, min(first + CHUNK, count))
        with transaction.atomic():
            members = User.objects.bulk_create(
                [
                    User(
                        email=_email(number),
                        display_name=f"{_pick(texts.FIRST_NAMES[language], number)} {number}",
                        preferred_language=language,
                        password=password,
                    )
                    for number, language in zip(numbers, languages, strict=False)
                ],
                batch_size=1000,
            )
            contacts = Contact.objects.bulk_create(
                [
                    Contact(
                        owner=member,
                        name=_contact_name(member),
                        company=texts.COMPANIES[member.preferred_language][0],
                        language=member.preferred_language,
                        keep_in_touch_days=30,
                        last_contacted_on=day - datetime.timedelta(days=40),
                        next_touch_due=day - datetime.timedelta(days=10),
                    )
                    for member in members
                ],
                batch_size=1000,
            )
            follow_ups = []
            for member, contact in zip(members, contacts, strict=True):
                language = member.preferred_language
                titles = texts.FOLLOW_UP_TITLES[language]
                general = texts.GENERAL_FOLLOW_UPS[language]
                follow_ups += [
                    FollowUp(
                        owner=member,
                        contact=contact,
                        title=titles[0].format(name=contact.name),
                        due_date=day - datetime.timedelta(days=3),
                    ),
                    FollowUp(owner=member, title=general[0], due_date=day - datetime.timedelta(days=1)),
                    FollowUp(owner=member, title=general[1], due_date=day),
                    FollowUp(owner=member, title=general[2], due_date=day + datetime.timedelta(days=7)),
                ]
            FollowUp.objects.bulk_create(follow_ups, batch_size=2000)
        if log:
            log(f"  {numbers[-1] + 1:>7} members written ({time.monotonic() - started:.0f} s)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return count - existing


@dataclass
class Timing:
    workers: int
    seconds: float
    sent: list[int]
    batches: list[int]
    cpu_seconds: list[float]

    @property
    def total(self) -> int:
        return sum(self.sent)

    @property
    def per_second(self) -> float:
        return self.total / self.seconds


def time_workers(workers: int, *, day: datetime.date, batch_size: int = BATCH_SIZE) -> Timing:
    """Start `workers` processes at a gate, open it, and time until the last one has finished."""
    ReminderLog.objects.filter(sent_on=day).delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE accounts_reminderlog")
    connection.close()  # the workers have the database to themselves
    with tempfile.TemporaryDirectory(prefix="bench-reminders-") as gate:
        processes = [
            subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
                [
                    sys.executable,
                    str(ROOT / "manage.py"),
                    "bench_reminders",
                    "--worker",
                    gate,
                    "--date",
                    day.isoformat(),
                    "--batch-size",
                    str(batch_size),
                ],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(workers)
        ]
        while len(list(Path(gate).glob("ready-*"))) < workers:
            if any(process.poll() is not None for process in processes):
                raise RuntimeError("a worker ended before the start: " + repr([p.communicate() for p in processes]))
            time.sleep(0.02)
        started = time.monotonic()
        (Path(gate) / "go").touch()
        outputs = [process.communicate()[0] for process in processes]
        seconds = time.monotonic() - started
    if any(process.returncode for process in processes):
        raise RuntimeError(f"a worker failed: {outputs}")
    results = [json.loads(output.strip().splitlines()[-1]) for output in outputs]
    return Timing(
        workers=workers,
        seconds=seconds,
        sent=[result["sent"] for result in results],
        batches=[result["batches"] for result in results],
        cpu_seconds=[result["cpu_seconds"] for result in results],
    )


def worker(gate: str, *, day: datetime.date, batch_size: int) -> dict:
    """One worker: wait for the gate, send the day's digests to DiscardingBackend, say what it did."""
    from accounts.tracker.transfers.reminders import reminders_send

    settings.EMAIL_BACKEND = f"{__name__}.DiscardingBackend"
    (Path(gate) / f"ready-{os.getpid()}").touch()
    while not (Path(gate) / "go").exists():
        time.sleep(0.005)
    cpu = time.process_time()
    result = reminders_send(today=day, batch_size=batch_size)
    if result.failed:
        raise RuntimeError(f"{len(result.failed)} digests failed")
    return {
        "sent": result.sent,
        "batches": result.batches,
        "taken": result.taken,
        # This process's CPU (not PostgreSQL's): what a digest costs whatever else the machine runs.
        "cpu_seconds": time.process_time() - cpu,
    }
