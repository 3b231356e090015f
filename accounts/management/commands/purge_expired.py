"""Daily: delete what Rookie keeps only for a while (accounts/privacy/retention.py has the periods)."""

from django.core.management.base import BaseCommand

from accounts.privacy.retention import purge_expired


class Command(BaseCommand):
    help = "Delete expired sessions, day-old contact imports, coach access-log rows past 90 days, old log-in records."

    def handle(self, *args, **options):
        counts = purge_expired()
        summary = ", ".join(f"{what}={count}" for what, count in counts.items())
        self.stdout.write(f"purge_expired: {summary}")
