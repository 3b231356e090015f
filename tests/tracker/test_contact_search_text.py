"""The one contact search (accounts/tracker/contact_search_text.py): the folding, the stored folded
column on every write path, the list and the contact field agreeing, and the PostgreSQL indexes.

alice owns the contacts; charlie is a stranger whose contacts she must never find.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Contact
from accounts.tracker.contact_picker import search_contacts
from accounts.tracker.contact_search_text import fold, query_words, search_text
from accounts.tracker.transfers import importing
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

LIST = reverse("tracker:contact_list")
SEARCH = reverse("tracker:contact_search")
BULK = reverse("tracker:contact_bulk")


def _stored(contact):
    return Contact.objects.values_list("search_text", flat=True).get(pk=contact.pk)


# --- Folding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        # Swedish
        ("Åsa Öberg", "asa oberg"),
        ("Ängelholm", "angelholm"),
        # Danish and Norwegian
        ("Søren Ærø", "soren aero"),
        ("BJØRN", "bjorn"),
        # Finnish
        ("Päivi Järvinen", "paivi jarvinen"),
        ("JYVÄSKYLÄ", "jyvaskyla"),
        # Icelandic, German, Polish
        ("Þórður", "thordur"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        # Greek: accents and final sigma
        ("Αθήνα", "αθηνα"),
        ("ΟΔΥΣΣΕΑΣ", "οδυσσεασ"),
        ("Ελένη Παπαδοπούλου", "ελενη παπαδοπουλου"),
        # Cyrillic: case (its letters keep their own shape)
        ("МАРИЯ Иванова", "мария иванова"),
        # Stored decomposed: the combining marks go
        ("A\u030asa Jo\u0308rgen", "asa jorgen"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_keeps_none():
    assert fold(None) is None


def test_the_search_text_is_the_three_fields_folded_one_a_line():
    assert search_text("Åsa Öberg", "Nordlys AB", "ASA@Example.se") == "asa oberg\nnordlys ab\nasa@example.se"
    assert search_text("Bo", None, "") == "bo\n\n"


def test_a_query_is_its_distinct_folded_words_at_most_five():
    assert query_words("  ÅSA\tåsa  Öberg ") == ["asa", "oberg"]
    assert query_words("a b c d e f g") == ["a", "b", "c", "d", "e"]
    assert query_words("\x00 \n ") == []


# --- The stored column on every write path ---------------------------------------------------------


def test_save_and_edit_keep_the_column_right(alice):
    contact = ContactFactory(owner=alice, name="Åsa Öberg", company="Nordlys AB", email="asa@nordlys.se")
    assert _stored(contact) == "asa oberg\nnordlys ab\nasa@nordlys.se"
    contact.name = "Søren Ærø"
    contact.save(update_fields=["name"])
    assert _stored(contact) == "soren aero\nnordlys ab\nasa@nordlys.se"


def test_the_edit_form_keeps_the_column_right(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Anna", company="Acme")
    response = alice_client.post(
        reverse("tracker:contact_edit", args=[contact.pk]),
        {"name": "Päivi Järvinen", "company": "Äänekosken Energia", "language": "fi"},
    )
    assert response.status_code == 302, response.content
    assert _stored(contact) == "paivi jarvinen\naanekosken energia\n"


def test_bulk_create_and_bulk_update_keep_the_column_right(alice):
    created = Contact.objects.bulk_create(Contact(owner=alice, name=f"Åsa {n}") for n in range(3))
    assert [_stored(contact) for contact in created] == ["asa 0\n\n", "asa 1\n\n", "asa 2\n\n"]
    for contact in created:
        contact.company = "ØRSTED"
    Contact.objects.bulk_update(created, ["company"])
    assert {_stored(contact) for contact in created} == {f"asa {n}\norsted\n" for n in range(3)}


def test_the_import_keeps_the_column_right(alice):
    rows = [importing.ImportRow(line=2, name="Søren Ærø", company="Ørsted A/S", email="SOREN@orsted.dk")]
    importing.contacts_import(owner=alice, rows=rows, source=importing.LINKEDIN, import_id="s" * 32)
    assert Contact.objects.get(owner=alice).search_text == "soren aero\norsted a/s\nsoren@orsted.dk"
    assert [contact.name for contact in search_contacts(alice, "soren orsted")] == ["Søren Ærø"]


def test_a_bulk_action_on_every_match_leaves_the_search_right(alice_client, alice):
    ContactFactory(owner=alice, name="Åsa Öberg", company="Nordlys AB")
    ContactFactory(owner=alice, name="Bo Ek", company="Acme")
    response = alice_client.post(BULK, {"action": "add_tag", "scope": "all", "bulk_tag": "nordic", "q": "ASA"})
    assert response.status_code == 302
    assert list(Contact.objects.filter(tags="nordic").values_list("name", flat=True)) == ["Åsa Öberg"]
    assert [contact.name for contact in search_contacts(alice, "asa")] == ["Åsa Öberg"]


# --- The list and the contact field: one search ----------------------------------------------------


@pytest.fixture
def nordic(alice, charlie):
    ContactFactory(owner=alice, name="Åsa Öberg", company="Nordlys AB", email="asa@nordlys.se")
    ContactFactory(owner=alice, name="Søren Ærø", company="", email="soren@orsted.dk")
    ContactFactory(owner=alice, name="Päivi Järvinen", company="Äänekosken Energia")
    ContactFactory(owner=alice, name="Мария Иванова", company="Газпром")
    ContactFactory(owner=alice, name="Ελένη Παπαδοπούλου", company="Αθήνα Α.Ε.")
    ContactFactory(owner=alice, name="Anna 100% Berg", company="Data_Hub")
    ContactFactory(owner=charlie, name="Åsa Öberg (charlie's)", company="Nordlys AB", email="x@orsted.dk")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("asa", {"Åsa Öberg"}),
        ("ÅSA öberg", {"Åsa Öberg"}),
        ("soren aero", {"Søren Ærø"}),
        ("ØRSTED", {"Søren Ærø"}),
        ("aanekosken", {"Päivi Järvinen"}),
        ("МАРИЯ газпром", {"Мария Иванова"}),
        ("ελενη αθηνα", {"Ελένη Παπαδοπούλου"}),
        ("a", {"Åsa Öberg", "Søren Ærø", "Päivi Järvinen", "Anna 100% Berg"}),
        # LIKE's wildcards are the letters they are.
        ("100%", {"Anna 100% Berg"}),
        ("a_h", {"Anna 100% Berg"}),
        ("%", {"Anna 100% Berg"}),
        ("_", {"Anna 100% Berg"}),
        ("nordlys soren", set()),
        ("charlie", set()),
    ],
)
def test_the_list_and_the_contact_field_find_the_same_contacts(alice_client, nordic, query, expected):
    in_list = {contact.name for contact in alice_client.get(LIST, {"q": query}).context["page"]}
    in_field = {row["name"] for row in alice_client.get(SEARCH, {"q": query}).json()["results"]}
    assert in_list == in_field == expected


def test_the_contact_field_keeps_its_order_most_recently_contacted_first(alice):
    today = timezone.localdate()
    ContactFactory(owner=alice, name="Anna Ek", last_contacted_on=None)
    ContactFactory(owner=alice, name="Åsa Berg", last_contacted_on=today - datetime.timedelta(days=30))
    ContactFactory(owner=alice, name="Annika Lund", last_contacted_on=today)
    ContactFactory(owner=alice, name="Ada Lund", last_contacted_on=today)
    assert [contact.name for contact in search_contacts(alice, "a")] == [
        "Ada Lund",
        "Annika Lund",
        "Åsa Berg",
        "Anna Ek",
    ]


@pytest.mark.parametrize("count", [10, 300])
def test_each_search_is_one_query_at_any_size(alice, alice_client, count):
    Contact.objects.bulk_create(
        Contact(owner=alice, name=f"Åsa {n:04d}", company=f"Firm {n % 7}") for n in range(count)
    )
    with CaptureQueriesContext(connection) as field:
        assert len(search_contacts(alice, "asa firm")) == 10
    assert len(field) == 1
    with CaptureQueriesContext(connection) as listed:
        response = alice_client.get(LIST, {"q": "asa firm"})
    assert response.context["page"].paginator.count == count
    # session, user, tags, events, networks, count, the page (as test_contact_list pins without a search)
    assert len(listed) == 7


# --- PostgreSQL's indexes ---------------------------------------------------------------------------


def test_the_search_indexes_exist_on_postgresql_and_sqlite_goes_without(db):
    with connection.cursor() as cursor:
        indexes = set(connection.introspection.get_constraints(cursor, Contact._meta.db_table))
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
            trigrams = cursor.fetchone()[0] == 1
            assert "accounts_contact_owner_recent" in indexes
            # It holds what the search reads, so a search is answered from the index alone.
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'accounts_contact_owner_recent'")
            assert cursor.fetchone()[0].endswith("INCLUDE (search_text, company, email)")
            assert ("accounts_contact_search_trgm" in indexes) is trigrams
        else:
            assert not {"accounts_contact_owner_recent", "accounts_contact_search_trgm"} & indexes
