"""Compare: two to four networks side by side, chosen with checkboxes in a GET form (shareable)."""

import pytest
from django.test import Client

from tests.factories import MembershipFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db

URL = "/en/networks/compare/"


@pytest.fixture
def four(db):
    return [NetworkFactory(name=f"Net {letter}", slug=f"net-{letter}") for letter in "abcd"]


def _query(*slugs):
    return "?" + "&".join(f"n={slug}" for slug in slugs)


def test_it_compares_two_to_four_networks_in_the_order_chosen(client, four, criteria):
    for count in (2, 3, 4):
        slugs = [network.slug for network in reversed(four)][:count]
        response = client.get(URL + _query(*slugs))
        assert response.status_code == 200
        assert response.context["error"] is None
        assert [network.slug for network in response.context["networks"]] == slugs


def test_it_shows_averages_own_scores_and_own_time_and_cost(alice_client, alice, charlie, four, criteria):
    evaluate(charlie, four[0], [5, 5, 5, 5, 1])
    evaluate(alice, four[0], [3, 3, 3, 3, 3])
    MembershipFactory(member=alice, network=four[1], hours_per_month="2", yearly_cost="300", cost_currency="SEK")
    response = alice_client.get(URL + _query("net-a", "net-b"))
    rows = response.context["rows"]
    needs = rows["criteria"][0]["cells"]
    assert needs[0]["average"] == 4.0
    assert needs[0]["own"].score == 3
    assert needs[1]["average"] is None
    assert rows["columns"][1]["membership"].yearly_cost == 300
    # Money as the language writes it (rookie_l10n's money filter): en-GB puts the code first.
    assert "2 hours a month, SEK\xa0300 a year" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?n=net-a", "at least two"),
        ("?n=net-a&n=net-a", "at least two"),
        ("?n=", "at least two"),
        ("?other=1", "at least two"),
        (_query("net-a", "net-b", "net-c", "net-d", "net-e"), "at most four"),
    ],
)
def test_it_explains_a_wrong_number_of_networks(client, four, query, message):
    NetworkFactory(slug="net-e")
    response = client.get(URL + query)
    assert response.status_code == 200
    assert message in response.context["error"]
    assert response.context["networks"] == []


def test_it_explains_networks_that_are_not_in_the_catalogue(alice_client, four, pending_network):
    response = alice_client.get(URL + _query("net-a", "net-b", "charlies-pub-night", "no-such-thing"))
    assert response.status_code == 200
    assert "2 of the chosen networks are not in the catalogue" in response.context["error"]
    assert [network.slug for network in response.context["networks"]] == ["net-a", "net-b"]


def test_it_shows_nothing_when_fewer_than_two_remain(client, four, pending_network):
    response = client.get(URL + _query("net-a", "charlies-pub-night"))
    assert response.context["networks"] == []
    assert "not in the catalogue" in response.context["error"]


@pytest.mark.parametrize("slug", ["x" * 10_000, "<script>", "åäö😀", "../../etc"])
def test_it_survives_garbage_slugs(client, four, slug):
    response = client.get(URL + _query("net-a", slug))
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_it_works_without_logging_in_so_a_comparison_can_be_shared(four, criteria):
    response = Client().get(URL + _query("net-a", "net-b"))
    assert response.status_code == 200
    assert len(response.context["networks"]) == 2
    assert "Fit for me" not in response.content.decode()


def test_it_offers_the_members_own_networks_to_tick(alice_client, alice, four, criteria):
    MembershipFactory(member=alice, network=four[2])
    evaluate(alice, four[3], [3, 3, 3, 3, 3])
    picker = [network.slug for network in alice_client.get(URL).context["picker"]]
    assert picker == ["net-c", "net-d"]
