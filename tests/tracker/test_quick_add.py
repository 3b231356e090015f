"""The dashboard's quick-add fields, rendered once a day per language for every member: they must
hold nothing of any member's, and follow the language and the day."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tracker import quick_add
from tests.factories import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _fresh():
    quick_add.forget()
    yield
    quick_add.forget()


def test_two_different_members_get_the_same_fields(alice, charlie):
    # Different languages, time zones, contacts and events: none of it may show in the fields.
    charlie.time_zone = "America/New_York"
    charlie.save()
    ContactFactory(owner=alice, name="Anna Berg", email="anna@example.com")
    EventFactory(owner=alice, name="Slush")
    with translation.override("en"):
        assert quick_add.render_fields(alice, TODAY) == quick_add.render_fields(charlie, TODAY)


def test_the_fields_follow_the_language_and_the_day(alice):
    tomorrow = TODAY + datetime.timedelta(days=1)
    with translation.override("en"):
        today_en = quick_add.quick_add_fields(alice, TODAY)
        tomorrow_en = quick_add.quick_add_fields(alice, tomorrow)
    with translation.override("sv"):
        today_sv = quick_add.quick_add_fields(alice, TODAY)
    due = TODAY + datetime.timedelta(days=quick_add.FOLLOW_UP_IN_DAYS)
    assert f'value="{due.isoformat()}"' in today_en["follow_up"]
    assert f'value="{(due + datetime.timedelta(days=1)).isoformat()}"' in tomorrow_en["follow_up"]
    assert f'value="{TODAY.isoformat()}"' in today_en["interaction"]
    assert 'for="qc_name">Name' in today_en["contact"] and 'for="qc_name">Namn' in today_sv["contact"]


def test_what_is_kept_is_what_a_fresh_render_gives(alice):
    with translation.override("en"):
        kept = quick_add.quick_add_fields(alice, TODAY)
        assert quick_add.quick_add_fields(alice, TODAY) is kept
        assert kept == quick_add.render_fields(alice, TODAY)


def test_the_dashboards_forms_carry_the_fields_and_their_own_token(alice_client, alice):
    ContactFactory(owner=alice)
    body = alice_client.get(reverse("tracker:dashboard")).content.decode()
    for prefix, action in (
        ("qc", "tracker:contact_add"),
        ("qf", "tracker:followup_add"),
        ("qi", "tracker:interaction_add"),
    ):
        form = body[body.index(f'action="{reverse(action)}"') :]
        form = form[: form.index("</form>")]
        assert 'name="csrfmiddlewaretoken"' in form
        assert f'id="{prefix}_' in form
