"""Tracker fixtures: alice's objects, one of each kind, for access and behaviour tests."""

import pytest

from tests.tracker.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory


@pytest.fixture
def alice_event(alice):
    return EventFactory(owner=alice)


@pytest.fixture
def alice_goal(alice):
    return GoalFactory(owner=alice)


@pytest.fixture
def alice_contact(alice):
    return ContactFactory(owner=alice, name="Åsa Ödegård", keep_in_touch_days=30)


@pytest.fixture
def alice_interaction(alice_contact):
    return InteractionFactory(contact=alice_contact)


@pytest.fixture
def alice_follow_up(alice, alice_contact):
    return FollowUpFactory(owner=alice, contact=alice_contact)


@pytest.fixture
def alice_objects(alice_event, alice_goal, alice_contact, alice_interaction, alice_follow_up):
    return {
        "event": alice_event,
        "goal": alice_goal,
        "contact": alice_contact,
        "interaction": alice_interaction,
        "follow_up": alice_follow_up,
    }
