"""The data export's tables as one spreadsheet (rookie-data.xlsx in the ZIP): a sheet per section,
titles in the member's language, dates and times as date cells in the member's time zone, text never a formula."""

import datetime
import io
import zipfile
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.text import capfirst
from openpyxl import load_workbook

from accounts.models import Contact, Event, Goal
from accounts.privacy import export
from tests.factories import CoachFactory, personal_data

pytestmark = pytest.mark.django_db

URL = "/en/accounts/privacy/export/"


def _workbook(response):
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return load_workbook(io.BytesIO(archive.read(export.XLSX_NAME)))


def _table(sheet):
    rows = list(sheet.iter_rows())
    titles = [cell.value for cell in rows[0]]
    return titles, [dict(zip(titles, row, strict=True)) for row in rows[1:]]


def test_it_puts_every_section_in_one_workbook_with_typed_cells(alice_client, alice):
    alice.time_zone = "Europe/Helsinki"
    alice.save(update_fields=["time_zone"])
    data = personal_data(alice, CoachFactory())
    Contact.objects.filter(owner=alice).update(
        name='=HYPERLINK("http://evil.example","x")', phone="+358 40 123 4567", notes="Äijälä 🚀"
    )
    Event.objects.filter(owner=alice).update(date=datetime.date(2026, 5, 4))
    workbook = _workbook(alice_client.post(URL))
    assert workbook.sheetnames == [section.name for section in export.SECTIONS]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])

    # alice reads Swedish: the titles are the fields' names in Swedish.
    titles, (contact,) = _table(workbook["contacts"])
    assert "Namn" in titles and "Telefon" in titles
    assert contact["Namn"].data_type == "s"
    assert contact["Namn"].value == '=HYPERLINK("http://evil.example","x")'
    assert contact["Telefon"].data_type == "s" and contact["Telefon"].value == "+358 40 123 4567"
    assert contact["Anteckningar"].value == "Äijälä 🚀"

    titles, (event,) = _table(workbook["events"])
    (date_title,) = [title for title in titles if title == "Datum"]
    assert event[date_title].is_date and event[date_title].value.date() == datetime.date(2026, 5, 4)

    # Times are in her zone, which the title names; the cell is a date cell with the time.
    titles, (profile,) = _table(workbook["profile"])
    joined = profile["Registreringsdatum (Europe/Helsinki)"]
    assert joined.is_date
    expected = alice.date_joined.astimezone(zoneinfo.ZoneInfo("Europe/Helsinki")).replace(microsecond=0, tzinfo=None)
    assert joined.value == expected
    # Booleans are booleans, numbers are numbers.
    assert profile["Aktiv"].data_type == "b" and profile["Aktiv"].value is True
    titles, (goal,) = _table(workbook["goals"])
    assert len(set(titles)) == len(titles)
    assert goal["Mål"].value == data["goals"][0].title
    assert goal["Målvärde"].data_type == "n" and goal["Målvärde"].value == data["goals"][0].target
    # A key is a number, as in the table it points at.
    with translation.override("sv"):
        owner_title = capfirst(str(Goal._meta.get_field("owner").verbose_name))
    assert goal[owner_title].data_type == "n" and goal[owner_title].value == alice.pk


def test_the_workbook_adds_no_query(alice):
    personal_data(alice, CoachFactory())
    with CaptureQueriesContext(connection) as queries:
        export.build_archive(alice)
    assert len(queries) == len(export.SECTIONS)


def test_the_workbook_holds_nothing_of_anyone_else(alice_client, alice, charlie):
    personal_data(alice, CoachFactory())
    personal_data(charlie, CoachFactory())
    Contact.objects.filter(owner=charlie).update(name="Charlie's secret contact")
    workbook = _workbook(alice_client.post(URL))
    values = {cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row}
    assert "Charlie's secret contact" not in values
    assert "charlie@example.com" not in values
