"""A coach's private notes about a client: only that coach sees them; the member gets them in their
data export; they go when the member ends sharing, or with either account."""

import io
import json
import zipfile

import pytest

from accounts.coaching import services
from accounts.models.coaching import CoachNote
from accounts.privacy.deletion import account_delete
from tests.factories import GrantFactory

pytestmark = pytest.mark.django_db


def _notes_url(member):
    return f"/en/coach/clients/{member.pk}/notes/"


def test_a_coach_keeps_private_notes_about_a_client(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    response = client.post(_notes_url(alice), {"body": "Nervous <script>x</script> åäö 🚀"})
    assert response.status_code == 302
    note = CoachNote.objects.get()
    assert (note.coach, note.member) == (bob_grant.coach, alice)
    page = client.get(_notes_url(alice)).content.decode()
    assert "Nervous &lt;script&gt;x&lt;/script&gt; åäö 🚀" in page


def test_only_that_coach_sees_them(client, alice, bob_note, fiona_grant):
    client.force_login(fiona_grant.coach)
    assert bob_note.body not in client.get(_notes_url(alice)).content.decode()
    client.force_login(alice)
    for url in ("/en/coach/sharing/", "/en/coach/sharing/sessions/", "/en/me/", "/en/me/report/"):
        assert bob_note.body not in client.get(url).content.decode(), url
    client.force_login(bob_note.coach)
    assert bob_note.body in client.get(_notes_url(alice)).content.decode()
    # Not on the pages the coach might show the member either.
    assert bob_note.body not in client.get(f"/en/coach/clients/{alice.pk}/report/").content.decode()
    assert bob_note.body not in client.get(f"/en/coach/clients/{alice.pk}/sessions/").content.decode()


def test_ending_the_grant_deletes_the_notes_of_that_coach_only(client, alice, bob_note, fiona_grant, charlie):
    fiona_note = CoachNote.objects.create(coach=fiona_grant.coach, member=alice, body="Fiona's")
    GrantFactory(member=charlie, coach=bob_note.coach)
    other_client_note = CoachNote.objects.create(coach=bob_note.coach, member=charlie, body="About Charlie")
    client.force_login(alice)
    grant = alice.coach_grants.get(coach=bob_note.coach)
    assert client.post(f"/en/coach/sharing/{grant.pk}/revoke/").status_code == 302
    assert set(CoachNote.objects.all()) == {fiona_note, other_client_note}
    client.force_login(bob_note.coach)
    assert client.get(_notes_url(alice)).status_code == 404
    assert client.post(_notes_url(alice), {"body": "Still here?"}).status_code == 404
    assert not CoachNote.objects.filter(coach=bob_note.coach, member=alice).exists()


def test_the_revocation_and_the_deletion_are_one_transaction(alice, bob_note, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(CoachNote.objects.none().__class__, "delete", fail)
    with pytest.raises(RuntimeError):
        services.grant_revoke(grant=alice.coach_grants.get())
    # Neither happened: the grant is still active and the note still there.
    assert alice.coach_grants.get().status == "active"
    assert CoachNote.objects.filter(pk=bob_note.pk).exists()


@pytest.mark.parametrize("who", ["member", "coach"])
def test_they_go_with_either_account(alice, bob_note, who):
    account_delete(user=alice if who == "member" else bob_note.coach)
    assert not CoachNote.objects.exists()


def test_the_member_gets_them_in_their_data_export(client, alice, bob_note):
    client.force_login(alice)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/en/accounts/privacy/export/").content))
    rows = json.loads(archive.read("rookie-data.json"))["sections"]["coach_notes"]
    assert [(row["body"], row["coach__display_name"]) for row in rows] == [("Nervous about the fair", "Bob Berg")]
    assert b"Nervous about the fair" in archive.read("csv/coach_notes.csv")


@pytest.mark.parametrize(("body", "error"), [("", "This field is required."), ("x" * 4001, "at most 4000")])
def test_it_refuses_a_bad_note(client, alice, bob_grant, body, error):
    client.force_login(bob_grant.coach)
    response = client.post(_notes_url(alice), {"body": body})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not CoachNote.objects.exists()


def test_strangers_and_wrong_roles(client, alice, charlie, rita_grant, dave, bob_note):
    for coach in (rita_grant.coach, dave):
        client.force_login(coach)
        assert client.get(_notes_url(alice)).status_code == 404
    client.force_login(charlie)
    assert client.get(_notes_url(alice)).status_code == 403
    client.force_login(bob_note.coach)
    assert client.delete(_notes_url(alice)).status_code == 405
    assert client.get(_notes_url(charlie)).status_code == 404
