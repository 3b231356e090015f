"""The tracker's forms. Each takes the `owner` whose objects its pickers may offer: someone else's
contact, event or a hidden network is simply not a valid choice."""

import datetime
import re
from urllib.parse import urlsplit

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import Contact, Event, FollowUp, GivingBudget, Goal, GoalCount, GoalStatus, Interaction
from accounts.tracker import queries
from accounts.tracker.contact_picker import ContactPickerField
from accounts.tracker.goal_templates import GOAL_TEMPLATES
from rookie.lib.fields import ModelMultipleChoiceField
from rookie.lib.widgets import DateInput, FastSelect

# Dates outside this range are typing mistakes (and 9999-12-31 + an interval would overflow).
MIN_DATE = datetime.date(1950, 1, 1)
MAX_DATE = datetime.date(2100, 12, 31)
MAX_TAG_LENGTH = 40
# Something that looks like an HTML tag; "3 < 5" and "<3" stay allowed.
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,40}$")


def validate_date_range(value):
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        raise forms.ValidationError(
            _("Please enter a date between %(start)s and %(end)s."),
            params={"start": date_format(MIN_DATE, "DATE_FORMAT"), "end": date_format(MAX_DATE, "DATE_FORMAT")},
        )


def validate_not_in_future(value):
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future; log an interaction once it has happened."))


def clean_line(value):
    """One line of plain text: whitespace collapsed, no markup."""
    value = " ".join((value or "").split())
    if _MARKUP.search(value):
        raise forms.ValidationError(_("Please write plain text without HTML tags."))
    return value


def normalize_tags(value):
    """ "Alumni,  fintech , alumni" -> "alumni, fintech": lower-cased, trimmed, without duplicates."""
    tags = []
    for raw in (value or "").split(","):
        tag = clean_line(raw).lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise forms.ValidationError(
                _("A tag can have at most %(limit)s characters."), params={"limit": MAX_TAG_LENGTH}
            )
        if tag not in tags:
            tags.append(tag)
    joined = queries.TAG_SEPARATOR.join(tags)
    if len(joined) > 200:
        raise forms.ValidationError(_("Too many tags: at most 200 characters in all."))
    return joined


class OwnedPickersMixin:
    """Restrict the form's object pickers to the owner's rows (and networks they may see)."""

    def restrict_pickers(self, owner, contact_choices=None):
        fields = self.fields
        if "contact" in fields:
            if contact_choices is None:
                # A search, never a list of every contact: a member may hold thousands.
                fields["contact"] = ContactPickerField.replacing(fields["contact"], owner)
            else:
                # The page names the few contacts to offer (a contact's own page offers that one).
                fields["contact"].queryset = queries.contacts_of(owner).order_by("name", "id")
                fields["contact"].choices = [("", fields["contact"].empty_label or "—"), *contact_choices]
        for name in ("event", "met_at_event"):
            if name in fields:
                fields[name].queryset = Event.objects.filter(owner=owner)
        for name in ("network", "met_at_network"):
            if name in fields:
                fields[name].queryset = queries.networks_for_picker(owner)


class DateRangeMixin:
    """Every date field of the form gets the sane-range check."""

    def add_date_checks(self):
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.validators.append(validate_date_range)
                field.widget = DateInput()


# --- Goals ----------------------------------------------------------------------------------------


class GoalForm(OwnedPickersMixin, DateRangeMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = [
            "title",
            "kind",
            "counts",
            "interaction_kind",
            "target",
            "starts_on",
            "due_date",
            "event",
            "event_name",
            "event_date",
            "network",
            "status",
        ]
        labels = {"event_name": _("or an event not in your events")}
        help_texts = {
            "counts": _(
                "A goal can count itself from what you record in the tracker, within its dates; "
                "with “I count it myself” you move it with +1."
            ),
            "interaction_kind": _("Only when the goal counts interactions of one kind."),
            "starts_on": _("Records from this day until the due date count towards the goal."),
            "network": _("For new people: count only those met through this network."),
            "event": _("For new people: count only those met at this event."),
        }
        widgets = {"target": forms.NumberInput(attrs={"min": 1, "max": 1000})}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.restrict_pickers(owner)
        self.add_date_checks()
        self.fields["starts_on"].required = False
        # A form that does not send it (an older page, a script) keeps the goal's way of counting.
        self.fields["counts"].required = False
        if self.instance.pk is None:
            del self.fields["status"]

    def clean_title(self):
        return clean_line(self.cleaned_data["title"])

    def clean_counts(self):
        return self.cleaned_data["counts"] or self.instance.counts or GoalCount.MANUAL

    def clean_starts_on(self):
        return self.cleaned_data["starts_on"] or self.instance.starts_on or timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        counts = cleaned.get("counts")
        if counts == GoalCount.INTERACTIONS:
            if not cleaned.get("interaction_kind"):
                self.add_error("interaction_kind", _("Choose which kind of interaction counts."))
        elif counts:
            cleaned["interaction_kind"] = ""
        starts_on, due_date = cleaned.get("starts_on"), cleaned.get("due_date")
        if starts_on and due_date and due_date < starts_on:
            self.add_error("due_date", _("The due date cannot come before the day counting starts."))
        return cleaned

    def clean_event_name(self):
        return clean_line(self.cleaned_data["event_name"])


class GoalProgressForm(forms.Form):
    progress = forms.IntegerField(label=_("Progress"), min_value=0, max_value=1000)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class GoalTemplateForm(forms.Form):
    key = forms.ChoiceField(choices=[(template.key, template.title) for template in GOAL_TEMPLATES])


# --- Time and money the member gives --------------------------------------------------------------


class GivingBudgetForm(forms.ModelForm):
    class Meta:
        model = GivingBudget
        fields = ["hours_per_month", "money_per_year", "currency"]
        widgets = {
            "hours_per_month": forms.NumberInput(attrs={"min": 0, "max": 744, "step": "0.5"}),
            "money_per_year": forms.NumberInput(attrs={"min": 0, "step": "any"}),
        }


# --- Contacts -------------------------------------------------------------------------------------


def _formfield(model_field, **kwargs):
    # Links typed without a scheme are https (Django 6's default; silences its warning today).
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class ContactForm(OwnedPickersMixin, forms.ModelForm):
    class Meta:
        formfield_callback = _formfield
        model = Contact
        fields = [
            "name",
            "company",
            "role",
            "email",
            "phone",
            "linkedin_url",
            "language",
            "how_met",
            "met_at_event",
            "met_at_network",
            "tags",
            "keep_in_touch_days",
            "notes",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "keep_in_touch_days": forms.NumberInput(attrs={"min": 1, "max": 3650}),
            "notes": forms.Textarea(attrs={"rows": 4, "maxlength": 5000}),
        }
        help_texts = {
            "keep_in_touch_days": _("Leave empty for no reminder; 90 means about once a quarter."),
            "linkedin_url": _("For example https://www.linkedin.com/in/name"),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.restrict_pickers(owner)
        if self.instance.pk is None and "language" in self.fields:
            self.fields["language"].initial = owner.preferred_language

    def clean_name(self):
        name = clean_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please enter a name."))
        return name

    def clean_company(self):
        return clean_line(self.cleaned_data["company"])

    def clean_role(self):
        return clean_line(self.cleaned_data["role"])

    def clean_how_met(self):
        return clean_line(self.cleaned_data["how_met"])

    def clean_tags(self):
        return normalize_tags(self.cleaned_data["tags"])

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError(_("Please enter a phone number with digits, spaces and + ( ) - only."))
        return phone

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email and self._others().filter(email__iexact=email).exists():
            raise forms.ValidationError(_("You already have a contact with this e-mail address."))
        return email

    def clean_linkedin_url(self):
        url = self.cleaned_data["linkedin_url"].strip()
        if not url:
            return url
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not (host == "linkedin.com" or host.endswith(".linkedin.com")):
            raise forms.ValidationError(_("Please enter a link to a LinkedIn profile (linkedin.com)."))
        # One spelling per profile (se.linkedin.com, http://, a trailing slash are the same page).
        path = parts.path.rstrip("/")
        url = f"https://www.linkedin.com{path}"
        variants = [
            f"{scheme}://{prefix}linkedin.com{path}{slash}"
            for scheme in ("https", "http")
            for prefix in ("www.", "")
            for slash in ("", "/")
        ]
        if self._others().filter(linkedin_url__in=variants).exists():
            raise forms.ValidationError(_("You already have a contact with this LinkedIn profile."))
        return url

    def _others(self):
        others = queries.contacts_of(self.owner)
        return others.exclude(pk=self.instance.pk) if self.instance.pk else others


class QuickContactForm(ContactForm):
    """The dashboard's few-field version of the contact form."""

    class Meta(ContactForm.Meta):
        fields = ["name", "company", "email", "keep_in_touch_days"]


# --- Interactions ---------------------------------------------------------------------------------


class InteractionForm(OwnedPickersMixin, DateRangeMixin, forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ["contact", "kind", "occurred_on", "notes"]
        # The model field has no verbose name of its own: without this the label is English.
        labels = {"contact": _("Contact")}
        # FastSelect only where a page passes contact_choices; else a search (restrict_pickers).
        widgets = {"contact": FastSelect, "notes": forms.Textarea(attrs={"rows": 3, "maxlength": 5000})}

    def __init__(self, *args, owner, contact=None, contact_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if contact is not None or self.instance.pk:
            # Logged from a contact's page, or edited: the contact is fixed.
            del self.fields["contact"]
        self.restrict_pickers(owner, contact_choices)
        self.add_date_checks()
        self.fields["occurred_on"].validators.append(validate_not_in_future)
        self.fields["occurred_on"].initial = timezone.localdate


# --- Follow-ups -----------------------------------------------------------------------------------


class FollowUpForm(OwnedPickersMixin, DateRangeMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["title", "contact", "due_date", "note"]
        widgets = {"contact": FastSelect, "note": forms.Textarea(attrs={"rows": 3, "maxlength": 2000})}

    def __init__(self, *args, owner, contact_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.restrict_pickers(owner, contact_choices)
        self.add_date_checks()

    def clean_title(self):
        title = clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Please say what to do."))
        return title


class ThankYouForm(DateRangeMixin, forms.Form):
    """The pre-filled "send a thank-you" follow-up offered after a first meeting or an interview."""

    title = forms.CharField(label=_("What"), max_length=200)
    due_date = forms.DateField(label=_("Due date"))

    def __init__(self, *args, **kwargs):
        # Its own ids: the contact page also holds the follow-up form, with fields of the same
        # names, and duplicate ids would tie both forms' labels to the first form's inputs.
        kwargs.setdefault("auto_id", "thanks_%s")
        super().__init__(*args, **kwargs)
        self.add_date_checks()

    def clean_title(self):
        return clean_line(self.cleaned_data["title"])


class SnoozeForm(DateRangeMixin, forms.Form):
    until = forms.DateField(label=_("Snooze until"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_date_checks()

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until <= timezone.localdate():
            raise forms.ValidationError(_("Choose a day after today."))
        return until


# --- Events ---------------------------------------------------------------------------------------


class EventForm(DateRangeMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = ["name", "date", "location", "people_to_meet", "learning_goal"]
        widgets = {"people_to_meet": forms.NumberInput(attrs={"min": 1, "max": 100})}
        help_texts = {"people_to_meet": _("A goal is created for you: meet this many new people.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_date_checks()

    def clean_name(self):
        name = clean_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please name the event."))
        return name

    def clean_location(self):
        return clean_line(self.cleaned_data["location"])

    def clean_learning_goal(self):
        return clean_line(self.cleaned_data["learning_goal"])


class EventQuickAddForm(forms.Form):
    """Three fields, typed on a phone in the middle of an event."""

    name = forms.CharField(
        label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True})
    )
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    note = forms.CharField(label=_("One-line note"), max_length=300, required=False)

    def clean_name(self):
        name = clean_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please enter a name."))
        return name

    def clean_company(self):
        return clean_line(self.cleaned_data["company"])

    def clean_note(self):
        return clean_line(self.cleaned_data["note"])


class DebriefForm(forms.Form):
    contacts = ModelMultipleChoiceField(
        label=_("Who to follow up"),
        queryset=Contact.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = event.contacts.filter(owner=event.owner).order_by("name", "id")
