"""`manage.py bench_data --scale N`: benchmark data at scale (the work is done in bench/data.py)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench import data


def _scale(value):
    try:
        scale = float(value)
    except ValueError:
        raise CommandError(f"--scale must be a number, not {value!r}.") from None
    if not 0 < scale <= 100:
        raise CommandError("--scale must be more than 0 and at most 100.")
    return scale


class Command(BaseCommand):
    help = (
        "Generate benchmark data: per unit of --scale 1,000 members with their trackers, 200 networks with "
        "20,000 evaluations, 50 guides in four languages and 5 coaches with 20 clients each, plus the "
        "benchmark's own accounts. Refuses to run twice on the same database. Every account shares one known "
        "password, so it runs only with DEBUG on, or with --force (the benchmark's own database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=_scale, default=1.0, help="Size, e.g. 1, 10 or 0.01 (default 1).")
        parser.add_argument("--seed", type=int, default=data.DEFAULT_SEED, help="Random seed (same seed, same data).")
        parser.add_argument("--password", default=data.DEFAULT_PASSWORD, help="Password of every generated account.")
        parser.add_argument(
            "--batch-size", type=int, default=data.DEFAULT_BATCH_SIZE, help="Rows per INSERT (default 2000)."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run with DEBUG off too (the accounts' password is known: only on a database of its own).",
        )

    def handle(self, *args, scale, seed, password, batch_size, verbosity, force=False, **options):
        # Checked before any write: thousands of accounts with one known password must not reach a real site.
        if not (settings.DEBUG or force):
            raise CommandError(
                "bench_data creates thousands of accounts that share one known password, so it runs only with "
                "DEBUG on. Set DEBUG=1, or pass --force for the benchmark's own database (scripts/bench.py does)."
            )
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        started = time.monotonic()
        log = self.stdout.write if verbosity >= 1 else None
        try:
            written = data.generate(scale=scale, seed=seed, password=password, batch_size=batch_size, log=log)
        except data.BenchDataError as error:
            raise CommandError(str(error)) from error
        if verbosity < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(f"Benchmark data at scale {scale:g} written in {time.monotonic() - started:.1f} s:")
        )
        for label, count in sorted(written.items()):
            self.stdout.write(f"  {label:<28} {count:>9}")
        self.stdout.write(self.style.SUCCESS(f"Accounts (password for all: {password}):"))
        for what, email in data.fixed_accounts():
            self.stdout.write(f"  {email:<32} {what}")
