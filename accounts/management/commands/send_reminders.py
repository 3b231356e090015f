"""`python manage.py send_reminders`: each member's daily digest of due follow-ups and keep-in-touch nudges.

Safe to run as often as you like (cron hourly, or the compose service's loop): a member gets at
most one digest a day. See docs/tracker-io.md.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.tracker.transfers.reminders import reminders_send


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}") from None


class Command(BaseCommand):
    help = "E-mail each member a digest of follow-ups due today or overdue and of keep-in-touch nudges (once a day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get a digest; send and record nothing."
        )
        parser.add_argument("--date", type=str, help="Act as if today were this date (YYYY-MM-DD); for tests.")

    def handle(self, *args, **options):
        today = _date(options["date"]) if options["date"] else timezone.localdate()
        result = reminders_send(today=today, dry_run=options["dry_run"])
        if options["dry_run"]:
            for digest in result.would_send:
                self.stdout.write(
                    f"would send to {digest.owner.email}: "
                    f"{digest.follow_up_count} follow-ups, {digest.nudge_count} keep-in-touch nudges"
                )
            self.stdout.write(f"Dry run for {today}: {len(result.would_send)} digests would be sent.")
            return
        self.stdout.write(
            f"Reminders for {today}: {len(result.sent)} sent, {len(result.skipped)} already sent, "
            f"{len(result.failed)} failed."
        )
        if result.failed:
            # A non-zero exit lets cron (or monitoring) notice; the others were still sent.
            raise CommandError(
                "Sending failed for: " + ", ".join(digest.owner.email for digest in result.failed) + " (see the log)."
            )
