"""Contact exports: CSV that Excel opens cleanly, and vCard 4.0 that phones and mail programs import.

Both take the owner's queryset and stream it once (one query, whatever the number of contacts).
"""

import csv
import datetime
import io
import uuid

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Contact
from accounts.tracker.transfers import vcard

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); a leading
# apostrophe makes it text. Tab and carriage return are on OWASP's list as well.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def contacts_for(owner):
    return Contact.objects.filter(owner=owner).order_by("name", "id")


def guard_cell(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_columns():
    return [
        (_("Name"), lambda c: c.name),
        (_("Company"), lambda c: c.company),
        (_("Role"), lambda c: c.role),
        (_("E-mail"), lambda c: c.email),
        (_("Phone"), lambda c: c.phone),
        (_("LinkedIn URL"), lambda c: c.linkedin_url),
        (_("Writes in"), lambda c: c.language),
        (_("How and where you met"), lambda c: c.how_met),
        (_("Tags"), lambda c: c.tags),
        (_("Notes"), lambda c: c.notes),
        (_("Keep in touch every (days)"), lambda c: c.keep_in_touch_days or ""),
        (_("Last contact"), lambda c: c.last_contacted_on.isoformat() if c.last_contacted_on else ""),
        (_("Next touch due"), lambda c: c.next_touch_due.isoformat() if c.next_touch_due else ""),
        (_("Added"), lambda c: timezone.localdate(c.created_at).isoformat()),
    ]


def contacts_csv(contacts):
    """Yield the CSV in chunks: a UTF-8 BOM first (Excel otherwise guesses a legacy code page)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = _csv_columns()
    yield "\ufeff"
    writer.writerow([guard_cell(title) for title, _value in columns])
    for number, contact in enumerate(contacts.iterator(chunk_size=500), start=1):
        writer.writerow([guard_cell(value(contact)) for _title, value in columns])
        if number % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


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
