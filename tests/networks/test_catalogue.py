"""The catalogue: approved networks only, filters and sorting in the query string, pagination."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from networks.models import Network
from tests.factories import MembershipFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db


def _names(response):
    assert response.status_code == 200
    return [network.name for network in response.context["page_obj"]]


def test_it_lists_approved_networks_for_anonymous_visitors(client, network, pending_network):
    NetworkFactory(name="Hidden one", status=Network.Status.HIDDEN)
    assert _names(client.get("/en/networks/")) == ["Lund Tech Alumni"]


def test_it_leaves_pending_networks_out_even_for_their_submitter(client, charlie, pending_network):
    client.force_login(charlie)
    assert _names(client.get("/en/networks/")) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=alumni", ["Alumni A"]),
        ("scope=international", ["Online B"]),
        ("city={aarhus}", ["Mentor C"]),
        ("country=DK", ["Mentor C"]),
        ("country=SE", ["Alumni A"]),
        ("language=fi", ["Online B"]),
        ("language=da", ["Mentor C"]),
        ("fee=free", ["Alumni A", "Mentor C"]),
        ("fee=paid", ["Online B"]),
        ("meets=online", ["Online B"]),
        ("meets=phone_email", ["Mentor C"]),
        ("kind=mentoring&city={aarhus}&fee=free", ["Mentor C"]),
        ("country=DK&fee=paid", []),
        ("kind=alumni&fee=paid", []),
    ],
)
def test_it_filters(client, query, expected):
    NetworkFactory(name="Alumni A", kind="alumni", city="Lund", languages="sv,en")
    NetworkFactory(
        name="Online B",
        kind="online",
        scope="international",
        city="",
        country="",
        languages="en,fi",
        fee_amount=Decimal("25"),
        fee_currency="EUR",
        meets_in_person=False,
        meets_online=True,
    )
    mentor = NetworkFactory(
        name="Mentor C", kind="mentoring", city="Aarhus", country="DK", languages="da", meets_phone_email=True
    )
    query = query.format(aarhus=mentor.city_id)
    assert _names(client.get(f"/en/networks/?{query}&sort=name")) == expected


def test_it_searches_names_cities_and_descriptions_in_every_language(client):
    NetworkFactory(name="Kaffeklubben", summary_en="", summary="", summary_sv="Fika för grundare i Umeå")
    NetworkFactory(name="Something else", city="Göteborg")
    translation.activate("fi")  # the Swedish text is shown to a Finnish reader by fallback
    assert _names(client.get("/fi/networks/?q=grundare")) == ["Kaffeklubben"]
    assert _names(client.get("/fi/networks/?q=göteborg")) == ["Something else"]
    assert _names(client.get("/fi/networks/?q=kaffe")) == ["Kaffeklubben"]


def test_it_sorts_by_score_evaluations_newest_and_name(client, alice, charlie, bob, criteria):
    top = NetworkFactory(name="B top")
    popular = NetworkFactory(name="C popular")
    NetworkFactory(name="A unrated")
    evaluate(alice, top, [5, 5, 5, 5, 5])
    for member in (alice, charlie, bob):
        evaluate(member, popular, [3, 3, 3, 3, 3])
    assert _names(client.get("/en/networks/")) == ["B top", "C popular", "A unrated"]
    assert _names(client.get("/en/networks/?sort=score")) == ["B top", "C popular", "A unrated"]
    assert _names(client.get("/en/networks/?sort=evaluations")) == ["C popular", "B top", "A unrated"]
    assert _names(client.get("/en/networks/?sort=newest")) == ["A unrated", "C popular", "B top"]
    assert _names(client.get("/en/networks/?sort=name")) == ["A unrated", "B top", "C popular"]


def test_it_offers_fit_only_to_members(alice_client):
    anonymous = Client().get("/en/networks/").context["form"]
    assert "fit" not in dict(anonymous.fields["sort"].choices)
    member = alice_client.get("/en/networks/").context["form"]
    assert "fit" in dict(member.fields["sort"].choices)


def test_it_paginates_twenty_at_a_time_and_keeps_the_filters_in_the_links(client):
    for number in range(45):
        NetworkFactory(name=f"Net {number:02d}", kind="meetup")
    first = client.get("/en/networks/?kind=meetup&sort=name")
    assert len(first.context["page_obj"]) == 20
    assert 'href="?kind=meetup&amp;sort=name&amp;page=2"' in first.content.decode()
    third = client.get("/en/networks/?kind=meetup&sort=name&page=3")
    assert _names(third) == [f"Net {number:02d}" for number in range(40, 45)]
    # A page past the end, or not a number, shows a page rather than an error.
    assert client.get("/en/networks/?page=99").status_code == 200
    assert client.get("/en/networks/?page=abc").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "kind=cult",
        "sort=random",
        "fee=cheap",
        "city=" + "x" * 10_000,
        "q=" + "å" * 500,
        "language=<script>",
        "meets=telepathy",
        "page=-1",
        "sort=fit",  # anonymous: no priorities, so not a choice
    ],
)
def test_it_ignores_a_bad_filter_with_a_message(client, network, query):
    response = client.get(f"/en/networks/?{query}")
    assert response.status_code == 200
    if not query.startswith("page"):
        assert response.context["form"].errors
    assert "<script>" not in response.content.decode()


def test_it_keeps_good_filters_when_another_is_bad(client):
    NetworkFactory(name="Alumni A", kind="alumni")
    NetworkFactory(name="Meetup B", kind="meetup")
    assert _names(client.get("/en/networks/?kind=alumni&fee=cheap")) == ["Alumni A"]


def test_it_accepts_nordic_letters_and_emoji_in_the_search(client):
    NetworkFactory(name="Ærø Rødder 🚀", city="Örebro")
    assert _names(client.get("/en/networks/?q=Ærø")) == ["Ærø Rødder 🚀"]
    assert _names(client.get("/en/networks/?q=🚀")) == ["Ærø Rødder 🚀"]
    # Any case of a Nordic letter, on both databases (rookie.lib.lookups; SQLite's LIKE folds only A–Z).
    assert _names(client.get("/en/networks/?q=ærø")) == ["Ærø Rødder 🚀"]
    assert _names(client.get("/en/networks/?q=RØDDER")) == ["Ærø Rødder 🚀"]
    assert _names(client.get("/en/networks/?q=örebro")) == ["Ærø Rødder 🚀"]


def test_it_marks_the_members_own_networks(alice_client, alice, network):
    MembershipFactory(member=alice, network=network, status="considering")
    assert "You: Considering" in alice_client.get("/en/networks/").content.decode()


def test_it_offers_each_network_for_comparison(client, network):
    html = client.get("/en/networks/").content.decode()
    assert 'name="n" value="lund-tech-alumni"' in html
    assert 'form="compare-form"' in html
