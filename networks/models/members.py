"""A member's own relation to networks: memberships (what they commit) and priorities (what matters)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models.catalogue import Criterion, Currency, Network

MAX_HOURS_PER_MONTH = Decimal("744")  # 31 days of 24 hours: anything above is a typo
WEIGHT_MIN = 0
WEIGHT_MAX = 5
DEFAULT_WEIGHT = 3  # a criterion without a Priority row counts as "matters" (all equal by default)


class MembershipStatus(models.TextChoices):
    CONSIDERING = "considering", _("Considering")
    JOINED = "joined", _("Joined")
    LEFT = "left", _("Left")


class Membership(models.Model):
    Status = MembershipStatus

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships")
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    status = models.CharField(
        _("status"), max_length=11, choices=MembershipStatus.choices, default=MembershipStatus.CONSIDERING
    )
    since = models.DateField(_("since"), null=True, blank=True)
    hours_per_month = models.DecimalField(
        _("hours per month"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HOURS_PER_MONTH)],
        help_text=_("The time you give it: events, preparation, travel."),
    )
    yearly_cost = models.DecimalField(
        _("cost per year"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Fee, tickets and travel over a year."),
    )
    cost_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # Also the index for "my membership of this network" and the My networks page.
            models.UniqueConstraint(fields=["member", "network"], name="networks_membership_one_per_member"),
            models.CheckConstraint(
                condition=Q(status__in=MembershipStatus.values), name="networks_membership_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(hours_per_month__gte=0, hours_per_month__lte=MAX_HOURS_PER_MONTH),
                name="networks_membership_hours_range",
            ),
            models.CheckConstraint(condition=Q(yearly_cost__gte=0), name="networks_membership_cost_not_negative"),
            models.CheckConstraint(
                condition=Q(cost_currency__in=Currency.values), name="networks_membership_currency_valid"
            ),
        ]

    def __str__(self):
        return f"{self.member} · {self.network} ({self.get_status_display()})"


class Priority(models.Model):
    """How much one criterion matters to a member (0 = not at all, 5 = most); weights "fit for me"."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_priorities")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=DEFAULT_WEIGHT, validators=[MinValueValidator(WEIGHT_MIN), MaxValueValidator(WEIGHT_MAX)]
    )

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        constraints = [
            # Also the index for loading a member's weights (one query per page).
            models.UniqueConstraint(fields=["member", "criterion"], name="networks_priority_one_per_criterion"),
            models.CheckConstraint(
                condition=Q(weight__gte=WEIGHT_MIN, weight__lte=WEIGHT_MAX), name="networks_priority_weight_range"
            ),
        ]

    def __str__(self):
        return f"{self.member} · {self.criterion_id}: {self.weight}"
