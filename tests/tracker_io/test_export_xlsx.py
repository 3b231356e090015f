"""The contacts as .xlsx: a workbook that opens the same in every locale, with real cell types."""

import datetime
import io
import zipfile

import pytest
from django.utils import timezone, translation
from django.utils.translation import pgettext
from openpyxl import load_workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS

from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

XLSX_URL = "/en/me/contacts/export/contacts.xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(response):
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == 1
    return workbook.worksheets[0]


def _rows(sheet):
    return {row[0].value: row for row in sheet.iter_rows(min_row=2)}


def test_it_exports_typed_cells_that_open_right_in_every_locale(alice_client, alice, charlie):
    ContactFactory(
        owner=alice,
        name="Åsa Öberg",
        company="Skånska Möten; AB",
        phone="+46 70 123 45 67",
        keep_in_touch_days=30,
        last_contacted_on=datetime.date(2026, 11, 3),
    )
    ContactFactory(owner=alice, name="Jens Bæk", phone="0701234567", notes="#N/A")
    ContactFactory(owner=charlie, name="Charlie's secret contact")

    response = alice_client.get(XLSX_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="rookie-contacts-{timezone.localdate().isoformat()}.xlsx"'
    )
    sheet = _sheet(response)
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Name", "Company", "Role", "E-mail", "Phone"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    # Widths are set per column: the notes are wider than the language code.
    assert sheet.column_dimensions["J"].width > sheet.column_dimensions["G"].width >= len("Writes in")
    rows = _rows(sheet)
    assert set(rows) == {"Åsa Öberg", "Jens Bæk"}
    asa = rows["Åsa Öberg"]
    # The phone number is text, as typed: no apostrophe, the "+" and the leading zero kept.
    assert asa[4].data_type == "s" and asa[4].value == "+46 70 123 45 67"
    assert rows["Jens Bæk"][4].data_type == "s" and rows["Jens Bæk"][4].value == "0701234567"
    # "#N/A" typed in a note stays text, not Excel's error value.
    assert rows["Jens Bæk"][9].data_type == "s" and rows["Jens Bæk"][9].value == "#N/A"
    assert asa[1].value == "Skånska Möten; AB"
    # Dates are date cells in the reader's own short date format (Excel's built-in format 14).
    last_contact = asa[11]
    assert last_contact.is_date
    assert last_contact.value.date() == datetime.date(2026, 11, 3)
    assert last_contact.number_format == BUILTIN_FORMATS[14]
    assert asa[12].is_date and asa[12].value.date() == datetime.date(2026, 12, 3)
    assert asa[13].is_date and asa[13].value.date() == timezone.localdate()
    # A number is a number.
    assert asa[10].data_type == "n" and asa[10].value == 30
    # Empty values are empty cells.
    assert rows["Jens Bæk"][11].value is None
    assert b"Charlie" not in response.content


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x","y")', "=1+1", "+1+1", "-2+3", "@SUM(A1)"])
def test_a_value_that_looks_like_a_formula_is_a_text_cell(alice_client, alice, dangerous):
    ContactFactory(owner=alice, name=dangerous, notes=dangerous)
    sheet = _sheet(alice_client.get(XLSX_URL))
    (row,) = list(sheet.iter_rows(min_row=2))
    for cell in (row[0], row[9]):
        assert cell.data_type == "s"
        assert cell.value == dangerous
    # Nothing in the workbook's XML is a formula element.
    with zipfile.ZipFile(io.BytesIO(alice_client.get(XLSX_URL).content)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_control_characters_are_dropped_instead_of_breaking_the_workbook(alice_client, alice):
    # Characters XML 1.0 cannot carry (NUL never reaches the database: PostgreSQL refuses it).
    ContactFactory(owner=alice, name="Bell\x07 and escape\x1b removed", notes="line one\nline two\ttab")
    row = list(_sheet(alice_client.get(XLSX_URL)).iter_rows(min_row=2))[0]
    assert row[0].value == "Bell and escape removed"
    assert row[9].value == "line one\nline two\ttab"


def test_the_column_titles_and_the_file_name_are_in_the_members_language(alice_client, alice):
    ContactFactory(owner=alice, name="Åsa")
    response = alice_client.get("/sv/me/contacts/export/contacts.xlsx")
    assert response.status_code == 200
    sheet = _sheet(response)
    assert [cell.value for cell in sheet[1]][:2] == ["Namn", "Företag"]
    with translation.override("sv"):
        assert sheet.title == pgettext("spreadsheet tab", "Contacts")
        stem = pgettext("file name", "contacts")
    assert f"rookie-{stem}-{timezone.localdate().isoformat()}.xlsx" in response["Content-Disposition"]


def test_an_empty_export_is_a_workbook_with_the_title_row(alice_client, alice):
    sheet = _sheet(alice_client.get(XLSX_URL))
    assert sheet.max_row == 1
    assert sheet["A1"].value == "Name"


@pytest.mark.parametrize("name", ["contacts.xls", "contacts.pdf", "contacts.xlsx.exe", "contacts.XLSX"])
def test_an_unknown_format_is_a_404(alice_client, name):
    assert alice_client.get(f"/en/me/contacts/export/{name}").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(XLSX_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
