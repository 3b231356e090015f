from itertools import permutations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models.time_zones import DEFAULT_TIME_ZONE, TIME_ZONE_NAMES
from rookie.lib.identity import canonical_email
from rookie.lib.languages import LANGUAGE_CODES

# Every ordered list of distinct site languages, comma-separated ("fi,en"), and "" for none given:
# the check constraint lists them all, which works the same on SQLite and PostgreSQL (a regular
# expression in a constraint would not). A list, as the migration recorded it.
READING_LANGUAGE_VALUES: list[str] = [
    ",".join(order) for size in range(len(LANGUAGE_CODES) + 1) for order in permutations(LANGUAGE_CODES, size)
]


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        # One canonical form (rookie/lib/identity.py) for storage and every look-up, matched exactly:
        # a case-insensitive query would let look-alike spellings (ſ, ı) find the account.
        return canonical_email(email)

    def get_by_natural_key(self, username):
        return self.get(email=canonical_email(username))

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra_fields)


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    COACH = "coach", _("Career coach")
    EDITOR = "editor", _("Editor")


class CareerStage(models.TextChoices):
    UNSPECIFIED = "", _("Not specified")
    STUDENT = "student", _("Student")
    GRADUATE = "graduate", _("Recent graduate")
    EARLY = "early", _("Early career (0–5 years)")
    CHANGING = "changing", _("Changing careers")


class User(AbstractBaseUser, PermissionsMixin):
    Role = Role
    CareerStage = CareerStage

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # The languages the member reads, best first: a guide missing in the interface language is shown
    # in the first of these that exists (articles/languages.py). Empty: the browser's Accept-Language.
    reading_languages = models.CharField(
        _("reading languages"), max_length=len(",".join(LANGUAGE_CODES)), blank=True, default=""
    )
    # The zone every date and time is shown in while they are signed in (rookie/timezones.py), and
    # the one "today" is counted in. An IANA name from accounts/models/time_zones.py.
    time_zone = models.CharField(_("time zone"), max_length=40, default=DEFAULT_TIME_ZONE)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    field_of_work = models.CharField(_("field or industry"), max_length=100, blank=True)
    career_stage = models.CharField(
        _("career stage"), max_length=10, choices=CareerStage.choices, blank=True, default=""
    )
    elevator_pitch = models.TextField(
        _("elevator pitch"),
        max_length=600,
        blank=True,
        help_text=_("Who you are and what you are looking for, in two or three sentences."),
    )
    # The member's own ways to be reached, and which of them "my card" (accounts/tracker/card.py) shares:
    # a QR code shown at events that puts the name and the chosen details into the scanner's contacts.
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    linkedin_url = models.URLField(_("LinkedIn profile"), max_length=300, blank=True)
    card_email = models.BooleanField(_("e-mail address on my card"), default=False)
    card_phone = models.BooleanField(_("phone on my card"), default=False)
    card_linkedin = models.BooleanField(_("LinkedIn profile on my card"), default=False)
    card_pitch = models.BooleanField(_("elevator pitch on my card"), default=False)
    # When the member hid the "First steps" box on their overview (accounts/tracker/first_steps.py);
    # empty while it is shown. A time rather than a flag, so support can tell when.
    first_steps_hidden_at = models.DateTimeField(_("first steps hidden"), null=True, blank=True)
    # Which repeated e-mails the member gets (accounts/mail_preferences.py): each can be turned off
    # with one click from the mail itself, and on again from the profile.
    mail_coaching_comments = models.BooleanField(_("e-mails about comments from coaching"), default=True)
    mail_coaching_suggestions = models.BooleanField(_("e-mails about suggested goals"), default=True)
    mail_network_answers = models.BooleanField(_("e-mails about the networks you suggested"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values),
                name="accounts_user_role_valid",
            ),
            models.CheckConstraint(
                # A list, as the migrations recorded it (a tuple would read as a change).
                condition=models.Q(preferred_language__in=list(LANGUAGE_CODES)),
                name="accounts_user_language_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(reading_languages__in=READING_LANGUAGE_VALUES),
                name="accounts_user_reading_languages_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(career_stage__in=CareerStage.values),
                name="accounts_user_career_stage_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(time_zone__in=TIME_ZONE_NAMES),
                name="accounts_user_time_zone_valid",
            ),
        ]

    def __str__(self):
        return self.display_name or self.email

    def clean(self):
        super().clean()
        self.email = canonical_email(self.email)

    def save(self, *args, **kwargs):
        # Whatever created the row (a form, the admin, a factory, a command), it is stored canonical.
        self.email = canonical_email(self.email)
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    @property
    def reading_language_list(self) -> list[str]:
        """The reading languages as codes, best first ([] when the member has not given any)."""
        return [code for code in self.reading_languages.split(",") if code]

    # The one place a role is compared (accounts/roles.py: role_required; templates read these too).
    @property
    def is_member(self) -> bool:
        return self.role == self.Role.MEMBER

    @property
    def is_coach(self) -> bool:
        return self.role == self.Role.COACH

    @property
    def is_editor(self) -> bool:
        return self.role == self.Role.EDITOR
