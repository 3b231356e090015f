""" "Fit for me": the network's per-criterion averages weighted by the member's priorities."""

import pytest

from networks.models import CriterionStats, Network, Priority
from networks.scoring import fit_expression, fit_from_averages, fit_from_stats, weights_for
from tests.factories import NetworkFactory, evaluate

pytestmark = pytest.mark.django_db


def _set_priorities(member, criteria, weights):
    for criterion, weight in zip(criteria, weights, strict=True):
        Priority.objects.update_or_create(member=member, criterion=criterion, defaults={"weight": weight})


def _sql_fit(network, member):
    return Network.objects.annotate(fit=fit_expression(weights_for(member))).get(pk=network.pk).fit


def _python_fit(network, member):
    return fit_from_stats(CriterionStats.objects.filter(network=network), weights_for(member))


def test_it_equals_the_overall_score_without_priorities(alice, charlie, network, criteria):
    evaluate(charlie, network, [5, 4, 3, 2, 1])
    network.refresh_from_db()
    assert _sql_fit(network, alice) == pytest.approx(network.score_average) == pytest.approx(3.0)
    assert _python_fit(network, alice) == pytest.approx(3.0)


def test_it_weights_the_criteria_by_the_members_priorities(alice, charlie, network, criteria):
    evaluate(charlie, network, [5, 4, 3, 2, 1])
    _set_priorities(alice, criteria, [5, 0, 0, 0, 1])
    # (5·5 + 1·1) / (5 + 1)
    assert _sql_fit(network, alice) == pytest.approx(26 / 6)
    assert _python_fit(network, alice) == pytest.approx(26 / 6)


@pytest.mark.parametrize("weights", [[5, 0, 0, 0, 1], [0, 0, 0, 0, 0], [3, 3, 3, 3, 3], [1, 2, 3, 4, 5]])
def test_the_network_pages_fit_from_its_columns_equals_the_catalogues(alice, charlie, network, criteria, weights):
    evaluate(charlie, network, [5, 4, 3, 2, 1])
    evaluate(alice, network, [2, 2, 5, 5, 1])
    _set_priorities(alice, criteria, weights)
    network.refresh_from_db()
    assert fit_from_averages(network.criterion_averages, weights_for(alice)) == pytest.approx(_sql_fit(network, alice))
    assert _sql_fit(network, alice) == pytest.approx(_python_fit(network, alice))


def test_it_treats_all_zero_weights_as_equal(alice, charlie, network, criteria):
    evaluate(charlie, network, [5, 4, 3, 2, 1])
    _set_priorities(alice, criteria, [0, 0, 0, 0, 0])
    assert _sql_fit(network, alice) == pytest.approx(3.0)
    assert _python_fit(network, alice) == pytest.approx(3.0)


def test_it_counts_an_unset_criterion_at_the_default_weight(alice, charlie, network, criteria):
    evaluate(charlie, network, [5, 1, 1, 1, 1])
    Priority.objects.create(member=alice, criterion=criteria[0], weight=5)  # the rest default to 3
    expected = (5 * 5 + 3 * 1 * 4) / (5 + 3 * 4)
    assert _sql_fit(network, alice) == pytest.approx(expected)
    assert _python_fit(network, alice) == pytest.approx(expected)


def test_it_has_no_fit_for_a_network_without_evaluations(alice, network, criteria):
    _set_priorities(alice, criteria, [5, 4, 3, 2, 1])
    assert _sql_fit(network, alice) is None
    assert _python_fit(network, alice) is None


def test_it_has_no_fit_when_only_weightless_criteria_have_scores(alice, network, criteria):
    # Not reachable through full evaluations, but the SQL must not divide by zero.
    CriterionStats.objects.create(network=network, criterion=criteria[1], score_count=1, score_sum=4, average=4.0)
    _set_priorities(alice, criteria, [5, 0, 0, 0, 0])
    assert _sql_fit(network, alice) is None
    assert _python_fit(network, alice) is None


def test_it_follows_re_evaluation_and_deletion(alice, charlie, network, criteria):
    _set_priorities(alice, criteria, [5, 0, 0, 0, 0])
    evaluate(charlie, network, [1, 5, 5, 5, 5])
    assert _sql_fit(network, alice) == pytest.approx(1.0)
    evaluate(charlie, network, [3, 5, 5, 5, 5])
    assert _sql_fit(network, alice) == pytest.approx(3.0)
    charlie.network_evaluations.get().delete()
    assert _sql_fit(network, alice) is None


def test_it_ranks_the_catalogue_by_fit(alice_client, alice, charlie, criteria):
    practical = NetworkFactory(name="Practical")  # strong on needs, weak on people
    social = NetworkFactory(name="Social")  # the other way round
    evaluate(charlie, practical, [5, 3, 3, 1, 3])
    evaluate(charlie, social, [1, 3, 3, 5, 3])
    _set_priorities(alice, criteria, [5, 1, 1, 1, 1])
    names = [n.name for n in alice_client.get("/en/networks/?sort=fit").context["page_obj"]]
    assert names == ["Practical", "Social"]
    _set_priorities(alice, criteria, [1, 1, 1, 5, 1])
    names = [n.name for n in alice_client.get("/en/networks/?sort=fit").context["page_obj"]]
    assert names == ["Social", "Practical"]
