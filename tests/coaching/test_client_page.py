"""The client page and the contacts-scope pages: what a coach sees, read-only, and logged."""

import datetime
import re

import pytest
from django.utils import timezone

from accounts.models import AccessKind, CoachAccessLog, GoalProgress, GrantScope
from networks.models import Criterion, Evaluation, Membership, Score
from tests.factories import (
    CommentFactory,
    ContactFactory,
    FollowUpFactory,
    GoalFactory,
    GrantFactory,
    InteractionFactory,
    NetworkFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_record(alice):
    """A bit of everything alice keeps: goals with history, networks, contacts and follow-ups."""
    today = timezone.localdate()
    goal = GoalFactory(owner=alice, title="Meet five people at Almedalen", target=5, progress=3)
    for days_ago, progress in ((20, 1), (10, 2), (2, 3)):
        GoalProgress.objects.create(goal=goal, recorded_on=today - datetime.timedelta(days=days_ago), progress=progress)
    GoalFactory(owner=alice, title="Finished goal", status="done")
    network = NetworkFactory(name="Lund Tech Alumni")
    Membership.objects.create(member=alice, network=network, status="joined", hours_per_month=2)
    evaluation = Evaluation.objects.create(member=alice, network=network, comment="Friendly and useful.")
    for criterion in Criterion.objects.order_by("order"):
        Score.objects.create(evaluation=evaluation, criterion=criterion, score=4, note=f"Note {criterion.order}")
    contact = ContactFactory(owner=alice, name="Åsa Hemligsson")
    InteractionFactory(contact=contact, notes="We talked about trainee programmes.")
    FollowUpFactory(owner=alice, contact=contact, title="Send Åsa the article", due_date=today - datetime.timedelta(1))
    return {"goal": goal, "contact": contact, "network": network}


def _page(client, coach, url):
    client.force_login(coach)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_progress_networks_and_statistics_with_the_progress_scope(client, alice, bob_grant, alice_record):
    body = _page(client, bob_grant.coach, f"/en/coach/clients/{alice.pk}/")
    assert "Meet five people at Almedalen" in body
    assert "Finished goal" in body
    assert 'class="coach-chart progress-chart"' in body
    assert "<polyline" in body
    assert "Lund Tech Alumni" in body
    assert "Friendly and useful." in body
    assert "Note 1" in body
    assert "Overdue" in body
    # Contacts, interactions and follow-up details are not in this scope.
    assert "Åsa Hemligsson" not in body
    assert "trainee programmes" not in body
    assert "Send Åsa the article" not in body
    assert f"/en/coach/clients/{alice.pk}/contacts/" not in body


def test_it_adds_contacts_and_interactions_with_the_full_scope(client, alice, fiona_grant, alice_record):
    coach = fiona_grant.coach
    body = _page(client, coach, f"/en/coach/clients/{alice.pk}/")
    assert "Åsa Hemligsson" in body
    assert "trainee programmes" in body
    contacts = _page(client, coach, f"/en/coach/clients/{alice.pk}/contacts/")
    assert "Åsa Hemligsson" in contacts
    contact = _page(client, coach, f"/en/coach/clients/{alice.pk}/contacts/{alice_record['contact'].pk}/")
    assert "Send Åsa the article" in contact
    follow_ups = _page(client, coach, f"/en/coach/clients/{alice.pk}/follow-ups/")
    assert "Send Åsa the article" in follow_ups
    assert "overdue" in follow_ups


def test_it_offers_the_coach_no_way_to_change_the_clients_data(client, alice, fiona_grant, alice_record):
    coach = fiona_grant.coach
    for url in (
        f"/en/coach/clients/{alice.pk}/",
        f"/en/coach/clients/{alice.pk}/contacts/",
        f"/en/coach/clients/{alice.pk}/contacts/{alice_record['contact'].pk}/",
        f"/en/coach/clients/{alice.pk}/follow-ups/",
    ):
        main = _page(client, coach, url).split('<main id="main"')[1].split("</main>")[0]
        assert "/me/" not in main, url  # no link and no form into the client's tracker
        # The only forms are the coach's own feedback (comments, replies, suggestions).
        for action in re.findall(r'<form[^>]*action="([^"]*)"', main):
            assert re.fullmatch(rf"/en/coach/clients/{alice.pk}/(comments/(\d+/reply/)?|suggestions/)", action), action


def test_it_gives_a_404_for_a_contact_that_is_not_the_clients(client, alice, charlie, fiona_grant):
    strangers = ContactFactory(owner=charlie)
    client.force_login(fiona_grant.coach)
    assert client.get(f"/en/coach/clients/{alice.pk}/contacts/{strangers.pk}/").status_code == 404
    assert client.get(f"/en/coach/clients/{alice.pk}/contacts/987654/").status_code == 404
    assert client.get(f"/en/coach/clients/{charlie.pk}/contacts/{strangers.pk}/").status_code == 404


def test_it_logs_every_page_the_coach_views(client, alice, fiona_grant, alice_record):
    coach = fiona_grant.coach
    client.force_login(coach)
    contact = alice_record["contact"]
    for url in (
        f"/en/coach/clients/{alice.pk}/",
        f"/en/coach/clients/{alice.pk}/contacts/",
        f"/en/coach/clients/{alice.pk}/contacts/{contact.pk}/",
        f"/en/coach/clients/{alice.pk}/follow-ups/",
    ):
        client.get(url)
    log = list(CoachAccessLog.objects.order_by("id").values_list("coach_id", "member_id", "what", "contact_id"))
    assert log == [
        (coach.pk, alice.pk, AccessKind.OVERVIEW, None),
        (coach.pk, alice.pk, AccessKind.CONTACTS, None),
        (coach.pk, alice.pk, AccessKind.CONTACT, contact.pk),
        (coach.pk, alice.pk, AccessKind.FOLLOW_UPS, None),
    ]


def test_it_logs_nothing_for_a_refused_request(client, alice, bob_grant, rita_grant, dave, alice_record):
    client.force_login(bob_grant.coach)
    client.get(f"/en/coach/clients/{alice.pk}/contacts/")  # progress scope: 404
    for coach in (rita_grant.coach, dave):
        client.force_login(coach)
        client.get(f"/en/coach/clients/{alice.pk}/")
    assert not CoachAccessLog.objects.exists()


@pytest.mark.parametrize("scope", [GrantScope.PROGRESS, GrantScope.FULL])
@pytest.mark.parametrize("size", [1, 12])
def test_it_runs_a_fixed_number_of_queries_on_the_client_page(
    client, alice, bob, django_assert_num_queries, scope, size
):
    GrantFactory(member=alice, coach=bob, scope=scope)
    today = timezone.localdate()
    for n in range(size):
        goal = GoalFactory(owner=alice)
        GoalProgress.objects.create(goal=goal, recorded_on=today, progress=1)
        contact = ContactFactory(owner=alice)
        InteractionFactory(contact=contact)
        FollowUpFactory(owner=alice, contact=contact)
        network = NetworkFactory(name=f"Network {n}")
        Membership.objects.create(member=alice, network=network)
        evaluation = Evaluation.objects.create(member=alice, network=network)
        Score.objects.create(evaluation=evaluation, criterion=Criterion.objects.first(), score=3)
    CommentFactory(member=alice, coach=bob)
    client.force_login(bob)
    # 1. session  2. coach  3. the grant (the access check)
    # 4–5. goals, their histories  6. follow-up statistics  7. interactions per week
    # 8. memberships  9–10. evaluations, their scores  11–12. comment threads, replies
    # 13. suggestions  [full: contact count, interaction count, latest interactions]
    # then the access-log insert and the goal choices of the comment form
    expected = 15 + (3 if scope == GrantScope.FULL else 0)
    with django_assert_num_queries(expected):
        assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 200


def test_it_draws_a_goal_without_history_as_a_flat_line(client, alice, bob_grant):
    GoalFactory(owner=alice, title="Brand new", progress=0)
    body = _page(client, bob_grant.coach, f"/en/coach/clients/{alice.pk}/")
    assert "No progress recorded yet." in body
