"""The evaluation form: five radio groups, notes and a comment; bad input never writes anything."""

import pytest
from django.utils.html import escape

from networks.models import Evaluation, Network, Score
from tests.factories import NetworkFactory, evaluate, evaluation_post

pytestmark = pytest.mark.django_db

URL = "/en/networks/lund-tech-alumni/evaluate/"


def test_it_shows_the_five_criteria_as_radio_groups_with_help(alice_client, network, criteria):
    html = alice_client.get(URL).content.decode()
    assert html.count("<fieldset") >= 5
    assert html.count('type="radio"') == 25
    for criterion in criteria:
        assert f"{escape(criterion.question)}</legend>" in html
    assert "Think about what you need right now" in html


def test_it_shows_the_criteria_in_the_readers_language(client, alice, network):
    client.force_login(alice)
    html = client.get("/sv/networks/lund-tech-alumni/evaluate/").content.decode()
    assert "Motsvarar nätverket mina professionella behov?" in html


def test_it_saves_an_evaluation_and_updates_the_aggregates(alice_client, alice, network, criteria):
    data = evaluation_post(criteria, [5, 4, 3, 2, 1], note_needs="Mest juniora", comment="Trevligt 🎉")
    response = alice_client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == "/en/networks/lund-tech-alumni/"
    evaluation = Evaluation.objects.get(member=alice, network=network)
    assert evaluation.comment == "Trevligt 🎉"
    assert sorted(evaluation.scores.values_list("score", flat=True)) == [1, 2, 3, 4, 5]
    assert evaluation.scores.get(criterion__key="needs").note == "Mest juniora"
    network.refresh_from_db()
    assert network.evaluation_count == 1
    assert network.score_average == 3.0


def test_it_updates_a_second_evaluation_in_place(alice_client, alice, network, criteria):
    alice_client.post(URL, evaluation_post(criteria, [1, 1, 1, 1, 1]))
    alice_client.post(URL, evaluation_post(criteria, [5, 5, 5, 5, 5], comment="Changed my mind"))
    assert Evaluation.objects.count() == 1
    assert Score.objects.count() == 5
    network.refresh_from_db()
    assert network.score_average == 5.0
    assert network.evaluation_count == 1


def test_it_survives_a_double_submission(alice_client, network, criteria):
    data = evaluation_post(criteria, [4, 4, 4, 4, 4])
    first = alice_client.post(URL, data)
    second = alice_client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert Evaluation.objects.count() == 1
    assert Score.objects.count() == 5


def test_it_prefills_the_form_with_the_members_evaluation(alice_client, alice, network, criteria):
    evaluate(alice, network, [2, 3, 4, 5, 1], comment="So far so good", notes=["", "", "Meet 3 people", "", ""])
    response = alice_client.get(URL)
    assert response.context["form"]["score_goals"].value() == 4
    assert response.context["form"]["note_goals"].value() == "Meet 3 people"
    assert "So far so good" in response.content.decode()
    assert "saving replaces that evaluation" in response.content.decode()


@pytest.mark.parametrize(
    ("values", "extra"),
    [
        ([0, 3, 3, 3, 3], {}),
        ([6, 3, 3, 3, 3], {}),
        (["abc", 3, 3, 3, 3], {}),
        (["3.5", 3, 3, 3, 3], {}),
        (["-1", 3, 3, 3, 3], {}),
        (["", 3, 3, 3, 3], {}),
        (["<b>5</b>", 3, 3, 3, 3], {}),
        ([3, 3, 3, 3, 3], {"score_networking": "5"}),
        ([3, 3, 3, 3, 3], {"note_unknown": "x"}),
        ([3, 3, 3, 3, 3], {"note_needs": "x" * 501}),
        ([3, 3, 3, 3, 3], {"comment": "x" * 2001}),
    ],
)
def test_it_refuses_bad_input_and_writes_nothing(alice_client, network, criteria, values, extra):
    response = alice_client.post(URL, evaluation_post(criteria, values, **extra))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Evaluation.objects.exists()
    assert not Score.objects.exists()


def test_it_refuses_a_form_that_is_missing_a_criterion(alice_client, network, criteria):
    data = evaluation_post(criteria, [3, 3, 3, 3, 3])
    del data["score_people"]
    response = alice_client.post(URL, data)
    assert "score_people" in response.context["form"].errors
    assert not Evaluation.objects.exists()


def test_it_names_the_unknown_criterion_problem(alice_client, network, criteria):
    response = alice_client.post(URL, evaluation_post(criteria, [3, 3, 3, 3, 3], score_networking="5"))
    assert "not on the checklist" in response.content.decode()


def test_it_refuses_to_evaluate_a_pending_network_that_is_not_yours(alice_client, pending_network, criteria):
    url = "/en/networks/charlies-pub-night/evaluate/"
    assert alice_client.get(url).status_code == 404
    assert alice_client.post(url, evaluation_post(criteria, [5, 5, 5, 5, 5])).status_code == 404
    assert not Evaluation.objects.exists()


def test_it_refuses_to_evaluate_a_hidden_network(alice_client, criteria):
    NetworkFactory(slug="hidden-one", status=Network.Status.HIDDEN)
    response = alice_client.post("/en/networks/hidden-one/evaluate/", evaluation_post(criteria, [5, 5, 5, 5, 5]))
    assert response.status_code == 404
    assert not Evaluation.objects.exists()


def test_it_lets_a_submitter_evaluate_their_own_pending_network(charlie_client, pending_network, criteria):
    url = "/en/networks/charlies-pub-night/evaluate/"
    assert charlie_client.post(url, evaluation_post(criteria, [4, 4, 4, 4, 4])).status_code == 302
    assert Evaluation.objects.filter(network=pending_network).count() == 1


def test_it_only_ever_changes_the_members_own_evaluation(alice, charlie_client, network, criteria):
    # There is no evaluation id in the form: charlie's post is charlie's evaluation, alice's stays.
    evaluate(alice, network, [5, 5, 5, 5, 5], comment="Alice's view")
    charlie_client.post(URL, evaluation_post(criteria, [1, 1, 1, 1, 1], comment="Charlie's view"))
    assert Evaluation.objects.get(member=alice).comment == "Alice's view"
    assert set(Evaluation.objects.get(member=alice).scores.values_list("score", flat=True)) == {5}


# Deleting an evaluation: the author only, POST only.


def _delete_url(evaluation):
    return f"/en/networks/evaluations/{evaluation.pk}/delete/"


def test_it_lets_the_author_delete_their_evaluation(alice_client, alice, network, criteria):
    evaluation = evaluate(alice, network, [5, 5, 5, 5, 5])
    response = alice_client.post(_delete_url(evaluation))
    assert response.status_code == 302
    assert response["Location"] == "/en/networks/lund-tech-alumni/"
    assert not Evaluation.objects.exists()
    network.refresh_from_db()
    assert network.evaluation_count == 0
    assert network.score_average is None


def test_it_sends_the_author_to_my_networks_after_deleting_from_a_hidden_network(
    alice_client, alice, network, criteria
):
    evaluation = evaluate(alice, network, [5, 5, 5, 5, 5])
    Network.objects.filter(pk=network.pk).update(status=Network.Status.HIDDEN)
    response = alice_client.post(_delete_url(evaluation))
    assert response["Location"] == "/en/networks/mine/"


def test_it_escapes_markup_in_a_criterions_help_text(alice_client, network, criteria):
    criteria[0].help_text_en = "<img src=x onerror=alert(1)>"
    criteria[0].save()
    html = alice_client.get(URL).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
