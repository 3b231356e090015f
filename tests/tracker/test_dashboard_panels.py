"""Boxes on the dashboard that the tracker does not know: coaching registers its own
(accounts/coaching/dashboard.py into accounts/tracker/dashboard_panels.py)."""

import pytest
from django.urls import reverse

from accounts.tracker import dashboard_panels
from tests.factories import CommentFactory, GrantFactory, editor_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_panel(monkeypatch):
    # A copy of the registry, so a test's panel never reaches another test.
    monkeypatch.setattr(dashboard_panels, "_panels", dict(dashboard_panels._panels))

    def register(context):
        dashboard_panels.register(
            dashboard_panels.DashboardPanel(name="test", template="tracker/tests_panel.html", context=context)
        )

    return register


def test_coaching_and_the_network_answers_have_registered_their_boxes():
    # Beside the tracker's own first steps (registered by dashboard_panels itself, so always first).
    assert [panel.template for panel in dashboard_panels._panels.values()] == [
        "tracker/_first_steps.html",
        "coaching/partials/member_feedback.html",
        "networks/partials/suggestion_answers.html",
    ]


def test_a_member_sees_the_coaching_box_and_a_coach_or_editor_does_not(client, alice, bob):
    GrantFactory(member=alice, coach=bob)
    CommentFactory(member=alice, coach=bob, body="Great start at the fair!")
    client.force_login(alice)
    assert "Great start at the fair!" in client.get(reverse("tracker:dashboard")).content.decode()
    for user in (bob, editor_make()):
        client.force_login(user)
        body = client.get(reverse("tracker:dashboard")).content.decode()
        assert 'id="coaching-feedback-heading"' not in body


def test_a_box_that_returns_no_context_is_left_out(alice_client, extra_panel, settings, tmp_path):
    (tmp_path / "tracker").mkdir()
    (tmp_path / "tracker" / "tests_panel.html").write_text("<p>Box for {{ name }}</p>")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}, *settings.TEMPLATES[1:]]
    shown = {"value": True}
    extra_panel(lambda user: {"name": user.display_name} if shown["value"] else None)
    assert "<p>Box for Alice Andersson</p>" in alice_client.get(reverse("tracker:dashboard")).content.decode()
    shown["value"] = False
    assert "Box for" not in alice_client.get(reverse("tracker:dashboard")).content.decode()


def test_registering_the_same_box_again_shows_it_once():
    panel = next(iter(dashboard_panels._panels.values()))
    before = len(dashboard_panels._panels)
    dashboard_panels.register(panel)
    assert len(dashboard_panels._panels) == before
