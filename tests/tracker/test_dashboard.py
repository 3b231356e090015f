"""The dashboard /<lang>/me/: its sections, their caps, and a query count that does not grow."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Contact, FollowUp, GoalStatus, Interaction, InteractionKind
from accounts.tracker.queries import DASHBOARD_EVENTS, DASHBOARD_LIMIT, dashboard_for
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
    FollowUpFactory.create_batch(7, owner=alice, due_date=_days(1))
    response = alice_client.get(reverse("tracker:dashboard"))
    data = response.context["data"]
    assert (len(data.overdue), data.overdue_count) == (DASHBOARD_LIMIT, 12)
    assert (len(data.due_this_week), data.due_this_week_count) == (DASHBOARD_LIMIT, 7)
    body = response.content.decode()
    assert "See all 12 overdue follow-ups" in body
    assert "See all 7 follow-ups due this week" in body


def test_the_overdue_come_oldest_first_and_this_weeks_by_day(alice_client, alice):
    for days in (-1, -9, -3, 6, 0, 2):
        FollowUpFactory(owner=alice, title=f"Day {days}", due_date=_days(days))
    FollowUpFactory(owner=alice, title="Done", due_date=_days(-20), done_at=timezone.now())
    anna = ContactFactory(owner=alice, name="Anna Berg")
    FollowUpFactory(owner=alice, title="Day 6 too", due_date=_days(6), contact=anna)
    response = alice_client.get(reverse("tracker:dashboard"))
    data = response.context["data"]
    assert [f.title for f in data.overdue] == ["Day -9", "Day -3", "Day -1"]
    assert [f.title for f in data.due_this_week] == ["Day 0", "Day 2", "Day 6", "Day 6 too"]
    assert (data.overdue_count, data.due_this_week_count) == (3, 4)
    assert f'<a href="{reverse("tracker:contact_detail", args=[anna.pk])}">Anna Berg</a>' in response.content.decode()


def test_a_follow_up_is_done_or_snoozed_from_the_dashboard_in_one_tap(alice_client, alice):
    follow_up = FollowUpFactory(owner=alice, title="Call Anna", due_date=_days(-1))
    dashboard = reverse("tracker:dashboard")
    body = alice_client.get(dashboard).content.decode()
    section = body[body.index('id="overdue-heading"') : body.index('id="week-heading"')]
    # One form for the section, with its token; each button posts where its formaction says.
    assert section.count("<form ") == 1 and section.count('name="csrfmiddlewaretoken"') == 1
    done = reverse("tracker:followup_done", args=[follow_up.pk])
    snooze = reverse("tracker:followup_snooze", args=[follow_up.pk])
    tomorrow = _days(1).isoformat()
    assert f'formaction="{done}"' in section
    assert f'formaction="{snooze}" name="until" value="{tomorrow}"' in section
    assert f'href="{reverse("tracker:followup_edit", args=[follow_up.pk])}?next={dashboard}"' in section
    # What the "tomorrow" button sends: the section's hidden next and its own date.
    response = alice_client.post(snooze, {"next": dashboard, "until": tomorrow})
    assert response.status_code == 302 and response["Location"] == dashboard
    follow_up.refresh_from_db()
    assert (follow_up.due_date, follow_up.original_due_date) == (_days(1), _days(-1))
    response = alice_client.post(done, {"next": dashboard})
    assert response.status_code == 302 and response["Location"] == dashboard
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None


def test_a_goal_gets_its_plus_one_from_the_dashboard(alice_client, alice):
    goal = GoalFactory(owner=alice, title="Meet three people", target=3, progress=1)
    dashboard = reverse("tracker:dashboard")
    body = alice_client.get(dashboard).content.decode()
    section = body[body.index('id="goals-heading"') : body.index('id="events-heading"')]
    progress = reverse("tracker:goal_progress", args=[goal.pk])
    assert f'formaction="{progress}"' in section and 'name="delta" value="1"' in section
    assert section.count('name="csrfmiddlewaretoken"') == 1
    response = alice_client.post(progress, {"delta": "1", "next": dashboard})
    assert response.status_code == 302 and response["Location"] == dashboard
    goal.refresh_from_db()
    assert goal.progress == 2


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
    # 1 session, 2 user, then queries.dashboard_for: 3 overdue and this week's follow-ups with
    # their counts, 4 the contact and goal counts with the upcoming events, 5 losing touch, 6 goals,
    # 7 interactions (the quick-add forms' contact field searches: no list);
    # coaching.queries.feedback_for_member: 8 grants, invitations, comments and suggestions in one;
    # accounts/tracker/first_steps.py: 9 the first steps' four EXISTS (none once hidden);
    # accounts/network_answers.py: 10 the member's open answers to networks they suggested.
    with django_assert_num_queries(10):
        response = alice_client.get(reverse("tracker:dashboard"))
    assert response.status_code == 200
    data = response.context["data"]
    assert data.contact_count == contacts
    assert len(data.losing_touch) == min(DASHBOARD_LIMIT, contacts)


@pytest.mark.parametrize("planned", [0, 1, 5])
def test_the_counts_come_with_or_without_upcoming_events(alice, charlie, planned):
    ContactFactory.create_batch(3, owner=alice, keep_in_touch_days=30, last_contacted_on=_days(-40))
    ContactFactory(owner=alice, keep_in_touch_days=30, last_contacted_on=_days(-2))
    GoalFactory.create_batch(2, owner=alice)
    GoalFactory(owner=alice, status=GoalStatus.DONE)
    EventFactory(owner=alice, name="Last week", date=_days(-7))
    EventFactory(owner=charlie, name="Charlie's", date=TODAY)
    for n in reversed(range(planned)):
        EventFactory(owner=alice, name=f"Event {n}", date=_days(n))

    data = dashboard_for(alice, today=TODAY)

    assert (data.contact_count, data.losing_touch_count, data.goal_count) == (4, 3, 2)
    assert [event.name for event in data.events] == [f"Event {n}" for n in range(min(planned, DASHBOARD_EVENTS))]
    assert all(isinstance(event.date, datetime.date) for event in data.events)


def _a_busy_member(owner):
    """3,000 contacts (all overdue for a word), 5,000 interactions with long notes, 1,000 open
    follow-ups (overdue and this week), long titles: what a LinkedIn import and a year bring."""
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=owner,
            name=f"Person with a rather long name {n:04d}",
            company=f"A company with a long name {n % 50}",
            email=f"p{n}@example.com",
            keep_in_touch_days=30,
            last_contacted_on=_days(-60),
            next_touch_due=_days(-30 + n % 29),
        )
        for n in range(3000)
    )
    Interaction.objects.bulk_create(
        Interaction(
            owner=owner,
            contact=contacts[n % 3000],
            kind=InteractionKind.FIKA,
            occurred_on=_days(-(n % 300)),
            notes="We talked about the job market, her team and what she looks for. " * 15,
        )
        for n in range(5000)
    )
    FollowUp.objects.bulk_create(
        FollowUp(
            owner=owner,
            contact=contacts[n % 3000],
            title=f"Send the article we talked about and ask about the opening in the team {n}",
            due_date=_days(-7 + n % 2 * 7 + n // 2 % 7),  # half overdue, half this week
        )
        for n in range(1000)
    )
    GoalFactory.create_batch(15, owner=owner, title="Talk to three new people at every event I go to this spring")
    EventFactory.create_batch(5, owner=owner, date=_days(0), name="A long name of an event at a big venue in town")


def test_a_busy_members_dashboard_stays_small_and_runs_the_same_queries(alice_client, alice):
    alice_client.get(reverse("tracker:dashboard"))  # per-process caches warm up as for the small one
    with CaptureQueriesContext(connection) as empty:
        alice_client.get(reverse("tracker:dashboard"))
    _a_busy_member(alice)
    with CaptureQueriesContext(connection) as busy:
        response = alice_client.get(reverse("tracker:dashboard"))
    assert len(busy) == len(empty)
    data = response.context["data"]
    assert (data.contact_count, data.overdue_count, data.due_this_week_count) == (3000, 500, 500)
    assert len(response.content) < 60_000, len(response.content)
    body = response.content.decode()
    assert "See all 500 overdue follow-ups" in body and "See all 500 follow-ups due this week" in body


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


def test_the_sections_links_are_in_the_readers_language(alice_client, alice):
    """The links to the full lists are remembered per language ({% memo %}); the events' links come
    with their rows."""
    contacts = ContactFactory.create_batch(
        DASHBOARD_LIMIT + 1, owner=alice, keep_in_touch_days=30, last_contacted_on=_days(-40)
    )
    InteractionFactory(contact=contacts[0])
    today = EventFactory(owner=alice, name="Fair", date=TODAY)
    later = EventFactory(owner=alice, name="Meetup", date=_days(2))
    for language in ("sv", "en", "fi"):
        body = alice_client.get(f"/{language}/me/").content.decode()
        for name in ("goal_templates", "goal_add", "event_add", "event_list", "interaction_list"):
            with translation.override(language):
                assert f'href="{reverse(f"tracker:{name}")}"' in body, (language, name)
        with translation.override(language):
            assert f'href="{reverse("tracker:contact_list")}?losing_touch=on"' in body
            assert f'href="{reverse("tracker:event_detail", args=[today.pk])}"' in body
            assert f'href="{reverse("tracker:event_detail", args=[later.pk])}"' in body
            # Only today's event has the "I'm there" button.
            assert f'href="{reverse("tracker:event_during", args=[today.pk])}"' in body
            assert f'href="{reverse("tracker:event_during", args=[later.pk])}"' not in body
