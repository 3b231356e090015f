"""Editors attach goal templates to a guide; readers add them to their goals from the guide page."""

import pytest
from django.utils import translation

from accounts.models import Goal
from articles.admin import ArticleAdminForm
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_it_offers_the_guides_suggested_goals_to_a_member(alice_client):
    guide = ArticleFactory(suggested_goals=["meet-three", "interview-this-month"])
    html = alice_client.get(f"/en/guides/{guide.slug_en}/").content.decode()
    assert "Talk to at least three new people at your next event" in html
    assert 'name="key" value="interview-this-month"' in html
    assert 'action="/en/me/goals/templates/add/"' in html


def test_adding_a_suggested_goal_creates_the_members_goal(alice_client, alice):
    guide = ArticleFactory(suggested_goals=["meet-three"])
    alice_client.get(f"/en/guides/{guide.slug_en}/")
    response = alice_client.post("/en/me/goals/templates/add/", {"key": "meet-three"})
    assert response.status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert goal.target == 3
    # Written in alice's own language (Swedish), as she reads it on her dashboard.
    with translation.override("sv"):
        assert goal.title == translation.gettext("Talk to at least three new people at your next event")
    assert goal.title != "Talk to at least three new people at your next event"


def test_anonymous_readers_are_invited_to_log_in(client):
    guide = ArticleFactory(suggested_goals=["meet-three"])
    html = client.get(f"/en/guides/{guide.slug_en}/").content.decode()
    assert f"/en/accounts/login/?next=/en/guides/{guide.slug_en}/" in html
    assert 'name="key"' not in html


def test_an_unknown_key_stored_on_a_guide_is_ignored(alice_client):
    guide = ArticleFactory(suggested_goals=["no-such-template", "meet-three"])
    response = alice_client.get(f"/en/guides/{guide.slug_en}/")
    assert response.status_code == 200
    assert response.content.decode().count('name="key"') == 1


def test_a_guide_without_suggestions_shows_no_section(client):
    guide = ArticleFactory()
    assert "guide-goals" not in client.get(f"/en/guides/{guide.slug_en}/").content.decode()


def test_the_admin_form_accepts_only_known_templates():
    field = ArticleAdminForm.base_fields["suggested_goals"]
    assert field.clean(["meet-three", "give-first"]) == ["meet-three", "give-first"]
    with pytest.raises(Exception, match="valid choice"):
        field.clean(["<script>"])
