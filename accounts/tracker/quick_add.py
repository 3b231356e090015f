"""The fields of the dashboard's three quick-add forms (a contact, a follow-up, an interaction).

The forms are always empty there, and nothing in them is a member's: the contact fields search
(accounts/tracker/contact_picker.py) instead of listing anyone, and what remains is labels, help
texts, choices and the day the dates start from. Rendering eleven fields through Django's form
templates cost more than all the rest of the dashboard, so the dashboard's quick-add section is a
{% memo %} (rookie/templatetags/ui.py) keyed by the day and whether the member has contacts yet:
rendered once per process, language and key, with each request's CSRF token filled in. These
fields are rendered only when that memo is missing (`lazy_quick_add_fields`).

A field that shows something of the member's (an initial value from their profile, their events)
must not come here: tests/tracker/test_quick_add.py renders the fields for two different members.
"""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString

from accounts.models import User
from accounts.tracker.forms import FollowUpForm, InteractionForm, QuickContactForm

# A follow-up added from the dashboard is due in two days unless the member says otherwise.
FOLLOW_UP_IN_DAYS = 2


def render_fields(owner: User, today: datetime.date) -> dict[str, SafeString]:
    """{"contact", "follow_up", "interaction": the form's fields as HTML}."""
    forms = {
        "contact": QuickContactForm(owner=owner, auto_id="qc_%s"),
        "follow_up": FollowUpForm(
            owner=owner,
            auto_id="qf_%s",
            initial={"due_date": today + datetime.timedelta(days=FOLLOW_UP_IN_DAYS)},
        ),
        "interaction": InteractionForm(owner=owner, auto_id="qi_%s", initial={"occurred_on": today}),
    }
    return {name: render_to_string("partials/form_fields.html", {"form": form}) for name, form in forms.items()}


def lazy_quick_add_fields(owner: User, today: datetime.date) -> SimpleLazyObject:
    """The fields, rendered on first use only: not at all while the section's memo holds them."""
    return SimpleLazyObject(lambda: render_fields(owner, today))
