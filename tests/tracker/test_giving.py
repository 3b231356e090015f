"""Time and money the member gives (the checklist's fifth point): the budget they state, what the
networks they joined ask against it, and the nudge to evaluate a network again three months after
joining it.

alice states her budget; charlie is a stranger whose memberships must never show on her page.
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import GivingBudget
from accounts.models.tracker import BUDGET_CURRENCIES
from accounts.tracker import queries
from networks.models import Currency, Evaluation, Membership, MembershipStatus
from tests.factories import MembershipFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
URL = reverse("tracker:giving")


def _joined(member, *, hours="2", cost="0", currency="SEK", since=None, status=MembershipStatus.JOINED):
    return MembershipFactory(
        member=member,
        network=NetworkFactory(),
        status=status,
        hours_per_month=Decimal(hours),
        yearly_cost=Decimal(cost),
        cost_currency=currency,
        since=since,
    )


def test_it_saves_the_budget_and_saving_again_changes_the_same_row(alice, alice_client):
    response = alice_client.post(URL, {"hours_per_month": "6", "money_per_year": "1500", "currency": "SEK"})
    assert response.status_code == 302
    assert response["Location"] == URL
    alice_client.post(URL, {"hours_per_month": "4.5", "money_per_year": "900", "currency": "EUR"})
    budget = GivingBudget.objects.get()
    assert (budget.owner, budget.hours_per_month, budget.money_per_year, budget.currency) == (
        alice,
        Decimal("4.5"),
        Decimal("900"),
        "EUR",
    )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"hours_per_month": "-1"}, "hours_per_month"),
        ({"hours_per_month": "745"}, "hours_per_month"),
        ({"hours_per_month": "två"}, "hours_per_month"),
        ({"hours_per_month": "<b>3</b>"}, "hours_per_month"),
        ({"money_per_year": "-5"}, "money_per_year"),
        ({"money_per_year": "1e12"}, "money_per_year"),
        ({"money_per_year": "🙂"}, "money_per_year"),
        ({"currency": "USD"}, "currency"),
        ({"currency": ""}, "currency"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(alice_client, data, field):
    response = alice_client.post(URL, {"hours_per_month": "6", "money_per_year": "1500", "currency": "SEK", **data})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not GivingBudget.objects.exists()


def test_the_database_keeps_one_budget_per_member_within_its_ranges(alice):
    GivingBudget.objects.create(owner=alice, hours_per_month=3)
    with pytest.raises(IntegrityError):
        GivingBudget.objects.create(owner=alice, hours_per_month=4)


def test_the_currencies_are_the_ones_networks_charge_in():
    assert [(code, code) for code in Currency.values] == BUDGET_CURRENCIES


def test_a_first_budget_is_offered_in_the_currency_of_the_members_language(alice, alice_client):
    # alice writes Swedish.
    assert alice_client.get(URL).context["form"]["currency"].value() == "SEK"
    alice.preferred_language = "fi"
    alice.save(update_fields=["preferred_language"])
    assert alice_client.get(URL).context["form"]["currency"].value() == "EUR"


def test_it_sets_what_the_joined_networks_ask_against_the_budget(alice, charlie, alice_client):
    GivingBudget.objects.create(owner=alice, hours_per_month=Decimal("5"), money_per_year=Decimal("1000"))
    _joined(alice, hours="3", cost="600")
    _joined(alice, hours="4", cost="300", currency="EUR")
    _joined(alice, hours="10", cost="5000", status=MembershipStatus.CONSIDERING)  # not joined: not counted
    _joined(charlie, hours="20", cost="9000")  # someone else's
    giving = alice_client.get(URL).context["giving"]
    assert giving.hours_asked == Decimal("7")
    assert giving.hours_left == Decimal("-2")
    assert giving.cost_in_budget_currency == Decimal("600")
    assert giving.money_left == Decimal("400")
    assert giving.other_costs == [("EUR", Decimal("300"))]
    page = alice_client.get(URL).content.decode()
    assert "More than you planned to give." in page
    assert "More than you planned to spend." not in page


def test_without_a_budget_it_shows_what_the_networks_ask(alice, alice_client):
    _joined(alice, hours="2.5", cost="250")
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert response.context["giving"].budget is None
    assert "The networks you joined ask 2.5 hours a month." in response.content.decode()


def test_a_network_joined_three_months_ago_and_not_evaluated_since_is_due_for_a_fresh_look(alice, alice_client):
    three_months_ago = queries.add_months(TODAY, -3)
    due = _joined(alice, since=three_months_ago)
    recent = _joined(alice, since=TODAY - datetime.timedelta(days=30))  # joined a month ago: not yet
    evaluated_again = _joined(alice, since=queries.add_months(TODAY, -4))
    evaluate(alice, evaluated_again.network, [4, 4, 4, 4, 4])  # evaluated today, after its three months
    evaluated_before = _joined(alice, since=queries.add_months(TODAY, -6))
    evaluation = evaluate(alice, evaluated_before.network, [3, 3, 3, 3, 3])
    Evaluation.objects.filter(pk=evaluation.pk).update(
        updated_at=timezone.make_aware(datetime.datetime.combine(queries.add_months(TODAY, -5), datetime.time(12)))
    )
    giving = queries.giving_for(alice, today=TODAY)
    assert [item.membership for item in giving.reevaluate] == sorted(
        [due, evaluated_before], key=lambda membership: (membership.network.name, membership.pk)
    )
    page = alice_client.get(URL).content.decode()
    assert reverse("networks:evaluate", args=[due.network.slug]) in page
    assert reverse("networks:evaluate", args=[recent.network.slug]) not in page
    assert reverse("networks:evaluate", args=[evaluated_again.network.slug]) not in page


def test_without_a_start_date_the_day_the_membership_was_added_counts(alice):
    membership = _joined(alice, since=None)
    Membership.objects.filter(pk=membership.pk).update(
        created_at=timezone.make_aware(datetime.datetime.combine(queries.add_months(TODAY, -4), datetime.time(12)))
    )
    (item,) = queries.giving_for(alice, today=TODAY).reevaluate
    assert item.joined_on == queries.add_months(TODAY, -4)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2026, 3, 15), -3, datetime.date(2025, 12, 15)),
    ],
)
def test_three_months_on_is_the_same_day_or_the_months_last(day, months, expected):
    assert queries.add_months(day, months) == expected


def test_the_page_runs_the_same_number_of_queries_whatever_the_networks(alice, alice_client):
    GivingBudget.objects.create(owner=alice, hours_per_month=5)
    _joined(alice, since=queries.add_months(TODAY, -4))

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(URL).status_code == 200
        return len(captured)

    few = count()
    for _ in range(5):
        membership = _joined(alice, since=queries.add_months(TODAY, -4))
        evaluate(alice, membership.network, [4, 4, 4, 4, 4])
    assert count() == few


def test_the_demo_member_has_a_budget_to_compare_with():
    call_command("seed_demo", force=True, stdout=io.StringIO())
    call_command("seed_demo", force=True, stdout=io.StringIO())  # idempotent: still one row
    budget = GivingBudget.objects.get()
    assert budget.owner.email == "member@demo.rookie.test"
    assert queries.giving_for(budget.owner, today=TODAY).joined
