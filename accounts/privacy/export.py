"""Export my data (GDPR articles 15 and 20): one ZIP with a JSON file of everything, a CSV per section
and the same tables as one spreadsheet (rookie-data.xlsx, a sheet per section).

The JSON and the CSVs are for programs: field names as keys, times in UTC. The .xlsx is for people:
column titles are the fields' names in the member's language, dates and times are date cells in the
member's time zone (named in the title, since a spreadsheet cell has no zone), text is never a formula.

SECTIONS is the registry of what is exported. Every model with a ForeignKey or OneToOne to the user
must appear here (one Section per model, naming every user field it covers) or in EXCLUDED with the
reason it is not personal data we export; tests/security/test_export.py introspects the models and
fails on a model that is in neither, so a new model cannot forget the export.

Each section is one query (values() with its joins), whatever the number of rows.
"""

import csv
import dataclasses
import datetime
import io
import json
import uuid
import zipfile
import zoneinfo

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import capfirst

from accounts.tracker.transfers import exporting
from accounts.tracker.transfers.exporting import guard_cell

FORMAT = "rookie-export/1"
JSON_NAME = "rookie-data.json"
XLSX_NAME = "rookie-data.xlsx"


@dataclasses.dataclass(frozen=True)
class Section:
    """One kind of row in the export: a model's rows that belong to the user, with readable extras."""

    name: str  # the JSON key and the CSV file name
    model: str  # "app_label.ModelName"
    # The model's own ForeignKeys to the user; a row is exported when any of them is the user.
    user_fields: tuple = ()
    # For a model without its own user field: the lookup to the user ("goal__owner").
    through: str = ""
    # Extra columns through relations, so a CSV is readable without the others ("contact__name").
    related: tuple = ()
    # Never exported: secrets (the password hash, the calendar feed's private token).
    exclude: tuple = ()

    def get_model(self):
        return apps.get_model(self.model)

    def columns(self):
        fields = self.get_model()._meta.concrete_fields
        own = [field.attname for field in fields if field.name not in self.exclude]
        return [*own, *self.related]

    def queryset(self, user):
        if self.through:
            condition = Q(**{self.through: user.pk})
        else:
            condition = Q()
            for field in self.user_fields:
                condition |= Q(**{field: user.pk})
        return self.get_model()._default_manager.filter(condition).order_by("pk")

    def rows(self, user):
        return list(self.queryset(user).values(*self.columns()))


SECTIONS = (
    Section("profile", "accounts.User", through="pk", exclude=("password",)),
    # The tracker
    Section("goals", "accounts.Goal", ("owner",), related=("event__name", "network__name")),
    Section("goal_history", "accounts.GoalProgress", through="goal__owner", related=("goal__title",)),
    Section("events", "accounts.Event", ("owner",)),
    Section("contacts", "accounts.Contact", ("owner",), related=("met_at_network__name", "met_at_event__name")),
    Section("interactions", "accounts.Interaction", ("owner",), related=("contact__name",)),
    Section("follow_ups", "accounts.FollowUp", ("owner",), related=("contact__name",)),
    Section("reminders_sent", "accounts.ReminderLog", ("owner",), exclude=("claimed_by",)),
    Section("calendar_feed", "accounts.CalendarFeed", ("owner",), exclude=("token",)),
    Section("giving_budget", "accounts.GivingBudget", ("owner",)),
    # An upload waiting for confirmation, or the last import's result (kept a day at most).
    Section("contact_import", "accounts.ContactImport", ("owner",)),
    # Coaching: both sides, as a member and as a coach.
    Section(
        "coach_grants",
        "accounts.CoachGrant",
        ("member", "coach"),
        related=("member__display_name", "coach__display_name"),
    ),
    Section(
        "coach_comments",
        "accounts.CoachComment",
        ("member", "coach", "author"),
        related=("member__display_name", "coach__display_name", "author__display_name", "goal__title"),
    ),
    Section(
        "goal_suggestions",
        "accounts.GoalSuggestion",
        ("member", "coach"),
        related=("member__display_name", "coach__display_name"),
    ),
    Section(
        "coach_access_log",
        "accounts.CoachAccessLog",
        ("member", "coach"),
        related=("member__display_name", "coach__display_name"),
    ),
    Section(
        "coaching_sessions",
        "accounts.CoachingSession",
        ("member", "coach"),
        related=("member__display_name", "coach__display_name"),
    ),
    Section(
        "agreed_actions",
        "accounts.AgreedAction",
        through="session__member",
        related=("session__held_on", "session__coach__display_name"),
    ),
    # The coach's private notes: the member's right of access covers what is written about them;
    # the coach who wrote them gets them too.
    Section(
        "coach_notes",
        "accounts.CoachNote",
        ("member", "coach"),
        related=("member__display_name", "coach__display_name"),
    ),
    # Networks
    Section("memberships", "networks.Membership", ("member",), related=("network__name",)),
    Section("evaluations", "networks.Evaluation", ("member",), related=("network__name",)),
    Section(
        "evaluation_scores",
        "networks.Score",
        through="evaluation__member",
        related=("evaluation__network__name", "criterion__key"),
    ),
    Section("priorities", "networks.Priority", ("member",), related=("criterion__key",)),
    Section("networks_submitted", "networks.Network", ("submitted_by",)),
    Section("network_answers", "networks.SuggestionAnswer", ("member",), related=("network__name",)),
    # Guides: what an editor uploaded to the writing desk's image library.
    Section("images_uploaded", "articles.ImageAsset", ("uploaded_by",)),
)

# Models with a relation to the user that are deliberately not in the export, and why.
_SECURITY_RECORD = (
    "a security record of a log-in attempt (the e-mail address typed, IP address, browser), kept for "
    "30 days to stop password guessing (legitimate interest); keyed on the address typed, not on an account"
)
EXCLUDED = {
    "admin.LogEntry": (
        "the admin's audit trail of what staff changed (editors, administrators), not data a member "
        "gives us; it goes with the staff account"
    ),
    "axes.AccessAttempt": _SECURITY_RECORD,
    "axes.AccessLog": _SECURITY_RECORD,
    "axes.AccessFailureLog": _SECURITY_RECORD,
}


def collect(user):
    """{section name: [row dicts]}: one query per section."""
    return {section.name: section.rows(user) for section in SECTIONS}


def _csv_text(columns, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel otherwise guesses a legacy code page
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row[column]) for column in columns])
    return buffer.getvalue()


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        # A spreadsheet would run "=…" as a formula (CSV injection); numbers and dates cannot start so.
        return guard_cell(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _field_path(model, column):
    """The fields a values() column goes through: "contact__name" is Interaction.contact, then Contact.name."""
    fields = []
    for part in column.split("__"):
        field = model._meta.get_field(part)
        fields.append(field)
        model = field.related_model
    return fields


def _kind(field):
    if isinstance(field, models.ForeignKey):
        # "owner_id": the key's own type.
        return _kind(field.target_field)
    if isinstance(field, models.DateTimeField):
        return exporting.DATETIME
    if isinstance(field, models.DateField):
        return exporting.DATE
    if isinstance(field, models.BooleanField):
        return exporting.BOOLEAN
    if isinstance(field, models.IntegerField | models.FloatField | models.DecimalField | models.AutoField):
        return exporting.NUMBER
    return exporting.TEXT


def _xlsx_value(value):
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _xlsx_columns(section, zone_name):
    columns = []
    titles = set()
    model = section.get_model()
    for column in section.columns():
        path = _field_path(model, column)
        title = " – ".join(capfirst(str(field.verbose_name)) for field in path)
        if title in titles:
            # Two fields with the same name in this language (a goal's event and the event's name it
            # keeps): the field's key tells them apart.
            title = f"{title} ({column})"
        titles.add(title)
        kind = _kind(path[-1])
        if kind == exporting.DATETIME:
            title = f"{title} ({zone_name})"
        width = 18 if kind == exporting.TEXT else 12
        columns.append(exporting.Column(title, lambda row, column=column: _xlsx_value(row[column]), kind, width))
    return columns


def _xlsx(user, data):
    """The tables as one workbook, in the user's language and time zone."""
    zone: datetime.tzinfo
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    with translation.override(user.preferred_language), timezone.override(zone):
        sheets = [(section.name, _xlsx_columns(section, str(zone)), data[section.name]) for section in SECTIONS]
        return exporting.xlsx_bytes(sheets)


def build_archive(user, *, now=None):
    """The export as ZIP bytes: rookie-data.json, csv/<section>.csv, rookie-data.xlsx, a README in their language."""
    now = now or timezone.now()
    data = collect(user)
    payload = {
        "format": FORMAT,
        "exported_at": now,
        "user_id": user.pk,
        "sections": data,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for section in SECTIONS:
            archive.writestr(f"csv/{section.name}.csv", _csv_text(section.columns(), data[section.name]))
        archive.writestr(XLSX_NAME, _xlsx(user, data))
        with translation.override(user.preferred_language):
            readme = render_to_string(
                "accounts/privacy/export_readme.txt",
                {"user": user, "now": now, "sections": [(s.name, len(data[s.name])) for s in SECTIONS]},
            )
        archive.writestr("README.txt", readme)
    return buffer.getvalue()
