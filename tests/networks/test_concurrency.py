"""Members evaluating the same network at the same moment: no lost update, no duplicate row.

The lost update only shows on PostgreSQL (SQLite serialises writers at BEGIN IMMEDIATE); there the
network row lock in networks.services is what makes these pass.
"""

import threading

import pytest
from django.db import connection

from networks.models import Criterion, CriterionStats, Evaluation, Network
from networks.services import evaluation_save
from tests.factories import NetworkFactory, UserFactory

# Transactional: each thread has its own connection and must see committed rows. See
# checklist_seeded in tests/conftest.py for why the checklist is re-seeded.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("checklist_seeded"),
]

WRITERS = 6


def _run_together(jobs):
    if connection.vendor == "sqlite":
        # The in-memory test database is shared between threads with table locks that fail at
        # once instead of waiting; SQLite serialises writers anyway, so one after the other.
        for job in jobs:
            job()
        return
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as error:  # noqa: BLE001  (collected and re-raised in the main thread)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def _scores(value):
    return {criterion.pk: (value, "") for criterion in Criterion.objects.all()}


def test_it_counts_every_one_of_simultaneous_evaluations():
    network = NetworkFactory()
    members = [UserFactory() for _ in range(WRITERS)]
    scores = _scores(4)
    _run_together([lambda m=member: evaluation_save(member=m, network=network, scores=scores) for member in members])
    network = Network.objects.get(pk=network.pk)
    assert network.evaluation_count == WRITERS
    assert set(CriterionStats.objects.filter(network=network).values_list("score_count", flat=True)) == {WRITERS}


def test_it_keeps_one_evaluation_when_the_same_member_submits_twice_at_once():
    network = NetworkFactory()
    member = UserFactory()
    _run_together(
        [lambda v=value: evaluation_save(member=member, network=network, scores=_scores(v)) for value in (2, 5, 3, 4)]
    )
    assert Evaluation.objects.filter(member=member, network=network).count() == 1
    network = Network.objects.get(pk=network.pk)
    assert network.evaluation_count == 1
    assert network.score_average in {2.0, 3.0, 4.0, 5.0}
