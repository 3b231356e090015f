"""Answers to suggested networks: what the member who suggested one is told when an editor approves
or hides it (networks/answers.py writes them; the member sees them on their overview and by e-mail)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.models.catalogue import Network

ANSWERED = (Network.Status.APPROVED, Network.Status.HIDDEN)


class SuggestionAnswer(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="answers")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_answers")
    # The status the network was given: approved or hidden.
    status = models.CharField(_("answer"), max_length=10, choices=[(s.value, s.label) for s in ANSWERED])
    # The editor's reason as it was when the answer was given (Network.review_reason may change later).
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)
    # When the member closed the notice on their overview; the answer stays for the record.
    dismissed_at = models.DateTimeField(_("dismissed"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer to a suggested network")
        verbose_name_plural = _("answers to suggested networks")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One answer per network and status: saving an approved network again tells nobody twice.
            models.UniqueConstraint(fields=["network", "status"], name="networks_suggestionanswer_once_per_status"),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in ANSWERED]), name="networks_suggestionanswer_status_valid"
            ),
        ]
        indexes = [
            # The member's overview: their answers not yet dismissed, newest first.
            models.Index(fields=["member", "dismissed_at", "-created_at"], name="networks_answer_open"),
        ]

    def __str__(self):
        return f"{self.network} ({self.status})"
