"""First steps on a new member's overview (accounts/tracker/first_steps.py): each ticks itself off
from the member's data, the box goes when all are done or when the member hides it, it shows a
change at once although the overview is cached, and it costs one query whatever the data."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import GoalStatus, User
from accounts.tracker import dashboard_panels
from accounts.tracker.first_steps import first_steps_for
from networks.services import evaluation_save
from tests.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    InteractionFactory,
    editor_make,
)
from tests.tracker_io.conftest import pending_import

pytestmark = pytest.mark.django_db

DASHBOARD = "/en/me/"
PROFILE = "/en/accounts/profile/"
HEADING = 'id="first-steps-heading"'
STEPS = ["profile", "linkedin", "goal", "evaluation", "event"]
PROFILE_DATA = {
    "display_name": "Alice Andersson",
    "preferred_language": "sv",
    "field_of_work": "Civil engineering",
    "career_stage": "graduate",
    "elevator_pitch": "I build bridges and want to meet people in infrastructure.",
}


def _evaluate(member, network, criteria):
    evaluation_save(member=member, network=network, scores={c.pk: (4, "") for c in criteria}, comment="")


def _step_states(client):
    """{step: "done" | "todo"} as the overview shows them, or None when the box is not there."""
    body = client.get(DASHBOARD).content.decode()
    if HEADING not in body:
        return None
    states = {}
    for key, item in re.findall(r'<li id="first-step-(\w+)" class="([^"]*)"', body):
        states[key] = "done" if "first-step-done" in item else "todo"
    return states


def _todo_except(*done):
    return {key: "done" if key in done else "todo" for key in STEPS}


@pytest.fixture
def page_cache_on(settings):
    # As in production with Redis: the overview is cached per member (rookie/lib/pagecache.py).
    settings.PAGE_CACHE = True


# --- What a new member sees ------------------------------------------------------------------------


def test_a_new_member_sees_five_steps_each_linking_to_where_it_is_done(alice_client):
    response = alice_client.get(DASHBOARD)
    body = response.content.decode()
    assert HEADING in body
    assert "0 of 5 done" in body
    assert _step_states(alice_client) == _todo_except()
    for key, url in [
        ("profile", reverse("accounts:profile")),
        ("linkedin", reverse("tracker:contact_import")),
        ("goal", reverse("tracker:goal_templates")),
        ("evaluation", reverse("networks:list")),
        ("event", reverse("tracker:event_add")),
    ]:
        item = re.search(rf'<li id="first-step-{key}".*?</li>', body, re.S).group(0)
        assert f'href="{url}"' in item, key
    # Above the quick-add forms, so a newcomer sees it first.
    assert body.index(HEADING) < body.index('id="quick-heading"')


def test_coaches_and_editors_do_not_get_first_steps(client, bob):
    for user in (bob, editor_make()):
        client.force_login(user)
        assert _step_states(client) is None


# --- Each step ticks itself off from data -----------------------------------------------------------


def test_the_profile_step_needs_the_field_of_work_and_the_pitch(alice_client, alice):
    alice.elevator_pitch = "I build bridges."
    alice.save()
    assert _step_states(alice_client)["profile"] == "todo"
    alice.field_of_work = "   "
    alice.save()
    assert _step_states(alice_client)["profile"] == "todo"
    alice.field_of_work = "Civil engineering"
    alice.save()
    assert _step_states(alice_client) == _todo_except("profile")


def test_saving_the_profile_page_ticks_the_profile_step_off(alice_client, page_cache_on):
    assert _step_states(alice_client)["profile"] == "todo"  # stored in the cache
    assert alice_client.post(PROFILE, PROFILE_DATA).status_code == 302
    assert _step_states(alice_client)["profile"] == "done"


def test_importing_linkedin_connections_ticks_that_step_off(alice_client, page_cache_on):
    assert _step_states(alice_client)["linkedin"] == "todo"
    csv = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        b"Sara,Berg,https://www.linkedin.com/in/saraberg,sara@example.se,Nordlys AB,Engineer,12 Mar 2024\r\n"
    )
    upload = SimpleUploadedFile("Connections.csv", csv, content_type="text/csv")
    assert alice_client.post("/en/me/contacts/import/", {"file": upload, "format": "auto"}).status_code == 302
    import_id = pending_import(alice_client)["id"]
    assert alice_client.post("/en/me/contacts/import/confirm/", {"import_id": import_id}).status_code == 302
    assert _step_states(alice_client) == _todo_except("linkedin")


def test_a_contact_without_a_linkedin_profile_does_not_tick_it_off(alice_client, alice):
    ContactFactory(owner=alice, name="Greta Garbo", linkedin_url="")
    assert _step_states(alice_client)["linkedin"] == "todo"
    ContactFactory(owner=alice, name="Sara Berg", linkedin_url="https://www.linkedin.com/in/saraberg")
    assert _step_states(alice_client)["linkedin"] == "done"


def test_a_goal_from_a_guide_ticks_the_goal_step_off_at_once(alice_client, page_cache_on):
    assert _step_states(alice_client)["goal"] == "todo"
    response = alice_client.post(
        reverse("tracker:goal_add"), {"title": "Meet three people", "kind": "meet", "target": "3"}
    )
    assert response.status_code == 302
    assert _step_states(alice_client) == _todo_except("goal")


def test_a_goal_that_is_no_longer_active_still_counts(alice_client, alice):
    GoalFactory(owner=alice, status=GoalStatus.DONE)
    assert _step_states(alice_client)["goal"] == "done"


def test_evaluating_a_network_ticks_that_step_off_at_once(alice_client, alice, network, criteria, page_cache_on):
    assert _step_states(alice_client)["evaluation"] == "todo"
    _evaluate(alice, network, criteria)
    assert _step_states(alice_client) == _todo_except("evaluation")


def test_planning_an_event_ticks_that_step_off_at_once(alice_client, alice, page_cache_on):
    assert _step_states(alice_client)["event"] == "todo"
    EventFactory(owner=alice, date=timezone.localdate())
    assert _step_states(alice_client) == _todo_except("event")


def test_another_members_data_ticks_nothing_off(alice_client, charlie, network, criteria):
    charlie.field_of_work, charlie.elevator_pitch = "Design", "I design things."
    charlie.save()
    ContactFactory(owner=charlie, linkedin_url="https://www.linkedin.com/in/someone")
    GoalFactory(owner=charlie)
    EventFactory(owner=charlie)
    _evaluate(charlie, network, criteria)
    assert _step_states(alice_client) == _todo_except()


def test_when_every_step_is_done_the_box_goes(alice_client, alice, network, criteria, page_cache_on):
    alice.field_of_work, alice.elevator_pitch = "Civil engineering", "I build bridges."
    alice.save()
    ContactFactory(owner=alice, linkedin_url="https://www.linkedin.com/in/saraberg")
    GoalFactory(owner=alice)
    assert "3 of 5 done" in alice_client.get(DASHBOARD).content.decode()
    EventFactory(owner=alice)
    assert _step_states(alice_client) == _todo_except("profile", "linkedin", "goal", "event")
    _evaluate(alice, network, criteria)
    assert _step_states(alice_client) is None
    assert first_steps_for(User.objects.get(pk=alice.pk)) is None
    alice.refresh_from_db()
    assert alice.first_steps_hidden_at is None  # gone because done, not hidden


# --- Hiding the box --------------------------------------------------------------------------------


def test_hiding_the_box_takes_it_off_at_once_and_for_good(alice_client, alice, page_cache_on):
    assert _step_states(alice_client) is not None  # stored in the cache
    response = alice_client.post(PROFILE, {"hide_first_steps": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:dashboard")
    assert _step_states(alice_client) is None
    alice.refresh_from_db()
    hidden_at = alice.first_steps_hidden_at
    assert hidden_at is not None
    # The profile itself is untouched by the button.
    assert (alice.display_name, alice.preferred_language) == ("Alice Andersson", "sv")
    # Hiding again keeps the first time; new data does not bring the box back.
    alice_client.post(PROFILE, {"hide_first_steps": "1"})
    GoalFactory(owner=alice)
    alice.refresh_from_db()
    assert alice.first_steps_hidden_at == hidden_at
    assert _step_states(alice_client) is None


def test_the_hide_button_posts_to_the_profile_page(alice_client):
    body = alice_client.get(DASHBOARD).content.decode()
    form = re.search(
        r'<form method="post" action="([^"]+)">\s*<input type="hidden" name="csrfmiddlewaretoken"[^>]*>'
        r'\s*<button type="submit" name="hide_first_steps"',
        body,
    )
    assert form is not None
    assert form.group(1) == reverse("accounts:profile")


def test_hiding_is_post_only(alice_client, alice):
    response = alice_client.get(PROFILE, {"hide_first_steps": "1"})
    assert response.status_code == 200  # just the profile page
    alice.refresh_from_db()
    assert alice.first_steps_hidden_at is None
    assert _step_states(alice_client) is not None


def test_hiding_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(PROFILE, {"hide_first_steps": "1"}).status_code == 403
    alice.refresh_from_db()
    assert alice.first_steps_hidden_at is None


def test_hiding_acts_on_the_requesting_member_only(client, alice, charlie):
    client.force_login(charlie)
    # Whatever names alice in the request, it is charlie's box that goes.
    response = client.post(PROFILE, {"hide_first_steps": "1", "user": alice.pk, "email": alice.email})
    assert response.status_code == 302
    alice.refresh_from_db()
    charlie.refresh_from_db()
    assert alice.first_steps_hidden_at is None
    assert charlie.first_steps_hidden_at is not None
    client.force_login(alice)
    assert _step_states(client) is not None


def test_anonymous_visitors_are_sent_to_log_in_and_hide_nothing(client, alice):
    response = client.post(PROFILE, {"hide_first_steps": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not User.objects.filter(first_steps_hidden_at__isnull=False).exists()


# --- Cost and registration --------------------------------------------------------------------------


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_box_costs_one_query_whatever_the_data(alice_client, alice, network, criteria):
    empty = _dashboard_queries(alice_client)
    contacts = ContactFactory.create_batch(
        60, owner=alice, linkedin_url="https://www.linkedin.com/in/x", keep_in_touch_days=7
    )
    for contact in contacts[:30]:
        FollowUpFactory(owner=alice, contact=contact, due_date=timezone.localdate())
        InteractionFactory(contact=contact)
    GoalFactory.create_batch(15, owner=alice)
    EventFactory.create_batch(5, owner=alice)
    assert _step_states(alice_client) == _todo_except("linkedin", "goal", "event")
    assert _dashboard_queries(alice_client) == empty
    # Hidden, it costs nothing at all: one query fewer.
    alice_client.post(PROFILE, {"hide_first_steps": "1"})
    assert _dashboard_queries(alice_client) == empty - 1


def test_the_box_is_registered_at_the_top_of_the_overview():
    panel = dashboard_panels._panels["first_steps"]
    assert (panel.template, panel.placement) == ("tracker/_first_steps.html", dashboard_panels.TOP)
    # Coaching's box stays among the sections.
    assert dashboard_panels._panels["coaching_feedback"].placement == dashboard_panels.GRID


def test_the_steps_links_are_in_the_readers_language(alice_client):
    """The steps' links are reversed once per language and kept: each language gets its own."""
    for language in ("sv", "en", "da"):
        body = alice_client.get(f"/{language}/me/").content.decode()
        with translation.override(language):
            for name in ("accounts:profile", "tracker:contact_import", "tracker:event_add"):
                assert f'href="{reverse(name)}"' in body, (language, name)
