"""The catalogue: networks and the checklist criteria they are judged against.

Network's name and integer primary key are what other apps rely on (the tracker links goals and
contacts to networks). Its aggregate columns (`evaluation_count`, `score_average`,
`criterion_averages`, `rated_criteria`) are written only by networks.services, inside the
transaction that changes an evaluation.
"""

import re
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from networks.models.places import Country, Place, countries_named, country_name, place_named
from rookie.lib.languages import language_fields


class Kind(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional association")
    ALUMNI = "alumni", _("Alumni network")
    CHAMBER = "chamber", _("Chamber of commerce")
    MEETUP = "meetup", _("Industry meetup")
    ONLINE = "online", _("Online community")
    MENTORING = "mentoring", _("Mentoring programme")
    STUDENT = "student", _("Student association")
    SOCIAL = "social", _("Social club")
    CONFERENCE = "conference", _("Conference or trade fair")


class Scope(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class Formality(models.TextChoices):
    INFORMAL = "informal", _("Informal")
    FORMAL = "formal", _("Formal membership")


class Currency(models.TextChoices):
    SEK = "SEK", "SEK"
    DKK = "DKK", "DKK"
    EUR = "EUR", "EUR"
    NOK = "NOK", "NOK"


class FeePeriod(models.TextChoices):
    ONE_OFF = "one_off", _("one-off")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")


# Languages a network's activities are held in (not the site's UI languages).
SPOKEN_LANGUAGES = [
    ("sv", _("Swedish")),
    ("da", _("Danish")),
    ("fi", _("Finnish")),
    ("no", _("Norwegian")),
    ("is", _("Icelandic")),
    ("en", _("English")),
    ("de", _("German")),
]
SPOKEN_LANGUAGE_CODES = [code for code, _name in SPOKEN_LANGUAGES]

# How members meet: one boolean column each, so the filter is a plain indexed-or-not column test.
MEETING_MODES = [
    ("in_person", _("In person")),
    ("online", _("Online or video")),
    ("phone_email", _("Phone or e-mail")),
    ("social_media", _("Social media")),
]

# Colour classes for a network's initials (static/css/networks.css: .network-logo--c0 …); white text
# on each meets WCAG AA in light and dark mode.
LOGO_COLOURS = 6

# Paths under /networks/ that are pages, not networks; a network may not take them as its slug.
RESERVED_SLUGS = {"suggest", "mine", "compare", "priorities", "checklist", "evaluations", "memberships"}


def validate_language_list(value):
    """`languages` holds distinct two-letter codes joined by commas, e.g. "en,sv"."""
    if not value:
        return
    codes = value.split(",")
    unknown = [code for code in codes if code not in SPOKEN_LANGUAGE_CODES]
    if unknown or len(set(codes)) != len(codes):
        raise ValidationError(_("Choose languages from the list."), code="invalid_languages")


def validate_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved; choose another."), code="reserved_slug")


class NetworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Network.Status.APPROVED)

    def visible_to(self, user):
        """Approved networks for everyone; pending ones for their submitter; everything for staff."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        visible = Q(status=Network.Status.APPROVED)
        if user.is_authenticated:
            visible |= Q(status=Network.Status.PENDING, submitted_by=user)
        return self.filter(visible)

    def search(self, text):
        """Name, the short description in any language, the city by any of its names, or the country
        by its name in any site language ("Gothenburg", "Göteborg", "Kööpenhamina", "Ruotsi").

        filter() on a translated field reads only the active language's column, so a description
        that exists only in Swedish (and is shown to a Finnish reader by fallback) would not be
        found; search every column instead. Country names come from CLDR (not the database), so
        they become a list of codes first.
        """
        query = Q(name__icontains=text) | Q(city__other_names__icontains=text)
        for field in language_fields("summary"):
            query |= Q(**{f"{field}__icontains": text})
        for field in language_fields("name"):
            query |= Q(**{f"city__{field}__icontains": text})
        if codes := countries_named(text):
            query |= Q(country__in=codes) | Q(city__country__in=codes)
        return self.filter(query)

    def in_country(self, code):
        """Networks in the country, or whose city is there (a network across several countries may
        still name the city it is run from)."""
        return self.filter(Q(country=code) | Q(city__country=code))

    def with_language(self, code):
        # Codes are exactly two letters and separated by commas, so a substring match on a code
        # can only hit that code (see validate_language_list).
        return self.filter(languages__contains=code)


class _CityDescriptor(ForwardManyToOneDescriptor):
    """`network.city` also takes a city's name as text, for code that names cities in words (seed
    files, bench data, tests): `Network(city="Göteborg", country="SE")`. The name is looked up at
    once in any country, and again in the network's own country on save(), which creates the
    place if it is new (place_named), so a name is never lost.
    """

    def __set__(self, instance, value):
        if isinstance(value, str):
            name = " ".join(value.split())
            instance.__dict__["_city_name"] = name or None
            value = Place.objects.named(name) if name else None
        else:
            instance.__dict__.pop("_city_name", None)
        super().__set__(instance, value)


class CityField(models.ForeignKey):
    forward_related_accessor_class = _CityDescriptor

    def deconstruct(self):
        # Migrations see a plain foreign key: the descriptor changes no column.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


class Network(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        HIDDEN = "hidden", _("Hidden")

    Kind = Kind
    Scope = Scope
    Country = Country
    Formality = Formality
    Currency = Currency
    FeePeriod = FeePeriod

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, validators=[validate_not_reserved])
    # Translated (networks/translation.py): summary, purpose, organiser, audience.
    summary = models.CharField(
        _("short description"), max_length=300, help_text=_("One or two sentences: what the network is.")
    )
    purpose = models.TextField(
        _("purpose and goals"), max_length=2000, blank=True, help_text=_("What the network is for and what it does.")
    )
    organiser = models.CharField(_("who runs it"), max_length=200, blank=True)
    audience = models.CharField(_("who the members are"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    scope = models.CharField(_("scope"), max_length=13, choices=Scope.choices)
    city = CityField(
        Place,
        verbose_name=_("city"),
        # A place that networks point at is not deleted from under them.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="networks",
        help_text=_("Leave empty for a network that meets online only."),
    )
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, blank=True, help_text=_("Leave empty if several or none.")
    )
    languages = models.CharField(_("languages spoken"), max_length=40, blank=True, validators=[validate_language_list])
    formality = models.CharField(_("formality"), max_length=8, choices=Formality.choices, default=Formality.INFORMAL)
    fee_amount = models.DecimalField(
        _("membership fee"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 if it is free."),
    )
    fee_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK)
    fee_period = models.CharField(_("fee period"), max_length=7, choices=FeePeriod.choices, default=FeePeriod.YEAR)
    meets_in_person = models.BooleanField(_("in person"), default=False)
    meets_online = models.BooleanField(_("online or video"), default=False)
    meets_phone_email = models.BooleanField(_("phone or e-mail"), default=False)
    meets_social_media = models.BooleanField(_("social media"), default=False)
    website = models.URLField(_("website"), max_length=200, blank=True)
    # Written only through rookie.lib.images.clean_image (NetworkAdminForm): re-encoded, named by
    # its real format; without one the pages show the network's initials.
    logo = models.ImageField(
        _("logo"),
        upload_to="networks/logos/",
        blank=True,
        max_length=200,
        help_text=_("PNG, JPEG, WebP or GIF; a square picture looks best. Without one, the initials are shown."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_networks",
    )
    # Sent to the member who suggested the network with the answer (networks/answers.py).
    review_reason = models.TextField(
        _("reason for the member"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Why it is approved or hidden, in a sentence or two. The member who suggested it gets this "
            "with the answer, on their overview and by e-mail."
        ),
    )
    # Denormalised from the evaluations by networks.services.network_stats_refresh.
    evaluation_count = models.PositiveIntegerField(_("evaluations"), default=0, editable=False)
    score_average = models.FloatField(
        _("overall score"),
        null=True,
        blank=True,
        editable=False,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("The mean of the per-criterion averages."),
    )
    # The per-criterion averages again, {"c<criterion id>": average} for the rated criteria, and how
    # many there are: "fit for me" is computed from these columns in the catalogue's one query
    # (networks/scoring.py) instead of a subquery over CriterionStats per network.
    criterion_averages = models.JSONField(default=dict, blank=True, editable=False)
    rated_criteria = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "approved", "hidden"]), name="networks_network_status_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="networks_network_kind_valid"),
            models.CheckConstraint(condition=Q(scope__in=Scope.values), name="networks_network_scope_valid"),
            models.CheckConstraint(
                condition=Q(country__in=[*Country.values, ""]), name="networks_network_country_valid"
            ),
            models.CheckConstraint(
                condition=Q(formality__in=Formality.values), name="networks_network_formality_valid"
            ),
            models.CheckConstraint(
                condition=Q(fee_currency__in=Currency.values), name="networks_network_fee_currency_valid"
            ),
            models.CheckConstraint(
                condition=Q(fee_period__in=FeePeriod.values), name="networks_network_fee_period_valid"
            ),
            models.CheckConstraint(condition=Q(fee_amount__gte=0), name="networks_network_fee_not_negative"),
            models.CheckConstraint(
                condition=Q(score_average__isnull=True) | Q(score_average__gte=1, score_average__lte=5),
                name="networks_network_score_average_range",
            ),
        ]
        indexes = [
            # Catalogue, default sort: approved networks by overall score.
            models.Index(fields=["status", "-score_average"], name="networks_network_by_score"),
            # Catalogue sorted by "newest".
            models.Index(fields=["status", "-created_at"], name="networks_network_newest"),
            # Catalogue city filter, and the list of cities offered in that filter.
            models.Index(fields=["status", "city"], name="networks_network_city"),
            # Catalogue filtered by kind (count and page queries): a few hundred rows of 2,000 at
            # scale 10 instead of a scan of the whole, wide table (docs/PERFORMANCE.md).
            models.Index(fields=["status", "kind"], name="networks_network_kind"),
            # Catalogue sorted by the number of evaluations: the first page straight off the index.
            models.Index(fields=["status", "-evaluation_count"], name="networks_network_by_count"),
            # A member's catalogue sorted by their own fit ranks every approved network on these
            # columns (networks/scoring.py): read from this narrow index (where the database covers
            # an index's extra columns), not the wide, translated table (2.2 -> 1.5 ms at scale 10).
            models.Index(
                fields=["status"],
                include=["id", "score_average", "rated_criteria", "criterion_averages", "name"],
                name="networks_network_fit",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A city given as text (see _CityDescriptor) is found in the network's country, or added.
        pending = self.__dict__.pop("_city_name", None)
        if pending:
            self.city = place_named(pending, self.country)
        try:
            super().save(*args, **kwargs)
        except BaseException:
            # A rolled-back save (a taken slug, retried by suggestion_save) rolls the new place back
            # too: look the name up again next time.
            if pending:
                self.__dict__["_city_name"] = pending
            raise

    def clean(self):
        super().clean()
        # A city given as text is looked up in this network's country on save(); nothing to check.
        pending = "_city_name" in self.__dict__
        if not pending and self.city_id and self.country and self.city.country not in ("", self.country):
            raise ValidationError(
                {"city": _("This city is in another country than the one chosen.")}, code="city_country"
            )

    @property
    def is_free(self):
        return self.fee_amount == 0

    @property
    def yearly_fee(self):
        """The fee over a year, for comparing networks; a one-off fee is not spread out (None)."""
        if self.fee_period == FeePeriod.MONTH:
            return self.fee_amount * 12
        if self.fee_period == FeePeriod.YEAR:
            return self.fee_amount
        return self.fee_amount if self.is_free else None

    @property
    def initials(self):
        """One or two letters for the logo's place: the first letters of the name's first two words
        ("Lund Tech Alumni Circle" → "LT", "Ørestad" → "Ø")."""
        words = [word for word in re.split(r"[\W_]+", self.name) if word]
        return "".join(word[0] for word in words[:2]).upper() or "#"

    @property
    def logo_colour(self):
        """The index of the initials' colour class: the same name always gets the same colour."""
        return zlib.crc32(self.name.encode()) % LOGO_COLOURS

    @property
    def language_list(self):
        return [code for code in self.languages.split(",") if code] if self.languages else []

    @property
    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [names[code] for code in self.language_list if code in names]

    @property
    def meeting_modes(self) -> list[str]:
        """How members meet, as the items of one phrase: "In person, online or video". The fields'
        own labels are lower case; only the first item is capitalised, as a list reads in each language."""
        met = [
            str(self._meta.get_field(f"meets_{mode}").verbose_name)
            for mode, _label in MEETING_MODES
            if getattr(self, f"meets_{mode}")
        ]
        return [capfirst(met[0]), *met[1:]] if met else []

    @property
    def place(self):
        """ "City, Country" in the reader's language ("Kööpenhamina, Tanska"), or the country alone.

        Reads self.city: views that show it select_related("city").
        """
        if self.city_id:
            return ", ".join(part for part in (str(self.city), country_name(self.city.country or self.country)) if part)
        return country_name(self.country)

    def summary_language(self):
        """The language the description is actually shown in (it may be a fallback)."""
        active = translation.get_language() or settings.LANGUAGE_CODE
        chain = [active, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get(active, ())]
        for code in chain:
            if getattr(self, f"summary_{code}", ""):
                return code
        return active


class Criterion(models.Model):
    """One point of the "choose the right network" checklist; seeded in en, sv, da, fi."""

    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    key = models.SlugField(_("key"), max_length=20, unique=True)
    # Translated (networks/translation.py): label, question, help_text.
    label = models.CharField(_("short label"), max_length=60)
    question = models.CharField(_("question"), max_length=200)
    help_text = models.TextField(_("help text"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["order"]

    def __str__(self):
        return self.label
