"""The searchable contact field of every form that picks one of the member's contacts.

A member may hold thousands of contacts (a LinkedIn import), so no form lists them all. The field
renders (templates/widgets/contact_picker.html) a text input and a "Find" button: without
JavaScript, "Find" posts the form, the view shows it again as typed (`searching`) with a short
<select> of the matches, and the member picks one and submits. static/js/contact-picker.js turns
the input into a WAI-ARIA combobox over the JSON endpoint (views/contact_search.py) and posts the
chosen id in a hidden input of the field's name. Either way the id is validated against the
member's own contacts, like any ModelChoiceField: someone else's id is a form error.

Matching folds case and accents on every database: "soren" finds "Søren", "jyvaskyla"
"Jyväskylä", "ΑΘΗΝΑ" "Αθήνα". The query is folded in Python and each of its letters becomes the set
of letters that fold to it ("o" → [oòóôõöøō…]), matched case-insensitively by Django's `iregex`
(PostgreSQL's ~*, Python's re on SQLite): one regular expression per word, compiled once per query,
where folding every stored row in SQL (TRANSLATE) cost 100 times more at 3,000 contacts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django import forms
from django.db import connections
from django.forms.boundfield import BoundField
from django.forms.utils import ErrorDict, flatatt
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from accounts.models import Contact, User
from accounts.tracker import queries

# Longer is no name, company or address anyone types; the endpoint answers 400 beyond it.
MAX_QUERY_LENGTH = 100
MIN_QUERY_LENGTH = 1
RESULT_LIMIT = 10
# Every word must match somewhere ("berg acme"); more words than this are ignored.
MAX_WORDS = 5
# The form posts the typed text as "<field>_query" and the no-JavaScript "Find" button as "<field>_search".
QUERY_SUFFIX = "_query"
SEARCH_SUFFIX = "_search"

# --- Folding --------------------------------------------------------------------------------------

# Letters that decomposition leaves alone but a searcher types without their stroke or ligature.
_EXTRA = {
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ς": "σ",
}


def _fold_table() -> dict[str, str]:
    """Lower-case letter → its base letters, for Latin and Greek; combining marks → nothing."""
    table = {}
    for code in (*range(0xC0, 0x250), *range(0x370, 0x400)):
        char = chr(code)
        if char != char.lower():
            continue  # folding starts from lower()
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        base = _EXTRA.get(char, base)
        if base and base != char and base.isalpha():
            table[char] = base
    table.update(_EXTRA)
    return table


FOLD_TABLE = _fold_table()
# Text stored decomposed ("e" + U+0301) carries combining marks after its letters.
_COMBINING = "".join(chr(code) for code in range(0x300, 0x370))
_TRANSLATION = str.maketrans({**FOLD_TABLE, **dict.fromkeys(_COMBINING)})


def fold(text: str | None) -> str | None:
    return None if text is None else text.lower().translate(_TRANSLATION)


def _reverse(pairs):
    found: dict[str, set[str]] = {}
    for src, dst in pairs:
        found.setdefault(dst, set()).add(src)
    return found


# A folded letter → the stored letters that fold to it; "ae" → {"æ"}, "ss" → {"ß"}.
_SINGLE = _reverse((src, dst) for src, dst in FOLD_TABLE.items() if len(dst) == 1)
_MULTI = _reverse((src, dst) for src, dst in FOLD_TABLE.items() if len(dst) == 2)
_MARKS = f"[{_COMBINING[0]}-{_COMBINING[-1]}]*"


def _class(chars) -> str:
    # Backslash-escaped inside brackets, as both Python's re and PostgreSQL's AREs read it.
    return "[" + "".join("\\" + char if char in "\\[]^-" else char for char in sorted(chars)) + "]"


def word_pattern(word: str) -> str:
    """The regular expression that finds `word` (folded) in unfolded text, whatever its accents."""
    parts = []
    index = 0
    while index < len(word):
        letter = _class({word[index], *_SINGLE.get(word[index], ())}) + _MARKS
        pair = word[index : index + 2]
        if pair in _MULTI:
            second = _class({pair[1], *_SINGLE.get(pair[1], ())}) + _MARKS
            parts.append(f"(?:{letter}{second}|{_class(_MULTI[pair])}{_MARKS})")
            index += 2
        else:
            parts.append(letter)
            index += 1
    return "".join(parts)


# --- Searching ------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Between the fields in the searched text: a query never holds one (whitespace is collapsed).
_SEPARATOR = "\n"


def normalize_query(raw: str | None) -> str:
    """The query as searched: control characters gone, whitespace collapsed, at most MAX_QUERY_LENGTH."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


# One condition per word on the three fields joined by _SEPARATOR, with the database's own
# case-insensitive regular expression operator (PostgreSQL's ~*, Django's REGEXP on SQLite).
# Written out: building it through the ORM (a Concat and a lookup per word) cost more CPU than
# PostgreSQL takes to run it over 3,000 contacts.
_SEARCH = """
SELECT id, name, company, email
FROM {contacts}
WHERE owner_id = %s{conditions}
ORDER BY last_contacted_on DESC NULLS LAST, name, id
LIMIT %s
"""
_WORD = " AND (name || %s || company || %s || email) {iregex}"


def search_contacts(owner: User, query: str, *, limit: int = RESULT_LIMIT) -> list[Contact]:
    """The owner's contacts matching every word of `query` in their name, company or e-mail, most
    recently contacted first, then by name; one query, at most `limit` rows."""
    query = normalize_query(query)
    words = list(dict.fromkeys((fold(query) or "").split()))[:MAX_WORDS]
    if len(query) < MIN_QUERY_LENGTH or not words:
        return []
    contacts = queries.contacts_of(owner)
    condition = _WORD.format(iregex=connections[contacts.db].operators["iregex"] % "%s")  # type: ignore[attr-defined]
    sql = _SEARCH.format(contacts=Contact._meta.db_table, conditions=condition * len(words))
    params: list[object] = [owner.pk]
    for word in words:
        params += [_SEPARATOR, _SEPARATOR, word_pattern(word)]
    return list(Contact.objects.raw(sql, [*params, limit]))


def contact_label(contact: Contact) -> str:
    """How a contact reads in a list of matches: the company (else the address) tells namesakes apart."""
    detail = contact.company or contact.email
    return f"{contact.name} · {detail}" if detail else contact.name


def as_json(contact: Contact) -> dict[str, Any]:
    return {"id": contact.pk, "name": contact.name, "company": contact.company, "label": contact_label(contact)}


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
