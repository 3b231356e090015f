"""Delete my account: password again, everything personal gone in one transaction, sessions ended,
coaches cut off, aggregates right, a confirmation e-mail in the member's language."""

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db.models import Avg
from django.test import Client

from accounts.models import CoachGrant, User
from accounts.privacy import deletion, export
from articles.models import Article
from networks.models import CriterionStats, Evaluation, Network, Score
from tests.factories import TEST_PASSWORD, evaluate, personal_data

pytestmark = pytest.mark.django_db

URL = "/en/accounts/privacy/delete/"


@pytest.fixture
def alice_two_of_each(alice, bob):
    return personal_data(alice, bob, n=2)


def _delete(client, password=TEST_PASSWORD):
    return client.post(URL, {"password": password})


def test_it_asks_for_the_password_again(alice_client, alice):
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert 'type="password"' in response.content.decode()
    response = _delete(alice_client, "not-my-password-at-all")
    assert response.status_code == 200
    assert "That is not your password." in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_it_deletes_the_account_and_every_personal_row(
    alice_client, alice, alice_two_of_each, django_capture_on_commit_callbacks
):
    alice_pk = alice.pk
    submitted = list(Network.objects.filter(submitted_by=alice).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = _delete(alice_client)
    # Logged out, and sent to the goodbye page in her own language.
    assert response.status_code == 302
    assert response["Location"] == "/sv/accounts/privacy/deleted/"
    assert not User.objects.filter(pk=alice_pk).exists()
    ghost = User(pk=alice_pk)
    for section in export.SECTIONS:
        if section.name == "evaluation_scores" and deletion.evaluations_kept():
            continue
        assert not section.queryset(ghost).exists(), f"{section.name} still has rows of the deleted member"
    # Networks she suggested stay, without her name.
    assert set(Network.objects.filter(pk__in=submitted).values_list("submitted_by", flat=True)) == {None}
    follow_up = Client().get("/sv/accounts/privacy/deleted/")
    assert follow_up.status_code == 200


def test_it_keeps_the_networks_aggregates_right(alice, alice_two_of_each, charlie, django_capture_on_commit_callbacks):
    network = alice_two_of_each["networks"][0]
    evaluate(charlie, network, [2, 2, 2, 2, 2])
    with django_capture_on_commit_callbacks(execute=True):
        assert deletion.account_delete(user=alice)
    network.refresh_from_db()
    remaining = Evaluation.objects.filter(network=network)
    assert network.evaluation_count == remaining.count() == (2 if deletion.evaluations_kept() else 1)
    for stats in CriterionStats.objects.filter(network=network):
        scores = Score.objects.filter(evaluation__network=network, criterion=stats.criterion)
        assert stats.score_count == scores.count()
        assert stats.average == pytest.approx(scores.aggregate(avg=Avg("score"))["avg"])
    expected = 3.0 if deletion.evaluations_kept() else 2.0  # alice gave 4s, charlie 2s
    assert network.score_average == pytest.approx(expected)


def test_it_ends_every_session_of_the_member(alice, charlie):
    phone, laptop, other = Client(), Client(), Client()
    phone.force_login(alice)
    laptop.force_login(alice)
    other.force_login(charlie)
    assert Session.objects.count() == 3
    assert _delete(phone).status_code == 302
    assert Session.objects.count() == 1  # charlie's; the phone's new anonymous session stores nothing
    response = laptop.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert other.get("/en/accounts/profile/").status_code == 200


def test_it_takes_every_coach_s_access_away_at_once(alice_client, alice, bob, alice_two_of_each):
    alice_pk = alice.pk
    coach = Client()
    coach.force_login(bob)
    assert coach.get(f"/en/coach/clients/{alice_pk}/").status_code == 200
    assert _delete(alice_client).status_code == 302
    assert not CoachGrant.objects.filter(coach=bob).exists()
    assert coach.get(f"/en/coach/clients/{alice_pk}/").status_code == 404


def test_it_sends_a_confirmation_in_the_members_language(alice_client, alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _delete(alice_client)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert "Alice Andersson" in message.body
    assert "security@rookie.example" in message.body  # where to turn if she did not ask for it
    html = message.alternatives[0][0]
    assert '<html lang="sv">' in html


def test_it_sends_nothing_and_deletes_nothing_when_a_step_fails(
    alice, alice_two_of_each, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(user):
        raise RuntimeError("session store down")

    monkeypatch.setattr(deletion, "sessions_end", broken)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        deletion.account_delete(user=alice)
    assert User.objects.filter(pk=alice.pk).exists()
    assert CoachGrant.objects.filter(member=alice).exists()
    assert Evaluation.objects.filter(member=alice).count() == 2
    assert mail.outbox == []


def test_it_deletes_once_when_asked_twice(alice, django_capture_on_commit_callbacks):
    stale = User.objects.get(pk=alice.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert deletion.account_delete(user=alice) is True
        assert deletion.account_delete(user=stale) is False
    assert len(mail.outbox) == 1


def test_it_keeps_the_author_name_on_guides(alice_client, alice):
    guide = Article.objects.create(key="meet-people", title_en="Meet people", author_name=alice.display_name)
    _delete(alice_client)
    guide.refresh_from_db()
    assert guide.author_name == "Alice Andersson"


def test_a_coach_leaving_takes_only_the_grant_from_the_member(client, alice, bob, alice_two_of_each):
    client.force_login(bob)
    assert _delete(client).status_code == 302
    assert not CoachGrant.objects.filter(member=alice).exists()
    assert User.objects.filter(pk=alice.pk).exists()
    assert alice.goals.count() == 2 and alice.contacts.count() == 2


def test_it_sends_anonymous_visitors_to_log_in_and_refuses_other_methods(client, alice_client):
    assert alice_client.put(URL).status_code == 405
    client.logout()
    response = client.post(URL, {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_it_limits_password_guesses(alice_client, alice):
    statuses = [_delete(alice_client, f"guess-number-{i}").status_code for i in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    assert User.objects.filter(pk=alice.pk).exists()
