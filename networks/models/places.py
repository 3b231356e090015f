"""Places: the cities networks meet in, named in each site language, and countries named by CLDR.

A city is stored once, as a Place with its name per language (modeltranslation: name_en, name_sv,
name_da, name_fi), so a Swedish reader sees "Köpenhamn", a Finnish one "Kööpenhamina", and a search
for any of those (or an older spelling in `other_names`) finds the same networks. Country names are
not stored: babel ships the Unicode CLDR's names for every language (`country_name`).

The Nordic cities are seeded by migration 0009_seed_places_and_map_cities; editors add others in
the admin, and a member's suggestion adds the city it names when it is not there yet (place_named).
"""

from functools import lru_cache

from babel import Locale
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rookie.lib.languages import LANGUAGE_CODES, language_fields


class Country(models.TextChoices):
    # On a network, blank means several countries, or online only.
    SWEDEN = "SE", _("Sweden")
    DENMARK = "DK", _("Denmark")
    FINLAND = "FI", _("Finland")
    NORWAY = "NO", _("Norway")
    ICELAND = "IS", _("Iceland")


@lru_cache(maxsize=32)
def _territories(language: str) -> dict[str, str]:
    return dict(Locale.parse(language).territories)


def country_name(code: str, language: str | None = None) -> str:
    """The country's name in `language` (default: the active one) from CLDR, e.g. FI → "Suomi" in fi."""
    if not code:
        return ""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    return _territories(language).get(code, code)


def countries_named(text: str) -> list[str]:
    """Codes of the supported countries whose name in any site language has a word starting with
    `text` ("ruotsi", "Sver", "Danmark" → SE, SE, DK). Word starts only: a substring would make a
    search for "land" or "and" return every network in Finland and Iceland."""
    text = text.strip().casefold()
    if len(text) < 2:
        return []
    codes = []
    for code in Country.values:
        for language in LANGUAGE_CODES:
            name = country_name(code, language).casefold()
            if name.startswith(text) or any(word.startswith(text) for word in name.split()):
                codes.append(code)
                break
    return codes


# Alphabet order as each language sorts its own letters after z (Python's order is the code points').
_AFTER_Z = {
    "sv": {"å": "z1", "ä": "z2", "æ": "z2", "ö": "z3", "ø": "z3"},
    "fi": {"å": "z1", "ä": "z2", "æ": "z2", "ö": "z3", "ø": "z3"},
    "da": {"æ": "z1", "ä": "z1", "ø": "z2", "ö": "z2", "å": "z3"},
}


def sort_key(text: str, language: str | None = None) -> str:
    """A key that sorts names the way the reader's language does: Åbo after Örebro in Danish, before
    it in Swedish and Finnish."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    folded = text.casefold()
    letters = _AFTER_Z.get(language)
    if letters:
        folded = "".join(letters.get(char, char) for char in folded)
    return folded


class PlaceQuerySet(models.QuerySet):
    def matching(self, text: str) -> "PlaceQuerySet":
        """Places with `text` in a name in any language or in their other spellings."""
        query = Q(other_names__icontains=text)
        for field in language_fields("name"):
            query |= Q(**{f"{field}__icontains": text})
        return self.filter(query)

    def named(self, name: str, country: str = "") -> "Place | None":
        """The place called exactly `name` (any case) in any language or other spelling, in
        `country` when one is given; None if there is none.

        Compared in Python after a narrowing icontains: SQLite's iexact folds only A–Z, so it would
        not match "ÖREBRO" to "Örebro" (rookie/lib/lookups.py does that for icontains only).
        """
        name = " ".join(name.split())
        if not name:
            return None
        candidates = self.matching(name)
        if country:
            candidates = candidates.filter(country=country)
        wanted = name.casefold()
        for place in candidates.order_by("country", "pk"):
            if wanted in place.all_names():
                return place
        return None


class Place(models.Model):
    """A city (or town) networks meet in, with its name in each site language."""

    # Translated (networks/translation.py): name.
    name = models.CharField(_("name"), max_length=100)
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, blank=True, help_text=_("Empty if not known yet.")
    )
    other_names = models.CharField(
        _("other spellings"),
        max_length=200,
        blank=True,
        help_text=_(
            "Found by the search, never shown: older spellings, names in other languages, or the name "
            "without Nordic letters. Separate them with commas."
        ),
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        # A city or town; the tracker's "place" is where an event is held (another word in sv, fi).
        verbose_name = pgettext_lazy("city or town", "place")
        verbose_name_plural = pgettext_lazy("city or town", "places")
        ordering = ["country", "name_en"]
        constraints = [
            # Blank: a city kept from before places existed whose country nobody had entered.
            models.CheckConstraint(condition=Q(country__in=[*Country.values, ""]), name="networks_place_country_valid"),
            models.UniqueConstraint(fields=["country", "name_en"], name="networks_place_unique_english_name"),
        ]

    def __str__(self):
        # modeltranslation: the active language's name, or the fallback chain's.
        return self.name or self.name_en or ""

    def all_names(self) -> set[str]:
        """Every name and other spelling, case-folded."""
        names = {getattr(self, field) or "" for field in language_fields("name")}
        names.update(self.other_names.split(","))
        return {" ".join(name.split()).casefold() for name in names} - {""}

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    @property
    def display(self) -> str:
        """ "City, Country" in the active language."""
        return ", ".join(part for part in (str(self), self.country_name) if part)


def place_named(name: str, country: str = "") -> Place | None:
    """The place called `name` in any language (in `country` if given), created with that name in
    every language when there is none yet; None for a blank name.

    For input that names a city as text: a member's suggestion, seed data, tests. An editor then
    translates a new place's name in the admin.
    """
    name = " ".join((name or "").split())
    if not name:
        return None
    place = Place.objects.named(name, country)
    if place is None:
        place = Place(country=country, other_names="")
        for field in ("name", *language_fields("name")):
            setattr(place, field, name)
        place.save()
    return place
