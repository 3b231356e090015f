"""The tracker's admin pages, and seed_demo's tracker content."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Contact, Event, FollowUp, Goal, GoalProgress, Interaction, User
from accounts.roles import make_editor
from accounts.tracker import queries
from tests.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory, UserFactory

pytestmark = pytest.mark.django_db

MODELS = ["goal", "event", "contact", "interaction", "followup", "reminderlog", "calendarfeed"]


@pytest.mark.parametrize("model", MODELS)
def test_it_opens_each_tracker_admin_list_for_a_superuser(superuser_client, alice, model):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact)
    GoalFactory(owner=alice)
    EventFactory(owner=alice)
    FollowUpFactory(owner=alice, contact=contact)
    assert superuser_client.get(reverse(f"admin:accounts_{model}_changelist")).status_code == 200


def test_it_opens_a_contact_with_its_interactions_in_the_admin(superuser_client, alice):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact)
    assert superuser_client.get(reverse("admin:accounts_contact_change", args=[contact.pk])).status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_it_hides_members_private_data_from_editors(client, model):
    editor = UserFactory()
    make_editor(editor)
    client.force_login(editor)
    assert client.get(reverse(f"admin:accounts_{model}_changelist")).status_code == 403


def test_it_seeds_a_lively_dashboard_and_changes_nothing_the_second_time():
    call_command("seed_demo", force=True, stdout=io.StringIO())
    counts = [model.objects.count() for model in (Contact, Interaction, FollowUp, Goal, GoalProgress, Event)]
    call_command("seed_demo", force=True, stdout=io.StringIO())
    assert [model.objects.count() for model in (Contact, Interaction, FollowUp, Goal, GoalProgress, Event)] == counts
    member = User.objects.get(email="member@demo.rookie.test")
    data = queries.dashboard_for(member, today=timezone.localdate())
    assert data.overdue and data.due_this_week and data.losing_touch and data.goals and data.interactions
    assert data.events
    assert Contact.objects.filter(owner=member).exclude(language="sv").exists()
