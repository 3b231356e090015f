""" "Fit for me": the weighted average of a network's per-criterion averages.

    fit = Σ weight(c) · average(c) / Σ weight(c)     over the criteria the network has scores for

weight(c) is the member's Priority for c (0–5), DEFAULT_WEIGHT where they set none. With equal
weights the fit is the network's overall score (Network.score_average), so anonymous visitors and
members without priorities see the same number under both names. All weights 0 means "nothing
matters more than anything else": treated as equal.

Sorting the catalogue by fit has to rank the whole filtered set, not one page, so the fit is an
expression over the network's own columns, annotated in SQL: rated_criteria and
criterion_averages (written with score_average by networks.services), with the weights as
constants. Writing w(c) = DEFAULT_WEIGHT + d(c), where d(c) is non-zero only for the member's
priorities,

    fit = (DEFAULT_WEIGHT · score_average · rated_criteria + Σ d(c) · average(c))
          / (DEFAULT_WEIGHT · rated_criteria + Σ d(c) · [c is rated])

so the sums run over the member's few priorities, not over every criterion; the database sorts
and paginates, and the page costs the same number of queries at any size. Detail and compare
pages, which already hold the stats rows, compute it in Python (fit_from_stats).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import Case, Expression, ExpressionWrapper, F, FloatField, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, NullIf

from networks.models import DEFAULT_WEIGHT, Priority

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


@dataclass
class _Average:
    criterion_id: int
    average: float | None


def fit_from_averages(averages: dict[str, float], weights: Weights) -> float | None:
    """The fit from a Network's criterion_averages (what fit_expression computes in SQL)."""
    return fit_from_stats((_Average(int(key.removeprefix("c")), value) for key, value in averages.items()), weights)


def average_key(criterion_id: int) -> str:
    """The criterion's key in Network.criterion_averages. Not the bare number: Django reads a
    numeric key as an index into a JSON array."""
    return f"c{criterion_id}"


def is_personal(weights: Weights) -> bool:
    """Whether these weights rank networks otherwise than the overall score does."""
    return any(weight != DEFAULT_WEIGHT for weight in _effective(weights).values())


def fit_expression(weights: Weights) -> Expression:
    """An expression giving each network's fit for these weights, for annotate() and order_by()."""
    if not is_personal(weights):
        # Equal weights: the overall score, which the catalogue's index is sorted by.
        return ExpressionWrapper(F("score_average"), output_field=FloatField())
    default = float(DEFAULT_WEIGHT)
    # Floating point throughout: PostgreSQL computes an integer column times 3.0 in numeric, slowly.
    rated = Cast(F("rated_criteria"), FloatField())
    numerator: Expression = F("score_average") * rated * Value(default)
    denominator: Expression = rated * Value(default)
    for criterion_id, weight in sorted(_effective(weights).items()):
        delta = float(weight) - default
        if not delta:
            continue
        key = average_key(criterion_id)
        average = Cast(KT(f"criterion_averages__{key}"), FloatField())
        numerator += Coalesce(Value(delta) * average, Value(0.0))
        denominator += Case(
            When(criterion_averages__has_key=key, then=Value(delta)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return ExpressionWrapper(numerator / NullIf(denominator, Value(0.0)), output_field=FloatField())
