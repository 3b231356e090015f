import csv
import datetime
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.tracker.transfers.errors import ImportFormatError
from accounts.tracker.transfers.importing import read_upload
from accounts.tracker.transfers.linkedin import parse_connected_on, parse_connections
from tests.examples import examples
from tests.tracker_io.conftest import SAMPLES, data_file


def test_it_skips_the_note_lines_and_reads_every_row_with_its_line_number():
    rows = parse_connections(data_file("connections_nordic.csv").decode("utf-8-sig"))
    assert [row["line"] for row in rows] == [5, 6, 7, 8, 9, 10, 11]
    assert rows[0]["name"] == "Åke Ärlig"
    assert rows[0]["company"] == "Ärlig & Söner, Malmö"
    assert rows[1]["name"] == "Øydis Æbelø"
    assert rows[1]["role"] == 'Kaptajn, "senior"'
    assert rows[1]["connected_on"] == datetime.date(2023, 8, 15)
    assert rows[2]["linkedin_url"] == "https://www.linkedin.com/in/paivi-ohman"


def test_it_reads_an_older_export_without_bom_note_lines_or_url_column():
    source, rows = read_upload(data_file("connections_old.csv"))
    assert source == "linkedin"
    assert [(row.name, row.email, row.linkedin_url) for row in rows] == [
        ("Märta Åström", "marta@example.se", ""),
        ("Jørgen Ølgaard", "", ""),
    ]
    assert rows[0].connected_on == datetime.date(2019, 1, 5)


def test_it_reads_the_file_with_and_without_bom_and_with_lf_or_crlf():
    with_bom = data_file("connections_nordic.csv")
    variants = [with_bom, with_bom[3:], with_bom.replace(b"\r\n", b"\n"), with_bom[3:].replace(b"\r\n", b"\n")]
    results = [[(row.line, row.name, row.role) for row in read_upload(data)[1]] for data in variants]
    assert all(result == results[0] for result in results)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 Mar 2024", datetime.date(2024, 3, 12)),
        ("03 Jan 2025", datetime.date(2025, 1, 3)),
        ("5 sep 2019", datetime.date(2019, 9, 5)),
        ("12-Mar-2024", datetime.date(2024, 3, 12)),
        ("2024-03-12", datetime.date(2024, 3, 12)),
        ("", None),
        ("31 Feb 2024", None),
        ("12 Mär 2024", None),
        ("sometime last year", None),
    ],
)
def test_it_reads_connected_on_dates_whatever_the_locale(value, expected):
    assert parse_connected_on(value) == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("connections_unclosed_quote.csv", "line 5"),
        ("connections_short_row.csv", "Line 3 has 6 fields"),
        ("not_connections.csv", "First Name"),
        ("connections_latin1.csv", "UTF-8"),
    ],
)
def test_it_refuses_a_malformed_file_with_a_message_that_says_where(name, message):
    with pytest.raises(ImportFormatError) as error:
        read_upload(data_file(name))
    assert message in str(error.value)


def test_it_refuses_a_file_with_a_header_but_no_rows():
    with pytest.raises(ImportFormatError, match="no contacts"):
        read_upload(b"First Name,Last Name,URL\r\n\r\n")


def test_it_reads_the_shared_sample_when_the_checkout_has_it():
    path = SAMPLES / "Connections.csv"
    # Our own file of the same shape stands in when the shared samples are not there.
    data = path.read_bytes() if path.exists() else data_file("connections_nordic.csv")
    source, rows = read_upload(data)
    assert source == "linkedin"
    assert rows and all(row.line > 1 for row in rows)
    if path.exists():
        names = [row.name for row in rows]
        assert "Åsa Öberg" in names and "Søren Bæk-Ærø" in names
        ahmed = next(row for row in rows if row.name == "Ahmed Hassan")
        assert ahmed.company == "Volvo Cars, Göteborg"
        assert ahmed.role == 'Engineer "Powertrain"'


_cell = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30)


@settings(max_examples=examples(60), deadline=None)
@given(rows=st.lists(st.tuples(_cell, _cell, _cell, _cell), min_size=1, max_size=8))
def test_it_reads_back_whatever_a_csv_writer_quotes(rows):
    buffer = io.StringIO()
    buffer.write('Notes:\r\n"A note, with a comma."\r\n\r\n')
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    for first, last, company, position in rows:
        writer.writerow([first, last, "", "", company, position, "12 Mar 2024"])
    parsed = parse_connections(buffer.getvalue())
    assert [(row["company"], row["role"]) for row in parsed] == [(row[2], row[3]) for row in rows]
