"""Dates, money and numbers in the reader's language: `{% load rookie_l10n %}`.

- `{{ value|iso }}`: a value for `<time datetime>` (no microseconds, which the HTML standard
  refuses): `2026-12-07` for a date, `2026-12-07T10:15:00+01:00` for a datetime, in the current
  time zone like the visible text beside it.
- `{{ value|ldate:"WEEKDAY_DAY_FORMAT" }}`: a named format from our format modules
  (rookie/formats/) or Django's; `|date` knows only Django's names.
- `{{ value|relday }}`: "today", "tomorrow", "yesterday" in the reader's language, otherwise the
  date in a named format (SHORT_DATE_FORMAT unless given): for due dates, where "tomorrow" is what
  the member needs to read.
- `{{ amount|money:currency }}`: an amount as the language writes money ("1 200 kr",
  "1.950 kr.", "1 200 €"), from CLDR through babel; no ",00" on a whole amount.
- `{{ network|fee }}`: a network's fee with its period, or "Free".
- `{{ value|decimal }}`: a quantity such as hours: the locale's decimal comma, no pointless ",0".

The shell's app ("rookie") is installed so that templates can load this library; nothing imports
it. A number that is an identifier, not a quantity, takes Django's `|unlocalize` instead.
"""

import datetime
import functools
import re
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency
from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaultfilters import floatformat
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, pgettext, to_locale

register = template.Library()

# The country each interface language is written in, for CLDR's money formats.
BABEL_LOCALES = {"en": "en_GB", "sv": "sv_SE", "da": "da_DK", "fi": "fi_FI"}
DEFAULT_BABEL_LOCALE = "en_GB"

# CLDR puts a space between a currency code and the digits ("SEK 1,200"); babel does not.
_CODE_AGAINST_DIGIT = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def _babel_locale() -> Locale:
    language = (get_language() or settings.LANGUAGE_CODE).lower()
    name = BABEL_LOCALES.get(language.split("-")[0], to_locale(language))
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_BABEL_LOCALE)


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter(is_safe=True)
def iso(value) -> str:
    """A valid `datetime` attribute value: ISO 8601 to the second, or a plain date."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


def named_format(name: str) -> str:
    """The active language's pattern for a named format, ours (rookie/formats/) first."""
    lang = get_language()
    for module in formats.iter_format_modules(lang, settings.FORMAT_MODULE_PATH):
        if hasattr(module, name):
            return getattr(module, name)
    return formats.get_format(name, lang)


@register.filter
def ldate(value, name: str = "DATE_FORMAT") -> str:
    """`value` in a named format. Only names: a literal pattern would be the same in every language."""
    if value in (None, ""):
        return ""
    if not name.endswith("_FORMAT"):
        raise template.TemplateSyntaxError(f"ldate takes a format name, not a pattern: {name!r}")
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    # The zone's offset and name too: aware datetimes at the same instant are equal in any zone.
    zone = (value.utcoffset(), value.tzname()) if isinstance(value, datetime.datetime) else None
    return _formatted(get_language(), name, type(value), value, zone)


@functools.lru_cache(maxsize=4096)
def _formatted(language, name, kind, value, zone) -> str:
    # A page lists the same few days many times (due dates, "added on"): each is formatted once
    # per language and format. The language is the active one, which date_format reads.
    return formats.date_format(value, named_format(name))


@receiver(setting_changed)
def _formats_changed(**kwargs) -> None:
    _formatted.cache_clear()  # FORMAT_MODULE_PATH, LANGUAGE_CODE… in tests


@register.filter
def relday(value, name: str = "SHORT_DATE_FORMAT") -> str:
    """Today, tomorrow or yesterday in words; any other day in the named format."""
    if value in (None, ""):
        return ""
    day = _as_date(value)
    offset = (day - timezone.localdate()).days
    if offset == 0:
        return pgettext("relative day", "today")
    if offset == 1:
        return pgettext("relative day", "tomorrow")
    if offset == -1:
        return pgettext("relative day", "yesterday")
    return ldate(day, name)


@register.filter
def money(amount, currency: str) -> str:
    """`amount` of `currency` (an ISO 4217 code) as the active language writes money."""
    if amount in (None, ""):
        return ""
    try:
        amount = Decimal(str(amount))
    except InvalidOperation:
        return ""
    locale = _babel_locale()
    if amount == amount.to_integral_value():
        # A whole amount without ",00": "1 200 kr", as prices are written.
        pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
        text = format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=locale)
    return _CODE_AGAINST_DIGIT.sub("\xa0", text)


@register.filter
def fee(network) -> str:
    """A network's fee and its period ("1 200 kr per year"), or "Free"."""
    if network.is_free:
        return gettext("Free")
    return f"{money(network.fee_amount, network.fee_currency)} {network.get_fee_period_display()}"


@register.filter
def decimal(value) -> str:
    """A quantity with the locale's decimal comma and at most one decimal ("2,5", "2")."""
    if value in (None, ""):
        return ""
    return floatformat(value, "-1")
