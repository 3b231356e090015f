"""Per-criterion and overall aggregates stay right after evaluation, re-evaluation and deletion."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from networks.models import CriterionStats, Evaluation, Network, Score
from networks.services import EvaluationError, evaluation_delete, evaluation_save, network_stats_refresh
from tests.examples import examples
from tests.factories import NetworkFactory, UserFactory, evaluate

pytestmark = pytest.mark.django_db


def _stats(network):
    return {
        row.criterion.key: (row.score_count, row.average)
        for row in CriterionStats.objects.filter(network=network).select_related("criterion")
    }


def test_it_starts_without_scores(network):
    assert network.evaluation_count == 0
    assert network.score_average is None
    assert _stats(network) == {}


def test_it_averages_each_criterion_and_the_criteria(alice, charlie, network, criteria):
    evaluate(alice, network, [5, 4, 3, 2, 1])
    evaluate(charlie, network, [4, 4, 4, 4, 4])
    network.refresh_from_db()
    assert _stats(network) == {
        "needs": (2, 4.5),
        "purpose": (2, 4.0),
        "goals": (2, 3.5),
        "people": (2, 3.0),
        "resources": (2, 2.5),
    }
    assert network.evaluation_count == 2
    assert network.score_average == pytest.approx(3.5)


def test_it_keeps_the_per_criterion_averages_on_the_network(alice, charlie, network, criteria):
    """The columns "fit for me" is ranked by follow the evaluations, deletion included."""
    evaluate(alice, network, [5, 4, 3, 2, 1])
    evaluate(charlie, network, [4, 4, 4, 4, 4])
    network.refresh_from_db()
    expected = {
        f"c{criterion.pk}": average for criterion, average in zip(criteria, [4.5, 4.0, 3.5, 3.0, 2.5], strict=True)
    }
    assert network.criterion_averages == pytest.approx(expected)
    assert network.rated_criteria == 5
    evaluation_delete(evaluation=alice.network_evaluations.get())
    evaluation_delete(evaluation=charlie.network_evaluations.get())
    network.refresh_from_db()
    assert network.criterion_averages == {}
    assert network.rated_criteria == 0


def test_it_updates_a_second_evaluation_in_place(alice, network, criteria):
    first = evaluate(alice, network, [1, 1, 1, 1, 1], comment="First look")
    second = evaluate(alice, network, [5, 5, 5, 5, 3], comment="After a year")
    network.refresh_from_db()
    assert second.pk == first.pk
    assert Evaluation.objects.count() == 1
    assert Score.objects.count() == 5
    assert network.evaluation_count == 1
    assert _stats(network)["resources"] == (1, 3.0)
    assert network.score_average == pytest.approx(4.6)
    assert Evaluation.objects.get().comment == "After a year"


def test_it_takes_a_deleted_evaluation_out_of_the_averages(alice, charlie, network, criteria):
    evaluate(alice, network, [5, 5, 5, 5, 5])
    doomed = evaluate(charlie, network, [1, 1, 1, 1, 1])
    evaluation_delete(evaluation=doomed)
    network.refresh_from_db()
    assert network.evaluation_count == 1
    assert network.score_average == 5.0
    assert _stats(network)["needs"] == (1, 5.0)


def test_it_empties_the_aggregates_when_the_last_evaluation_goes(alice, network, criteria):
    evaluation_delete(evaluation=evaluate(alice, network, [4, 4, 4, 4, 4]))
    network.refresh_from_db()
    assert network.evaluation_count == 0
    assert network.score_average is None
    assert set(_stats(network).values()) == {(0, None)}


def test_it_keeps_a_deleted_members_scores_anonymously(alice, charlie, network, criteria):
    evaluate(alice, network, [5, 5, 5, 5, 5])
    evaluate(charlie, network, [1, 1, 1, 1, 1])
    charlie.delete()
    network.refresh_from_db()
    # The averages do not move when a member leaves Rookie; the evaluation just has no author.
    assert network.evaluation_count == 2
    assert network.score_average == 3.0
    assert Evaluation.objects.filter(member__isnull=True).count() == 1


def test_it_deletes_a_network_with_its_evaluations(alice, network, criteria):
    evaluate(alice, network, [5, 5, 5, 5, 5])
    network.delete()
    assert not Network.objects.exists()
    assert not Evaluation.objects.exists()
    assert not CriterionStats.objects.exists()


def test_it_keeps_other_networks_out_of_the_averages(alice, network, criteria):
    other = NetworkFactory()
    evaluate(alice, network, [5, 5, 5, 5, 5])
    evaluate(alice, other, [1, 1, 1, 1, 1])
    network.refresh_from_db()
    assert network.score_average == 5.0


def test_it_leaves_updated_at_alone_when_a_network_is_rated(alice, network, criteria):
    before = Network.objects.get(pk=network.pk).updated_at
    evaluate(alice, network, [5, 5, 5, 5, 5])
    assert Network.objects.get(pk=network.pk).updated_at == before


@pytest.mark.parametrize(
    "scores",
    [
        "missing one criterion",
        "an unknown criterion",
        "a score of 0",
        "a score of 6",
        "a score that is not a number",
    ],
)
def test_it_refuses_scores_that_do_not_fit_the_checklist_and_writes_nothing(alice, network, criteria, scores):
    good = {criterion.pk: (3, "") for criterion in criteria}
    bad = {
        "missing one criterion": dict(list(good.items())[:4]),
        "an unknown criterion": {**good, 999_999: (3, "")},
        "a score of 0": {**good, criteria[0].pk: (0, "")},
        "a score of 6": {**good, criteria[0].pk: (6, "")},
        "a score that is not a number": {**good, criteria[0].pk: ("3", "")},
    }[scores]
    with pytest.raises(EvaluationError):
        evaluation_save(member=alice, network=network, scores=bad)
    assert not Evaluation.objects.exists()
    assert not Score.objects.exists()


def test_it_recomputes_to_the_same_values(alice, charlie, network, criteria):
    evaluate(alice, network, [5, 2, 3, 4, 1])
    evaluate(charlie, network, [2, 2, 5, 4, 4])
    before = _stats(network)
    network_stats_refresh(network_id=network.pk)
    assert _stats(network) == before


# Any sequence of evaluations, re-evaluations and deletions leaves the denormalised numbers equal
# to what the remaining scores say.
ACTIONS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3),  # which member
        st.one_of(st.none(), st.lists(st.integers(min_value=1, max_value=5), min_size=5, max_size=5)),  # None = delete
    ),
    max_size=12,
)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_it_matches_the_scores_after_any_sequence_of_changes(criteria, actions):
    network = NetworkFactory()
    members = [UserFactory() for _ in range(4)]
    expected = {}
    for who, scores in actions:
        member = members[who]
        if scores is None:
            evaluation = Evaluation.objects.filter(member=member, network=network).first()
            if evaluation:
                evaluation_delete(evaluation=evaluation)
            expected.pop(who, None)
        else:
            evaluate(member, network, scores)
            expected[who] = scores
    network.refresh_from_db()
    assert network.evaluation_count == len(expected)
    stats = _stats(network)
    averages = []
    for position, criterion in enumerate(criteria):
        column = [scores[position] for scores in expected.values()]
        if column:
            averages.append(sum(column) / len(column))
            assert stats[criterion.key] == (len(column), pytest.approx(sum(column) / len(column)))
        elif criterion.key in stats:
            assert stats[criterion.key] == (0, None)
    if averages:
        assert network.score_average == pytest.approx(sum(averages) / len(averages))
    else:
        assert network.score_average is None
