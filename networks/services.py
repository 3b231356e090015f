"""Writes that touch several models: an evaluation, its scores and the network's aggregates; a
member's suggested network, within the member's cap.

Concurrency: every write locks the network row first (SELECT ... FOR UPDATE on PostgreSQL; SQLite
takes its write lock at BEGIN), then recomputes the aggregates from the Score rows. Two members
evaluating the same network at once therefore queue, and the second recompute sees the first
one's committed scores: no lost update, and no drift, because nothing is incremented blindly.
A suggestion locks the member's row instead, then counts, then writes (suggestion_save).
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum

from networks.forms import unique_slug
from networks.models import SCORE_MAX, SCORE_MIN, Criterion, CriterionStats, Evaluation, Network, Score
from networks.scoring import average_key

# settings.AUTH_USER_MODEL: networks refers to members without importing the accounts app.
Member: TypeAlias = Any


class EvaluationError(ValueError):
    """The scores do not cover exactly the checklist's criteria, or one is out of range."""


def _lock_network(network_id: int) -> bool:
    """Lock the network row for the rest of the transaction; False if it no longer exists."""
    return Network.objects.select_for_update().filter(pk=network_id).values_list("pk", flat=True).first() is not None


def criterion_stats(
    network_id: int, criterion_ids: Iterable[int], sums: Mapping[int, tuple[int, int]]
) -> tuple[list[CriterionStats], float | None]:
    """A network's unsaved CriterionStats rows and its overall average (the mean of the criteria's
    averages), from `sums`: {criterion_id: (number of scores, their sum)}. The one place that does
    this arithmetic (the benchmark data generator uses it too)."""
    stats = []
    for criterion_id in criterion_ids:
        count, total = sums.get(criterion_id, (0, 0))
        stats.append(
            CriterionStats(
                network_id=network_id,
                criterion_id=criterion_id,
                score_count=count,
                score_sum=total,
                average=total / count if count else None,
            )
        )
    averages = [row.average for row in stats if row.average is not None]
    return stats, (sum(averages) / len(averages) if averages else None)


def network_aggregates(stats: Iterable[CriterionStats]) -> dict[str, Any]:
    """Network's aggregate columns that follow from its CriterionStats rows (see criterion_stats):
    the overall average, and the per-criterion averages that "fit for me" is computed from."""
    averages = {average_key(row.criterion_id): row.average for row in stats if row.average is not None}
    return {
        "score_average": sum(averages.values()) / len(averages) if averages else None,
        "criterion_averages": averages,
        "rated_criteria": len(averages),
    }


def network_stats_refresh(*, network_id: int) -> None:
    """Recompute a network's per-criterion and overall aggregates from its scores.

    Must run inside the transaction that changed the scores (it locks the network row).
    """
    if not _lock_network(network_id):
        return
    rows = (
        Score.objects.filter(evaluation__network_id=network_id)
        .values("criterion_id")
        .annotate(n=Count("id"), total=Sum("score"))
        .order_by()
    )
    by_criterion = {row["criterion_id"]: (row["n"], row["total"]) for row in rows}
    stats, _score_average = criterion_stats(network_id, Criterion.objects.values_list("pk", flat=True), by_criterion)
    CriterionStats.objects.bulk_create(
        stats,
        update_conflicts=True,
        unique_fields=["network", "criterion"],
        update_fields=["score_count", "score_sum", "average"],
    )
    # update(), not save(): a new rating is not an edit of the network, so updated_at stays.
    Network.objects.filter(pk=network_id).update(
        evaluation_count=Evaluation.objects.filter(network_id=network_id).count(),
        **network_aggregates(stats),
    )


def evaluation_save(
    *, member: Member, network: Network, scores: Mapping[int, tuple[int, str]], comment: str = ""
) -> tuple[Evaluation, bool]:
    """Create or update `member`'s evaluation of `network`; returns (evaluation, created).

    `scores` maps every criterion's pk to (score, note). Raises EvaluationError if it does not; the
    database constraints (one evaluation per member and network, score 1–5) are the last line.
    """
    criterion_ids = set(Criterion.objects.values_list("pk", flat=True))
    if set(scores) != criterion_ids:
        raise EvaluationError("scores must cover exactly the checklist's criteria")
    for score, _note in scores.values():
        if not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
            raise EvaluationError(f"score out of range: {score!r}")
    with transaction.atomic():
        # Lock first: a double submission, or two tabs, then queue here and the second one finds
        # the first one's row and updates it instead of failing on the unique constraint.
        if not _lock_network(network.pk):
            raise Network.DoesNotExist
        evaluation, created = Evaluation.objects.update_or_create(
            member=member, network=network, defaults={"comment": comment}
        )
        Score.objects.bulk_create(
            [
                Score(evaluation=evaluation, criterion_id=criterion_id, score=score, note=note)
                for criterion_id, (score, note) in sorted(scores.items())
            ],
            update_conflicts=True,
            unique_fields=["evaluation", "criterion"],
            update_fields=["score", "note"],
        )
        network_stats_refresh(network_id=network.pk)
    return evaluation, created


def evaluation_delete(*, evaluation: Evaluation) -> None:
    """Delete an evaluation; the post_delete signal (networks.signals) refreshes the aggregates."""
    with transaction.atomic():
        _lock_network(evaluation.network_id)
        evaluation.delete()


# --- Suggested networks ---------------------------------------------------------------------------

MAX_PENDING_SUGGESTIONS = 10  # per member, so one account cannot flood the editors' queue


class SuggestionRefused(Exception):
    """The suggestion was not saved; `reason` says why, `count` is the member's pending suggestions."""

    TOO_MANY, DUPLICATE_NAME, NO_FREE_SLUG = "too_many", "duplicate_name", "no_free_slug"

    def __init__(self, reason: str, count: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.count = count


def pending_suggestion_count(member: Member) -> int:
    return Network.objects.filter(submitted_by=member, status=Network.Status.PENDING).count()


def suggestion_save(*, member: Member, network: Network) -> Network:
    """Save `network` (unsaved, from the suggestion form) as `member`'s pending suggestion.

    The member's row is locked before counting, so simultaneous suggestions queue and each one
    counts those saved before it: never more than MAX_PENDING_SUGGESTIONS pending. The name is
    checked again under the lock (a double submission), and a taken slug is picked again.
    Raises SuggestionRefused, having written nothing.
    """
    with transaction.atomic():
        get_user_model().objects.select_for_update().only("pk").get(pk=member.pk)
        pending = pending_suggestion_count(member)
        if pending >= MAX_PENDING_SUGGESTIONS:
            raise SuggestionRefused(SuggestionRefused.TOO_MANY, pending)
        if Network.objects.filter(name__iexact=network.name).exists():
            raise SuggestionRefused(SuggestionRefused.DUPLICATE_NAME, pending)
        network.status = Network.Status.PENDING
        network.submitted_by = member
        for _attempt in range(3):
            network.slug = unique_slug(network.name)
            try:
                with transaction.atomic():
                    network.save()
                return network
            except IntegrityError:
                if not Network.objects.filter(slug=network.slug).exists():
                    raise  # not the slug: a bug, not a race
                # Someone took the same slug between our look-up and the insert; pick again.
                network.pk = None
        raise SuggestionRefused(SuggestionRefused.NO_FREE_SLUG, pending)
