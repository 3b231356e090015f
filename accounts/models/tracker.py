"""The member's private tracker: goals, events, contacts, interactions and follow-ups.

Every row carries its `owner`, so every look-up can go through the signed-in user
(`Contact.objects.filter(owner=request.user)`) and a stranger's id is simply not found.
"""

import datetime
import secrets
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.tracker.contact_search_text import search_text
from rookie.lib.languages import LANGUAGE_CODES


class GoalKind(models.TextChoices):
    MEET = "meet", _("Meet new people")
    FOLLOW_UP = "follow_up", _("Follow up")
    INTERVIEWS = "interviews", _("Informational interviews")
    NETWORKS = "networks", _("Join or evaluate networks")
    CUSTOM = "custom", _("Custom")


# The currencies networks charge in (networks.models.Currency); a budget is stated in one of them.
BUDGET_CURRENCIES = [("SEK", "SEK"), ("DKK", "DKK"), ("EUR", "EUR"), ("NOK", "NOK")]
# A month has at most 744 hours: anything above is a typo.
MAX_BUDGET_HOURS = Decimal("744")


class GoalCount(models.TextChoices):
    """What moves a goal: the member's taps (manual), or records the tracker already keeps.

    A counted goal's progress is the number of the member's records of that kind dated within
    the goal's period (starts_on … due_date, and never after today); accounts/tracker/counting.py
    says which records and which day each one counts on.
    """

    MANUAL = "manual", _("I count it myself")
    PEOPLE_MET = "people_met", _("New people I meet")
    INTERVIEWS = "interviews", _("Informational interviews held")
    INTERACTIONS = "interactions", _("Interactions of one kind")
    EVALUATIONS = "evaluations", _("Networks evaluated with the checklist")
    EVENTS = "events", _("Events attended")
    THANK_YOUS = "thank_yous", _("Thank-yous sent within two days of a first meeting")
    FOLLOW_UPS = "follow_ups", _("Follow-ups done on time")


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class InteractionKind(models.TextChoices):
    MET = "met", _("Met in person")
    FIKA = "fika", _("Coffee / fika")
    CALL = "call", _("Phone call")
    VIDEO = "video", _("Video call")
    EMAIL = "email", _("E-mail")
    LINKEDIN = "linkedin", _("LinkedIn message")
    INTERVIEW = "interview", _("Informational interview")
    EVENT = "event", _("Event")


class Event(models.Model):
    """An event the member goes to (event mode): goals before, quick adds during, debrief after."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="events")
    name = models.CharField(_("event"), max_length=200)
    date = models.DateField(_("date"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    people_to_meet = models.PositiveSmallIntegerField(
        _("people to meet"), default=3, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    learning_goal = models.CharField(_("what I want to learn"), max_length=300, blank=True)
    debriefed_at = models.DateTimeField(_("debriefed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(people_to_meet__gte=1, people_to_meet__lte=100),
                name="accounts_event_people_to_meet_range",
            ),
        ]

    def __str__(self):
        return self.name


class Goal(models.Model):
    """A goal of the member's. A manual goal's `progress` is what the member set (+1 taps) and its
    history is GoalProgress. A counted goal (`counts` other than manual) is never tapped: its stored
    `progress` stays 0, and accounts.tracker.counting computes the progress and the history from
    the member's records and puts the number on the instance for display.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=GoalKind.choices, default=GoalKind.CUSTOM)
    counts = models.CharField(_("what counts"), max_length=12, choices=GoalCount.choices, default=GoalCount.MANUAL)
    # Only for counts=interactions: which kind of interaction counts.
    interaction_kind = models.CharField(
        _("kind of interaction"), max_length=10, choices=InteractionKind.choices, blank=True
    )
    # The first day a counted goal counts records on (its period ends on due_date, if any).
    starts_on = models.DateField(_("counting from"), default=timezone.localdate)
    target = models.PositiveSmallIntegerField(
        _("target"), default=1, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"), default=0, validators=[MinValueValidator(0), MaxValueValidator(1000)]
    )
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.SET_NULL, null=True, blank=True, related_name="goals"
    )
    event_name = models.CharField(_("event"), max_length=200, blank=True)
    event_date = models.DateField(_("event date"), null=True, blank=True)
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=GoalStatus.choices, default=GoalStatus.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Put there by accounts.tracker.counting.count_goals on a counted goal: its derived history.
    counted_history: list

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=GoalKind.values), name="accounts_goal_kind_valid"),
            models.CheckConstraint(condition=models.Q(status__in=GoalStatus.values), name="accounts_goal_status_valid"),
            models.CheckConstraint(condition=models.Q(counts__in=GoalCount.values), name="accounts_goal_counts_valid"),
            # Counting interactions needs their kind; any other goal has none.
            models.CheckConstraint(
                condition=models.Q(counts=GoalCount.INTERACTIONS, interaction_kind__in=InteractionKind.values)
                | (~models.Q(counts=GoalCount.INTERACTIONS) & models.Q(interaction_kind="")),
                name="accounts_goal_interaction_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(target__gte=1, target__lte=1000), name="accounts_goal_target_range"
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=1000), name="accounts_goal_progress_range"),
        ]
        indexes = [
            # Dashboard and goal list: a member's goals of one status, soonest due first.
            models.Index(fields=["owner", "status", "due_date"], name="accounts_goal_owner_status"),
        ]

    def __str__(self):
        return self.title

    @property
    def percent(self):
        return min(100, round(100 * self.progress / self.target)) if self.target else 0

    @property
    def is_counted(self):
        return self.counts != GoalCount.MANUAL


class GoalProgress(models.Model):
    """A dated point in a goal's history (for progress charts): the progress reached that day."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="history")
    recorded_on = models.DateField(default=timezone.localdate)
    progress = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["recorded_on"]
        constraints = [
            # One point per goal and day: a second update the same day overwrites the first.
            models.UniqueConstraint(fields=["goal", "recorded_on"], name="accounts_goalprogress_one_per_day"),
        ]

    def __str__(self):
        return f"{self.recorded_on}: {self.progress}"


# The fields Contact.search_text is folded from.
SEARCHED_FIELDS = frozenset({"name", "company", "email"})


class ContactQuerySet(models.QuerySet):
    """Writes that skip Contact.save() (the import, the benchmark's members, tests at 3,000
    contacts) still store the search text; update() cannot fold in SQL and must not set those fields."""

    def bulk_create(self, objs: Iterable["Contact"], *args: Any, **kwargs: Any) -> list["Contact"]:
        objs = list(objs)
        for contact in objs:
            contact.search_text = contact.compute_search_text()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Iterable["Contact"], fields: Sequence[str], *args: Any, **kwargs: Any) -> int:
        objs = list(objs)
        if SEARCHED_FIELDS.intersection(fields):
            for contact in objs:
                contact.search_text = contact.compute_search_text()
            fields = [*fields, "search_text"]
        return super().bulk_update(objs, fields, *args, **kwargs)


class Contact(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    company = models.CharField(_("company"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    linkedin_url = models.URLField(_("LinkedIn URL"), max_length=300, blank=True)
    language = models.CharField(
        _("writes in"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    how_met = models.CharField(_("how and where you met"), max_length=300, blank=True)
    met_at_network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("met through network"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    met_at_event = models.ForeignKey(
        Event,
        verbose_name=_("met at event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    tags = models.CharField(_("tags"), max_length=200, blank=True, help_text=_("Separate tags with commas."))
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    keep_in_touch_days = models.PositiveSmallIntegerField(
        _("keep in touch every (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
    )
    last_contacted_on = models.DateField(_("last contact"), null=True, blank=True)
    # Denormalised: last contact (or creation) + interval, so "losing touch" is one indexed range
    # query on every database. Kept right by Contact.save().
    next_touch_due = models.DateField(null=True, blank=True, editable=False)
    # Denormalised: name, company and e-mail folded (accounts/tracker/contact_search_text.py), what
    # the contact list and the contact field search as plain substrings. Kept right by
    # Contact.save() and by bulk_create() and bulk_update() (ContactQuerySet).
    search_text = models.TextField(default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(keep_in_touch_days__isnull=True)
                | models.Q(keep_in_touch_days__gte=1, keep_in_touch_days__lte=3650),
                name="accounts_contact_keep_in_touch_range",
            ),
            models.CheckConstraint(
                # A list, as the migrations recorded it (a tuple would read as a change).
                condition=models.Q(language__in=list(LANGUAGE_CODES)),
                name="accounts_contact_language_valid",
            ),
        ]
        indexes = [
            # Contact list: a member's contacts by name.
            models.Index(fields=["owner", "name"], name="accounts_contact_owner_name"),
            # Dashboard "losing touch": a member's contacts whose next touch is due before today.
            models.Index(fields=["owner", "next_touch_due"], name="accounts_contact_owner_touch"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.next_touch_due = self.compute_next_touch_due()
        self.search_text = self.compute_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "next_touch_due", "search_text"}
        super().save(*args, **kwargs)

    def compute_search_text(self) -> str:
        return search_text(self.name, self.company, self.email)

    def compute_next_touch_due(self):
        if not self.keep_in_touch_days:
            return None
        start = self.last_contacted_on or (
            timezone.localdate(self.created_at) if self.created_at else timezone.localdate()
        )
        return start + datetime.timedelta(days=self.keep_in_touch_days)


class Interaction(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interactions")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=10, choices=InteractionKind.choices)
    occurred_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-occurred_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=InteractionKind.values), name="accounts_interaction_kind_valid"
            ),
        ]
        indexes = [
            # Dashboard "recent interactions" and weekly counts: a member's interactions, newest first.
            models.Index(fields=["owner", "-occurred_on"], name="accounts_interaction_recent"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.occurred_on}"


class FollowUp(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups")
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    title = models.CharField(_("what"), max_length=200)
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    # Set when snoozed, so statistics can tell "done on time" from "done after snoozing".
    original_due_date = models.DateField(_("first due date"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_date", "id"]
        indexes = [
            # Dashboard, reminders and the calendar feed: a member's open follow-ups by due date.
            models.Index(fields=["owner", "done_at", "due_date"], name="accounts_followup_open_due"),
        ]

    def __str__(self):
        return self.title


class ReminderLog(models.Model):
    """One row per member and day of a reminder digest: what makes send_reminders idempotent.

    A worker of send_reminders first claims the member (claimed_by, claimed_at; sent_at empty), then
    sends and sets sent_at; a claim left without sent_at past the lease is a dead worker's and is
    claimed again (accounts/tracker/transfers/reminders.py).
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_logs")
    sent_on = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    # The run of send_reminders that holds (or held) the member for the day.
    claimed_by = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    follow_up_count = models.PositiveIntegerField(default=0)
    nudge_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # Also serves the workers' look-ups: a batch of members on one day.
            models.UniqueConstraint(fields=["owner", "sent_on"], name="accounts_reminderlog_one_per_day"),
            # A row is a digest sent or a claim on one; never neither.
            models.CheckConstraint(
                condition=models.Q(sent_at__isnull=False) | models.Q(claimed_at__isnull=False),
                name="accounts_reminderlog_sent_or_claimed",
            ),
        ]

    def __str__(self):
        return str(self.sent_on)


class GivingBudget(models.Model):
    """The checklist's fifth point: the time and money the member is prepared to give to networks.

    One row per member, made when they first state it. "My time and money" (accounts/tracker/
    views/giving.py) sets it against what the networks they joined ask (networks' Membership rows).
    """

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="giving_budget")
    hours_per_month = models.DecimalField(
        _("hours a month"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_BUDGET_HOURS)],
        help_text=_("Events, preparation and travel: the time you will give to networks each month."),
    )
    money_per_year = models.DecimalField(
        _("money a year"),
        max_digits=9,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Fees, tickets and travel: what you will spend on networks in a year."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=BUDGET_CURRENCIES, default="SEK")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("time and money I give")
        verbose_name_plural = _("time and money members give")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_month__gte=0, hours_per_month__lte=MAX_BUDGET_HOURS),
                name="accounts_givingbudget_hours_range",
            ),
            models.CheckConstraint(
                condition=models.Q(money_per_year__gte=0), name="accounts_givingbudget_money_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(currency__in=[code for code, _label in BUDGET_CURRENCIES]),
                name="accounts_givingbudget_currency_valid",
            ),
        ]

    def __str__(self):
        return str(self.owner)


def _new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The member's private iCalendar feed and reminder preference."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=_new_feed_token)
    reminders_enabled = models.BooleanField(_("e-mail reminders"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.owner)

    def regenerate(self):
        self.token = _new_feed_token()
        self.save(update_fields=["token"])


class ContactImport(models.Model):
    """A member's contact import in progress: the cleaned rows of an upload waiting for the member
    to confirm the preview (`pending`), then, once carried out, what happened to each row (`result`).

    Its own row, not the session: a 10,000-row file is a megabyte of data, and in the session every
    request of the member would read and decode it. One per member: a new upload replaces it. It
    goes with the account, and `purge_expired` deletes it once it is older than a pending import may
    be (accounts/privacy/retention.py).
    """

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_import")
    pending = models.JSONField(null=True, blank=True)  # accounts.tracker.transfers.importing.PendingImport
    result = models.JSONField(null=True, blank=True)  # {"filename", "summary", "rows"}
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["updated_at"], name="accounts_contactimport_updated")]

    def __str__(self):
        return f"contact import of {self.owner_id}"


class ContactImportReceipt(models.Model):
    """A contact import that was carried out: each pending import's id is imported at most once.

    Simultaneous confirmations (a double click, two tabs) each read the pending import before
    either has carried it out. The id is written here in the transaction that imports, under the
    member's row lock; a confirmation that finds it imports nothing. The id is random and names no
    one, so there is no owner column.
    """

    import_id = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["import_id"], name="accounts_contactimportreceipt_once"),
        ]
        indexes = [
            # The purge in accounts.tracker.transfers.importing: receipts older than any pending import can be.
            models.Index(fields=["created_at"], name="accounts_importreceipt_created"),
        ]

    def __str__(self):
        return self.import_id
