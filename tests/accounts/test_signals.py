"""accounts/signals.py, connected once by AccountsConfig.ready: which writes make whose cached pages
stale (rookie/lib/pagecache.py)."""

import pytest
from django.db.models.signals import post_save

from accounts import signals
from accounts.models import Goal, User
from tests.factories import GoalFactory, GrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bumped(monkeypatch):
    calls = []
    monkeypatch.setattr(signals.pagecache, "bump_members", lambda ids: calls.append(set(ids)))
    return calls


def test_it_is_connected_once_however_often_connect_runs():
    before = len(post_save._live_receivers(Goal)[0])
    signals.connect()
    signals.connect()
    assert len(post_save._live_receivers(Goal)[0]) == before


def test_a_goal_change_makes_its_owners_and_their_coachs_pages_stale(alice, bob, bumped):
    GrantFactory(member=alice, coach=bob)
    bumped.clear()
    GoalFactory(owner=alice)
    assert bumped == [{alice.pk, bob.pk}]


def test_a_log_in_makes_no_page_stale(alice, bumped):
    alice.save(update_fields=["last_login"])
    assert bumped == []
    User.objects.get(pk=alice.pk).save(update_fields=["display_name"])
    assert bumped == [{alice.pk}]
