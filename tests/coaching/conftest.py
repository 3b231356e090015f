"""Coaching fixtures: alice's coaches in every state, and one of each of her objects.

- bob: alice's coach with the PROGRESS scope (goals, follow-up statistics, networks).
- fiona: alice's coach with the FULL scope ("progress and contacts").
- rita: a coach whose grant alice revoked: sees nothing any more (404).
- dave: a coach alice never shared with (404).
- charlie: a member and a stranger (403 on coach pages: wrong role; 404 on alice's objects).
- ivan: a coach alice invited, who has not answered yet (the invitation URLs).
"""

import pytest

from accounts.models import GrantScope, GrantStatus
from tests.coaching.factories import (
    CommentFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    GrantFactory,
    InteractionFactory,
    SuggestionFactory,
)
from tests.factories import CoachFactory


@pytest.fixture
def fiona(db):
    return CoachFactory(email="fiona@example.com", display_name="Fiona Fagerlund", preferred_language="fi")


@pytest.fixture
def rita(db):
    return CoachFactory(email="rita@example.com", display_name="Rita Rask")


@pytest.fixture
def dave(db):
    return CoachFactory(email="dave@example.com", display_name="Dave Dahl")


@pytest.fixture
def ivan(db):
    return CoachFactory(email="ivan@example.com", display_name="Ivan Isaksen")


@pytest.fixture
def bob_grant(alice, bob):
    return GrantFactory(member=alice, coach=bob, scope=GrantScope.PROGRESS)


@pytest.fixture
def fiona_grant(alice, fiona):
    return GrantFactory(member=alice, coach=fiona, scope=GrantScope.FULL)


@pytest.fixture
def rita_grant(alice, rita):
    return GrantFactory(member=alice, coach=rita, scope=GrantScope.FULL, status=GrantStatus.REVOKED)


@pytest.fixture
def ivan_invitation(alice, ivan):
    return GrantFactory(member=alice, coach=ivan, scope=GrantScope.PROGRESS, status=GrantStatus.AWAITING_COACH)


@pytest.fixture
def alice_goal(alice):
    return GoalFactory(owner=alice, title="Alice secret goal")


@pytest.fixture
def alice_contact(alice):
    return ContactFactory(owner=alice, name="Åsa Hemligsson")


@pytest.fixture
def alice_interaction(alice_contact):
    return InteractionFactory(contact=alice_contact, notes="Private fika notes")


@pytest.fixture
def alice_follow_up(alice, alice_contact):
    return FollowUpFactory(owner=alice, contact=alice_contact, title="Private follow-up")


@pytest.fixture
def alice_event(alice):
    return EventFactory(owner=alice, name="Private event")


@pytest.fixture
def bob_comment(alice, bob, bob_grant):
    return CommentFactory(member=alice, coach=bob, body="Keep going!")


@pytest.fixture
def bob_suggestion(alice, bob, bob_grant):
    return SuggestionFactory(member=alice, coach=bob, title="Two informational interviews")


@pytest.fixture
def coaching_world(
    alice,
    bob_grant,
    fiona_grant,
    rita_grant,
    ivan_invitation,
    dave,
    charlie,
    alice_goal,
    alice_contact,
    alice_interaction,
    alice_follow_up,
    alice_event,
    bob_comment,
    bob_suggestion,
):
    """Everything the access matrix needs, by name."""
    return {
        "alice": alice,
        "bob": bob_grant.coach,
        "fiona": fiona_grant.coach,
        "rita": rita_grant.coach,
        "dave": dave,
        "charlie": charlie,
        "bob_grant": bob_grant,
        "fiona_grant": fiona_grant,
        "ivan_invitation": ivan_invitation,
        "goal": alice_goal,
        "contact": alice_contact,
        "interaction": alice_interaction,
        "follow_up": alice_follow_up,
        "event": alice_event,
        "comment": bob_comment,
        "suggestion": bob_suggestion,
    }
