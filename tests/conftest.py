"""Fixtures and the named test users every app's tests share.

- alice: a member; owns her goals, contacts, follow-ups, evaluations and memberships.
- bob: a career coach; sees alice's progress only once she shares it with him (coaching issue).
- charlie: a member and a stranger to alice; must get 404 on every one of her objects.
"""

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories import TEST_PASSWORD, CoachFactory, UserFactory

LANGUAGES = ["en", "sv", "da", "fi"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters and rendered-HTML caches must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    # Tests that care about a language activate it; the rest start from English.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com", display_name="Alice Andersson", preferred_language="sv")


@pytest.fixture
def bob(db):
    return CoachFactory(email="bob@example.com", display_name="Bob Berg", preferred_language="en")


@pytest.fixture
def charlie(db):
    return UserFactory(email="charlie@example.com", display_name="Charlie Christensen", preferred_language="da")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def charlie_client(client, charlie):
    client.force_login(charlie)
    return client
