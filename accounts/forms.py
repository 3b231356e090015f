import functools
import re
import unicodedata
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import get_timezone_location
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.models.time_zones import NORDIC_TIME_ZONES, TIME_ZONE_COUNTRIES
from accounts.tracker.card import CARD_CHOICES, CARD_FLAGS, CARD_SOURCES, card_shares
from accounts.tracker.transfers.vcard import is_linkedin_url
from rookie.lib.identity import canonical_email, email_is_plain
from rookie.lib.languages import LANGUAGE_CODES
from rookie.lib.widgets import FastSelect


def email_plain_check(value: str) -> None:
    """Refuse an address for a new or changed account unless it is plain (rookie/lib/identity.py):
    printable ASCII as typed, so look-alike letters (ſ, ı, the Kelvin sign) and other scripts
    cannot make two accounts look the same."""
    if not email_is_plain(value):
        raise forms.ValidationError(
            _(
                "Use only plain letters a–z, digits and punctuation in the address. If your domain has "
                "letters such as å, ä, ö or ø, enter its xn-- form."
            ),
            code="not_plain",
        )


def email_new_clean(value: str, *, instance: User | None = None) -> str:
    """The canonical form of an address given to an account by staff: plain, and not taken."""
    email_plain_check(value)
    email = canonical_email(value)
    others = User.objects.filter(email=email)
    if instance is not None and instance.pk is not None:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise forms.ValidationError(_("An account with this e-mail address already exists."), code="duplicate")
    return email


class SignUpForm(forms.Form):
    """The first step of signing up. It never says whether the address already has an account
    (accounts/signup.py): an address's duplicate is not an error here, so this is not a ModelForm."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We will send you a link to choose your password."),
    )
    display_name = forms.CharField(
        label=capfirst(User._meta.get_field("display_name").verbose_name),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    preferred_language = forms.ChoiceField(
        label=capfirst(User._meta.get_field("preferred_language").verbose_name),
        choices=settings.LANGUAGES,
    )

    def clean_email(self):
        email_plain_check(self.cleaned_data["email"])
        return canonical_email(self.cleaned_data["email"])

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])


class SignUpConfirmForm(forms.Form):
    """The second step, from the e-mailed link: the new member chooses their password."""

    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, display_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email, self.display_name = email, display_name

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords do not match."))
        elif password1:
            # Validate against a user carrying the new member's name and e-mail, so the similarity
            # check can refuse a password that is just the e-mail address.
            candidate = User(email=self.email, display_name=self.display_name)
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("That e-mail address and password do not match an account."),
        "inactive": _("This account is inactive."),
    }


class EmailPasswordResetForm(PasswordResetForm):
    """Finds the account by the canonical address, exactly (Django's form asks the database for a
    case-insensitive match, which on PostgreSQL also matches look-alike spellings)."""

    def get_users(self, email):
        users = User._default_manager.filter(email=canonical_email(email), is_active=True)
        return (user for user in users if user.has_usable_password())


# As the tracker's contact form: digits, spaces and + ( ) . / - only.
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,40}$")

# One select per position, so the order can be chosen without JavaScript.
READING_LANGUAGE_LABELS: tuple[Promise, ...] = (
    _("First language"),
    _("Second language"),
    _("Third language"),
    _("Fourth language"),
)
READING_LANGUAGE_FIELDS: tuple[str, ...] = tuple(
    f"reading_{position}" for position in range(1, len(LANGUAGE_CODES) + 1)
)

# The one-click offer on the profile page, a whole sentence per language (Finnish inflects the name:
# "Käytä suomea").
USE_FOR_EMAILS: dict[str, Promise] = {
    "en": _("Use English for e-mails and the calendar too"),
    "sv": _("Use Swedish for e-mails and the calendar too"),
    "da": _("Use Danish for e-mails and the calendar too"),
    "fi": _("Use Finnish for e-mails and the calendar too"),
}


# The letters each language sorts after z, in its order; any other accented letter sorts with its base
# letter (é with e, ü with u), as the language's dictionaries do.
_LETTERS_AFTER_Z = {"sv": "åäö", "fi": "åäö", "da": "æøå"}


def _sort_key(text: str, language: str) -> str:
    after_z = _LETTERS_AFTER_Z.get(language, "")
    key = []
    for char in text.casefold():
        if char in after_z:
            key.append(chr(ord("z") + 1 + after_z.index(char)))
        else:
            key.append(unicodedata.normalize("NFKD", char)[0])
    return "".join(key)


def _city(zone: str, locale: Locale) -> str:
    # CLDR names the city in the language ("Köpenhamn", "Tukholma"); where it has no name, babel
    # falls back to the zone's name without its region ("Argentina/Buenos Aires"): keep the city.
    return get_timezone_location(zone, locale=locale, return_city=True).rsplit("/", 1)[-1]


@functools.lru_cache(maxsize=8)
def _time_zone_choices(language: str) -> tuple:
    locale = Locale.parse(translation.to_locale(language))
    nordic = tuple((zone, _city(zone, locale)) for zone in NORDIC_TIME_ZONES)
    others = []
    for zone, country in TIME_ZONE_COUNTRIES.items():
        if zone in NORDIC_TIME_ZONES:
            continue
        city = _city(zone, locale)
        label = f"{locale.territories.get(country, country)} ({city})" if country else city
        others.append((zone, label))
    others.sort(key=lambda choice: _sort_key(choice[1], language))
    return nordic, tuple(others)


def time_zone_choices(language: str) -> list:
    """The profile's time zones in `language`: the members' three countries first, by city
    ("Helsingfors"), then every other zone as "Country (City)" in the language's alphabetical
    order ("Tyskland (Berlin)", "Österrike (Wien)")."""
    nordic, others = _time_zone_choices(language)
    return [*nordic, (_("Other time zones"), list(others))]


class ProfileForm(forms.ModelForm):
    """The profile, the language for e-mails and the calendar (preferred_language), and the
    languages the member reads, best first (reading_languages, one select per position)."""

    # Not required: a form posted without it (an old page, a script) keeps the member's zone.
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        # About 400 zones: through a template each, they were most of the profile page's time.
        widget=FastSelect,
        help_text=_("Dates and times are shown in this time zone, and your day starts at midnight in it."),
    )

    # Declared for https as the scheme a bare "linkedin.com/in/…" gets.
    linkedin_url = forms.URLField(
        label=capfirst(User._meta.get_field("linkedin_url").verbose_name),
        max_length=300,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        help_text=_("For example https://www.linkedin.com/in/name"),
    )
    # Which details "my card" carries besides the name (accounts/tracker/card.py); stored in User.card_*.
    card_shares = forms.MultipleChoiceField(
        label=_("On your card at events"),
        required=False,
        choices=[(choice, label) for choice, label, _flag, _field in CARD_CHOICES],
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "At an event you can show your card as a QR code: a phone that scans it adds your name and "
            "the details you tick here to its contacts."
        ),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "preferred_language",
            "time_zone",
            "field_of_work",
            "career_stage",
            "elevator_pitch",
            "phone",
            "linkedin_url",
        ]
        labels = {"preferred_language": _("Language for e-mails and the calendar")}
        help_texts = {
            "preferred_language": _(
                "Reminders, notifications, your calendar feed and the titles of goals added for you are "
                "in this language. The language buttons at the top change only the pages."
            )
        }
        widgets = {
            "elevator_pitch": forms.Textarea(attrs={"rows": 4, "maxlength": 600}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, browser_languages: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices(translation.get_language() or settings.LANGUAGE_CODE)
        self.fields["card_shares"].initial = card_shares(self.instance)
        # A member who never chose starts from what their browser asks for, which is what they get.
        initial = self.instance.reading_language_list or list(browser_languages or [])
        choices = [("", "—"), *settings.LANGUAGES]
        for position, (name, label) in enumerate(zip(READING_LANGUAGE_FIELDS, READING_LANGUAGE_LABELS, strict=True)):
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                initial=initial[position] if position < len(initial) else "",
            )

    @property
    def profile_fields(self):
        return [self[name] for name in self.fields if name not in READING_LANGUAGE_FIELDS]

    @property
    def reading_fields(self):
        return [self[name] for name in READING_LANGUAGE_FIELDS]

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data["display_name"])

    def clean_time_zone(self):
        return self.cleaned_data["time_zone"] or self.instance.time_zone

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError(_("Please enter a phone number with digits, spaces and + ( ) - only."))
        return phone

    def clean_linkedin_url(self):
        url = self.cleaned_data["linkedin_url"].strip()
        if not url:
            return url
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not is_linkedin_url(url):
            raise forms.ValidationError(_("Please enter a link to a LinkedIn profile (linkedin.com)."))
        # One spelling, as the tracker keeps its contacts' (se.linkedin.com, http:// and a trailing
        # slash are the same page).
        return f"https://www.linkedin.com{parts.path.rstrip('/')}"

    def clean_card_shares(self):
        # Fields clean in order, so the phone, LinkedIn and pitch posted with this form are here (one
        # with an error of its own is not, and that error says enough).
        shares, posted = self.cleaned_data["card_shares"], self.cleaned_data
        empty = {
            "phone": _("Fill in your phone number above to put it on your card."),
            "linkedin": _("Fill in your LinkedIn profile above to put it on your card."),
            "pitch": _("Write your elevator pitch above to put it on your card."),
        }
        errors = [
            message
            for choice, message in empty.items()
            if choice in shares and CARD_SOURCES[choice] in posted and not posted[CARD_SOURCES[choice]]
        ]
        if errors:
            raise forms.ValidationError(errors)
        return shares

    def clean(self):
        cleaned = super().clean()
        codes: list[str] = []
        gap = False
        for name in READING_LANGUAGE_FIELDS:
            if name not in cleaned:
                return cleaned  # not a site language: the field has its error already
            code = cleaned[name]
            if not code:
                gap = True
            elif gap:
                self.add_error(name, _("Choose the languages in order, without leaving a position empty above."))
            elif code in codes:
                self.add_error(name, _("This language is already chosen above."))
            else:
                codes.append(code)
        cleaned["reading_languages"] = ",".join(codes)
        return cleaned

    def save(self, commit=True):
        self.instance.reading_languages = self.cleaned_data["reading_languages"]
        for choice, flag in CARD_FLAGS.items():
            setattr(self.instance, flag, choice in self.cleaned_data["card_shares"])
        return super().save(commit=commit)


def clean_display_name(value: str) -> str:
    """Names are shown on coaches' pages and in e-mails: refuse markup and control characters.

    Letters in any script and emoji are welcome (Åsa, Søren, Jääskeläinen, 🙂).
    """
    value = " ".join(value.split())
    if not value:
        raise forms.ValidationError(_("Please enter a name."))
    if any(ch in "<>" for ch in value) or any(ord(ch) < 32 for ch in value):
        raise forms.ValidationError(_("A name cannot contain < or > or control characters."))
    return value
