"""The member who suggested a network hears the editors' answer: approved or hidden, with the reason,
on their overview until they close it and by e-mail in their language (networks/answers.py,
accounts/network_answers.py). Nobody else is told, and nobody is told twice."""

import os
import subprocess
import sys

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from accounts import network_answers
from accounts.mail_preferences import NETWORK_ANSWERS, read_off_token
from accounts.models import User
from accounts.tracker import dashboard_panels
from networks.answers import suggestion_answered, suggestion_answers_record
from networks.models import Network, SuggestionAnswer
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/networks/network/"
REASON = "Fint initiativ – välkommen i katalogen! <3"


@pytest.fixture(autouse=True)
def answers_connected():
    """What AccountsConfig.ready sets up (accounts/apps.py); undone after, if it was not there before."""
    was_there = network_answers.PANEL.name in dashboard_panels._panels
    network_answers.connect()
    yield
    if not was_there:
        suggestion_answered.disconnect(sender=SuggestionAnswer, dispatch_uid=network_answers.DISPATCH_UID)
        dashboard_panels._panels.pop(network_answers.PANEL.name, None)


@pytest.fixture
def suggested(alice):
    """alice (who reads Swedish) suggested it; an editor has not looked at it yet."""
    return NetworkFactory(
        name="Malmö Kodklubb", slug="malmo-kodklubb", status=Network.Status.PENDING, submitted_by=alice
    )


def _bulk(editor_client, action, *networks, capture):
    with capture(execute=True):
        response = editor_client.post(CHANGELIST, {"action": action, "_selected_action": [n.pk for n in networks]})
    assert response.status_code == 302


def _save_change_form(editor_client, network, capture, **changes):
    url = f"{CHANGELIST}{network.pk}/change/"
    form = editor_client.get(url).context["adminform"].form
    # What a browser posts back: no file for the empty logo, no unticked checkboxes.
    data = {name: value for name, value in form.initial.items() if value is not None and name != "logo"}
    data["languages"] = network.languages.split(",")
    data.update(changes)
    data = {key: ("on" if value is True else value) for key, value in data.items() if value is not False}
    with capture(execute=True):
        response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_it_tells_the_suggester_once_when_an_editor_approves_it(
    editor_client, alice, charlie, suggested, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://rookie.example"
    Network.objects.filter(pk=suggested.pk).update(review_reason=REASON)
    other = NetworkFactory(status=Network.Status.PENDING, submitted_by=charlie, summary_en="", summary="")
    _bulk(editor_client, "approve", suggested, other, capture=django_capture_on_commit_callbacks)

    # charlie's has no English or Swedish description, so it is not approved and he hears nothing.
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.extra_headers["Content-Language"] == "sv"
    assert "Malmö Kodklubb" in message.subject
    assert message.body.startswith("Hej Alice Andersson")  # in Swedish, whoever the editor is
    assert REASON in message.body
    assert "https://rookie.example/sv/networks/malmo-kodklubb/" in message.body
    [(html, _type)] = message.alternatives
    assert "Fint initiativ – välkommen i katalogen! &lt;3" in html
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert read_off_token(url.rstrip("/").rsplit("/", 1)[1]) == (alice, NETWORK_ANSWERS)
    assert url in message.body

    [answer] = SuggestionAnswer.objects.all()
    assert (answer.member, answer.network, answer.status, answer.reason) == (
        alice,
        suggested,
        Network.Status.APPROVED,
        REASON,
    )

    # Approving it again (another editor, a double click), or saving its page, tells nobody again.
    _bulk(editor_client, "approve", suggested, capture=django_capture_on_commit_callbacks)
    suggested.refresh_from_db()
    _save_change_form(editor_client, suggested, django_capture_on_commit_callbacks, review_reason="Edited afterwards.")
    assert len(mail.outbox) == 1
    assert SuggestionAnswer.objects.count() == 1


def test_it_tells_the_suggester_when_an_editor_hides_it_on_its_page_with_the_reason(
    editor_client, charlie, pending_network, django_capture_on_commit_callbacks
):
    reason = "Det ser ud til at være nedlagt."
    _save_change_form(
        editor_client,
        pending_network,
        django_capture_on_commit_callbacks,
        status=Network.Status.HIDDEN,
        review_reason=reason,
    )
    [message] = mail.outbox
    assert message.to == ["charlie@example.com"]
    assert message.extra_headers["Content-Language"] == "da"
    assert message.body.startswith("Hej Charlie Christensen")
    assert reason in message.body
    # A hidden network has no page: the link goes to the catalogue.
    assert "/da/networks/" in message.body and "charlies-pub-night" not in message.body

    # Saved again hidden: nothing; then approved after all: that is news, told once.
    pending_network.refresh_from_db()
    _save_change_form(editor_client, pending_network, django_capture_on_commit_callbacks, review_reason=reason + "!")
    assert len(mail.outbox) == 1
    pending_network.refresh_from_db()
    _save_change_form(
        editor_client, pending_network, django_capture_on_commit_callbacks, status=Network.Status.APPROVED
    )
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["charlie@example.com"]
    assert sorted(SuggestionAnswer.objects.values_list("status", flat=True)) == ["approved", "hidden"]


def test_it_tells_the_suggester_of_a_hidden_one_through_the_bulk_action(
    editor_client, alice, suggested, network, django_capture_on_commit_callbacks
):
    # `network` was added by an editor (no suggester): hiding it tells nobody.
    _bulk(editor_client, "hide", suggested, network, capture=django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["alice@example.com"]]
    assert SuggestionAnswer.objects.get().status == Network.Status.HIDDEN


def test_it_shows_the_answer_on_the_suggesters_overview_until_they_close_it(
    editor_client, alice, charlie, suggested, client, django_capture_on_commit_callbacks
):
    Network.objects.filter(pk=suggested.pk).update(review_reason=REASON)
    _bulk(editor_client, "approve", suggested, capture=django_capture_on_commit_callbacks)
    answer = SuggestionAnswer.objects.get()

    client.force_login(charlie)
    assert "Malmö Kodklubb" not in client.get(reverse("tracker:dashboard")).content.decode()
    # Someone else's answer is a 404, like a missing one, and stays open.
    assert client.post(reverse("networks:answer_dismiss"), {"answer": answer.pk}).status_code == 404
    assert client.post(reverse("networks:answer_dismiss"), {"answer": 987654}).status_code == 404
    for bad in ("", "x", "1.5", "١", "<b>", "9" * 40):
        assert client.post(reverse("networks:answer_dismiss"), {"answer": bad}).status_code == 400

    client.force_login(alice)
    page = client.get("/sv/me/").content.decode()
    assert "Malmö Kodklubb" in page
    assert "Fint initiativ – välkommen i katalogen! &lt;3" in page
    assert f'id="suggestion-answer-{answer.pk}"' in page
    assert 'href="/sv/networks/malmo-kodklubb/"' in page

    response = client.post(reverse("networks:answer_dismiss"), {"answer": answer.pk, "next": "/sv/me/"})
    assert response.status_code == 302
    assert response["Location"] == "/sv/me/"
    assert "Malmö Kodklubb" not in client.get("/sv/me/").content.decode()
    answer.refresh_from_db()
    assert answer.dismissed_at is not None
    # Closing it twice is no error; a `next` elsewhere is not followed.
    response = client.post(reverse("networks:answer_dismiss"), {"answer": answer.pk, "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("networks:mine")
    assert client.get(reverse("networks:answer_dismiss")).status_code == 405


def test_it_skips_the_mail_of_a_member_who_turned_it_off_but_keeps_the_notice(
    editor_client, alice, suggested, client, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=alice.pk).update(mail_network_answers=False)
    _bulk(editor_client, "approve", suggested, capture=django_capture_on_commit_callbacks)
    assert mail.outbox == []
    client.force_login(alice)
    assert "Malmö Kodklubb" in client.get("/sv/me/").content.decode()


def test_it_records_one_answer_per_network_and_status_however_often_it_is_called(
    alice, suggested, django_capture_on_commit_callbacks
):
    Network.objects.filter(pk=suggested.pk).update(status=Network.Status.APPROVED)
    with django_capture_on_commit_callbacks(execute=True):
        first = suggestion_answers_record(network_ids=[suggested.pk, suggested.pk])
        again = suggestion_answers_record(network_ids=[suggested.pk])
    assert len(first) == 1 and again == []
    assert len(mail.outbox) == 1
    # Still pending, or nobody's suggestion: nothing to answer.
    assert suggestion_answers_record(network_ids=[NetworkFactory(status=Network.Status.PENDING).pk]) == []


def test_it_sends_nothing_when_the_editors_change_is_rolled_back(alice, suggested):
    Network.objects.filter(pk=suggested.pk).update(status=Network.Status.APPROVED)
    # Without the commit no mail leaves: the signal waits for on_commit.
    with transaction.atomic():
        suggestion_answers_record(network_ids=[suggested.pk])
        transaction.set_rollback(True)
    assert mail.outbox == []
    assert not SuggestionAnswer.objects.exists()


def test_it_listens_for_answers_from_the_start():
    # A fresh process, as the web server starts: AccountsConfig.ready must call network_answers.connect().
    code = (
        "import django; django.setup()\n"
        "from accounts.tracker import dashboard_panels\n"
        "from networks.answers import suggestion_answered\n"
        "from networks.models import SuggestionAnswer\n"
        "print(suggestion_answered.has_listeners(SuggestionAnswer), 'network_answers' in dashboard_panels._panels)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "rookie.settings"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
