"""List and detail pages run a fixed number of queries, whatever the number of networks or evaluations."""

import pytest
from django.test import Client

from networks.models import Priority
from networks.views.catalogue import COMMENTS_SHOWN
from tests.factories import MembershipFactory, NetworkFactory, UserFactory, evaluate

pytestmark = pytest.mark.django_db

# The larger scale: three times the comments a network's page shows, so that a query per
# evaluation, per rater or per comment would show in the counts.
MANY = 3 * COMMENTS_SHOWN


def _networks(count):
    return [NetworkFactory(city=f"City {number % 7}") for number in range(count)]


def _evaluations(networks, count):
    raters = [UserFactory() for _ in range(max(1, count // len(networks)))]
    made = 0
    for rater in raters:
        for network in networks:
            if made == count:
                return
            evaluate(rater, network, [1 + (made + i) % 5 for i in range(5)], comment=f"Comment {made}")
            made += 1


def _member_setup(alice, criteria, networks):
    for criterion in criteria:
        Priority.objects.create(member=alice, criterion=criterion, weight=criterion.order)
    MembershipFactory(member=alice, network=networks[0])
    evaluate(alice, networks[0], [4, 4, 4, 4, 4], comment="Mine")


# Catalogue, anonymous, nothing kept yet (networks/fragments.py): 1. cities for the filter
# 2. count  3. the page's ranking, on the sort keys alone  4. the page's networks, for their cards.
CATALOGUE_ANONYMOUS = 4
# Catalogue, member, sorted by their own fit, nothing kept yet: 1. session  2. user  3. priorities
# and memberships  4. cities  5. count  6. the ranking, with "fit for me" computed from each
# network's columns  7. the page's networks.
CATALOGUE_MEMBER = 7
# Once kept, a page of results (and the number of matching networks) is the same for every reader
# with the same filters, sort and weights, and costs nothing; a member pays for their session, user,
# and their priorities with their statuses (one statement), on any sort.
CATALOGUE_ANONYMOUS_KEPT = 0
CATALOGUE_MEMBER_KEPT = 3
CATALOGUE_MEMBER_OTHER_SORT_KEPT = 3


@pytest.mark.parametrize("count", [1, 50])
def test_it_lists_any_number_of_networks_in_fixed_queries(client, django_assert_num_queries, count):
    _networks(count)
    with django_assert_num_queries(CATALOGUE_ANONYMOUS):
        client.get("/en/networks/?sort=score&fee=free")


@pytest.mark.parametrize("evaluations", [0, MANY])
def test_it_lists_any_number_of_evaluations_in_fixed_queries(client, criteria, django_assert_num_queries, evaluations):
    _evaluations(_networks(25), evaluations)
    with django_assert_num_queries(CATALOGUE_ANONYMOUS):
        client.get("/en/networks/?sort=evaluations")


@pytest.mark.parametrize(("count", "evaluations"), [(1, 0), (50, MANY)])
def test_it_sorts_members_by_fit_in_fixed_queries(
    alice_client, alice, criteria, django_assert_num_queries, count, evaluations
):
    networks = _networks(count)
    _evaluations(networks, evaluations)
    _member_setup(alice, criteria, networks)
    with django_assert_num_queries(CATALOGUE_MEMBER):
        response = alice_client.get("/en/networks/?sort=fit")
    assert response.status_code == 200


# Detail, anonymous: 1. the network  2. criteria  3. its per-criterion stats  4. latest comments.
DETAIL_ANONYMOUS = 4
# Detail, member: 1. session  2. user  3. the network  4. criteria  5. stats  6. comments
# 7. priorities  8. own evaluation  9. own scores  10. own membership.
DETAIL_MEMBER = 10
# Once the page is kept (networks/fragments.py), the network, criteria, stats and comments are not
# read again until something on it changes: an anonymous reader's page costs no query.
DETAIL_ANONYMOUS_KEPT = DETAIL_ANONYMOUS - 4
DETAIL_MEMBER_KEPT = DETAIL_MEMBER - 4


@pytest.mark.parametrize("evaluations", [0, MANY])
def test_it_shows_a_network_in_fixed_queries(client, criteria, django_assert_num_queries, evaluations):
    network = NetworkFactory()
    _evaluations([network], evaluations)
    with django_assert_num_queries(DETAIL_ANONYMOUS):
        response = client.get(f"/en/networks/{network.slug}/")
    assert response.status_code == 200


@pytest.mark.parametrize("evaluations", [0, MANY])
def test_it_shows_a_network_to_a_member_in_fixed_queries(
    alice_client, alice, criteria, django_assert_num_queries, evaluations
):
    network = NetworkFactory()
    _evaluations([network], evaluations)
    _member_setup(alice, criteria, [network])
    with django_assert_num_queries(DETAIL_MEMBER):
        response = alice_client.get(f"/en/networks/{network.slug}/")
    assert response.status_code == 200


@pytest.mark.parametrize("evaluations", [0, MANY])
def test_it_shows_a_kept_network_page_in_fewer_fixed_queries(
    alice_client, alice, criteria, django_assert_num_queries, evaluations
):
    network = NetworkFactory()
    _evaluations([network], evaluations)
    _member_setup(alice, criteria, [network])
    anonymous = Client()
    anonymous.get(f"/en/networks/{network.slug}/")
    with django_assert_num_queries(DETAIL_ANONYMOUS_KEPT):
        assert anonymous.get(f"/en/networks/{network.slug}/").status_code == 200
    with django_assert_num_queries(DETAIL_MEMBER_KEPT):
        assert alice_client.get(f"/en/networks/{network.slug}/").status_code == 200


@pytest.mark.parametrize(("count", "evaluations"), [(1, 0), (50, MANY)])
def test_it_lists_kept_pages_in_fewer_fixed_queries(
    alice_client, alice, criteria, django_assert_num_queries, count, evaluations
):
    networks = _networks(count)
    _evaluations(networks, evaluations)
    _member_setup(alice, criteria, networks)
    anonymous = Client()
    anonymous.get("/en/networks/?sort=evaluations")
    alice_client.get("/en/networks/?sort=fit")
    with django_assert_num_queries(CATALOGUE_ANONYMOUS_KEPT):
        anonymous.get("/en/networks/?sort=evaluations")
    with django_assert_num_queries(CATALOGUE_MEMBER_KEPT):
        alice_client.get("/en/networks/?sort=fit")
    with django_assert_num_queries(CATALOGUE_MEMBER_OTHER_SORT_KEPT):
        alice_client.get("/en/networks/?sort=evaluations")


# Compare, member: 1. session  2. user  3. the chosen networks  4. criteria  5. their stats
# 6. priorities  7. own scores  8. own memberships  9. the picker (chosen and own networks).
COMPARE_MEMBER = 9


@pytest.mark.parametrize("evaluations", [0, MANY])
def test_it_compares_in_fixed_queries(alice_client, alice, criteria, django_assert_num_queries, evaluations):
    networks = _networks(4)
    _evaluations(networks, evaluations)
    _member_setup(alice, criteria, networks)
    query = "&".join(f"n={network.slug}" for network in networks)
    with django_assert_num_queries(COMPARE_MEMBER):
        response = alice_client.get(f"/en/networks/compare/?{query}")
    assert len(response.context["networks"]) == 4


# My networks: 1. session  2. user  3. memberships with networks  4. evaluations with networks
# 5. own suggestions.
MINE = 5


@pytest.mark.parametrize("count", [1, 30])
def test_it_shows_my_networks_in_fixed_queries(alice_client, alice, criteria, django_assert_num_queries, count):
    for network in _networks(count):
        MembershipFactory(member=alice, network=network)
        evaluate(alice, network, [3, 3, 3, 3, 3])
    with django_assert_num_queries(MINE):
        response = alice_client.get("/en/networks/mine/")
    assert response.context["joined"]["count"] == count
