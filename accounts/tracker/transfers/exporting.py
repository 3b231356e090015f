"""Contact exports: a spreadsheet (.xlsx), CSV for tools and for Excel set up for the Nordics, vCard 4.0.

Each takes the owner's queryset and reads it once (one query, whatever the number of contacts).

- .xlsx (openpyxl) is the one for spreadsheets: it opens the same in every locale, dates are date
  cells, numbers are numbers and every text is a text cell, so a phone number keeps its "+" and
  leading zero without the apostrophe the CSV needs, and no text can run as a formula.
- CSV ("tools"): comma-separated, what scripts and other programs read.
- CSV ("Excel, Nordic"): semicolon-separated, because Excel set up for Sweden, Denmark or Finland
  (decimal comma) splits a double-clicked CSV on semicolons and shows a comma-separated one as one column.
Both CSVs are UTF-8 with a BOM (Excel otherwise guesses a legacy code page) and CRLF line ends.
"""

import csv
import dataclasses
import datetime
import decimal
import io
import re
import uuid

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from accounts.models import Contact
from accounts.tracker.transfers import vcard

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); a leading
# apostrophe makes it text. Tab and carriage return are on OWASP's list as well.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TEXT = "text"
NUMBER = "number"
DATE = "date"
DATETIME = "datetime"
BOOLEAN = "boolean"

# Excel's built-in formats 14 and 22 are shown in the reader's own short date (and time) format:
# 7.12.2026 in Finland, 2026-12-07 in Sweden, 07-12-2026 in Denmark. openpyxl names them by their
# en-US pattern.
DATE_FORMAT = "mm-dd-yy"
DATETIME_FORMAT = "m/d/yy h:mm"

# Characters XML 1.0 cannot carry (openpyxl refuses them): C0 controls other than tab, LF and CR.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_CELL = 32767  # Excel's limit on the characters in one cell

CSV_DIALECTS = {
    "tools": {"delimiter": ","},
    "nordic": {"delimiter": ";"},
}


@dataclasses.dataclass(frozen=True)
class Column:
    title: str
    value: object  # a function of the row
    kind: str = TEXT
    width: int = 16  # in characters; the title's length when that is more


def contacts_for(owner):
    return Contact.objects.filter(owner=owner).order_by("name", "id")


def guard_cell(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _contact_columns():
    """The contact columns, titled in the active language: call it where that is the member's."""
    return [
        Column(_("Name"), lambda c: c.name, width=24),
        Column(_("Company"), lambda c: c.company, width=22),
        Column(_("Role"), lambda c: c.role, width=22),
        Column(_("E-mail"), lambda c: c.email, width=28),
        Column(_("Phone"), lambda c: c.phone, width=18),
        Column(_("LinkedIn URL"), lambda c: c.linkedin_url, width=36),
        Column(_("Writes in"), lambda c: c.language, width=8),
        Column(_("How and where you met"), lambda c: c.how_met, width=30),
        Column(_("Tags"), lambda c: c.tags, width=20),
        Column(_("Notes"), lambda c: c.notes, width=40),
        Column(_("Keep in touch every (days)"), lambda c: c.keep_in_touch_days, NUMBER, width=10),
        Column(_("Last contact"), lambda c: c.last_contacted_on, DATE, width=12),
        Column(_("Next touch due"), lambda c: c.next_touch_due, DATE, width=12),
        Column(_("Added"), lambda c: timezone.localdate(c.created_at), DATE, width=12),
    ]


def csv_text_value(value):
    """A value as CSV text: dates in ISO 8601 (every spreadsheet reads them as dates), nothing for None."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def contacts_csv(contacts, *, dialect="tools"):
    """The CSV as chunks. The titles are taken now, in the caller's language, not when streaming."""
    columns = _contact_columns()
    options = CSV_DIALECTS[dialect]
    return _csv_chunks(contacts, columns, options)


def _csv_chunks(contacts, columns, options):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", **options)
    yield "\ufeff"
    writer.writerow([guard_cell(column.title) for column in columns])
    for number, contact in enumerate(contacts.iterator(chunk_size=500), start=1):
        writer.writerow([guard_cell(csv_text_value(column.value(contact))) for column in columns])
        if number % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _xlsx_cell(sheet, value, kind):
    from openpyxl.cell import WriteOnlyCell  # see xlsx_bytes

    if value is None or value == "":
        return WriteOnlyCell(sheet, value=None)
    if kind in (DATE, DATETIME) and isinstance(value, datetime.datetime):
        # Excel has no time zones: the member's local time, as they see it on the site.
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        cell = WriteOnlyCell(sheet, value=value.replace(microsecond=0, tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if kind in (DATE, DATETIME) and isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if kind == NUMBER and isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool):
        return WriteOnlyCell(sheet, value=value)
    if kind == BOOLEAN and isinstance(value, bool):
        return WriteOnlyCell(sheet, value=value)
    text = _NOT_IN_XML.sub("", str(value))[:_MAX_CELL]
    cell = WriteOnlyCell(sheet, value=text)
    # Always a text cell: openpyxl would make "=…" a formula and "#N/A" an error value.
    cell.data_type = "s"
    return cell


def xlsx_bytes(sheets):
    """An .xlsx workbook as bytes; sheets is a list of (title, columns, rows).

    Written in openpyxl's write-only mode, so memory grows with the shared strings, not with a cell
    object per value. Each sheet has a bold, frozen title row, an autofilter and set column widths.
    """
    # Imported here, not with the module: openpyxl takes about 70 ms to import, paid by every process
    # that loads the URLs (each gunicorn worker, each management command), and only exports use it.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(title))
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(column.width, len(column.title) + 2)
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = _xlsx_cell(sheet, column.title, TEXT)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        count = 0
        for row in rows:
            sheet.append([_xlsx_cell(sheet, column.value(row), column.kind) for column in columns])
            count += 1
        if columns:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title):
    # Excel's rules for sheet names: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"


def contacts_xlsx(contacts):
    return xlsx_bytes(
        [(pgettext("spreadsheet tab", "Contacts"), _contact_columns(), contacts.iterator(chunk_size=500))]
    )


def export_filename(stem, extension, *, variant=""):
    """rookie-<stem>[-<variant>]-<the member's date>.<extension>, e.g. rookie-kontakter-2026-12-07.xlsx."""
    parts = ["rookie", stem, variant, timezone.localdate().isoformat()]
    return "-".join(part for part in parts if part) + "." + extension


def contact_uid(contact):
    """Stable across exports, so re-importing into a phone updates a card instead of adding a copy."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{settings.SITE_URL}/contacts/{contact.pk}')}"


def _tel(phone):
    # tel: URIs allow digits, "+" and visual separators but no spaces; anything else stays text.
    stripped = phone.strip()
    if stripped and all(char.isdigit() or char in "+-(). " for char in stripped):
        return "uri", "tel:" + "-".join(stripped.split())
    return "text", vcard.escape(stripped)


def contact_vcard(contact):
    # N wants family and given names apart; the tracker keeps one name, so the last word is the family name.
    given, _sep, family = contact.name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        vcard.content_line("PRODID", "-//Rookie//Tracker//EN"),
        vcard.content_line("UID", contact_uid(contact)),
        vcard.content_line("FN", vcard.escape(contact.name)),
        vcard.content_line("N", f"{vcard.escape(family)};{vcard.escape(given)};;;"),
    ]
    if contact.company:
        lines.append(vcard.content_line("ORG", vcard.escape(contact.company)))
    if contact.role:
        lines.append(vcard.content_line("TITLE", vcard.escape(contact.role)))
    if contact.email:
        lines.append(vcard.content_line("EMAIL", vcard.escape(contact.email)))
    if contact.phone:
        kind, value = _tel(contact.phone)
        lines.append(vcard.content_line("TEL", value, value=kind))
    if contact.linkedin_url:
        lines.append(vcard.content_line("URL", contact.linkedin_url))
    lines.append(vcard.content_line("LANG", contact.language))
    tags = [tag.strip() for tag in contact.tags.split(",") if tag.strip()]
    if tags:
        lines.append(vcard.content_line("CATEGORIES", ",".join(vcard.escape(tag) for tag in tags)))
    notes = "\n\n".join(part for part in (contact.how_met, contact.notes) if part)
    if notes:
        lines.append(vcard.content_line("NOTE", vcard.escape(notes)))
    lines.append(vcard.content_line("REV", contact.updated_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def contacts_vcard(contacts):
    for contact in contacts.iterator(chunk_size=500):
        yield contact_vcard(contact)
