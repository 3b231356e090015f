"""Memberships (considering / joined / left) and the My networks page with its totals."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from networks.models import Membership, Network
from tests.factories import MembershipFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db

URL = "/en/networks/lund-tech-alumni/membership/"
GOOD = {
    "status": "joined",
    "since": "2026-01-15",
    "hours_per_month": "3.5",
    "yearly_cost": "450",
    "cost_currency": "DKK",
}


def test_it_starts_from_the_networks_fee_spread_over_a_year(alice_client):
    NetworkFactory(slug="monthly", fee_amount=Decimal("100"), fee_currency="NOK", fee_period="month")
    form = alice_client.get("/en/networks/monthly/membership/").context["form"]
    assert form.initial["yearly_cost"] == Decimal("1200")
    assert form.initial["cost_currency"] == "NOK"


def test_it_records_a_membership(alice_client, alice, network):
    response = alice_client.post(URL, GOOD)
    assert response.status_code == 302
    membership = Membership.objects.get(member=alice, network=network)
    assert membership.status == "joined"
    assert membership.since == datetime.date(2026, 1, 15)
    assert membership.hours_per_month == Decimal("3.5")
    assert membership.yearly_cost == Decimal("450")


def test_it_updates_the_membership_in_place(alice_client, alice, network):
    alice_client.post(URL, {**GOOD, "status": "considering"})
    alice_client.post(URL, {**GOOD, "status": "left"})
    assert Membership.objects.get().status == "left"


def test_it_survives_a_double_submission(alice_client, network):
    alice_client.post(URL, GOOD)
    alice_client.post(URL, GOOD)
    assert Membership.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", ""),
        ("status", "member"),
        ("hours_per_month", "-1"),
        ("hours_per_month", "745"),
        ("hours_per_month", "abc"),
        ("hours_per_month", "1e9"),
        ("yearly_cost", "-0.01"),
        ("yearly_cost", "ten euros"),
        ("yearly_cost", "99999999999"),
        ("yearly_cost", "<script>"),
        ("cost_currency", "USD"),
        ("since", "yesterday"),
        ("since", "1900-01-01"),
        ("since", "2999-01-01"),
    ],
)
def test_it_refuses_bad_input_and_writes_nothing(alice_client, network, field, value):
    response = alice_client.post(URL, {**GOOD, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Membership.objects.exists()


def test_it_allows_a_date_within_the_coming_year(alice_client, network):
    next_month = timezone.localdate() + datetime.timedelta(days=30)
    assert alice_client.post(URL, {**GOOD, "status": "considering", "since": next_month.isoformat()}).status_code == 302


def test_it_refuses_a_membership_of_a_pending_network_that_is_not_yours(alice_client, pending_network):
    url = "/en/networks/charlies-pub-night/membership/"
    assert alice_client.get(url).status_code == 404
    assert alice_client.post(url, GOOD).status_code == 404
    assert not Membership.objects.exists()


def test_it_lets_the_member_remove_a_membership(alice_client, alice, network):
    membership = MembershipFactory(member=alice, network=network)
    response = alice_client.post(f"/en/networks/memberships/{membership.pk}/delete/")
    assert response.status_code == 302
    assert not Membership.objects.exists()


# My networks


def test_it_totals_time_and_money_per_currency(alice_client, alice):
    MembershipFactory(member=alice, status="joined", hours_per_month="2", yearly_cost="600", cost_currency="SEK")
    MembershipFactory(member=alice, status="joined", hours_per_month="1.5", yearly_cost="400", cost_currency="SEK")
    MembershipFactory(member=alice, status="joined", hours_per_month="1", yearly_cost="25", cost_currency="EUR")
    MembershipFactory(member=alice, status="considering", hours_per_month="4", yearly_cost="450", cost_currency="DKK")
    MembershipFactory(member=alice, status="left", hours_per_month="9", yearly_cost="999", cost_currency="SEK")
    MembershipFactory(status="joined", hours_per_month="100", yearly_cost="5000")  # someone else's
    response = alice_client.get("/en/networks/mine/")
    joined = response.context["joined"]
    assert joined["count"] == 3
    assert joined["hours"] == Decimal("4.5")
    assert joined["costs"] == [("EUR", Decimal("25")), ("SEK", Decimal("1000"))]
    considering = response.context["considering"]
    assert considering["hours"] == Decimal("4")
    assert considering["costs"] == [("DKK", Decimal("450"))]
    html = response.content.decode()
    assert "4.5 hours a month" in html
    assert "<strong>€25</strong> + <strong>SEK\xa01,000</strong>" in html


def test_it_lists_only_the_members_own_rows(alice_client, alice, charlie, network, criteria):
    MembershipFactory(member=charlie, network=network)
    evaluate(charlie, network, [3, 3, 3, 3, 3])
    response = alice_client.get("/en/networks/mine/")
    assert response.context["memberships"] == []
    assert response.context["evaluations"] == []


def test_it_lists_the_members_suggestions_until_they_are_approved(charlie_client, pending_network):
    NetworkFactory(name="Approved suggestion", submitted_by=pending_network.submitted_by)
    NetworkFactory(name="Hidden suggestion", status=Network.Status.HIDDEN, submitted_by=pending_network.submitted_by)
    names = [n.name for n in charlie_client.get("/en/networks/mine/").context["suggestions"]]
    assert sorted(names) == ["Charlie's Pub Night", "Hidden suggestion"]


def test_it_keeps_a_membership_of_a_network_that_was_hidden_later(alice_client, alice, network):
    MembershipFactory(member=alice, network=network)
    Network.objects.filter(pk=network.pk).update(status=Network.Status.HIDDEN)
    html = alice_client.get("/en/networks/mine/").content.decode()
    assert "no longer in the catalogue" in html
    assert 'href="/en/networks/lund-tech-alumni/"' not in html
