"""Suggesting a network: it is pending, visible only to its submitter and staff, until approved."""

from decimal import Decimal

import pytest

from networks.models import Network
from networks.services import MAX_PENDING_SUGGESTIONS
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

URL = "/en/networks/suggest/"
GOOD = {
    "name": "Västerås Robotics Meetup",
    "website": "robotics.example.org",
    "summary": "Robot builders meet once a month.",
    "purpose": "Share projects.",
    "kind": "meetup",
    "scope": "local",
    "city": "Västerås",
    "country": "SE",
    "languages": ["sv", "en"],
    "meets": ["in_person", "online"],
    "formality": "informal",
    "fee_amount": "0",
    "fee_currency": "SEK",
    "fee_period": "year",
    "organiser": "Two engineers",
    "audience": "Engineers and students",
}


def test_it_saves_a_pending_suggestion_visible_to_its_submitter(alice_client, alice, client):
    response = alice_client.post(URL, GOOD)
    network = Network.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/networks/{network.slug}/"
    assert network.slug == "vasteras-robotics-meetup"
    assert network.status == Network.Status.PENDING
    assert network.submitted_by == alice
    assert network.languages == "sv,en"
    assert network.meets_in_person and network.meets_online and not network.meets_phone_email
    assert network.website == "https://robotics.example.org"
    assert alice_client.get(response["Location"]).status_code == 200
    assert network not in Network.objects.published()


def test_it_keeps_the_text_in_the_submitters_language(client, alice):
    client.force_login(alice)
    client.post("/sv/networks/suggest/", {**GOOD, "summary": "Robotbyggare ses en gång i månaden."})
    network = Network.objects.get()
    assert network.summary_sv == "Robotbyggare ses en gång i månaden."
    assert not network.summary_en
    assert not network.summary_fi


def test_it_numbers_a_slug_that_is_taken_and_never_uses_a_reserved_one(alice_client):
    NetworkFactory(name="Other", slug="vasteras-robotics-meetup")
    alice_client.post(URL, GOOD)
    assert Network.objects.filter(slug="vasteras-robotics-meetup-2").exists()
    alice_client.post(URL, {**GOOD, "name": "Compare"})
    assert Network.objects.filter(name="Compare").get().slug == "compare-2"


def test_it_makes_a_slug_from_a_name_without_latin_letters(alice_client):
    alice_client.post(URL, {**GOOD, "name": "🚀🚀"})
    assert Network.objects.get().slug == "network"


def test_it_refuses_a_name_that_is_already_in_the_catalogue(alice_client, network):
    response = alice_client.post(URL, {**GOOD, "name": "lund tech alumni"})
    assert "name" in response.context["form"].errors
    assert Network.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "x" * 121),
        ("name", "<b>Bold</b>"),
        ("summary", ""),
        ("summary", "x" * 301),
        ("city", "x" * 10_000),
        ("fee_amount", "-5"),
        ("fee_amount", "free"),
        ("fee_amount", "1e12"),
        ("fee_currency", "USD"),
        ("fee_period", "week"),
        ("kind", "cult"),
        ("scope", ""),
        ("country", "XX"),
        ("languages", []),
        ("languages", ["xx"]),
        ("meets", ["telepathy"]),
        ("website", "javascript:alert(1)"),
        ("website", "not a url"),
        ("formality", "strict"),
    ],
)
def test_it_refuses_bad_input_and_writes_nothing(alice_client, field, value):
    response = alice_client.post(URL, {**GOOD, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Network.objects.exists()


def test_it_accepts_nordic_letters_and_emoji(alice_client):
    alice_client.post(URL, {**GOOD, "name": "Ærøskøbing Åsa Café ☕", "city": "Ærøskøbing"})
    network = Network.objects.get()
    assert network.name == "Ærøskøbing Åsa Café ☕"
    assert network.slug == "aeroskobing-asa-cafe"


def test_it_stores_a_fee(alice_client):
    alice_client.post(URL, {**GOOD, "fee_amount": "350.50", "fee_currency": "DKK", "fee_period": "month"})
    network = Network.objects.get()
    assert network.fee_amount == Decimal("350.50")
    assert not network.is_free


def test_it_limits_the_pending_suggestions_per_member(alice_client, alice):
    for number in range(MAX_PENDING_SUGGESTIONS):
        NetworkFactory(status=Network.Status.PENDING, submitted_by=alice, name=f"Mine {number}")
    response = alice_client.post(URL, GOOD)
    assert response.status_code == 200
    assert "waiting for review" in response.content.decode()
    assert not Network.objects.filter(name=GOOD["name"]).exists()


def test_it_collapses_whitespace_in_the_name(alice_client):
    alice_client.post(URL, {**GOOD, "name": "  Spaced    out  "})
    assert Network.objects.get().name == "Spaced out"


def test_it_shows_the_form_with_a_label_for_every_field(alice_client):
    html = alice_client.get(URL).content.decode()
    for field in ("name", "summary", "city", "fee_amount", "website"):
        assert f'<label for="id_{field}"' in html
    assert "<legend>Languages spoken:</legend>" in html
    assert "<legend>How members meet:</legend>" in html
