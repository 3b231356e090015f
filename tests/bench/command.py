"""`bench_data` as the tests run it.

As an object, not by name: the test run, like production, does not install the bench app
(BENCH_ENABLED is off, rookie/settings.py), so the command is not registered. With --force: tests run
with DEBUG off, and bench_data refuses that unless told the database is one of its own.
"""

from django.core.management import call_command

from bench.management.commands.bench_data import Command


def bench_data(*args: str, **options: object) -> None:
    call_command(Command(), *args, force=True, **options)
