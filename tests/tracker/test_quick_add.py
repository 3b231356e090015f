"""The dashboard's quick-add section is shared by every member on a day ({% memo %}): its fields must
hold nothing of any member's, and it follows the language, the day and whether there are contacts."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone, translation

from accounts.tracker import quick_add
from tests.factories import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


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
        today_en = quick_add.render_fields(alice, TODAY)
        tomorrow_en = quick_add.render_fields(alice, tomorrow)
    with translation.override("sv"):
        today_sv = quick_add.render_fields(alice, TODAY)
    due = TODAY + datetime.timedelta(days=quick_add.FOLLOW_UP_IN_DAYS)
    assert f'value="{due.isoformat()}"' in today_en["follow_up"]
    assert f'value="{(due + datetime.timedelta(days=1)).isoformat()}"' in tomorrow_en["follow_up"]
    assert f'value="{TODAY.isoformat()}"' in today_en["interaction"]
    assert 'for="qc_name">Name' in today_en["contact"] and 'for="qc_name">Namn' in today_sv["contact"]


def _quick_add(user, path="/en/me/"):
    client = Client()
    client.force_login(user)
    html = client.get(path).content.decode()
    section = re.search(r'<section aria-labelledby="quick-heading".*?</section>', html, re.S).group(0)
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', section)
    assert len(tokens) >= 2 and all(token == tokens[0] for token in tokens)
    # The page's own token, not the one of whoever filled the memo.
    assert tokens[0] in html.replace(section, "")
    return section.replace(tokens[0], "TOKEN")


def test_the_shared_section_follows_whether_the_member_has_contacts(alice, charlie):
    without = _quick_add(alice)
    ContactFactory(owner=charlie)
    with_contacts = _quick_add(charlie)
    assert "Add a contact first" in without and 'id="qi_contact"' not in without
    assert "Add a contact first" not in with_contacts and 'id="qi_contact"' in with_contacts
    # Alice again, after Charlie filled the other variant: still hers.
    assert _quick_add(alice) == without
    ContactFactory(owner=alice)
    assert _quick_add(alice) == with_contacts
    assert 'for="qc_name">Namn' in _quick_add(alice, "/sv/me/")
