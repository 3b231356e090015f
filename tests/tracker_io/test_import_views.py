import pytest
from django.test import Client

from accounts.models import Contact
from accounts.models.tracker import ContactImport
from tests.factories import ContactFactory
from tests.tracker_io.conftest import SAMPLES, data_file, import_result, pending_import, upload

pytestmark = pytest.mark.django_db

UPLOAD = "/en/me/contacts/import/"
PREVIEW = "/en/me/contacts/import/preview/"
CONFIRM = "/en/me/contacts/import/confirm/"
CANCEL = "/en/me/contacts/import/cancel/"
RESULT = "/en/me/contacts/import/done/"


def _upload(client, name, content=None, fmt="auto"):
    content = data_file(name) if content is None else content
    return client.post(UPLOAD, {"file": upload(name, content), "format": fmt})


def _confirm(client):
    import_id = pending_import(client)["id"]
    return client.post(CONFIRM, {"import_id": import_id})


def test_it_previews_every_row_with_what_will_happen_and_writes_nothing(alice_client, alice):
    response = _upload(alice_client, "connections_nordic.csv")
    assert response.status_code == 302
    assert response["Location"] == PREVIEW
    response = alice_client.get(PREVIEW)
    assert response.status_code == 200
    plans = response.context["plans"]
    assert [(plan.row.line, plan.action, plan.reason, plan.other_line) for plan in plans] == [
        (5, "import", "", None),
        (6, "import", "", None),
        (7, "import", "", None),
        (8, "skip", "duplicate_email_file", 5),
        (9, "skip", "duplicate_linkedin_file", 6),
        (10, "skip", "no_name", None),
        (11, "import", "", None),
    ]
    page = response.content.decode()
    assert "Øydis Æbelø" in page
    assert "Same e-mail address as line 5 of the file." in page
    assert "Same LinkedIn profile as line 6 of the file." in page
    assert "The row has no name." in page
    assert "is not a valid e-mail address" in page
    assert "The date “sometime last year” was not understood" in page
    # HTML in a file is shown as text.
    assert "&lt;b&gt;Bold&lt;/b&gt; AB" in page
    assert Contact.objects.count() == 0


def test_it_imports_the_confirmed_rows_and_reports_each_one(alice_client, alice):
    _upload(alice_client, "connections_nordic.csv")
    response = _confirm(alice_client)
    assert response.status_code == 302
    assert response["Location"] == RESULT
    contacts = {contact.name: contact for contact in Contact.objects.filter(owner=alice)}
    assert set(contacts) == {"Åke Ärlig", "Øydis Æbelø", "Päivi Öhman", "Emoji Person 🚀"}
    ake = contacts["Åke Ärlig"]
    assert ake.company == "Ärlig & Söner, Malmö"
    assert ake.role == "VD"
    assert ake.email == "ake.arlig@example.se"
    assert ake.linkedin_url == "https://www.linkedin.com/in/ake-arlig"
    # Alice reads Swedish; a LinkedIn row says nothing about the contact's language.
    assert ake.language == "sv"
    assert "2024" in ake.how_met
    assert contacts["Øydis Æbelø"].role == 'Kaptajn, "senior"'
    assert contacts["Emoji Person 🚀"].email == ""
    assert contacts["Emoji Person 🚀"].company == "<b>Bold</b> AB"
    response = alice_client.get(RESULT)
    assert response.context["summary"] == {"total": 7, "imported": 4, "skipped": 3}
    page = response.content.decode()
    assert page.count("Imported") >= 4
    assert "Same e-mail address as line 5 of the file." in page
    assert pending_import(alice_client) is None


def test_it_skips_people_already_in_the_contacts_by_e_mail_or_linkedin_profile(alice_client, alice):
    ContactFactory(owner=alice, name="Päivi", email="PAIVI@example.fi", linkedin_url="")
    ContactFactory(owner=alice, name="Øydis", email="", linkedin_url="http://linkedin.com/in/oydis-aebelo/")
    _upload(alice_client, "connections_nordic.csv")
    plans = alice_client.get(PREVIEW).context["plans"]
    reasons = {plan.row.line: plan.reason for plan in plans}
    assert reasons[6] == "duplicate_linkedin_existing"
    assert reasons[7] == "duplicate_email_existing"
    # Line 9 repeats line 6's profile; line 6 is skipped, so line 9 is "already in your contacts" too.
    assert reasons[9] == "duplicate_linkedin_existing"
    _confirm(alice_client)
    assert Contact.objects.filter(owner=alice).count() == 2 + 2


def test_it_imports_a_file_twice_without_duplicates(alice_client, alice):
    _upload(alice_client, "contacts_v4.vcf")
    _confirm(alice_client)
    first = Contact.objects.filter(owner=alice).count()
    _upload(alice_client, "contacts_v4.vcf")
    plans = alice_client.get(PREVIEW).context["plans"]
    assert all(not plan.imports for plan in plans)
    assert "There is nothing new to import" in alice_client.get(PREVIEW).content.decode()
    assert Contact.objects.filter(owner=alice).count() == first


def test_it_imports_vcards_with_their_language_phone_and_tags(alice_client, alice):
    ContactFactory(owner=alice, name="Known", email="known@example.se")
    _upload(alice_client, "contacts_v4.vcf")
    _confirm(alice_client)
    paivi = Contact.objects.get(owner=alice, email="paivi@example.fi")
    assert paivi.name == "Jönsson, Päivi"
    assert paivi.language == "fi"
    assert paivi.phone == "+358-40-123-4567"
    assert paivi.tags == "Helsinki, mentor"
    assert paivi.how_met == ""
    assert Contact.objects.get(owner=alice, email="mette@example.dk").language == "da"
    result = alice_client.get(RESULT).context
    assert result["summary"] == {"total": 5, "imported": 2, "skipped": 3}


def test_it_checks_duplicates_again_when_confirming(alice_client, alice):
    _upload(alice_client, "contacts_v3.vcf")
    # Added in another tab between the preview and the confirmation.
    ContactFactory(owner=alice, name="Åsa", email="asa.aberg@example.se")
    _confirm(alice_client)
    assert Contact.objects.filter(owner=alice, email="asa.aberg@example.se").count() == 1
    assert Contact.objects.filter(owner=alice, name="Ærling Ødegaard").exists()


@pytest.mark.parametrize(
    "name", ["connections_unclosed_quote.csv", "connections_short_row.csv", "not_connections.csv", "vcard_unclosed.vcf"]
)
def test_it_shows_a_clear_error_for_a_malformed_file_and_imports_nothing(alice_client, alice, name):
    response = _upload(alice_client, name)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert pending_import(alice_client) is None
    assert Contact.objects.count() == 0


def test_it_refuses_a_file_over_the_size_cap(alice_client, settings):
    settings.TRACKER_IMPORT_MAX_BYTES = 200
    response = _upload(alice_client, "connections_nordic.csv")
    assert response.status_code == 200
    assert "larger than" in response.context["form"].errors["file"][0]


def test_it_refuses_a_file_over_the_row_cap(alice_client, settings):
    settings.TRACKER_IMPORT_MAX_ROWS = 2
    response = _upload(alice_client, "connections_nordic.csv")
    assert "at most 2 can be imported" in response.context["form"].errors["file"][0]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "file"),
        ({"file": upload("empty.csv", b"")}, "file"),
        ({"file": upload("x.csv", "Åsa 🚀 <b>".encode())}, "file"),
        ({"file": upload("x.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00")}, "file"),
        ({"file": upload("x.vcf", b"BEGIN:VCARD\r\n"), "format": "nonsense"}, "format"),
        ({"file": "not a file"}, "file"),
    ],
)
def test_it_answers_bad_uploads_with_a_form_error(alice_client, data, field):
    data.setdefault("format", "auto")
    response = alice_client.post(UPLOAD, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Contact.objects.count() == 0


def test_it_honours_the_chosen_format(alice_client):
    response = _upload(alice_client, "connections_old.csv", fmt="vcard")
    assert response.status_code == 200
    assert "not a vCard property" in response.context["form"].errors["file"][0]


def test_it_refuses_a_stale_or_forged_confirmation_and_imports_nothing(alice_client, alice):
    _upload(alice_client, "connections_nordic.csv")
    response = alice_client.post(CONFIRM, {"import_id": "0" * 32})
    assert response.status_code == 302
    assert response["Location"] == UPLOAD
    assert Contact.objects.count() == 0
    _confirm(alice_client)
    count = Contact.objects.count()
    # A double click: the second POST finds no pending import.
    response = alice_client.post(CONFIRM, {"import_id": "whatever"})
    assert response["Location"] == UPLOAD
    assert Contact.objects.count() == count


@pytest.mark.parametrize("import_id", ["", "\x00", "x" * 33, "<script>", "🚀"])
def test_it_answers_a_bad_confirmation_id_with_a_redirect_not_an_error(alice_client, import_id):
    _upload(alice_client, "connections_nordic.csv")
    response = alice_client.post(CONFIRM, {"import_id": import_id})
    assert response.status_code == 302
    assert Contact.objects.count() == 0
    assert pending_import(alice_client) is not None


def test_it_imports_text_with_control_characters_safely(alice_client, alice):
    content = "First Name,Last Name,Company\r\nÅsa\x0b,Öberg\x07,Möten\x1b AB\u2028\r\n".encode()
    _upload(alice_client, "Connections.csv", content)
    _confirm(alice_client)
    contact = Contact.objects.get(owner=alice)
    assert (contact.name, contact.company) == ("Åsa Öberg", "Möten AB")
    # A NUL byte means binary (or UTF-16 without its BOM): refused, never passed on to the database.
    response = _upload(alice_client, "Connections.csv", content.replace(b"\x07", b"\x00"))
    assert "UTF-8" in response.context["form"].errors["file"][0]


def test_it_cancels_a_pending_import(alice_client):
    _upload(alice_client, "connections_nordic.csv")
    response = alice_client.post(CANCEL)
    assert response.status_code == 302
    assert pending_import(alice_client) is None
    assert alice_client.get(PREVIEW)["Location"] == UPLOAD
    assert alice_client.get(RESULT)["Location"] == UPLOAD


def test_it_never_shows_or_confirms_someone_elses_pending_import(alice_client, alice, charlie):
    charlies = Client()
    charlies.force_login(charlie)
    _upload(charlies, "connections_nordic.csv")
    # alice has none of her own: charlie's is neither previewed nor imported for her.
    assert alice_client.get(PREVIEW)["Location"] == UPLOAD
    alice_client.post(CONFIRM, {"import_id": pending_import(charlies)["id"]})
    assert Contact.objects.count() == 0
    # A row whose data names another owner (damaged, or written by a bug) is not hers either.
    _upload(alice_client, "connections_nordic.csv")
    pending = pending_import(alice_client)
    ContactImport.objects.filter(owner=alice).update(pending={**pending, "owner_id": charlie.pk})
    assert alice_client.get(PREVIEW)["Location"] == UPLOAD
    alice_client.post(CONFIRM, {"import_id": pending["id"]})
    assert Contact.objects.count() == 0


def test_it_keeps_other_members_contacts_out_of_the_duplicate_check(alice_client, alice, charlie):
    ContactFactory(owner=charlie, name="Åke", email="ake.arlig@example.se")
    _upload(alice_client, "connections_nordic.csv")
    plans = alice_client.get(PREVIEW).context["plans"]
    assert plans[0].imports
    page = alice_client.get(PREVIEW).content.decode()
    assert "already in your contacts" not in page


@pytest.mark.parametrize("name", ["Connections.csv", "contacts.vcf"])
def test_it_imports_the_shared_samples(alice_client, alice, name):
    path = SAMPLES / name
    # Without the shared samples, our own files of the same shapes are imported instead.
    content = (
        path.read_bytes()
        if path.exists()
        else data_file({"Connections.csv": "connections_nordic.csv"}.get(name, "contacts_v3.vcf"))
    )
    _upload(alice_client, name, content)
    _confirm(alice_client)
    summary = alice_client.get(RESULT).context["summary"]
    assert summary["imported"] == Contact.objects.filter(owner=alice).count() > 0
    if path.exists() and name == "Connections.csv":
        assert summary == {"total": 6, "imported": 5, "skipped": 1}
        assert Contact.objects.filter(owner=alice, name="Åsa Öberg").count() == 1
        assert Contact.objects.filter(owner=alice, name="Søren Bæk-Ærø").exists()
    if path.exists() and name == "contacts.vcf":
        assert summary == {"total": 4, "imported": 4, "skipped": 0}
        assert Contact.objects.get(owner=alice, name="Jens Østergaard").language == "da"


@pytest.mark.parametrize("rows", [1, 500])
def test_it_previews_in_a_constant_number_of_queries(alice_client, alice, django_assert_num_queries, rows):
    ContactFactory.create_batch(300, owner=alice)
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Namn{n},Åberg,https://www.linkedin.com/in/p{n},p{n}@example.se,AB,VD,12 Mar 2024" for n in range(rows)]
    _upload(alice_client, "Connections.csv", "\r\n".join(lines).encode())
    # 1 session, 2 user, 3 the member's pending import, 4 their contacts' e-mail and LinkedIn keys.
    with django_assert_num_queries(4):
        response = alice_client.get(PREVIEW)
    assert len(response.context["plans"]) == rows


def test_it_imports_500_rows_in_bulk_not_row_by_row(alice_client, alice, django_assert_max_num_queries):
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Namn{n},Åberg,https://www.linkedin.com/in/p{n},p{n}@example.se,AB,VD,12 Mar 2024" for n in range(500)]
    _upload(alice_client, "Connections.csv", "\r\n".join(lines).encode())
    # Session, user, the pending import, lock, old receipts purged, the receipt (with its savepoint
    # and release), keys, the result recorded, the savepoints, and batched INSERTs: one per 500 rows
    # on PostgreSQL, one per ~60 on SQLite (its 999-parameter limit).
    with django_assert_max_num_queries(27):
        _confirm(alice_client)
    assert Contact.objects.filter(owner=alice).count() == 500


def test_it_keeps_the_result_page_private_to_the_member(alice_client, client, charlie):
    _upload(alice_client, "connections_nordic.csv")
    _confirm(alice_client)
    client.force_login(charlie)
    # charlie has no result of his own, and never sees alice's.
    assert client.get(RESULT)["Location"] == UPLOAD
    assert import_result(client) is None
