"""LinkedIn's "Connections.csv" export, as LinkedIn really writes it.

The file opens with a few note lines ("Notes:", a quoted sentence, a blank line) before the header
row First Name, Last Name, URL, Email Address, Company, Position, Connected On; older exports lack
URL. Fields are quoted when they hold commas or quotes; dates read "12 Mar 2024". Columns are found
by name, so their order does not matter.
"""

import csv
import datetime
import io
import re

from django.utils.translation import gettext as _

from accounts.tracker.transfers.errors import ImportFormatError

COLUMNS = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}
# The header is near the top; looking further would only scan a file that is not an export at all.
HEADER_SEARCH_LINES = 30

_MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})$")


def parse_connected_on(value):
    """Read a date such as "12 Mar 2024" (also "12-Mar-2024" and ISO "2024-03-12"); None when not understood.

    Month names are matched by hand: strptime's %b follows the process locale.
    """
    value = (value or "").strip()
    if not value:
        return None
    match = _DAY_MONTH_YEAR.match(value)
    try:
        if match:
            month = _MONTHS.get(match.group(2).lower())
            if month is None:
                return None
            return datetime.date(int(match.group(3)), month, int(match.group(1)))
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _normalise_header(cells):
    return [cell.strip().strip("\ufeff").lower() for cell in cells]


def _find_header(text):
    """Character offset and 1-based line number of the header row."""
    offset = 0
    for number, line in enumerate(text.split("\n")[:HEADER_SEARCH_LINES], start=1):
        try:
            cells = next(csv.reader([line.rstrip("\r")]), [])
        except csv.Error:
            cells = []
        names = _normalise_header(cells)
        if "first name" in names and "last name" in names:
            return offset, number
        offset += len(line) + 1
    raise ImportFormatError(
        _(
            "This does not look like LinkedIn's Connections.csv: no header row with the columns "
            "“First Name” and “Last Name” was found near the top of the file."
        )
    )


def parse_connections(text):
    """Every data row of the export as a dict (line, name, company, role, email, linkedin_url, connected_on,
    connected_on_raw). Raises ImportFormatError when the file is not a readable export."""
    offset, header_line = _find_header(text)
    reader = csv.reader(io.StringIO(text[offset:], newline=""), strict=True)
    # reader.line_num counts the lines read so far; a record starts on the line after the last one.
    lines_read = 0
    try:
        header = _normalise_header(next(reader))
        columns = {index: COLUMNS[name] for index, name in enumerate(header) if name in COLUMNS}
        rows = []
        lines_read = reader.line_num
        for record in reader:
            start_line = header_line + lines_read
            lines_read = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                extra = record[len(header) :]
                if len(record) < len(header) or any(cell.strip() for cell in extra):
                    raise ImportFormatError(
                        _(
                            "Line %(line)s has %(found)s fields where the header row has %(expected)s. "
                            "Is a quotation mark missing, or was the file cut short?"
                        )
                        % {"line": start_line, "found": len(record), "expected": len(header)}
                    )
            values = dict.fromkeys(COLUMNS.values(), "")
            for index, key in columns.items():
                values[key] = record[index]
            rows.append(
                {
                    "line": start_line,
                    "name": f"{values['first_name'].strip()} {values['last_name'].strip()}".strip(),
                    "company": values["company"],
                    "role": values["position"],
                    "email": values["email"],
                    "linkedin_url": values["url"],
                    "connected_on": parse_connected_on(values["connected_on"]),
                    "connected_on_raw": values["connected_on"].strip(),
                }
            )
    except csv.Error as error:
        raise ImportFormatError(
            _(
                "The file could not be read as CSV from line %(line)s on (%(error)s). "
                "Is a quotation mark missing, or was the file cut short?"
            )
            % {"line": header_line + lines_read, "error": error}
        ) from None
    return rows
