"""Members' evaluations of networks against the checklist, and the per-network aggregates.

Write evaluations through networks.services (evaluation_save, evaluation_delete): they keep
CriterionStats and Network's aggregate columns right in the same transaction.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models.catalogue import Criterion, Network

SCORE_MIN = 1
SCORE_MAX = 5


class Evaluation(models.Model):
    """One member's judgement of one network; a second evaluation updates this row in place."""

    # Empty once the member deletes their account: the scores stay (anonymised) so the network's
    # averages do not move (accounts/privacy/deletion.py clears the free texts).
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_evaluations",
    )
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="evaluations")
    comment = models.TextField(
        _("public comment"),
        max_length=2000,
        blank=True,
        help_text=_("Shown on the network's page with your display name."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-updated_at", "-id"]
        constraints = [
            # Also the index for "the member's own evaluation of this network" and "my evaluations".
            models.UniqueConstraint(fields=["member", "network"], name="networks_evaluation_one_per_member"),
        ]
        indexes = [
            # Detail page: a network's latest public comments.
            models.Index(fields=["network", "-updated_at"], name="networks_evaluation_recent"),
        ]

    def __str__(self):
        return f"{self.member} · {self.network}"


class Score(models.Model):
    """A score 1–5 for one criterion of an evaluation, with the member's private note."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    # PROTECT: deleting a criterion would silently change every network's averages.
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            # Also the index that the per-criterion aggregate and the evaluation's scores use.
            models.UniqueConstraint(fields=["evaluation", "criterion"], name="networks_score_one_per_criterion"),
            models.CheckConstraint(
                condition=Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX), name="networks_score_range"
            ),
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"


class CriterionStats(models.Model):
    """Denormalised: how a network scores on one criterion (sum, count and average of the scores).

    Recomputed from the Score rows, with the network row locked, whenever an evaluation of the
    network is written or deleted (networks.services.network_stats_refresh).
    """

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="criterion_stats")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    score_count = models.PositiveIntegerField(default=0)
    score_sum = models.PositiveIntegerField(default=0)
    average = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("criterion average")
        verbose_name_plural = _("criterion averages")
        constraints = [
            # Also the index for the detail page's breakdown and the "fit for me" subquery.
            models.UniqueConstraint(fields=["network", "criterion"], name="networks_criterionstats_one_per_network"),
            # average IS NOT NULL is spelt out: a CHECK whose condition is NULL passes.
            models.CheckConstraint(
                condition=(Q(score_count=0, score_sum=0, average__isnull=True))
                | Q(score_count__gt=0, average__isnull=False, average__gte=SCORE_MIN, average__lte=SCORE_MAX),
                name="networks_criterionstats_consistent",
            ),
        ]

    def __str__(self):
        return f"{self.network_id}/{self.criterion_id}: {self.average}"
