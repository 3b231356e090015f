"""The demo seed (idempotent, two clients that look alive) and the database rules behind the forms."""

import io

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.coaching import demo as coaching_demo
from accounts.coaching import queries
from accounts.models import (
    CoachComment,
    CoachGrant,
    Contact,
    FollowUp,
    Goal,
    GoalSuggestion,
    GrantScope,
    GrantStatus,
    Interaction,
    SuggestionStatus,
)
from tests.factories import CoachFactory, GrantFactory, UserFactory

pytestmark = pytest.mark.django_db

COUNTED = (CoachGrant, CoachComment, GoalSuggestion, Goal, Contact, Interaction, FollowUp)


@pytest.fixture
def demo_users(db):
    return {
        "member": UserFactory(email="member@demo.rookie.test", preferred_language="sv"),
        "coach": CoachFactory(email="coach@demo.rookie.test"),
        "editor": UserFactory(email="editor@demo.rookie.test", role="editor"),
        "client": UserFactory(email="client2@demo.rookie.test", preferred_language="da"),
    }


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_it_seeds_a_coach_with_two_clients_and_changes_nothing_the_second_time(demo_users):
    coaching_demo.seed(users=demo_users, stdout=io.StringIO())
    first = _counts()
    coaching_demo.seed(users=demo_users, stdout=io.StringIO())
    assert _counts() == first

    coach = demo_users["coach"]
    grants = {grant.member.email: grant for grant in CoachGrant.objects.filter(coach=coach)}
    assert grants["member@demo.rookie.test"].scope == GrantScope.FULL
    assert grants["client2@demo.rookie.test"].scope == GrantScope.PROGRESS
    assert all(grant.status == GrantStatus.ACTIVE for grant in grants.values())
    summaries = {summary.member.email: summary for summary in queries.clients_for_coach(coach)}
    client = summaries["client2@demo.rookie.test"]
    assert client.goal_count == 3
    assert client.recent_interactions >= 5
    assert client.overdue == 1
    stats = queries.follow_up_stats([client.member.pk], now=timezone.now())[client.member.pk]
    assert (stats.on_time_recent, stats.done_recent, stats.snoozed_on_time_recent) == (2, 3, 1)
    assert GoalSuggestion.objects.filter(member=demo_users["member"], status=SuggestionStatus.PENDING).exists()
    assert CoachComment.objects.filter(member=demo_users["member"], author=demo_users["member"]).exists()
    # Written in each client's language.
    assert GoalSuggestion.objects.get(member=demo_users["client"]).title == coaching_demo.TEXTS["da"]["suggestion"]


def test_it_leaves_a_revoked_demo_grant_revoked(demo_users):
    coaching_demo.seed(users=demo_users, stdout=io.StringIO())
    grant = CoachGrant.objects.get(member=demo_users["client"])
    grant.status, grant.ended_at = GrantStatus.REVOKED, timezone.now()
    grant.save(update_fields=["status", "ended_at"])
    coaching_demo.seed(users=demo_users, stdout=io.StringIO())
    assert CoachGrant.objects.filter(member=demo_users["client"]).count() == 1
    grant.refresh_from_db()
    assert grant.status == GrantStatus.REVOKED


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_has_every_demo_text_in_every_language(language):
    assert coaching_demo.TEXTS[language].keys() == coaching_demo.TEXTS["en"].keys()
    assert all(text.strip() for text in coaching_demo.TEXTS[language].values())


# --- Database rules ------------------------------------------------------------------------------


def _violates(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        CoachGrant.objects.create(**fields)


def test_it_allows_one_open_grant_per_pair_in_the_database(alice, bob):
    GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_COACH)
    _violates(member=alice, coach=bob, status=GrantStatus.ACTIVE, accepted_at=timezone.now())
    _violates(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER)
    # Ended grants are history and do not count.
    GrantFactory(member=alice, coach=bob, status=GrantStatus.REVOKED)
    GrantFactory(member=alice, coach=bob, status=GrantStatus.DECLINED)
    assert CoachGrant.objects.filter(member=alice, coach=bob).count() == 3


def test_it_refuses_impossible_grants_in_the_database(alice, bob):
    _violates(member=alice, coach=bob, status="maybe")
    _violates(member=alice, coach=bob, status=GrantStatus.ACTIVE, scope="everything", accepted_at=timezone.now())
    _violates(member=alice, coach=alice, status=GrantStatus.AWAITING_COACH)
    _violates(member=alice, coach=bob, status=GrantStatus.ACTIVE)  # active without an accepted time
    _violates(member=alice, coach=bob, status=GrantStatus.REVOKED)  # ended without an end time
    assert not CoachGrant.objects.exists()


def test_it_refuses_impossible_suggestions_in_the_database(alice, bob):
    for fields in (
        {"status": "pending", "decided_at": timezone.now()},
        {"status": "accepted"},
        {"status": "unknown"},
        {"target": 0},
        {"kind": "fishing"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            GoalSuggestion.objects.create(**{"member": alice, "coach": bob, "title": "x", "target": 1, **fields})
    assert not GoalSuggestion.objects.exists()
