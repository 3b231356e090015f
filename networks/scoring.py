""" "Fit for me": the weighted average of a network's per-criterion averages.

    fit = Σ weight(c) · average(c) / Σ weight(c)     over the criteria the network has scores for

weight(c) is the member's Priority for c (0–5), DEFAULT_WEIGHT where they set none. With equal
weights the fit is the network's overall score (Network.score_average), so anonymous visitors and
members without priorities see the same number under both names. All weights 0 means "nothing
matters more than anything else": treated as equal.

Sorting the catalogue by fit has to rank the whole filtered set, not one page, so the fit is a
correlated subquery over CriterionStats annotated in SQL (the weights are constants in a CASE);
the database sorts and paginates, and the page costs the same number of queries at any size.
Detail and compare pages, which already hold the stats rows, compute it in Python (fit_from_stats).
"""

from collections.abc import Iterable
from typing import Any, Protocol

from django.db.models import Case, F, FloatField, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import NullIf

from networks.models import DEFAULT_WEIGHT, CriterionStats, Priority

Weights = dict[int, int]


class _CriterionAverage(Protocol):
    criterion_id: int
    average: float | None


def weights_for(user: Any) -> Weights:
    """{criterion_id: weight} for the member's priorities ({} if none, or anonymous). One query."""
    if not user.is_authenticated:
        return {}
    return dict(Priority.objects.filter(member=user).values_list("criterion_id", "weight"))


def _effective(weights: Weights) -> Weights:
    if weights and not any(weights.values()):
        return {}
    return weights


def weight_of(weights: Weights, criterion_id: int) -> int:
    weights = _effective(weights)
    return weights.get(criterion_id, DEFAULT_WEIGHT) if weights else DEFAULT_WEIGHT


def fit_from_stats(stats: Iterable[_CriterionAverage], weights: Weights) -> float | None:
    """The fit from a network's CriterionStats rows (any iterable with criterion_id and average)."""
    numerator = denominator = 0.0
    for row in stats:
        if row.average is None:
            continue
        weight = weight_of(weights, row.criterion_id)
        numerator += weight * row.average
        denominator += weight
    return numerator / denominator if denominator else None


def fit_expression(weights: Weights) -> Subquery:
    """A Subquery giving each network's fit for these weights, for annotate() and order_by()."""
    weights = _effective(weights)
    weight = Case(
        *[When(criterion_id=criterion_id, then=Value(float(w))) for criterion_id, w in weights.items()],
        default=Value(float(DEFAULT_WEIGHT)),
        output_field=FloatField(),
    )
    per_network = (
        CriterionStats.objects.filter(network=OuterRef("pk"), score_count__gt=0)
        .order_by()
        .values("network")
        .annotate(
            fit=Sum(weight * F("average"), output_field=FloatField())
            / NullIf(Sum(weight, output_field=FloatField()), Value(0.0)),
        )
        .values("fit")
    )
    return Subquery(per_network, output_field=FloatField())
