"""Guide fixtures. The named users of tests/conftest.py apply: alice is a member (never an editor),
charlie a stranger; `editor` is staff in the Editors group, like seed_demo's editor."""

import pytest
from django.core.cache import cache

from accounts.roles import make_editor
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rendered bodies are cached; every test starts from nothing so query counts are comparable.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com", display_name="Eddie Editor", preferred_language="en")
    make_editor(user)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
