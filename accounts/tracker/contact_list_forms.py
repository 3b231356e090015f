"""The contact list's filter (a GET form) and its bulk actions (a POST form that carries the filter).

Both take the owner: the filter offers only the owner's tags, events and networks; the bulk form's
ids are matched against the owner's contacts by the view, so someone else's id finds nothing.
"""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.tracker import queries
from accounts.tracker.contact_search_text import MAX_QUERY_LENGTH, normalize_query
from accounts.tracker.forms import MAX_TAG_LENGTH, normalize_tags

# The most ids one bulk request may name: a page of the list is 50, so anything near this is forged.
MAX_SELECTED = 500
# A primary key as the database stores it (SQLite refuses integers past 2**63 with an OverflowError).
ID_PATTERN = re.compile(r"[0-9]{1,18}")
FILTER_FIELDS = ("q", "tag", "company", "met_at", "losing_touch", "never_contacted")


class ContactFilterForm(forms.Form):
    """The list's search and filters. Invalid values are dropped (a filter that does not apply), never an error."""

    q = forms.CharField(label=_("Search by name, company or e-mail"), required=False, strip=True)
    tag = forms.CharField(label=_("Tag"), required=False, widget=forms.Select)
    company = forms.CharField(label=_("Company"), required=False)
    met_at = forms.ChoiceField(label=_("Met at"), required=False)
    losing_touch = forms.BooleanField(label=_("Losing touch"), required=False)
    never_contacted = forms.BooleanField(label=_("Never contacted"), required=False)

    def __init__(self, data=None, *, owner, tags=None, events=None, networks=None, **kwargs):
        super().__init__(data, **kwargs)
        tag_choices = [("", pgettext_lazy("any tag", "Any"))] + [(tag, tag) for tag in tags or []]
        self.fields["tag"].widget.choices = tag_choices
        met_at = [("", pgettext_lazy("met anywhere", "Anywhere"))]
        if events:
            met_at.append((_("Events"), [(f"event-{event.pk}", str(event)) for event in events]))
        if networks:
            met_at.append((_("Networks"), [(f"network-{network.pk}", str(network)) for network in networks]))
        self.fields["met_at"].choices = met_at
        self.owner = owner

    def clean_q(self):
        # As the contact field searches it (contact_search_text.py): one search for both.
        return normalize_query(self.cleaned_data["q"])

    def clean_company(self):
        return self.cleaned_data["company"][:MAX_QUERY_LENGTH]

    def clean_tag(self):
        return self.cleaned_data["tag"].strip().lower()[:MAX_TAG_LENGTH]

    def contact_filter(self) -> queries.ContactFilter:
        """The filter as given; fields that did not validate (an event that is not the owner's) are left out."""
        self.is_valid()
        data = self.cleaned_data
        event_id = network_id = None
        kind, _sep, number = (data.get("met_at") or "").partition("-")
        if number.isdigit():
            event_id = int(number) if kind == "event" else None
            network_id = int(number) if kind == "network" else None
        return queries.ContactFilter(
            q=data.get("q", ""),
            tag=data.get("tag", ""),
            company=data.get("company", ""),
            event_id=event_id,
            network_id=network_id,
            losing_touch=bool(data.get("losing_touch")),
            never_contacted=bool(data.get("never_contacted")),
        )


class BulkActionForm(forms.Form):
    ADD_TAG = "add_tag"
    REMOVE_TAG = "remove_tag"
    KEEP_IN_TOUCH = "keep_in_touch"
    LANGUAGE = "language"
    DELETE = "delete"
    ACTIONS = [
        (ADD_TAG, _("Add a tag")),
        (REMOVE_TAG, _("Remove a tag")),
        (KEEP_IN_TOUCH, _("Set keep in touch")),
        (LANGUAGE, _("Set the language they write in")),
        (DELETE, _("Delete")),
    ]
    SELECTED = "selected"
    ALL = "all"

    action = forms.ChoiceField(label=_("With the contacts"), choices=ACTIONS)
    scope = forms.ChoiceField(choices=[(SELECTED, SELECTED), (ALL, ALL)], widget=forms.HiddenInput)
    ids = forms.TypedMultipleChoiceField(required=False, coerce=int)
    bulk_tag = forms.CharField(label=_("Tag"), required=False, max_length=MAX_TAG_LENGTH)
    keep_in_touch_days = forms.IntegerField(
        label=_("Keep in touch every (days)"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=_("Leave empty to stop the reminders."),
    )
    language = forms.ChoiceField(label=_("Writes in"), required=False, choices=settings.LANGUAGES)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        if data is not None and hasattr(data, "getlist"):
            # Any integers are accepted here; the view keeps only the owner's contacts among them.
            raw = [value for value in data.getlist("ids") if ID_PATTERN.fullmatch(value)][:MAX_SELECTED]
            self.fields["ids"].choices = [(value, value) for value in raw]

    def clean_bulk_tag(self):
        tag = normalize_tags(self.cleaned_data["bulk_tag"])
        if queries.TAG_SEPARATOR.strip() in tag:
            raise forms.ValidationError(_("One tag at a time, without commas."))
        return tag

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action in (self.ADD_TAG, self.REMOVE_TAG) and not cleaned.get("bulk_tag") and "bulk_tag" not in self.errors:
            self.add_error("bulk_tag", _("Write the tag."))
        if action == self.LANGUAGE and not cleaned.get("language"):
            self.add_error("language", _("Choose a language."))
        if cleaned.get("scope") == self.SELECTED and not cleaned.get("ids") and "ids" not in self.errors:
            self.add_error(None, _("Choose at least one contact, or apply the action to all matching contacts."))
        return cleaned
