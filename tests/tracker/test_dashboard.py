"""The dashboard /<lang>/me/: its sections, their caps, and a query count that does not grow."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import GoalStatus
from tests.factories import (
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    InteractionFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _days(days):
    return TODAY + datetime.timedelta(days=days)


def test_it_shows_each_section(alice_client, alice, charlie):
    old_friend = ContactFactory(owner=alice, name="Old Friend", keep_in_touch_days=30, last_contacted_on=_days(-40))
    ContactFactory(owner=alice, name="Fresh Friend", keep_in_touch_days=30, last_contacted_on=_days(-2))
    FollowUpFactory(owner=alice, title="Late one", due_date=_days(-1), contact=old_friend)
    FollowUpFactory(owner=alice, title="Today one", due_date=TODAY)
    FollowUpFactory(owner=alice, title="Sunday one", due_date=_days(6))
    FollowUpFactory(owner=alice, title="Far one", due_date=_days(7))
    FollowUpFactory(owner=alice, title="Done one", due_date=_days(-5), done_at=timezone.now())
    GoalFactory(owner=alice, title="Active goal", target=4, progress=1)
    GoalFactory(owner=alice, title="Finished goal", status=GoalStatus.DONE)
    InteractionFactory(contact=old_friend, notes="Lunch at Åhléns")
    EventFactory(owner=alice, name="Slush", date=_days(3))
    FollowUpFactory(owner=charlie, title="Charlie's", due_date=_days(-1))

    response = alice_client.get(reverse("tracker:dashboard"))
    data = response.context["data"]
    assert [f.title for f in data.overdue] == ["Late one"]
    assert [f.title for f in data.due_this_week] == ["Today one", "Sunday one"]
    assert [c.name for c in data.losing_touch] == ["Old Friend"]
    assert [g.title for g in data.goals] == ["Active goal"]
    assert [e.name for e in data.events] == ["Slush"]
    assert (data.overdue_count, data.due_this_week_count, data.losing_touch_count, data.goal_count) == (1, 2, 1, 1)
    body = response.content.decode()
    assert '<progress id="goal-progress-' in body and 'max="4" value="1"' in body
    assert "Lunch at Åhléns" in body
    assert "Charlie&#x27;s" not in body and "Charlie's" not in body
    # The quick-add forms, each field labelled
    assert 'action="/en/me/contacts/add/"' in body
    assert 'action="/en/me/follow-ups/add/"' in body
    assert 'action="/en/me/interactions/add/"' in body
    assert 'for="qc_id_name"' not in body and 'for="qc_name"' in body


def test_it_caps_each_section_and_links_to_the_rest(alice_client, alice):
    FollowUpFactory.create_batch(12, owner=alice, due_date=_days(-2))
    response = alice_client.get(reverse("tracker:dashboard"))
    assert len(response.context["data"].overdue) == 10
    assert response.context["data"].overdue_count == 12
    assert "See all 12 overdue follow-ups" in response.content.decode()


def test_it_welcomes_a_new_member_with_empty_sections(alice_client):
    body = alice_client.get(reverse("tracker:dashboard")).content.decode()
    assert "Nothing overdue." in body
    assert "No contacts yet." in body
    assert "Add a contact first" in body


def _bulk(alice, follow_ups, contacts):
    contact_rows = ContactFactory.create_batch(
        contacts, owner=alice, keep_in_touch_days=7, last_contacted_on=_days(-30)
    )
    for n in range(follow_ups):
        FollowUpFactory(owner=alice, due_date=_days(n % 15 - 7), contact=contact_rows[n % len(contact_rows)])
    for contact in contact_rows[:40]:
        InteractionFactory(contact=contact, occurred_on=_days(-30))
    GoalFactory.create_batch(15, owner=alice)
    EventFactory.create_batch(5, owner=alice, date=_days(2))


@pytest.mark.parametrize(("follow_ups", "contacts"), [(1, 1), (500, 300)])
def test_it_runs_the_same_number_of_queries_whatever_the_data(
    alice_client, alice, django_assert_num_queries, follow_ups, contacts
):
    _bulk(alice, follow_ups, contacts)
    # 1 session, 2 user, then queries.dashboard_for: 3 follow-up counts, 4 overdue, 5 due this week,
    # 6 contact counts, 7 losing touch, 8 goal count, 9 goals, 10 interactions, 11 events (the
    # quick-add forms' contact field searches: no list); coaching.queries.feedback_for_member:
    # 12 grants and invitations, 13 coaches' comments, 14 pending suggestions, 15 their number;
    # accounts/tracker/first_steps.py: 16 the first steps' four EXISTS (none once hidden);
    # accounts/network_answers.py: 17 the member's open answers to networks they suggested.
    with django_assert_num_queries(17):
        response = alice_client.get(reverse("tracker:dashboard"))
    assert response.status_code == 200
    data = response.context["data"]
    assert data.contact_count == contacts
    assert len(data.losing_touch) == min(10, contacts)


def test_it_shows_the_coachs_comments_and_suggestions(alice_client, alice, bob):
    from tests.factories import CommentFactory, GrantFactory, SuggestionFactory

    GrantFactory(member=alice, coach=bob)
    CommentFactory(member=alice, coach=bob, body="Great start at the fair!")
    SuggestionFactory(member=alice, coach=bob, title="Book two fikas this month")
    body = alice_client.get(reverse("tracker:dashboard")).content.decode()
    assert "Great start at the fair!" in body
    assert "Book two fikas this month" in body
    assert "Bob Berg" in body


def test_it_does_not_show_another_members_coaching(alice_client, charlie, bob):
    from tests.factories import CommentFactory, GrantFactory

    GrantFactory(member=charlie, coach=bob)
    CommentFactory(member=charlie, coach=bob, body="For Charlie only")
    assert "For Charlie only" not in alice_client.get(reverse("tracker:dashboard")).content.decode()
