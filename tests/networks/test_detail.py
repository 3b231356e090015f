"""A network's page: who may see it, the checklist breakdown, comments, the member's own part."""

import pytest
from django.utils import translation

from networks.models import Network
from tests.factories import MembershipFactory, NetworkFactory, UserFactory, evaluate

pytestmark = pytest.mark.django_db


def test_it_shows_an_approved_network_to_anyone(client, network):
    response = client.get("/en/networks/lund-tech-alumni/")
    assert response.status_code == 200
    assert "Lund Tech Alumni" in response.content.decode()
    assert "Log in to evaluate" in response.content.decode()


def test_it_hides_a_pending_network_from_anonymous_visitors(client, pending_network):
    assert client.get("/en/networks/charlies-pub-night/").status_code == 404


def test_it_hides_a_pending_network_from_other_members(alice_client, pending_network):
    # The same 404 as for a slug that does not exist: a 403 would confirm the network exists.
    assert alice_client.get("/en/networks/charlies-pub-night/").status_code == 404
    assert alice_client.get("/en/networks/no-such-network/").status_code == 404


def test_it_shows_a_pending_network_to_its_submitter_with_a_notice(charlie_client, pending_network):
    response = charlie_client.get("/en/networks/charlies-pub-night/")
    assert response.status_code == 200
    assert "Waiting for an editor" in response.content.decode()


def test_it_shows_pending_and_hidden_networks_to_staff(staff_client, pending_network):
    NetworkFactory(slug="hidden-one", status=Network.Status.HIDDEN)
    assert staff_client.get("/en/networks/charlies-pub-night/").status_code == 200
    assert staff_client.get("/en/networks/hidden-one/").status_code == 200


def test_it_hides_a_hidden_network_even_from_its_submitter(charlie_client, charlie):
    NetworkFactory(slug="hidden-one", status=Network.Status.HIDDEN, submitted_by=charlie)
    assert charlie_client.get("/en/networks/hidden-one/").status_code == 404


def test_it_draws_the_breakdown_with_counts_and_the_members_own_scores(alice_client, alice, charlie, network, criteria):
    evaluate(charlie, network, [5, 4, 3, 2, 1])
    evaluate(alice, network, [3, 4, 3, 2, 1], notes=["Good for juniors", "", "", "", ""])
    response = alice_client.get("/en/networks/lund-tech-alumni/")
    rows = response.context["rows"]
    assert [row["criterion"].key for row in rows] == ["needs", "purpose", "goals", "people", "resources"]
    assert rows[0]["average"] == 4.0
    assert rows[0]["count"] == 2
    html = response.content.decode()
    # The member's own score and note, under its criterion.
    needs = html.split('id="criterion-needs"')[1].split("</li>")[0]
    assert 'Your score: 3 — <span class="meta">Good for juniors</span>' in needs
    assert "Your score: 4" in html.split('id="criterion-purpose"')[1].split("</li>")[0]
    # Bars are <meter>s whose value is never localised (3,5 is not a number to a browser).
    assert '<meter min="1" max="5" low="2.5" high="3.5" optimum="5" value="4.0"' in html
    assert "Change your evaluation" in html


def test_it_never_localises_the_meter_value(client, alice, charlie, network, criteria):
    evaluate(alice, network, [4, 4, 4, 4, 4])
    evaluate(charlie, network, [3, 3, 3, 3, 3])
    html = client.get("/sv/networks/lund-tech-alumni/").content.decode()
    assert 'value="3.5"' in html
    assert "3,5" in html  # the visible number is Swedish


def test_it_shows_public_comments_escaped_with_the_authors_display_name(client, alice, network, criteria):
    evaluate(alice, network, [4, 4, 4, 4, 4], comment="<script>alert(1)</script> Bra nätverk 👍")
    html = client.get("/en/networks/lund-tech-alumni/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bra nätverk 👍" in html
    assert "<script>alert(1)" not in html
    assert "Alice Andersson" in html


def test_it_keeps_private_notes_private(client, alice, network, criteria):
    evaluate(alice, network, [4, 4, 4, 4, 4], notes=["My secret reason", "", "", "", ""])
    assert "My secret reason" not in client.get("/en/networks/lund-tech-alumni/").content.decode()
    charlie = UserFactory()
    client.force_login(charlie)
    assert "My secret reason" not in client.get("/en/networks/lund-tech-alumni/").content.decode()


def test_it_shows_the_members_membership(alice_client, alice, network):
    MembershipFactory(member=alice, network=network, status="joined", hours_per_month="3.5")
    html = alice_client.get("/en/networks/lund-tech-alumni/").content.decode()
    assert "Status: Joined" in html
    assert "3.5 hours a month" in html


def test_it_says_when_the_description_is_shown_in_another_language(client):
    NetworkFactory(slug="swedish-only", summary="", summary_en="", summary_sv="Bara på svenska.")
    translation.activate("fi")
    response = client.get("/fi/networks/swedish-only/")
    html = response.content.decode()
    assert "Bara på svenska." in html
    assert response.context["summary_language"] == "sv"
    assert 'lang="sv"' in html


def test_it_shows_the_description_in_the_readers_language(client):
    NetworkFactory(slug="both", summary_en="In English.", summary_da="På dansk.")
    translation.activate("da")
    response = client.get("/da/networks/both/")
    assert "På dansk." in response.content.decode()
    assert response.context["summary_language"] == "da"
