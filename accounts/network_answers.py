"""The member's side of answers to the networks they suggested (networks/answers.py): a notice on
their overview until they close it, and an e-mail in their language that they can turn off with one
click (accounts/mail_preferences.py: NETWORK_ANSWERS).

Networks may not import accounts' parts, so networks sends `suggestion_answered` and this module
listens; the notice is one of the overview's boxes (accounts/tracker/dashboard_panels.py). Both are
set up by `connect()`, called once from AccountsConfig.ready (accounts/apps.py).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.urls import reverse

from accounts.mail_preferences import NETWORK_ANSWERS, send_member_mail
from accounts.models import User
from accounts.tracker import dashboard_panels
from networks.answers import open_answers_for, suggestion_answered
from networks.models import Network, SuggestionAnswer

logger = logging.getLogger(__name__)

TEMPLATE = "email/network_suggestion_answer"


def send_answer(answer: SuggestionAnswer) -> bool:
    """E-mail one answer to its member; False when they turned these e-mails off."""
    member = answer.member

    def build() -> dict[str, Any]:
        # In the member's language: the links carry its prefix. A hidden network has no page of its own.
        approved = answer.status == Network.Status.APPROVED
        path = reverse("networks:detail", args=[answer.network.slug]) if approved else reverse("networks:list")
        return {
            "recipient": member,
            "answer": answer,
            "network": answer.network,
            "approved": approved,
            "url": settings.SITE_URL + path,
        }

    return send_member_mail(recipient=member, kind=NETWORK_ANSWERS, template=TEMPLATE, context=build)


def _answered(sender: type, answers: Sequence[SuggestionAnswer], **kwargs: Any) -> None:
    # After the commit (networks/answers.py): a mail server that is down loses the e-mail, not the
    # editor's change; the notice on the overview is there either way.
    loaded = SuggestionAnswer.objects.filter(pk__in=[answer.pk for answer in answers]).select_related(
        "member", "network"
    )
    for answer in loaded:
        try:
            send_answer(answer)
        except Exception:
            logger.exception("E-mail about the answer to suggested network %s failed", answer.network_id)


def answers_panel_context(user: User) -> Mapping[str, Any] | None:
    answers = open_answers_for(user)
    return {"network_answers": answers} if answers else None


PANEL = dashboard_panels.DashboardPanel(
    name="network_answers",
    template="networks/partials/suggestion_answers.html",
    context=answers_panel_context,
    placement=dashboard_panels.TOP,
)
DISPATCH_UID = "accounts_network_answers_mail"


def connect() -> None:
    """Listen for answers and show them on the overview; a second call changes nothing."""
    suggestion_answered.connect(_answered, sender=SuggestionAnswer, dispatch_uid=DISPATCH_UID)
    dashboard_panels.register(PANEL)
