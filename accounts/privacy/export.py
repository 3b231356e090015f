"""Export my data (GDPR articles 15 and 20): one ZIP with a JSON file of everything and a CSV per section.

SECTIONS is the registry of what is exported. Every model with a ForeignKey or OneToOne to the user
must appear here (one Section per model, naming every user field it covers) or in EXCLUDED with the
reason it is not personal data we export; tests/security/test_export.py introspects the models and
fails on a model that is in neither, so a new model cannot forget the export.

Each section is one query (values() with its joins), whatever the number of rows.
"""

import csv
import dataclasses
import io
import json
import zipfile

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from accounts.tracker.transfers.exporting import guard_cell

FORMAT = "rookie-export/1"
JSON_NAME = "rookie-data.json"


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
    Section("reminders_sent", "accounts.ReminderLog", ("owner",)),
    Section("calendar_feed", "accounts.CalendarFeed", ("owner",), exclude=("token",)),
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


def build_archive(user, *, now=None):
    """The export as ZIP bytes: rookie-data.json, csv/<section>.csv and a README in the user's language."""
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
        with translation.override(user.preferred_language):
            readme = render_to_string(
                "accounts/privacy/export_readme.txt",
                {"user": user, "now": now, "sections": [(s.name, len(data[s.name])) for s in SECTIONS]},
            )
        archive.writestr("README.txt", readme)
    return buffer.getvalue()
