"""The searchable contact field of every form that picks one of the member's contacts.

A member may hold thousands of contacts (a LinkedIn import), so no form lists them all. The field
renders (templates/widgets/contact_picker.html) a text input and a "Find" button: without
JavaScript, "Find" posts the form, the view shows it again as typed (`searching`) with a short
<select> of the matches, and the member picks one and submits. static/js/contact-picker.js turns
the input into a WAI-ARIA combobox over the JSON endpoint (views/contact_search.py) and posts the
chosen id in a hidden input of the field's name. Either way the id is validated against the
member's own contacts, like any ModelChoiceField: someone else's id is a form error.

Matching is the contact list's search (contact_search_text.py): every word of the query, folded,
a substring of the contact's stored folded name, company and e-mail, so "soren" finds "Søren" here
as in the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django import forms
from django.db import connections, router
from django.forms.boundfield import BoundField
from django.forms.utils import ErrorDict, flatatt
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from accounts.models import Contact, User
from accounts.tracker import queries
from accounts.tracker.contact_search_text import MAX_QUERY_LENGTH, condition_sql, normalize_query, query_words

MIN_QUERY_LENGTH = 1
RESULT_LIMIT = 10
# The form posts the typed text as "<field>_query" and the no-JavaScript "Find" button as "<field>_search".
QUERY_SUFFIX = "_query"
SEARCH_SUFFIX = "_search"

# --- Searching ------------------------------------------------------------------------------------

# Written out: through the ORM, building this query cost twice what PostgreSQL takes to run it.
# The order is the index accounts_contact_owner_recent's, so a common word is found in its first rows.
_SEARCH = """
SELECT id, name, company, email
FROM {table}
WHERE owner_id = %s AND {condition}
ORDER BY last_contacted_on DESC NULLS LAST, name, id
LIMIT %s
"""


Match = tuple[int, str, str, str]  # id, name, company, e-mail


def search_matches(owner_id: int, query: str, *, limit: int = RESULT_LIMIT) -> list[Match]:
    """The owner's contacts matching every word of `query` in their name, company or e-mail, most
    recently contacted first, then by name, as rows; one query, at most `limit` of them."""
    words = query_words(query)
    if not words:
        return []
    table = Contact._meta.db_table
    condition, params = condition_sql(words, table)
    with connections[router.db_for_read(Contact)].cursor() as cursor:
        cursor.execute(_SEARCH.format(table=table, condition=condition), [owner_id, *params, limit])
        return cursor.fetchall()


def search_contacts(owner: User, query: str, *, limit: int = RESULT_LIMIT) -> list[Contact]:
    """search_matches as Contacts (with the fields a label needs), for the field's list of matches."""
    return [
        Contact(pk=pk, owner_id=owner.pk, name=name, company=company, email=email)
        for pk, name, company, email in search_matches(owner.pk, query, limit=limit)
    ]


def _label(name: str, company: str, email: str) -> str:
    detail = company or email
    return f"{name} · {detail}" if detail else name


def contact_label(contact: Contact) -> str:
    """How a contact reads in a list of matches: the company (else the address) tells namesakes apart."""
    return _label(contact.name, contact.company, contact.email)


def as_json(match: Match) -> dict[str, Any]:
    """A match as the contact field's search answers it (views/contact_search.py)."""
    pk, name, company, email = match
    return {"id": pk, "name": name, "company": company, "label": _label(name, company, email)}


# --- The form field -------------------------------------------------------------------------------


@dataclass
class PickerState:
    query: str
    matches: list[Contact]
    current: Contact | None


class ContactPickerWidget(forms.Widget):
    """Renders templates/widgets/contact_picker.html with the state its bound field worked out."""

    template_name = "widgets/contact_picker.html"
    state: PickerState | None = None

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        state = self.state or PickerState("", [], None)
        attrs = self.build_attrs(self.attrs, attrs)
        # The chosen contact is what is required, not the text: the search box must stay empty-able.
        if attrs.pop("required", False):
            attrs["aria-required"] = "true"
        field_id = attrs.get("id") or f"id_{name}"
        attrs["id"] = field_id
        options = [(contact.pk, contact_label(contact), False) for contact in state.matches]
        if state.current is not None:
            options = [(pk, label, False) for pk, label, _selected in options if pk != state.current.pk]
            options.insert(0, (state.current.pk, contact_label(state.current), True))
        context = {
            "name": name,
            "id": field_id,
            "attrs": flatatt(attrs),
            "query_name": name + QUERY_SUFFIX,
            "search_name": name + SEARCH_SUFFIX,
            "query": state.query,
            "searched": bool(state.query),
            "options": options,
            "optional": not self.is_required,
            "search_url": reverse("tracker:contact_search"),
            "max_length": MAX_QUERY_LENGTH,
            "min_length": MIN_QUERY_LENGTH,
        }
        # The project's template folders (Django's form renderer reads only its own and the apps').
        return render_to_string(self.template_name, {"widget": context})


class ContactPickerBoundField(BoundField):
    @cached_property
    def picker_state(self) -> PickerState:
        field: ContactPickerField = self.field  # type: ignore[assignment]
        query = normalize_query(self.form.data.get(self.html_name + QUERY_SUFFIX)) if self.form.is_bound else ""
        matches = search_contacts(field.owner, query) if query else []
        return PickerState(query, matches, self._current(field, matches))

    def _current(self, field: ContactPickerField, matches: list[Contact]) -> Contact | None:
        value = self.value()
        if isinstance(value, Contact):
            return value if value.owner_id == field.owner.pk else None
        pk = str(value or "")
        if not pk.isascii() or not pk.isdigit() or len(pk) > 18:
            return None
        cleaned = getattr(self.form, "cleaned_data", {}).get(self.name)
        if isinstance(cleaned, Contact) and cleaned.pk == int(pk):
            return cleaned
        found = next((contact for contact in matches if contact.pk == int(pk)), None)
        return found or queries.contacts_of(field.owner).only("id", "name", "company", "email").filter(pk=pk).first()

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        widget = widget or self.field.widget
        widget.state = self.picker_state
        return super().as_widget(widget, attrs, only_initial)


class ContactPickerField(forms.ModelChoiceField):
    """One of `owner`'s contacts, found by a search rather than picked from a list of them all."""

    widget = ContactPickerWidget
    default_error_messages = {"required": _("Search for a contact and choose one.")}

    def __init__(self, *, owner: User, **kwargs):
        kwargs.setdefault("help_text", _("Type part of a name, company or e-mail address."))
        super().__init__(queryset=queries.contacts_of(owner), **kwargs)
        self.owner = owner

    @classmethod
    def replacing(cls, field: forms.Field, owner: User) -> ContactPickerField:
        """The picker in place of a ModelForm's generated contact field: same label, same required."""
        return cls(owner=owner, label=field.label, required=field.required, initial=field.initial)

    def get_bound_field(self, form, field_name):
        return ContactPickerBoundField(form, self, field_name)


def searching(form: forms.BaseForm) -> bool:
    """True when the member pressed a contact field's "Find" (no JavaScript): nothing is saved, and
    the form is shown again as typed, with the matches and without errors (nothing was submitted)."""
    if not form.is_bound:
        return False
    buttons = [bf.html_name + SEARCH_SUFFIX for bf in form if isinstance(bf.field, ContactPickerField)]
    if not any(button in form.data for button in buttons):
        return False
    form._errors = ErrorDict()  # nothing validated: no "This field is required" on what is still to fill
    return True
