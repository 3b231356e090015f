"""Export my data: the registry covers every model related to the user; the ZIP holds it all."""

import csv
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import CalendarFeed, Contact
from accounts.privacy import export
from tests.factories import CoachFactory, UserFactory, personal_data

URL = "/en/accounts/privacy/export/"


def _user_relations():
    """{model label: {names of its ForeignKey/OneToOne fields to the user model}}, for every installed model."""
    relations = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not (field.concrete and (field.many_to_one or field.one_to_one)):
                continue
            if field.related_model is not None and field.related_model._meta.label == settings.AUTH_USER_MODEL:
                relations.setdefault(model._meta.label, set()).add(field.name)
    return relations


def test_it_covers_every_model_with_a_relation_to_the_user():
    covered = {}
    for section in export.SECTIONS:
        covered.setdefault(section.model, set()).update(section.user_fields)
    problems = []
    for label, fields in sorted(_user_relations().items()):
        if label in export.EXCLUDED:
            continue
        missing = fields - covered.get(label, set())
        if missing:
            problems.append(f"{label} ({', '.join(sorted(missing))})")
    assert not problems, (
        "These models relate to the user but are not in the export (accounts/privacy/export.py): add a "
        "Section naming every user field, or list the model in EXCLUDED with the reason: " + "; ".join(problems)
    )


def test_it_exports_the_profile_and_names_a_reason_for_every_exclusion():
    assert any(section.model == settings.AUTH_USER_MODEL for section in export.SECTIONS)
    installed = {model._meta.label for model in apps.get_models()}
    for label, reason in export.EXCLUDED.items():
        assert label in installed, f"EXCLUDED names {label}, which is not an installed model"
        assert len(reason) > 20
    for section in export.SECTIONS:
        model = section.get_model()  # raises for a misspelt model
        for name in section.user_fields:
            assert model._meta.get_field(name).related_model._meta.label == settings.AUTH_USER_MODEL


@pytest.fixture
def alice_data(alice, bob):
    return personal_data(alice, bob)


def _archive(response):
    return zipfile.ZipFile(io.BytesIO(response.content))


@pytest.mark.django_db
def test_it_downloads_a_zip_of_json_and_csv_files(alice_client, alice, alice_data):
    response = alice_client.post(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="rookie-data-')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    archive = _archive(response)
    names = set(archive.namelist())
    assert {"rookie-data.json", "README.txt"} <= names
    assert {f"csv/{section.name}.csv" for section in export.SECTIONS} <= names
    data = json.loads(archive.read("rookie-data.json"))
    assert data["format"] == export.FORMAT
    sections = data["sections"]
    assert sections["profile"][0]["email"] == "alice@example.com"
    for name in [section.name for section in export.SECTIONS]:
        assert sections[name], f"the export's {name} section is empty"
    assert sections["interactions"][0]["contact__name"] == alice_data["contacts"][0].name
    assert sorted(row["criterion__key"] for row in sections["evaluation_scores"]) == sorted(
        row["criterion__key"] for row in sections["priorities"]
    )


@pytest.mark.django_db
def test_it_leaves_out_the_password_hash_and_the_calendar_token(alice_client, alice, alice_data):
    archive = _archive(alice_client.post(URL))
    data = json.loads(archive.read("rookie-data.json"))
    assert "password" not in data["sections"]["profile"][0]
    assert "token" not in data["sections"]["calendar_feed"][0]
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert alice.password.encode() not in everything
    assert CalendarFeed.objects.get(owner=alice).token.encode() not in everything


@pytest.mark.django_db
def test_it_holds_nothing_of_anyone_else(alice_client, alice, alice_data, charlie):
    personal_data(charlie, CoachFactory())
    Contact.objects.filter(owner=charlie).update(name="Charlie's secret contact")
    archive = _archive(alice_client.post(URL))
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Charlie's secret contact" not in everything
    assert b"charlie@example.com" not in everything


@pytest.mark.django_db
def test_it_gives_a_coach_both_sides_of_coaching(client, alice, bob, alice_data):
    client.force_login(bob)
    data = json.loads(_archive(client.post(URL)).read("rookie-data.json"))["sections"]
    assert [row["member__display_name"] for row in data["coach_grants"]] == ["Alice Andersson"]
    assert len(data["coach_comments"]) == 2
    assert len(data["coach_access_log"]) == 2
    assert data["goals"] == []


@pytest.mark.django_db
def test_it_writes_csv_that_a_spreadsheet_cannot_run(alice_client, alice, alice_data):
    Contact.objects.filter(owner=alice).update(name='=HYPERLINK("http://evil.example","x")', notes="+1 åäö 🚀")
    archive = _archive(alice_client.post(URL))
    text = archive.read("csv/contacts.csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[0]["notes"] == "'+1 åäö 🚀"
    assert rows[0]["owner_id"] == str(alice.pk)


@pytest.mark.django_db
def test_it_runs_one_query_per_section_whatever_the_amount_of_data():
    # One SELECT per Section (values() with its joins); nothing per row.
    counts = []
    for n in (1, 6):
        member = UserFactory()
        personal_data(member, CoachFactory(), n=n)
        with CaptureQueriesContext(connection) as queries:
            export.build_archive(member)
        counts.append(len(queries))
    assert counts == [len(export.SECTIONS)] * 2


@pytest.mark.django_db
def test_it_answers_only_a_post_from_a_signed_in_member(client, alice_client):
    assert alice_client.get(URL).status_code == 405
    client.logout()
    response = client.post(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.django_db
def test_it_is_offered_on_the_profile(alice_client):
    html = alice_client.get("/en/accounts/profile/").content.decode()
    assert f'action="{URL}"' in html
    assert 'href="/en/accounts/privacy/delete/"' in html


@pytest.mark.django_db
def test_it_writes_the_readme_in_the_members_language(alice_client, alice, alice_data):
    archive = _archive(alice_client.post(URL))
    readme = archive.read("README.txt").decode()
    assert "Alice Andersson" in readme
    assert "- contacts: 1" in readme
