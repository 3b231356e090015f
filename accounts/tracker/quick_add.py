"""The fields of the dashboard's three quick-add forms (a contact, a follow-up, an interaction).

The forms are always empty there, and nothing in them is a member's: the contact fields search
(accounts/tracker/contact_picker.py) instead of listing anyone, and what remains is labels, help
texts, choices and the day the dates start from. Rendering eleven fields through Django's form
templates cost more than all the rest of the dashboard, so their markup is kept in this process by
(language, day): the same for every member on that day, changing only with the code, templates and
translations a deploy brings (a new process). The form tags, the CSRF token and the choice to show
a form at all stay in the page (templates/tracker/dashboard.html), per request.

A field that shows something of the member's (an initial value from their profile, their events)
must not come here: tests/tracker/test_quick_add.py renders the fields for two different members.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from accounts.models import User
from accounts.tracker.forms import FollowUpForm, InteractionForm, QuickContactForm

# A follow-up added from the dashboard is due in two days unless the member says otherwise.
FOLLOW_UP_IN_DAYS = 2
# A day's markup in each language; a new day starts afresh, so this never grows past it.
MAX_KEYS = 8

_fields: dict[tuple[str | None, datetime.date], dict[str, SafeString]] = {}


def render_fields(owner: User, today: datetime.date) -> dict[str, SafeString]:
    """{"contact", "follow_up", "interaction": the form's fields as HTML}, rendered now."""
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


def quick_add_fields(owner: User, today: datetime.date) -> dict[str, SafeString]:
    """The fields as every member sees them today in the active language, rendered once."""
    key = (get_language(), today)
    try:
        return _fields[key]
    except KeyError:
        pass
    if len(_fields) >= MAX_KEYS:
        _fields.clear()
    _fields[key] = render_fields(owner, today)
    return _fields[key]


def forget() -> None:
    _fields.clear()


@receiver(setting_changed)
def _settings_changed(**kwargs: Any) -> None:
    # A test that overrides templates, languages or URLs sees its own markup.
    forget()
