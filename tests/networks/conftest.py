"""Fixtures for the networks tests. Named users (alice, bob, charlie) come from tests/conftest.py:
alice evaluates and joins networks; charlie is a stranger who must get 404 on her evaluations and
memberships, and on pending networks he did not submit."""

import importlib

import pytest

from networks.models import Criterion, Network
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory


@pytest.fixture
def criteria(db):
    return list(Criterion.objects.order_by("order"))


@pytest.fixture
def network(db):
    return NetworkFactory(name="Lund Tech Alumni", slug="lund-tech-alumni")


@pytest.fixture
def pending_network(db, charlie):
    """Suggested by charlie and not reviewed yet: charlie and staff may see it, alice may not."""
    return NetworkFactory(
        name="Charlie's Pub Night", slug="charlies-pub-night", status=Network.Status.PENDING, submitted_by=charlie
    )


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.com", is_staff=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def checklist_seeded(db):
    """The five criteria, also in transactional tests.

    Migration 0004 seeds them, but every transactional test ends by emptying all tables. Django's
    serialized_rollback is meant to put them back, yet it relies on the connection that created the
    test database, which Playwright's greenlets and other threads do not always get; so seed again
    from the migration's own data when the table is empty. Browser tests therefore do not use
    serialized_rollback: after a plain transactional test's flush, post_migrate has already put the
    Editors group back (articles/apps.py), and restoring the serialized copy would add it twice.
    """
    if not Criterion.objects.exists():
        migration = importlib.import_module("networks.migrations.0004_seed_checklist_criteria")
        for spec in migration.CRITERIA:
            texts = {f"{field}_{code}": text for field in migration.TRANSLATED for code, text in spec[field].items()}
            Criterion.objects.create(order=spec["order"], key=spec["key"], **texts)
