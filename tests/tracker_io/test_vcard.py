import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.tracker.transfers import vcard
from accounts.tracker.transfers.errors import ImportFormatError
from accounts.tracker.transfers.importing import read_upload
from tests.examples import examples
from tests.tracker_io.conftest import SAMPLES, data_file


def test_it_reads_a_vcard_3_file_as_apple_and_outlook_write_it():
    source, rows = read_upload(data_file("contacts_v3.vcf"))
    assert source == "vcard"
    asa, aerling = rows
    assert asa.line == 1
    assert asa.name == "Åsa Maria Åberg"
    assert asa.company == "Ärlig & Söner AB, Försäljning"
    assert asa.role == "Key account manager, Norden"
    # TYPE=pref wins over the first e-mail; the group prefix "item1." is ignored.
    assert asa.email == "asa.aberg@example.se"
    assert asa.phone == "+46 70 123 45 67"
    # Apple escapes the colon in URLs.
    assert asa.linkedin_url == "https://www.linkedin.com/in/asa-aberg"
    assert asa.notes == (
        "Träffades på Nätverksdagen i Malmö; vill höra mer om trainee-programmet.\n"
        "Ring efter semestern.\\Backslash kvar.\nhttps://example.se/asa"
    )
    assert asa.tags == "mässa, Malmö"
    assert aerling.name == "Ærling Ødegaard"
    assert aerling.company == "Ålborg Æble A/S"
    assert aerling.notes == "Folded with a tab:continued here."


def test_it_reads_a_vcard_4_file_with_uri_phones_languages_and_preferences():
    _source, rows = read_upload(data_file("contacts_v4.vcf"))
    paivi, mette, again, nameless, known = rows
    assert paivi.name == "Jönsson, Päivi"
    assert paivi.email == "paivi@example.fi"
    assert paivi.phone == "+358-40-123-4567"
    assert paivi.language == "fi"
    assert paivi.linkedin_url == "https://fi.linkedin.com/in/paivi-jonsson"
    assert paivi.tags == "Helsinki, mentor"
    # No FN: the name is built from N (prefix, given, family).
    assert mette.name == "Dr. Mette Østergård"
    assert mette.language == "da"
    assert again.email == "PAIVI@example.fi"
    assert nameless.problem == "no_name"
    # A language Rookie does not speak is left to the importer's default.
    assert known.language == ""


def test_it_reads_crlf_and_lf_alike():
    crlf = data_file("contacts_v3.vcf")
    assert [r.notes for r in read_upload(crlf)[1]] == [r.notes for r in read_upload(crlf.replace(b"\r\n", b"\n"))[1]]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("vcard_unclosed.vcf", "line 6 is not closed"),
        ("vcard_no_colon.vcf", "Line 4 is not a vCard property"),
        ("vcard_21.vcf", "vCard 2.1"),
    ],
)
def test_it_refuses_a_malformed_vcard_file_with_a_message_that_says_where(name, message):
    with pytest.raises(ImportFormatError) as error:
        read_upload(data_file(name))
    assert message in str(error.value)


@pytest.mark.parametrize(
    "text",
    [
        "FN:Anna\r\n",
        "BEGIN:VCARD\r\nBEGIN:VCARD\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Anna\r\nEND:VCARD\r\n",
    ],
)
def test_it_refuses_cards_that_are_not_well_formed(text):
    with pytest.raises(ImportFormatError):
        vcard.parse_vcards(text)


def test_it_reads_the_shared_sample_when_the_checkout_has_it():
    path = SAMPLES / "contacts.vcf"
    data = path.read_bytes() if path.exists() else data_file("contacts_v3.vcf")
    source, rows = read_upload(data)
    assert source == "vcard"
    assert rows and all(row.name for row in rows)
    if path.exists():
        by_name = {row.name: row for row in rows}
        assert by_name["Aino Nieminen"].notes == "Tavattiin messuilla, puhuttiin mentoroinnista."
        assert by_name["Aino Nieminen"].linkedin_url == "https://www.linkedin.com/in/aino-nieminen"
        assert by_name["Jens Østergaard"].phone == "+45-20-12-34-56"
        assert by_name["Jens Østergaard"].language == "da"
        assert by_name["Erik Lindqvist"].company == "Exempel AB, Marknad"
        # RFC 6350 §3.2: the line break and the one space after it are removed, nothing more.
        assert by_name["Erik Lindqvist"].notes.startswith("Lång anteckning som fortsätterpå nästa rad")
        assert by_name["Kari Virtanen"].email == "kari@example.fi"


def test_it_folds_long_lines_at_75_octets_without_splitting_a_letter():
    line = vcard.content_line("NOTE", vcard.escape("Å" * 100))
    physical = line.split("\r\n")
    assert len(physical) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert vcard.unfold(line)[0][1] == "NOTE:" + "Å" * 100


_text = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r"), max_size=200)


@settings(max_examples=examples(100), deadline=None)
@given(value=_text)
def test_it_reads_back_any_text_it_writes(value):
    card = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\n" + vcard.content_line("NOTE", vcard.escape(value)) + "\r\nEND:VCARD\r\n"
    )
    (row,) = vcard.parse_vcards(card)
    assert row["notes"] == value.strip()
