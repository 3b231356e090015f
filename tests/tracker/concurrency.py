"""Run jobs at the same moment, each in its own thread with its own database connection.

For tests marked `django_db(transaction=True)`: each thread must see committed rows. Races only
show on PostgreSQL; there the jobs start together at a barrier. On SQLite the in-memory test
database is shared between threads with table locks that fail at once instead of waiting, and
SQLite serialises writers anyway, so the jobs run one after the other.
"""

import threading
from collections.abc import Callable

from django.db import connection


def run_together(jobs: list[Callable[[], object]]) -> list[object]:
    """Each job's return value, in the order of `jobs`; an exception in any job fails the caller."""
    if connection.vendor == "sqlite":
        return [job() for job in jobs]
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)
    errors = []

    def run(number, job):
        try:
            barrier.wait()
            results[number] = job()
        except Exception as error:  # noqa: BLE001  (collected and re-raised in the main thread)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number, job)) for number, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results
