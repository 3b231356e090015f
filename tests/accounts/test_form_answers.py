"""One answer to a form that does not validate, everywhere in accounts (accounts/responses.py): 200,
the page re-rendered with the bound form and its errors, and nothing written."""

import pytest
from django.urls import reverse

from accounts.models import CoachComment, Contact, Event, FollowUp, Goal, GoalSuggestion, Interaction, User
from tests.factories import (
    TEST_PASSWORD,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    GrantFactory,
    InteractionFactory,
)

pytestmark = pytest.mark.django_db

ROWS = (Goal, Contact, Interaction, FollowUp, Event, CoachComment, GoalSuggestion, User)


def _counts():
    return {model.__name__: model.objects.count() for model in ROWS}


def _objects(alice):
    contact = ContactFactory(owner=alice)
    return {
        "goal": GoalFactory(owner=alice),
        "contact": contact,
        "interaction": InteractionFactory(contact=contact),
        "follow_up": FollowUpFactory(owner=alice, contact=contact),
        "event": EventFactory(owner=alice),
    }


# (URL name, the object whose pk the URL takes, the invalid data, the form's name in the context)
MEMBER_FORMS = [
    ("tracker:goal_add", None, {"title": ""}, "form"),
    ("tracker:goal_edit", "goal", {"title": ""}, "form"),
    ("tracker:goal_add_template", None, {"key": "no-such-template"}, "form"),
    ("tracker:goal_progress", "goal", {"progress": "many"}, "progress_form"),
    ("tracker:goal_status", "goal", {"status": "forgotten"}, "status_form"),
    ("tracker:contact_add", None, {"name": ""}, "form"),
    ("tracker:contact_edit", "contact", {"name": ""}, "form"),
    ("tracker:contact_thank_you", "contact", {"title": "", "due_date": "not a date"}, "thank_you_form"),
    ("tracker:interaction_add", None, {"kind": "telepathy"}, "form"),
    ("tracker:interaction_edit", "interaction", {"kind": "telepathy"}, "form"),
    ("tracker:followup_add", None, {"title": ""}, "form"),
    ("tracker:followup_edit", "follow_up", {"title": ""}, "form"),
    ("tracker:followup_snooze", "follow_up", {"until": "yesterday"}, "form"),
    ("tracker:event_add", None, {"name": ""}, "form"),
    ("tracker:event_edit", "event", {"name": ""}, "form"),
    ("tracker:event_during", "event", {"name": ""}, "form"),
    ("tracker:event_debrief", "event", {"contacts": ["not-a-number"]}, "form"),
    ("accounts:profile", None, {"display_name": "", "preferred_language": "xx"}, "form"),
    ("accounts:account_delete", None, {"password": "not-my-password-at-all"}, "form"),
    ("coaching:sharing_invite", None, {"email": "not an address"}, "invite_form"),
]


@pytest.mark.parametrize(("name", "target", "data", "form_name"), MEMBER_FORMS, ids=[row[0] for row in MEMBER_FORMS])
def test_it_re_renders_an_invalid_member_form_with_200_and_writes_nothing(
    alice_client, alice, name, target, data, form_name
):
    objects = _objects(alice)
    url = reverse(name, args=[objects[target].pk]) if target else reverse(name)
    before = _counts()
    response = alice_client.post(url, data)
    assert response.status_code == 200
    assert response.context[form_name].errors
    assert _counts() == before


@pytest.mark.parametrize(
    ("name", "data", "form_name"),
    [
        ("coaching:comment_add", {"body": ""}, "comment_form"),
        ("coaching:suggestion_add", {"title": ""}, "suggestion_form"),
    ],
)
def test_it_re_renders_an_invalid_coach_form_with_200_and_writes_nothing(client, alice, bob, name, data, form_name):
    GrantFactory(member=alice, coach=bob)
    client.force_login(bob)
    before = _counts()
    response = client.post(reverse(name, kwargs={"member_id": alice.pk}), data)
    assert response.status_code == 200
    assert response.context[form_name].errors
    assert _counts() == before


def test_it_re_renders_an_invalid_password_change_with_200(alice_client):
    response = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "x", "new_password2": "y"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors


def test_no_view_in_accounts_answers_a_form_with_another_status():
    # The rule lives in one helper; a view passing its own status for a form would break it quietly.
    from pathlib import Path

    import accounts

    offenders = [
        f"{path}:{number}"
        for path in Path(accounts.__file__).parent.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "form.errors else" in line or ("status=400" in line and "form" in line)
    ]
    assert offenders == []
