"""The open answers a member's overview shows (networks/answers.py: open_answers_for): their own,
not dismissed, newest first, at most OPEN_SHOWN, each with its network's name and slug, in one
query whatever their number."""

import datetime

import pytest
from django.utils import timezone

from networks.answers import OPEN_SHOWN, open_answers_for
from networks.models import Network, SuggestionAnswer
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def _answer(member, network, *, days_ago, dismissed=False):
    answer = SuggestionAnswer.objects.create(network=network, member=member, status=network.status, reason="")
    # created_at is set on insert; moved back afterwards.
    SuggestionAnswer.objects.filter(pk=answer.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
        dismissed_at=timezone.now() if dismissed else None,
    )
    return answer


def test_it_lists_the_members_open_answers_newest_first_in_one_query(alice, charlie, django_assert_num_queries):
    networks = [
        NetworkFactory(name=f"Nätverk {n}", slug=f"natverk-{n}", status=Network.Status.APPROVED, submitted_by=alice)
        for n in range(OPEN_SHOWN + 3)
    ]
    answers = [_answer(alice, network, days_ago=n) for n, network in enumerate(networks[: OPEN_SHOWN + 1])]
    _answer(alice, networks[-2], days_ago=0, dismissed=True)
    _answer(charlie, networks[-1], days_ago=0)

    with django_assert_num_queries(1):
        shown = open_answers_for(alice)
        names = [(answer.network_name, answer.network_slug) for answer in shown]

    assert [answer.pk for answer in shown] == [answer.pk for answer in answers[:OPEN_SHOWN]]
    assert names == [(f"Nätverk {n}", f"natverk-{n}") for n in range(OPEN_SHOWN)]
    assert open_answers_for(charlie)[0].network_slug == networks[-1].slug


def test_it_is_empty_for_a_member_without_answers(alice):
    assert open_answers_for(alice) == []
