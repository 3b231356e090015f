"""Forms: the catalogue filters, the evaluation, priorities, a membership and a suggested network."""

import datetime
import functools
import re

from django import forms
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.text import format_lazy, slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from networks.models import (
    DEFAULT_WEIGHT,
    MEETING_MODES,
    RESERVED_SLUGS,
    SCORE_MAX,
    SCORE_MIN,
    SPOKEN_LANGUAGES,
    WEIGHT_MAX,
    WEIGHT_MIN,
    Country,
    Kind,
    Membership,
    Network,
    Place,
    Scope,
    country_name,
    sort_key,
)
from rookie.lib.widgets import FastSelect, FixedChoices

SCALE_WORDS = {
    1: _("Not at all"),
    2: _("A little"),
    3: _("Partly"),
    4: _("Mostly"),
    5: _("Fully"),
}
WEIGHT_WORDS = {
    0: _("Does not matter"),
    1: _("Matters very little"),
    2: _("Matters a little"),
    3: _("Matters"),
    4: _("Matters a lot"),
    5: _("Matters most"),
}

SORTS = [
    ("score", _("Best rated")),
    ("fit", _("Best fit for me")),
    ("evaluations", _("Most evaluated")),
    ("newest", _("Newest")),
    ("name", _("Name (A–Z)")),
]


def _any(label):
    return [("", label)]


def _select(label, options, **kwargs):
    """A filter's <select>: its options fixed once (FixedChoices), written by FastSelect (every page
    of the catalogue draws these lists, so neither is done again per request)."""
    return forms.ChoiceField(label=label, choices=FixedChoices(options), widget=FastSelect, required=False, **kwargs)


_SORTS_FOR_VISITORS = FixedChoices(choice for choice in SORTS if choice[0] != "fit")


class CatalogueFilterForm(forms.Form):
    """The catalogue's GET form: every filter lives in the query string, so a view can be shared."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    kind = _select(_("Kind"), _any(_("Any kind")) + Kind.choices)
    scope = _select(_("Scope"), _any(_("Any scope")) + Scope.choices)
    # Both filled in __init__, in the reader's language: country names from CLDR, cities by place id.
    country = _select(_("Country"), [])
    city = _select(_("City"), [])
    language = _select(_("Language"), _any(_("Any language")) + SPOKEN_LANGUAGES)
    fee = _select(_("Fee"), [("", _("Free or paid")), ("free", _("Free")), ("paid", _("Paid"))])
    meets = _select(_("Members meet"), _any(_("Any way")) + MEETING_MODES)
    sort = _select(_("Sort by"), SORTS)

    def __init__(self, *args, cities=(), city_options=None, can_fit=False, **kwargs):
        """cities: the places to offer; or city_options, them as city_choices() gives them."""
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_options(get_language())
        if city_options is None:
            city_options = city_choices(cities)
        self.fields["city"].choices = FixedChoices(_any(_("Any city")) + city_options)
        if not can_fit:
            # Without a member there are no priorities; "fit" would equal "best rated".
            self.fields["sort"].choices = _SORTS_FOR_VISITORS

    def filters(self):
        """The valid filters only: a bad value in one field does not throw the others away."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


@functools.cache
def _country_options(language: str | None) -> FixedChoices:
    # CLDR's names in the reader's language (the active one, passed as the key): the same until the
    # next deploy.
    countries = sorted(((code, country_name(code)) for code in Country.values), key=lambda choice: sort_key(choice[1]))
    return FixedChoices(_any(_("Any country")) + countries)


def city_choices(places):
    """Places as <select> choices (value: the id), grouped by country and in the reader's alphabet."""
    groups = {}
    for place in places:
        groups.setdefault(place.country, []).append((str(place.pk), str(place)))
    for choices in groups.values():
        choices.sort(key=lambda choice: sort_key(choice[1]))
    countries = sorted((code for code in groups if code), key=lambda code: sort_key(country_name(code)))
    # Places whose country nobody has entered yet come last, outside any group.
    return [(country_name(code), groups[code]) for code in countries] + groups.get("", [])


class EvaluationForm(forms.Form):
    """A score 1–5 (radio group) and a private note per criterion, and an optional public comment."""

    comment = forms.CharField(
        label=_("Public comment (optional)"),
        help_text=_("Shown on the network's page with your display name; your notes above are not."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        scale = [(n, format_lazy("{} – {}", n, SCALE_WORDS[n])) for n in range(SCORE_MIN, SCORE_MAX + 1)]
        comment = self.fields.pop("comment")
        for criterion in self.criteria:
            self.fields[f"score_{criterion.key}"] = forms.TypedChoiceField(
                label=criterion.question,
                # Django's field template marks help text safe; this one is data, so escape it.
                help_text=conditional_escape(criterion.help_text),
                choices=scale,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score from 1 to 5.")},
            )
            self.fields[f"note_{criterion.key}"] = forms.CharField(
                label=_("Your note (not public)"),
                help_text=_("Not shown on the network's page."),
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["comment"] = comment

    def criterion_fields(self):
        return [
            (criterion, self[f"score_{criterion.key}"], self[f"note_{criterion.key}"]) for criterion in self.criteria
        ]

    def clean(self):
        cleaned = super().clean()
        known = {f"score_{criterion.key}" for criterion in self.criteria} | {
            f"note_{criterion.key}" for criterion in self.criteria
        }
        unknown = [key for key in self.data if re.match(r"^(score|note)_", key) and key not in known]
        if unknown:
            raise forms.ValidationError(
                _("The form refers to a criterion that is not on the checklist. Reload the page and try again."),
                code="unknown_criterion",
            )
        return cleaned

    def scores(self):
        return {
            criterion.pk: (self.cleaned_data[f"score_{criterion.key}"], self.cleaned_data[f"note_{criterion.key}"])
            for criterion in self.criteria
        }

    @classmethod
    def initial_for(cls, evaluation, scores):
        initial = {"comment": evaluation.comment}
        for score in scores:
            initial[f"score_{score.criterion.key}"] = score.score
            initial[f"note_{score.criterion.key}"] = score.note
        return initial


class PrioritiesForm(forms.Form):
    """How much each criterion matters to the member, 0–5."""

    def __init__(self, *args, criteria, weights, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        choices = [(n, format_lazy("{} – {}", n, WEIGHT_WORDS[n])) for n in range(WEIGHT_MIN, WEIGHT_MAX + 1)]
        for criterion in self.criteria:
            self.fields[f"weight_{criterion.key}"] = forms.TypedChoiceField(
                label=criterion.question,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=weights.get(criterion.pk, DEFAULT_WEIGHT),
            )

    def weights(self):
        return {criterion.pk: self.cleaned_data[f"weight_{criterion.key}"] for criterion in self.criteria}


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["status", "since", "hours_per_month", "yearly_cost", "cost_currency"]
        widgets = {
            "status": forms.RadioSelect,
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "hours_per_month": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
            "yearly_cost": forms.NumberInput(attrs={"step": "1", "min": "0"}),
        }

    def clean_since(self):
        since = self.cleaned_data["since"]
        if since is None:
            return since
        today = timezone.localdate()
        if since.year < 1950 or since > today + datetime.timedelta(days=366):
            raise forms.ValidationError(_("Enter a date between 1950 and a year from now."), code="since_range")
        return since


class LanguagesFieldMixin:
    """Edits Network.languages ("en,sv") as a group of checkboxes."""

    def _setup_languages(self, required):
        self.fields["languages"] = forms.MultipleChoiceField(
            label=_("Languages spoken"),
            choices=SPOKEN_LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=required,
        )
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list

    def clean_languages(self):
        chosen = set(self.cleaned_data["languages"])
        return ",".join(code for code, _name in SPOKEN_LANGUAGES if code in chosen)


_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ð": "d", "þ": "th"}
)


def unique_slug(name):
    """A free slug for a new network: Nordic letters spelled out, numbered if taken, never reserved."""
    base = slugify(name.lower().translate(_TRANSLITERATE))[:120].strip("-") or "network"
    taken = set(Network.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


class NetworkSuggestForm(LanguagesFieldMixin, forms.ModelForm):
    """A member's suggestion; texts go into the member's language, editors translate on review."""

    DUPLICATE_NAME_MESSAGE = _("A network with this name is already in the catalogue or waiting for review.")

    website = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")
    meets = forms.MultipleChoiceField(
        label=_("How members meet"), choices=MEETING_MODES, widget=forms.CheckboxSelectMultiple, required=False
    )
    # Typed, in any language ("Gothenburg", "Göteborg"): matched to a place, or added as a new one.
    city = forms.CharField(
        label=_("City"),
        max_length=100,
        required=False,
        help_text=_("In any language. Leave empty for a network that meets online only."),
    )

    class Meta:
        model = Network
        fields = [
            "name",
            "website",
            "summary",
            "purpose",
            "kind",
            "scope",
            "city",
            "country",
            "languages",
            "formality",
            "fee_amount",
            "fee_currency",
            "fee_period",
            "organiser",
            "audience",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "formality": forms.RadioSelect,
            "fee_amount": forms.NumberInput(attrs={"step": "1", "min": "0"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_languages(required=True)
        # Keep the field order of Meta.fields, with "how members meet" after the languages.
        order = list(self.Meta.fields)
        order.insert(order.index("languages") + 1, "meets")
        self.order_fields(order)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if "<" in name or ">" in name:
            raise forms.ValidationError(_("Use plain text, without < or >."), code="markup")
        if Network.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(self.DUPLICATE_NAME_MESSAGE, code="duplicate")
        return name

    def clean(self):
        cleaned = super().clean()
        name = " ".join(cleaned.get("city", "").split())
        if not name or "city" in self.errors:
            return cleaned
        if "<" in name or ">" in name:
            self.add_error("city", forms.ValidationError(_("Use plain text, without < or >."), code="markup"))
            return cleaned
        country = cleaned.get("country", "")
        place = Place.objects.named(name, country)
        if place is not None:
            cleaned["city"] = place
        elif not country:
            self.add_error(
                "city",
                forms.ValidationError(
                    _("This city is not in the catalogue yet: choose its country as well."), code="unknown_city"
                ),
            )
        else:
            # A new place, added in this country when the network is saved (Network.save).
            cleaned["city"] = name
        return cleaned

    def save(self, commit=True):
        network = super().save(commit=False)
        for mode, _label in MEETING_MODES:
            setattr(network, f"meets_{mode}", mode in self.cleaned_data["meets"])
        if commit:
            network.save()
        return network
