"""Contact imports: read the whole file, clean every row, plan what happens to each, then write in one go.

Nothing is written until the member confirms the preview, and then everything is written in one
transaction: a file that cannot be read fails before any row exists. Between the preview and the
confirmation the cleaned rows wait in the member's ContactImport row (PendingImport, empty fields
left out), bounded by the file cap (TRACKER_IMPORT_MAX_BYTES, 4 MB), the row cap
(TRACKER_IMPORT_MAX_ROWS, 10,000) and an age (PENDING_MAX_AGE). Duplicates are checked again on
confirmation, against the contacts as they are then, and each pending import is carried out once
however often it is confirmed (ContactImportReceipt).
"""

import codecs
import dataclasses
import datetime
import re
import time
import uuid
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Contact
from accounts.models.tracker import ContactImportReceipt
from accounts.signals import member_data_changed
from accounts.tracker.services import owner_lock
from accounts.tracker.transfers.errors import ImportFormatError
from accounts.tracker.transfers.linkedin import parse_connections
from accounts.tracker.transfers.text import clean_line, clean_multiline
from accounts.tracker.transfers.vcard import is_linkedin_url, parse_vcards
from rookie.lib.languages import is_language

LINKEDIN = "linkedin"
VCARD = "vcard"
SOURCES = {LINKEDIN: _("LinkedIn connections (CSV)"), VCARD: _("vCard")}

# A preview older than this is not confirmed (the member uploads the file again); receipts of
# imports older than this can go, since no pending import that old is ever carried out.
PENDING_MAX_AGE = datetime.timedelta(hours=24)


class ImportAlreadyDone(Exception):
    """This pending import has been carried out already (a second confirmation of the same preview)."""


# A LinkedIn row with a long profile address, company and position is about 250 bytes, so 10,000
# such rows (the most a member with a large network exports) fit with room to spare.
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
DEFAULT_MAX_ROWS = 10_000


def max_bytes():
    return getattr(settings, "TRACKER_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_rows():
    return getattr(settings, "TRACKER_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS)


def _max_length(field):
    return Contact._meta.get_field(field).max_length


# --- Reading the file -----------------------------------------------------------------------------


def decode(data):
    """UTF-8 with or without a BOM (also UTF-16 with a BOM, which Excel's "Unicode text" writes)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" not in text:
                return text
    raise ImportFormatError(
        gettext("The file is not UTF-8 text. Export it again as UTF-8 (in Excel: “CSV UTF-8”) and upload that file.")
    )


def detect_format(text):
    return VCARD if text.lstrip().upper().startswith("BEGIN:VCARD") else LINKEDIN


def read_upload(data, chosen="auto"):
    """(source, [ImportRow]) for an uploaded file; ImportFormatError when it cannot be imported at all."""
    if len(data) > max_bytes():
        raise ImportFormatError(too_large_message())
    text = decode(data)
    source = detect_format(text) if chosen not in SOURCES else chosen
    raw_rows = parse_vcards(text) if source == VCARD else parse_connections(text)
    if not raw_rows:
        raise ImportFormatError(gettext("The file holds no contacts."))
    if len(raw_rows) > max_rows():
        raise ImportFormatError(
            gettext(
                "The file holds %(count)s contacts; at most %(max)s can be imported at a time. Split it and try again."
            )
            % {
                "count": number_format(len(raw_rows), force_grouping=True),
                "max": number_format(max_rows(), force_grouping=True),
            }
        )
    return source, [clean_row(raw) for raw in raw_rows]


def size_text():
    """The file cap in the page's language: "4.0 MB", "4,0 MB", "4,0 Mt"."""
    return filesizeformat(max_bytes())


def too_large_message():
    return gettext("The file is larger than %(size)s. Upload a smaller file (split it if you need to).") % {
        "size": size_text()
    }


# --- One row --------------------------------------------------------------------------------------

PROBLEMS = {
    "no_name": _("The row has no name."),
    "name_too_long": _("The name is longer than %(max)s characters."),
    "duplicate_email_existing": _("A contact with this e-mail address is already in your contacts."),
    "duplicate_linkedin_existing": _("A contact with this LinkedIn profile is already in your contacts."),
    "duplicate_email_file": _("Same e-mail address as line %(line)s of the file."),
    "duplicate_linkedin_file": _("Same LinkedIn profile as line %(line)s of the file."),
}

WARNINGS = {
    "email_invalid": _("“%(value)s” is not a valid e-mail address; it is left out."),
    "linkedin_invalid": _("“%(value)s” is not a LinkedIn profile address; it is left out."),
    "phone_too_long": _("The phone number is longer than %(max)s characters; it is left out."),
    "shortened": _("%(field)s shortened to %(max)s characters."),
    "date_invalid": _("The date “%(value)s” was not understood; it is left out."),
}


@dataclasses.dataclass
class ImportRow:
    line: int
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    language: str = ""
    notes: str = ""
    tags: str = ""
    connected_on: datetime.date | None = None
    problem: str = ""  # why the row cannot be imported whatever the member's contacts are
    warnings: list = dataclasses.field(default_factory=list)  # [code, params] pairs

    def to_data(self):
        """A dict for the session, without empty fields: 10,000 rows wait there until confirmed."""
        data = {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}
        data["connected_on"] = self.connected_on.isoformat() if self.connected_on else None
        return {key: value for key, value in data.items() if value or key in ("line", "name")}

    @classmethod
    def from_data(cls, data):
        fields = {field.name for field in dataclasses.fields(cls)}
        values = {key: value for key, value in data.items() if key in fields}
        if values.get("connected_on"):
            values["connected_on"] = datetime.date.fromisoformat(values["connected_on"])
        return cls(**values)

    @property
    def warning_texts(self):
        texts = []
        for code, params in self.warnings:
            if code not in WARNINGS:  # a session entry written by an older release
                continue
            params = dict(params)
            if "field" in params:
                params["field"] = str(Contact._meta.get_field(params["field"]).verbose_name).capitalize()
            texts.append(str(WARNINGS[code]) % params)
        return texts


_url_validator = URLValidator(schemes=["http", "https"])


def clean_row(raw):
    """A parser's dict → ImportRow: cleaned text, invalid optional values left out with a warning."""
    warnings = []

    def text(field, value, multiline=False):
        value = clean_multiline(value) if multiline else clean_line(value)
        limit = _max_length(field)
        if len(value) > limit:
            value = value[:limit].rstrip()
            warnings.append(["shortened", {"field": field, "max": limit}])
        return value

    name = clean_line(raw.get("name"))
    problem = ""
    if not name:
        problem = "no_name"
    elif len(name) > _max_length("name"):
        problem = "name_too_long"

    email = clean_line(raw.get("email"))
    if email:
        try:
            if len(email) > _max_length("email"):
                raise ValidationError("too long")
            validate_email(email)
        except ValidationError:
            warnings.append(["email_invalid", {"value": email[:80]}])
            email = ""

    linkedin_url = clean_line(raw.get("linkedin_url"))
    if linkedin_url:
        if not re.match(r"^[a-z][a-z0-9+.-]*://", linkedin_url, re.IGNORECASE):
            linkedin_url = "https://" + linkedin_url
        try:
            if len(linkedin_url) > _max_length("linkedin_url") or not is_linkedin_url(linkedin_url):
                raise ValidationError("not LinkedIn")
            _url_validator(linkedin_url)
        except ValidationError:
            warnings.append(["linkedin_invalid", {"value": clean_line(raw.get("linkedin_url"))[:80]}])
            linkedin_url = ""

    phone = clean_line(raw.get("phone"))
    if len(phone) > _max_length("phone"):
        warnings.append(["phone_too_long", {"max": _max_length("phone")}])
        phone = ""

    notes_parts = [raw.get("notes") or "", *raw.get("other_urls", [])]
    connected_on = raw.get("connected_on")
    if connected_on is None and raw.get("connected_on_raw"):
        warnings.append(["date_invalid", {"value": clean_line(raw["connected_on_raw"])[:40]}])

    return ImportRow(
        line=raw["line"],
        name=name,
        company=text("company", raw.get("company")),
        role=text("role", raw.get("role")),
        email=email,
        phone=phone,
        linkedin_url=linkedin_url,
        language=raw.get("language") if is_language(raw.get("language")) else "",
        notes=text("notes", "\n".join(part for part in notes_parts if part.strip()), multiline=True),
        tags=text("tags", raw.get("tags")),
        connected_on=connected_on,
        problem=problem,
        warnings=warnings,
    )


# --- Duplicates and the plan ----------------------------------------------------------------------


def email_key(email):
    return (email or "").strip().lower()


def linkedin_key(url):
    """https://se.linkedin.com/in/Åsa-Öberg/?trk=x and linkedin.com/in/%C3%85sa-%C3%96berg are one profile."""
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (url or "").strip().lower())
    url = re.split(r"[?#]", url, maxsplit=1)[0]
    host, _sep, path = url.partition("/")
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    path = unquote(path).rstrip("/")
    return f"{host}/{path}" if host else ""


def existing_keys(owner):
    """The e-mail and LinkedIn keys of the owner's contacts (one query)."""
    emails, profiles = set(), set()
    for email, url in Contact.objects.filter(owner=owner).values_list("email", "linkedin_url"):
        if email:
            emails.add(email_key(email))
        if url:
            profiles.add(linkedin_key(url))
    return emails, profiles


@dataclasses.dataclass
class RowPlan:
    row: ImportRow
    action: str  # "import" or "skip"
    reason: str = ""
    other_line: int | None = None

    @property
    def imports(self):
        return self.action == "import"

    @property
    def reason_text(self):
        if self.reason not in PROBLEMS:
            return ""
        return str(PROBLEMS[self.reason]) % {"line": self.other_line, "max": _max_length("name")}


def plan_import(rows, emails, profiles):
    """What happens to each row: skipped with a reason, or imported. Earlier rows of the file win."""
    seen_emails, seen_profiles = {}, {}
    plans = []
    for row in rows:
        email, profile = email_key(row.email), linkedin_key(row.linkedin_url)
        if row.problem:
            plan = RowPlan(row, "skip", row.problem)
        elif email and email in emails:
            plan = RowPlan(row, "skip", "duplicate_email_existing")
        elif profile and profile in profiles:
            plan = RowPlan(row, "skip", "duplicate_linkedin_existing")
        elif email and email in seen_emails:
            plan = RowPlan(row, "skip", "duplicate_email_file", seen_emails[email])
        elif profile and profile in seen_profiles:
            plan = RowPlan(row, "skip", "duplicate_linkedin_file", seen_profiles[profile])
        else:
            plan = RowPlan(row, "import")
            if email:
                seen_emails[email] = row.line
            if profile:
                seen_profiles[profile] = row.line
        plans.append(plan)
    return plans


def _how_met(row):
    if row.connected_on:
        return gettext("Connected on LinkedIn on %(date)s") % {"date": date_format(row.connected_on, "DATE_FORMAT")}
    return ""


def contacts_import(*, owner, rows: list[ImportRow], source: str, import_id: str) -> list[RowPlan]:
    """Create the owner's contacts from the rows that are not duplicates; returns the plan as carried out.

    Raises ImportAlreadyDone, having written nothing, when `import_id` was imported before.
    """
    with transaction.atomic():
        # Two imports by the same member at once would both pass the duplicate check; locking the
        # member's row makes the second wait (PostgreSQL; SQLite's IMMEDIATE transactions already do).
        owner_lock(owner)
        ContactImportReceipt.objects.filter(created_at__lt=timezone.now() - PENDING_MAX_AGE).delete()
        try:
            with transaction.atomic():
                ContactImportReceipt.objects.create(import_id=import_id)
        except IntegrityError as error:
            raise ImportAlreadyDone(import_id) from error
        plans = plan_import(rows, *existing_keys(owner))
        contacts = []
        for plan in plans:
            if not plan.imports:
                continue
            row = plan.row
            contact = Contact(
                owner=owner,
                name=row.name,
                company=row.company,
                role=row.role,
                email=row.email,
                phone=row.phone,
                linkedin_url=row.linkedin_url,
                language=row.language or owner.preferred_language,
                how_met=_how_met(row)[: _max_length("how_met")] if source == LINKEDIN else "",
                tags=row.tags,
                notes=row.notes,
            )
            contact.next_touch_due = contact.compute_next_touch_due()
            contacts.append(contact)
        Contact.objects.bulk_create(contacts, batch_size=500)
        member_data_changed([owner.pk])  # bulk_create sends no signal; cached pages must show them
    return plans


# --- Between preview and confirmation -------------------------------------------------------------


@dataclasses.dataclass
class PendingImport:
    """A parsed upload waiting for the member to confirm the preview (kept in ContactImport.pending)."""

    owner_id: int
    source: str
    filename: str
    rows: list
    id: str = dataclasses.field(default_factory=lambda: uuid.uuid4().hex)
    created_at: float = dataclasses.field(default_factory=time.time)  # seconds since the epoch

    def to_data(self):
        return {
            "id": self.id,
            "created_at": self.created_at,
            "owner_id": self.owner_id,
            "source": self.source,
            "filename": self.filename,
            "rows": [row.to_data() for row in self.rows],
        }

    @classmethod
    def from_data(cls, data, owner):
        """None unless the data is a pending import of this owner, younger than PENDING_MAX_AGE
        (a stale or malformed entry)."""
        try:
            if data["owner_id"] != owner.pk or data["source"] not in SOURCES:
                return None
            age = time.time() - float(data["created_at"])
            if not 0 <= age <= PENDING_MAX_AGE.total_seconds():
                return None
            rows = [ImportRow.from_data(row) for row in data["rows"]]
            return cls(
                owner_id=data["owner_id"],
                source=data["source"],
                filename=data["filename"],
                rows=rows,
                id=data["id"],
                created_at=float(data["created_at"]),
            )
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def source_label(self):
        return SOURCES[self.source]
