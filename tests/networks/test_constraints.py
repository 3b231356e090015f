"""The database itself refuses bad rows (not only the forms), on SQLite and on PostgreSQL."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from networks.models import CriterionStats, Evaluation, Membership, Network, Priority, Score
from tests.factories import MembershipFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db


def _refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "published"},
        {"kind": "cult"},
        {"scope": "galactic"},
        {"country": "XX"},
        {"formality": "strict"},
        {"fee_currency": "USD"},
        {"fee_period": "week"},
        {"fee_amount": Decimal("-1")},
        {"score_average": 5.5},
        {"score_average": 0.5},
    ],
)
def test_it_refuses_a_network_with_an_invalid_value(changes):
    _refused(lambda: NetworkFactory(**changes))


def test_it_refuses_a_second_network_with_the_same_slug(network):
    _refused(lambda: NetworkFactory(slug=network.slug))


def test_it_refuses_a_second_evaluation_of_the_same_network(alice, network, criteria):
    evaluate(alice, network, [3, 3, 3, 3, 3])
    _refused(lambda: Evaluation.objects.create(member=alice, network=network))
    assert Evaluation.objects.count() == 1


@pytest.mark.parametrize("value", [0, 6, 100])
def test_it_refuses_a_score_out_of_range(alice, network, criteria, value):
    evaluation = Evaluation.objects.create(member=alice, network=network)
    _refused(lambda: Score.objects.create(evaluation=evaluation, criterion=criteria[0], score=value))


def test_it_refuses_two_scores_for_one_criterion(alice, network, criteria):
    evaluation = evaluate(alice, network, [3, 3, 3, 3, 3])
    _refused(lambda: Score.objects.create(evaluation=evaluation, criterion=criteria[0], score=4))


def test_it_refuses_stats_that_contradict_themselves(network, criteria):
    _refused(lambda: CriterionStats.objects.create(network=network, criterion=criteria[0], score_count=0, average=3))
    _refused(lambda: CriterionStats.objects.create(network=network, criterion=criteria[0], score_count=2, average=None))


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "member"},
        {"hours_per_month": Decimal("-1")},
        {"hours_per_month": Decimal("745")},
        {"yearly_cost": Decimal("-0.01")},
        {"cost_currency": "GBP"},
    ],
)
def test_it_refuses_a_membership_with_an_invalid_value(alice, network, changes):
    _refused(lambda: MembershipFactory(member=alice, network=network, **changes))


def test_it_refuses_a_second_membership_of_the_same_network(alice, network):
    MembershipFactory(member=alice, network=network)
    _refused(lambda: Membership.objects.create(member=alice, network=network))


@pytest.mark.parametrize("weight", [6, 10])
def test_it_refuses_a_priority_out_of_range(alice, criteria, weight):
    _refused(lambda: Priority.objects.create(member=alice, criterion=criteria[0], weight=weight))


def test_it_refuses_two_priorities_for_one_criterion(alice, criteria):
    Priority.objects.create(member=alice, criterion=criteria[0], weight=1)
    _refused(lambda: Priority.objects.create(member=alice, criterion=criteria[0], weight=2))


def test_it_keeps_scores_from_losing_their_criterion(alice, network, criteria):
    from django.db.models import ProtectedError

    evaluate(alice, network, [3, 3, 3, 3, 3])
    with pytest.raises(ProtectedError):
        criteria[0].delete()


def test_it_keeps_the_status_values_in_step_with_the_original_constraint():
    # 0001's constraint lists the statuses literally; a new status must be added to it too.
    assert set(Network.Status.values) == {"pending", "approved", "hidden"}
