"""Answers to suggested networks: when an editor approves or hides a network a member suggested,
that member is told, with the editor's reason (Network.review_reason).

`suggestion_answers_record` is called by the admin after a status change (the change form and the
bulk actions). It writes one SuggestionAnswer per network and status, so saving the network again,
or a second editor approving it at the same moment, tells nobody twice; approved and later hidden
is two answers. Once the transaction commits it sends `suggestion_answered` with the new answers.

Networks know nothing of members' e-mail or their overview (pyproject.toml's import-linter
contracts): accounts listens to the signal and sends the e-mail, and shows the open answers on the
member's overview through `open_answers_for` and `suggestion_answer_dismiss`
(accounts/network_answers.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from networks.models import ANSWERED, Network, SuggestionAnswer
from networks.signals import suggesters_answered

# Sent (sender=SuggestionAnswer, answers=[…]) after the transaction that wrote the answers commits.
suggestion_answered = Signal()

# Open notices shown at once on the overview; older ones wait until these are dismissed.
OPEN_SHOWN = 5


def suggestion_answers_record(*, network_ids: Iterable[int]) -> list[SuggestionAnswer]:
    """Answer the suggesters of those of `network_ids` that a member suggested and that are now
    approved or hidden, unless they already have this answer; returns the new answers.

    The networks' rows are locked first (SQLite takes its write lock at BEGIN), so two editors
    answering at once queue and the second finds the first one's answer.
    """
    ids = sorted(set(network_ids))
    if not ids:
        return []
    with transaction.atomic():
        networks = list(
            Network.objects.select_for_update()
            .filter(pk__in=ids, submitted_by__isnull=False, status__in=ANSWERED)
            .only("pk", "status", "submitted_by", "review_reason")
            .order_by("pk")
        )
        answered = set(SuggestionAnswer.objects.filter(network__in=networks).values_list("network_id", "status"))
        new = SuggestionAnswer.objects.bulk_create(
            [
                SuggestionAnswer(
                    network_id=network.pk,
                    member_id=network.submitted_by_id,
                    status=network.status,
                    reason=network.review_reason,
                )
                for network in networks
                if network.submitted_by_id is not None and (network.pk, network.status) not in answered
            ]
        )
        if new:
            members = [answer.member_id for answer in new]
            suggesters_answered(members)
            transaction.on_commit(lambda: suggestion_answered.send(sender=SuggestionAnswer, answers=new))
    return new


# Written out: the ORM's select_related built and filled a whole Network per answer for the two
# columns the notice shows, about 1 ms of CPU on every member's overview, which mostly has none.
# Served by the index networks_answer_open (member_id, dismissed_at, created_at DESC).
OPEN_ANSWERS_SQL = """
SELECT a.id, a.status, a.reason, a.created_at, a.member_id, a.network_id,
       n.name AS network_name, n.slug AS network_slug
FROM networks_suggestionanswer a
JOIN networks_network n ON n.id = a.network_id
WHERE a.member_id = %s AND a.dismissed_at IS NULL
ORDER BY a.created_at DESC, a.id DESC
LIMIT %s
"""


def open_answers_for(member: Any) -> list[SuggestionAnswer]:
    """The member's answers they have not dismissed, newest first, in one query. Each carries its
    network's `network_name` and `network_slug` (the notice's words and link)."""
    return list(SuggestionAnswer.objects.raw(OPEN_ANSWERS_SQL, [member.pk, OPEN_SHOWN]))


def suggestion_answer_dismiss(*, member: Any, answer_id: int) -> bool:
    """Close the member's own notice; False when it is not theirs (or not there)."""
    closed = SuggestionAnswer.objects.filter(pk=answer_id, member=member, dismissed_at__isnull=True).update(
        dismissed_at=timezone.now()
    )
    exists = closed or SuggestionAnswer.objects.filter(pk=answer_id, member=member).exists()
    if closed:
        suggesters_answered([member.pk])
    return bool(exists)
