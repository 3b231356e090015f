"""`python manage.py send_reminders`: each member's daily digest of due follow-ups and keep-in-touch nudges.

Safe to run as often as you like (cron hourly, or the compose service's loop), and as several
workers at once: a member gets at most one digest a day, and workers share the members in batches.
See docs/tracker-io.md.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from accounts.tracker.transfers.reminders import BATCH_SIZE, reminders_send


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}") from None


def _batch_size(value):
    try:
        size = int(value)
    except ValueError:
        size = 0
    if size < 1:
        raise CommandError(f"--batch-size must be a whole number above 0, got {value!r}")
    return size


class Command(BaseCommand):
    help = "E-mail each member a digest of follow-ups due today or overdue and of keep-in-touch nudges (once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get a digest; send and record nothing."
        )
        parser.add_argument(
            "--date",
            type=str,
            help="Act as if today were this date for every member (YYYY-MM-DD); by default each member's own date.",
        )
        parser.add_argument(
            "--batch-size",
            type=str,
            default=str(BATCH_SIZE),
            help=f"Members claimed, composed and sent at a time (default {BATCH_SIZE}).",
        )

    def handle(self, *args, **options):
        today = _date(options["date"]) if options["date"] else None
        batch_size = _batch_size(options["batch_size"])
        day = today.isoformat() if today else "each member's today"
        result = reminders_send(today=today, dry_run=options["dry_run"], batch_size=batch_size)
        if options["dry_run"]:
            for email, follow_ups, nudges in result.would_send:
                self.stdout.write(f"would send to {email}: {follow_ups} follow-ups, {nudges} keep-in-touch nudges")
            self.stdout.write(f"Dry run for {day}: {len(result.would_send)} digests would be sent.")
            return
        self.stdout.write(
            f"Reminders for {day}: {result.sent} sent, {len(result.failed)} failed, "
            f"{result.taken} taken by another worker, in {result.batches} batches."
        )
        if result.failed:
            # A non-zero exit lets cron (or monitoring) notice; the others were still sent.
            raise CommandError("Sending failed for: " + ", ".join(result.failed) + " (see the log).")
