"""Editors moderate suggestions in the admin: status filter, approve and hide actions."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import EDITORS_GROUP
from networks.models import Network
from tests.factories import NetworkFactory, UserFactory, evaluate

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/networks/network/"


def test_it_gives_the_editors_group_the_network_permissions_without_taking_others():
    codenames = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True))
    assert {"view_network", "change_network", "view_criterion", "change_criterion"} <= codenames
    assert "delete_network" not in codenames
    # The articles app grants its guide permissions to the same group; both sets survive.
    assert any(codename.endswith("article") for codename in codenames)


def test_it_lists_networks_with_a_status_filter(editor_client, network, pending_network):
    response = editor_client.get(CHANGELIST + "?status__exact=pending")
    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [pending_network]


def test_it_searches_names_and_cities_in_any_case_of_any_letter(editor_client):
    aero = NetworkFactory(name="Ærø Erhvervsforening", city="Ærøskøbing")
    NetworkFactory(name="Tampere Alumni", city="Tampere")
    for query in ("ærø", "ÆRØSKØBING", "erhvervsforening"):
        response = editor_client.get(CHANGELIST, {"q": query})
        assert list(response.context["cl"].queryset) == [aero], query


def test_it_opens_the_change_form_with_the_translation_tabs(editor_client, network):
    response = editor_client.get(f"{CHANGELIST}{network.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    for code in ("en", "sv", "da", "fi"):
        assert f'name="summary_{code}"' in html
    assert 'name="languages"' in html


def test_it_lets_an_editor_save_a_translation(editor_client, pending_network):
    form = editor_client.get(f"{CHANGELIST}{pending_network.pk}/change/").context["adminform"].form
    # A browser sends no file for an empty file input: leave the (empty) logo out.
    data = {name: value for name, value in form.initial.items() if value is not None and name != "logo"}
    data.update(
        {
            "summary_en": "Pub night.",
            "summary_sv": "Pubkväll.",
            "languages": ["sv", "en"],
            "meets_in_person": "on",
        }
    )
    data = {key: value for key, value in data.items() if not isinstance(value, bool)}
    response = editor_client.post(f"{CHANGELIST}{pending_network.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    pending_network.refresh_from_db()
    assert pending_network.summary_sv == "Pubkväll."
    assert pending_network.languages == "sv,en"


def test_it_approves_suggestions_that_are_readable_in_every_language(editor_client, charlie):
    readable = NetworkFactory(status=Network.Status.PENDING, summary_en="", summary="", summary_sv="På svenska")
    finnish_only = NetworkFactory(status=Network.Status.PENDING, summary_en="", summary="", summary_fi="Vain suomeksi")
    response = editor_client.post(
        CHANGELIST, {"action": "approve", "_selected_action": [readable.pk, finnish_only.pk]}, follow=True
    )
    readable.refresh_from_db()
    finnish_only.refresh_from_db()
    assert readable.status == Network.Status.APPROVED
    assert finnish_only.status == Network.Status.PENDING
    html = response.content.decode()
    assert "1 network approved." in html
    assert "English or Swedish first" in html


def test_it_hides_networks(editor_client, network):
    editor_client.post(CHANGELIST, {"action": "hide", "_selected_action": [network.pk]})
    network.refresh_from_db()
    assert network.status == Network.Status.HIDDEN


def test_it_publishes_an_approved_suggestion_in_the_catalogue(editor_client, client, pending_network):
    editor_client.post(CHANGELIST, {"action": "approve", "_selected_action": [pending_network.pk]})
    client.logout()
    assert client.get("/en/networks/charlies-pub-night/").status_code == 200


def test_it_keeps_members_out_of_the_admin(alice_client, network):
    response = alice_client.get(CHANGELIST)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_it_keeps_the_checklist_fixed_at_five_criteria(editor_client, criteria):
    assert editor_client.get("/admin/networks/criterion/add/").status_code == 403
    response = editor_client.get(f"/admin/networks/criterion/{criteria[0].pk}/change/")
    assert response.status_code == 200
    assert 'name="question_fi"' in response.content.decode()


def test_it_shows_evaluations_read_only_to_superusers(client, alice, network, criteria):
    evaluate(alice, network, [4, 4, 4, 4, 4], comment="Fine")
    client.force_login(UserFactory(email="root@example.com", is_staff=True, is_superuser=True))
    evaluation = alice.network_evaluations.get()
    assert client.get("/admin/networks/evaluation/").status_code == 200
    assert client.get(f"/admin/networks/evaluation/{evaluation.pk}/change/").status_code == 200
    response = client.post(f"/admin/networks/evaluation/{evaluation.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.evaluation_count == 0
