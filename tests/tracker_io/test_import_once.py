"""A preview is imported once, however many times it is confirmed: a double click, two tabs.

Simultaneous confirmations each read the pending import before either has carried it out; the
receipt written in the importing transaction decides.
"""

import time

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client

from accounts.models import Contact
from accounts.models.tracker import ContactImport, ContactImportReceipt
from accounts.tracker.transfers.importing import PENDING_MAX_AGE
from tests.tracker.concurrency import run_together
from tests.tracker_io.conftest import import_result, pending_import, upload

UPLOAD = "/en/me/contacts/import/"
CONFIRM = "/en/me/contacts/import/confirm/"
RESULT = "/en/me/contacts/import/done/"

# Five cards without an e-mail address or a LinkedIn profile: the duplicate check cannot tell a
# second import of them from new people, so only the one-shot receipt stops it.
FIVE_CARDS = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kortti {n}\r\nEND:VCARD\r\n" for n in range(5)).encode()
CONFIRMATIONS = 4


def _preview(client):
    response = client.post(UPLOAD, {"file": upload("cards.vcf", FIVE_CARDS), "format": "auto"})
    assert response.status_code == 302
    return pending_import(client)


@pytest.mark.django_db
def test_it_imports_nothing_when_the_same_preview_is_confirmed_again(alice_client, alice):
    pending = _preview(alice_client)
    alice_client.post(CONFIRM, {"import_id": pending["id"]})
    assert Contact.objects.filter(owner=alice).count() == 5
    # A request that read the pending import before the first one carried it out still has it.
    ContactImport.objects.filter(owner=alice).update(pending=pending)
    response = alice_client.post(CONFIRM, {"import_id": pending["id"]})
    assert response.status_code == 302
    assert response["Location"] == RESULT
    assert Contact.objects.filter(owner=alice).count() == 5
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This file has already been imported; it was not imported a second time."
    ]
    # The first confirmation's result stays for the page it leads to.
    assert import_result(alice_client)["summary"] == {"total": 5, "imported": 5, "skipped": 0}


@pytest.mark.django_db
def test_it_refuses_a_preview_older_than_a_day(alice_client, alice):
    pending = _preview(alice_client)
    old = {**pending, "created_at": time.time() - PENDING_MAX_AGE.total_seconds() - 60}
    ContactImport.objects.filter(owner=alice).update(pending=old)
    response = alice_client.post(CONFIRM, {"import_id": pending["id"]})
    assert response["Location"] == UPLOAD
    assert not Contact.objects.filter(owner=alice).exists()


@pytest.mark.django_db
def test_it_forgets_receipts_once_no_preview_can_be_that_old(alice_client):
    old = ContactImportReceipt.objects.create(import_id="a" * 32)
    ContactImportReceipt.objects.filter(pk=old.pk).update(created_at=old.created_at - PENDING_MAX_AGE * 2)
    pending = _preview(alice_client)
    alice_client.post(CONFIRM, {"import_id": pending["id"]})
    assert list(ContactImportReceipt.objects.values_list("import_id", flat=True)) == [pending["id"]]


@pytest.mark.django_db(transaction=True)
def test_it_imports_once_when_confirmations_arrive_together(alice):
    member = Client()
    member.force_login(alice)
    pending = _preview(member)
    cookie = member.cookies[settings.SESSION_COOKIE_NAME].value

    def confirm():
        # Each confirmation is its own browser request carrying the same session cookie.
        tab = Client()
        tab.cookies[settings.SESSION_COOKIE_NAME] = cookie
        return tab.post(CONFIRM, {"import_id": pending["id"]}).status_code

    statuses = run_together([confirm] * CONFIRMATIONS)
    assert statuses == [302] * CONFIRMATIONS
    assert Contact.objects.filter(owner=alice).count() == 5
    assert ContactImportReceipt.objects.filter(import_id=pending["id"]).count() == 1
