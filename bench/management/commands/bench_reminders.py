"""`manage.py bench_reminders --members N`: time send_reminders with one and with two workers
(the work is done in bench/reminders.py; the numbers go in docs/PERFORMANCE.md, "Reminders")."""

import datetime
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from accounts.tracker.transfers.reminders import BATCH_SIZE
from bench import reminders


def _positive(value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise CommandError(f"expected a whole number above 0, not {value!r}.")
    return number


class Command(BaseCommand):
    help = (
        "Make N members with digests due (once), then time send_reminders composing and sending them to a "
        "throwaway mail backend with one worker and with two worker processes started together. On a "
        "database of its own: it deletes the day's reminder log before each timing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--members", type=_positive, default=100_000, help="Members with a digest due.")
        parser.add_argument("--batch-size", type=_positive, default=BATCH_SIZE, help="send_reminders' batch.")
        parser.add_argument("--workers", default="1,2", help="Worker counts to time, e.g. 1,2 (default).")
        parser.add_argument("--date", help="The day of the digests (YYYY-MM-DD; default today).")
        parser.add_argument("--force", action="store_true", help="Run with DEBUG off too (its own database).")
        parser.add_argument("--worker", metavar="GATE", help=argparse_suppress())

    def handle(self, *args, members, batch_size, workers, date, force, worker, **options):
        day = datetime.date.fromisoformat(date) if date else datetime.date.today()
        if worker:
            self.stdout.write(json.dumps(reminders.worker(worker, day=day, batch_size=batch_size)))
            return
        if not (settings.DEBUG or force):
            raise CommandError(
                "bench_reminders writes many members and deletes the day's reminder log, so it runs only with "
                "DEBUG on, or with --force on a database of its own."
            )
        counts = [_positive(part) for part in workers.split(",")]
        self.stdout.write(f"Members with a digest due on {day}: {members:,}")
        written = reminders.members_make(members, day=day, log=self.stdout.write)
        self.stdout.write(f"  {written:,} written")
        timings = []
        for count in counts:
            timing = reminders.time_workers(count, day=day, batch_size=batch_size)
            timings.append(timing)
            shares = " + ".join(f"{sent:,}" for sent in timing.sent)
            self.stdout.write(
                f"{count} worker{'s' if count > 1 else ''}: {timing.seconds:.1f} s, {timing.per_second:,.0f} digests/s "
                f"({shares} sent in {sum(timing.batches)} batches of {batch_size}; "
                f"{1000 * sum(timing.cpu_seconds) / timing.total:.1f} ms of worker CPU per digest)"
            )
        if len(timings) > 1:
            self.stdout.write(
                f"Speed-up, {counts[-1]} workers over {counts[0]}: {timings[0].seconds / timings[-1].seconds:.2f}×"
            )
        self.stdout.write(f"Database: {connection.vendor}; {members:,} members; batch {batch_size}.")


def argparse_suppress():
    import argparse

    return argparse.SUPPRESS
