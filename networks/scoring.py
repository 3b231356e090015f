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

from django.db import connection
from django.db.models import Expression, ExpressionWrapper, F, FloatField
from django.db.models.expressions import RawSQL

from networks.models import DEFAULT_WEIGHT, Priority

Weights = dict[int, int]


class _CriterionAverage(Protocol):
    criterion_id: int
    average: float | None


def weights_for(user: Any) -> Weights:
    """{criterion_id: weight} for the member's priorities ({} if none, or anonymous). One query."""
    if not user.is_authenticated:
        return {}
    # Written out: on a member's catalogue, compiling the ORM's query took longer than running it.
    with connection.cursor() as cursor:
        cursor.execute(_WEIGHTS_SQL, [user.pk])
        return dict(cursor.fetchall())


_WEIGHTS_SQL = f'SELECT "criterion_id", "weight" FROM "{Priority._meta.db_table}" WHERE "member_id" = %s'  # noqa: S608


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


def _average_sql(column: str, vendor: str) -> tuple[str, str, str]:
    """SQL for (the criterion's average, whether the network has one, the key's form as a
    parameter): PostgreSQL reads jsonb with its operators, SQLite (the tests) with its functions."""
    if vendor == "postgresql":
        return f"({column} ->> %s)", f"{column} ? %s", "{key}"
    return f"JSON_EXTRACT({column}, %s)", f"JSON_TYPE({column}, %s) IS NOT NULL", '$."{key}"'


_FLOAT = "DOUBLE PRECISION"


def fit_sql(weights: Weights, table: str = "networks_network", vendor: str = "postgresql") -> tuple[str, list[Any]]:
    """The fit for these (personal) weights as SQL over `table`'s columns, with its parameters.

    Written out rather than composed from ORM expressions: compiling those cost more than the
    database takes to rank every network. Floating point throughout (constants too): PostgreSQL
    computes an integer or numeric operand slowly, and casts a numeric CASE to float per row."""
    column = f'"{table}".'
    rated = f'CAST({column}"rated_criteria" AS {_FLOAT})'
    average, has_average, key_form = _average_sql(f'{column}"criterion_averages"', vendor)
    numerator = [f'{column}"score_average" * {rated} * CAST(%s AS {_FLOAT})']
    denominator = [f"{rated} * CAST(%s AS {_FLOAT})"]
    numerator_params: list[Any] = [float(DEFAULT_WEIGHT)]
    denominator_params: list[Any] = [float(DEFAULT_WEIGHT)]
    for criterion_id, weight in sorted(_effective(weights).items()):
        delta = float(weight) - DEFAULT_WEIGHT
        if not delta:
            continue
        key = key_form.format(key=average_key(criterion_id))
        numerator.append(f"COALESCE(CAST(%s AS {_FLOAT}) * CAST({average} AS {_FLOAT}), CAST(0 AS {_FLOAT}))")
        numerator_params += [delta, key]
        denominator.append(f"CASE WHEN {has_average} THEN CAST(%s AS {_FLOAT}) ELSE CAST(0 AS {_FLOAT}) END")
        denominator_params += [key, delta]
    sql = f"(({' + '.join(numerator)}) / NULLIF({' + '.join(denominator)}, CAST(0 AS {_FLOAT})))"
    return sql, numerator_params + denominator_params


def fit_expression(weights: Weights) -> Expression:
    """An expression giving each network's fit for these weights, for annotate() and order_by()."""
    if not is_personal(weights):
        # Equal weights: the overall score, which the catalogue's index is sorted by.
        return ExpressionWrapper(F("score_average"), output_field=FloatField())
    sql, params = fit_sql(weights, vendor=connection.vendor)
    return RawSQL(sql, params, output_field=FloatField())  # noqa: S611 (our SQL; every value a parameter)
