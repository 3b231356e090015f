"""A member with a large network: a 10,000-row Connections.csv, read, previewed a page at a time and
written in one transaction (all of it or nothing)."""

import math
import time

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Contact
from accounts.tracker.transfers import importing
from accounts.tracker.transfers.views.imports import PAGE_SIZE
from tests.factories import ContactFactory
from tests.tracker_io.conftest import import_result, pending_import, upload

pytestmark = pytest.mark.django_db

UPLOAD = "/en/me/contacts/import/"
PREVIEW = "/en/me/contacts/import/preview/"
CONFIRM = "/en/me/contacts/import/confirm/"
RESULT = "/en/me/contacts/import/done/"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
FIRST_NAMES = ["Åsa", "Søren", "Päivi", "Ægir", "Jürgen", "Zoë", "Мария", "Ελένη"]


def _row(n):
    """One realistic row: long profile address, company and position, quoted fields with commas."""
    first = FIRST_NAMES[n % len(FIRST_NAMES)]
    return (
        f"{first},Öberg-Lindqvist {n},https://www.linkedin.com/in/oberg-lindqvist-{n:08x}a1b2c3,"
        f'person{n}@example-company.se,"Skånska Möten och Konferenser, Malmö AB",'
        f'"Senior Project Manager, Digital Transformation",12 Mar 2024'
    )


def _connections(rows, *, broken_line=None):
    """A Connections.csv of `rows` data rows under the header (line 1); the row on `broken_line` lacks fields."""
    lines = [HEADER]
    for n in range(rows):
        line_number = n + 2
        lines.append("Cut,Short" if line_number == broken_line else _row(n))
    return "\r\n".join(lines).encode()


def _upload(client, content):
    return client.post(UPLOAD, {"file": upload("Connections.csv", content), "format": "auto"})


def test_a_file_of_10000_realistic_rows_fits_the_size_limit():
    content = _connections(10_000)
    assert importing.max_rows() == 10_000
    # With room for longer names and companies than these.
    assert len(content) * 1.5 < importing.max_bytes()


def test_it_imports_10000_rows_in_one_go_with_a_fixed_number_of_queries(alice_client, alice):
    ContactFactory(owner=alice, name="Already known", email="person7@example-company.se")
    started = time.monotonic()
    response = _upload(alice_client, _connections(10_000))
    assert response.status_code == 302
    assert response["Location"] == PREVIEW

    response = alice_client.get(PREVIEW)
    assert response.context["summary"] == {"total": 10_000, "imported": 9_999, "skipped": 1}
    page = response.content.decode()
    assert "Import 9,999 contacts" in page
    assert "10,000 rows" in page
    assert "A contact with this e-mail address is already in your contacts." in page  # line 9 is on page 1
    assert page.count('class="io-row-') == PAGE_SIZE
    assert 'href="?page=2"' in page

    import_id = pending_import(alice_client)["id"]
    with CaptureQueriesContext(connection) as queries:
        response = alice_client.post(CONFIRM, {"import_id": import_id})
    assert response.status_code == 302
    assert response["Location"] == RESULT
    elapsed = time.monotonic() - started
    # Loosely: a busy 2-core machine does upload, preview and confirmation in a few seconds.
    assert elapsed < 30

    fields = [field for field in Contact._meta.concrete_fields if field.name != "id"]
    batch = connection.ops.bulk_batch_size(fields, [None] * 9_999)
    inserts = math.ceil(9_999 / min(batch, 500))
    # 15 whatever the file: 1 session, 2 user, 3 the member's pending import, 4-5 savepoints (the
    # view's transaction, BEGIN outside a test, and the import's), 6 the member's lock, 7 old
    # receipts purged, 8-10 the receipt (savepoint, insert, release), 11 the e-mail and LinkedIn keys
    # of every existing contact (one query), 12 the coaches whose pages go stale, 13 release, 14 the
    # result recorded, 15 release (COMMIT). Then one INSERT per batch of rows, 500 at a time (fewer
    # on SQLite, whose limit is 999 parameters a query): the only part that grows with the file.
    assert len(queries.captured_queries) == 15 + inserts
    assert len(_fixed_queries(queries)) == 15
    assert Contact.objects.filter(owner=alice).count() == 10_000

    response = alice_client.get(RESULT)
    assert response.context["summary"] == {"total": 10_000, "imported": 9_999, "skipped": 1}
    assert response.context["page"].paginator.num_pages == 200
    last = alice_client.get(RESULT + "?page=200").content.decode()
    assert "Öberg-Lindqvist 9999" in last
    assert 'href="?page=199"' in last


def _fixed_queries(queries):
    """The queries that are not batches of contacts."""
    return [query for query in queries.captured_queries if 'INSERT INTO "accounts_contact" ' not in query["sql"]]


def test_the_fixed_part_of_the_confirmation_does_not_grow_with_the_file(alice_client, alice):
    counts = []
    for rows in (3, 700):
        _upload(alice_client, _connections(rows))
        import_id = pending_import(alice_client)["id"]
        with CaptureQueriesContext(connection) as queries:
            alice_client.post(CONFIRM, {"import_id": import_id})
        counts.append(len(_fixed_queries(queries)))
        Contact.objects.filter(owner=alice).delete()
    assert counts[0] == counts[1]


def test_a_malformed_row_at_line_9999_refuses_the_whole_file(alice_client, alice):
    response = _upload(alice_client, _connections(10_000, broken_line=9_999))
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert error.startswith("Line 9999 has 2 fields where the header row has 7.")
    assert "Line 9999 has 2 fields" in response.content.decode()
    assert pending_import(alice_client) is None
    assert Contact.objects.count() == 0


def test_a_write_failing_at_line_9999_leaves_nothing_written(alice):
    _source, rows = importing.read_upload(_connections(10_000))
    # A value the database refuses (the language check constraint) in one of the last batches.
    rows[9_997].language = "xx"
    assert rows[9_997].line == 9_999
    with pytest.raises(IntegrityError):
        importing.contacts_import(owner=alice, rows=rows, source=importing.LINKEDIN, import_id="a" * 32)
    assert Contact.objects.count() == 0
    # The receipt went with it, so the member can confirm again once the cause is gone.
    rows[9_997].language = ""
    plans = importing.contacts_import(owner=alice, rows=rows, source=importing.LINKEDIN, import_id="a" * 32)
    assert sum(plan.imports for plan in plans) == Contact.objects.count() == 10_000


def test_more_than_10000_rows_are_refused_with_the_count(alice_client):
    response = _upload(alice_client, _connections(10_001))
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "The file holds 10,001 contacts; at most 10,000 can be imported at a time. Split it and try again."
    ]
    assert pending_import(alice_client) is None


def test_the_preview_pages_through_the_file(alice_client):
    _upload(alice_client, _connections(120))
    first = alice_client.get(PREVIEW)
    assert [plan.row.line for plan in first.context["page"]] == list(range(2, 52))
    assert 'rel="next"' in first.content.decode()
    assert 'rel="prev"' not in first.content.decode()
    last = alice_client.get(PREVIEW + "?page=3")
    assert [plan.row.line for plan in last.context["page"]] == list(range(102, 122))
    body = last.content.decode()
    assert 'href="?page=2"' in body
    assert 'rel="next"' not in body
    assert "Page 3 of 3" in body
    assert "Page 3" not in body.split("</title>")[0]
    # A large file takes seconds to import: the static script says so on the button (no inline script).
    assert 'data-working="Importing… this can take a few seconds."' in body
    assert "/js/import-working" in body
    # Every page offers the confirmation of the whole file, with its counts.
    assert "Import 120 contacts" in body
    # A page past the end shows the last one; a page that is not a number, the first.
    assert alice_client.get(PREVIEW + "?page=99").context["page"].number == 3
    assert alice_client.get(PREVIEW + "?page=x").context["page"].number == 1
    assert import_result(alice_client) is None


def test_the_upload_form_names_the_limits(alice_client):
    page = alice_client.get(UPLOAD).content.decode()
    assert "at most 4.0\xa0MB and 10,000 contacts" in page
    page = alice_client.get("/fi/me/contacts/import/").content.decode()
    assert "4,0\xa0MB" in page  # the locale's decimal mark


def test_the_preview_and_the_result_can_show_only_the_skipped_rows(alice_client, alice):
    # Rows 3 and 103 (lines 5 and 105) are already in the contacts: two skipped among 130.
    ContactFactory(owner=alice, email="person3@example-company.se")
    ContactFactory(owner=alice, email="person103@example-company.se")
    _upload(alice_client, _connections(130))
    body = alice_client.get(PREVIEW).content.decode()
    assert '<a href="?show=skipped">Show only the 2 skipped rows</a>' in body
    skipped = alice_client.get(PREVIEW, {"show": "skipped"})
    assert [plan.row.line for plan in skipped.context["page"]] == [5, 105]
    assert '<a href="?">Show every row</a>' in skipped.content.decode()
    # The counts and the button still cover the whole file.
    assert skipped.context["summary"] == {"total": 130, "imported": 128, "skipped": 2}
    assert "Import 128 contacts" in skipped.content.decode()
    # Paging keeps the choice.
    assert 'href="?page=2&show=skipped"' not in body
    all_rows = alice_client.get(PREVIEW, {"show": "anything-else"})
    assert all_rows.context["page"].paginator.count == 130
    assert 'href="?page=2"' in all_rows.content.decode()

    alice_client.post(CONFIRM, {"import_id": pending_import(alice_client)["id"]})
    result = alice_client.get(RESULT, {"show": "skipped"})
    assert [plan.row.line for plan in result.context["page"]] == [5, 105]
    assert all(not plan.imports for plan in result.context["page"])


def test_paging_through_the_skipped_rows_keeps_showing_only_them(alice_client):
    lines = [HEADER] + [_row(n) for n in range(10)] + [",,,,Nameless AB,," for _n in range(60)]
    _upload(alice_client, "\r\n".join(lines).encode())
    # 60 rows without a name are skipped: two pages of them.
    body = alice_client.get(PREVIEW, {"show": "skipped"}).content.decode()
    assert 'href="?page=2&amp;show=skipped"' in body
    second = alice_client.get(PREVIEW, {"show": "skipped", "page": "2"})
    assert len(second.context["page"]) == 10
    assert all(plan.reason == "no_name" for plan in second.context["page"])
