"""The "Excel (Nordic)" CSV: semicolons, UTF-8 with a BOM, CRLF, and still the formula guard."""

import csv
import io

import pytest
from django.utils import timezone

from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

NORDIC_URL = "/en/me/contacts/export/contacts-excel-nordic.csv"


def _body(response):
    return b"".join(response.streaming_content)


def test_it_is_semicolon_separated_utf8_with_a_bom_and_crlf(alice_client, alice, charlie):
    ContactFactory(owner=alice, name="Åsa Öberg", company="Skånska Möten; AB", phone="+46 70 1", tags="mässa, Malmö")
    ContactFactory(owner=alice, name="Søren Bæk-Ærø", notes="Rad ett\nRad två")
    ContactFactory(owner=alice, name="Väinö Äijälä")
    ContactFactory(owner=charlie, name="Charlie's secret contact")
    response = alice_client.get(NORDIC_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert f"rookie-contacts-excel-{timezone.localdate().isoformat()}.csv" in response["Content-Disposition"]
    body = _body(response)
    assert body.startswith(b"\xef\xbb\xbf")
    text = body[3:].decode("utf-8")
    assert text.split("\r\n")[0].startswith("Name;Company;Role;E-mail;Phone;")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows[0]) == 14
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Åsa Öberg", "Søren Bæk-Ærø", "Väinö Äijälä"}
    # A semicolon inside a value is quoted, a comma is left alone.
    assert by_name["Åsa Öberg"][1] == "Skånska Möten; AB"
    assert by_name["Åsa Öberg"][8] == "mässa, Malmö"
    assert by_name["Søren Bæk-Ærø"][9] == "Rad ett\nRad två"
    # The formula guard stays: Excel would run "+46…" as a formula.
    assert by_name["Åsa Öberg"][4] == "'+46 70 1"
    assert by_name["Åsa Öberg"][13] == timezone.localdate().isoformat()
    assert b"secret" not in body


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_it_guards_cells_against_formula_injection(alice_client, alice, dangerous):
    ContactFactory(owner=alice, name=dangerous)
    text = _body(alice_client.get(NORDIC_URL)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[1][0] == "'" + dangerous


def test_the_column_titles_are_in_the_pages_language(alice_client, alice):
    ContactFactory(owner=alice)
    text = _body(alice_client.get("/fi/me/contacts/export/contacts-excel-nordic.csv")).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text), delimiter=";"))[0] == "Nimi"
