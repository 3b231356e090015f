import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accounts.tracker.transfers.exporting import guard_cell
from accounts.tracker.transfers.importing import read_upload
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

CSV_URL = "/en/me/contacts/export/contacts.csv"
VCARD_URL = "/en/me/contacts/export/contacts.vcf"
XLSX_URL = "/en/me/contacts/export/contacts.xlsx"
NORDIC_URL = "/en/me/contacts/export/contacts-excel-nordic.csv"


def _body(response):
    return b"".join(response.streaming_content)


def test_it_exports_csv_with_a_bom_for_excel_and_only_the_members_contacts(alice_client, alice, charlie):
    ContactFactory(owner=alice, name="Åsa Öberg", company="Skånska Möten, AB", role='Chef "Nord"', phone="+46 70 1")
    ContactFactory(owner=alice, name="Søren Bæk-Ærø", email="soren@example.dk")
    ContactFactory(owner=charlie, name="Charlie's secret contact")
    response = alice_client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    body = _body(response)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Company", "Role"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Åsa Öberg", "Søren Bæk-Ærø"}
    assert by_name["Åsa Öberg"][1] == "Skånska Möten, AB"
    assert by_name["Åsa Öberg"][2] == 'Chef "Nord"'
    # A phone number starting with + is text, not a formula.
    assert by_name["Åsa Öberg"][4] == "'+46 70 1"
    assert b"secret" not in body


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_it_guards_cells_against_formula_injection(alice_client, alice, dangerous):
    ContactFactory(owner=alice, name=dangerous, notes=dangerous)
    rows = list(csv.reader(io.StringIO(_body(alice_client.get(CSV_URL)).decode("utf-8-sig"))))
    assert rows[1][0] == "'" + dangerous
    assert rows[1][9] == "'" + dangerous


@given(st.text(max_size=20))
def test_it_never_lets_a_cell_start_a_formula(value):
    guarded = guard_cell(value)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert guarded in (value, "'" + value)


def test_it_exports_vcard_4_that_reads_back_the_same(alice_client, alice, charlie):
    ContactFactory(
        owner=alice,
        name="Åsa Öberg",
        company="Skånska Möten; AB",
        role="Projektledare, Syd",
        email="asa@example.se",
        phone="+46 70 123 45 67",
        linkedin_url="https://www.linkedin.com/in/asa-oberg",
        language="sv",
        tags="mässa, Malmö",
        notes="Rad ett\nRad två med \\ och ; och , " + "lång " * 40,
    )
    ContactFactory(owner=charlie, name="Not Alice's")
    response = alice_client.get(VCARD_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    body = _body(response)
    text = body.decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "Not Alice" not in text
    _source, (row,) = read_upload(body)
    assert row.name == "Åsa Öberg"
    assert row.company == "Skånska Möten; AB"
    assert row.role == "Projektledare, Syd"
    assert row.email == "asa@example.se"
    assert row.phone == "+46-70-123-45-67"
    assert row.linkedin_url == "https://www.linkedin.com/in/asa-oberg"
    assert row.language == "sv"
    assert row.tags == "mässa, Malmö"
    assert row.notes.startswith("Rad ett\nRad två med \\ och ; och , lång")


def test_it_keeps_vcard_uids_stable_between_exports(alice_client, alice):
    ContactFactory(owner=alice, name="Åsa")
    first = [line for line in _body(alice_client.get(VCARD_URL)).decode().split("\r\n") if line.startswith("UID:")]
    second = [line for line in _body(alice_client.get(VCARD_URL)).decode().split("\r\n") if line.startswith("UID:")]
    assert first == second and len(first) == 1


@pytest.mark.parametrize("count", [1, 300])
def test_it_exports_in_a_constant_number_of_queries(alice_client, alice, django_assert_num_queries, count):
    ContactFactory.create_batch(count, owner=alice)
    for url in (XLSX_URL, CSV_URL, NORDIC_URL, VCARD_URL):
        # 1 session, 2 user, 3 the contacts (read once, in chunks of 500 by a server-side cursor where possible).
        with django_assert_num_queries(3):
            response = alice_client.get(url)
            assert _body(response) if response.streaming else response.content


def test_it_shows_the_export_page_with_the_count(alice_client, alice, charlie):
    ContactFactory.create_batch(2, owner=alice)
    ContactFactory(owner=charlie)
    response = alice_client.get("/en/me/contacts/export/")
    assert response.status_code == 200
    assert response.context["count"] == 2
    body = response.content.decode()
    # The spreadsheet first: it is the one that opens right in every locale.
    links = [body.index(url) for url in (XLSX_URL, NORDIC_URL, CSV_URL, VCARD_URL)]
    assert links == sorted(links)
