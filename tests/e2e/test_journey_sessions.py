"""Coaching sessions in a browser: a coach records a session with two agreed actions and
a private note; the member accepts one action as a goal, which counts itself; the coach's report
for the month shows it; the member stops sharing, and the coach gets a 404 on the report and the
notes are gone.

Two browser contexts, so the member and the coach each have their own session.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Goal, GoalCount
from accounts.models.coaching import CoachNote
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_journey_coaching import _log_in
from tests.factories import CoachFactory, ContactFactory, GrantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# The action's own field, not the legend of its group ("Agreed action 1 (optional)").
ACTION_LABEL = re.compile(r"^Agreed action:?$")


def test_a_session_becomes_a_counted_goal_in_the_report_until_sharing_ends(
    page, other_page, live_server, checklist_seeded
):
    member = UserFactory(email="maja.member@example.com", display_name="Maja Lind")
    coach = CoachFactory(email="carl.coach@example.com", display_name="Carl Coach")
    GrantFactory(member=member, coach=coach)
    member_page, coach_page = page, other_page
    _log_in(member_page, live_server, member)
    _log_in(coach_page, live_server, coach)
    today = timezone.localdate()

    # The coach records a session from the client's page, with a goal and a follow-up agreed.
    coach_page.goto(live_server.url + f"/en/coach/clients/{member.pk}/")
    assert_accessible(coach_page)
    coach_page.get_by_role("link", name="Sessions").click()
    expect(coach_page.get_by_role("heading", name="Record a session")).to_be_visible()
    assert_accessible(coach_page)
    coach_page.get_by_label("What was discussed").fill("How to prepare for the career fair.")
    goal_row = coach_page.get_by_role("group", name="Agreed action 1 (optional)")
    goal_row.get_by_label("Kind of action").select_option(label="Goal")
    goal_row.get_by_label(ACTION_LABEL).fill("Meet three new people")
    goal_row.get_by_label("What the goal counts").select_option(label="Meet new people")
    goal_row.get_by_label("Target").fill("3")
    follow_row = coach_page.get_by_role("group", name="Agreed action 2 (optional)")
    follow_row.get_by_label("Kind of action").select_option(label="Follow-up")
    follow_row.get_by_label(ACTION_LABEL).fill("Send Eva the portfolio link")
    follow_row.get_by_label("Due date").fill((today + datetime.timedelta(days=2)).isoformat())
    coach_page.get_by_role("button", name="Save the session").click()
    expect(coach_page.get_by_text("Session saved; Maja Lind sees it")).to_be_visible()
    log = coach_page.locator(".session")
    expect(log).to_contain_text("How to prepare for the career fair.")
    expect(log).to_contain_text("Meet three new people")
    expect(log).to_contain_text("Send Eva the portfolio link")
    assert_accessible(coach_page)

    # A private note, for the coach alone.
    coach_page.get_by_role("link", name="Private notes").click()
    coach_page.get_by_label("New private note").fill("Maja is nervous about fairs; start small.")
    coach_page.get_by_role("button", name="Save the note").click()
    expect(coach_page.get_by_text("Maja is nervous about fairs; start small.")).to_be_visible()
    assert_accessible(coach_page)

    # The member finds the session on the Coaching page and accepts the goal in one step.
    member_page.goto(live_server.url + "/en/coach/sharing/")
    assert_accessible(member_page)
    member_page.get_by_role("link", name="See your sessions and answer the agreed actions").click()
    expect(member_page.get_by_role("heading", level=1, name="Coaching sessions")).to_be_visible()
    assert_accessible(member_page)
    member_page.locator(".session-actions li").filter(has_text="Meet three new people").get_by_role(
        "button", name="Add to my goals"
    ).click()
    expect(member_page.get_by_text("“Meet three new people” is now one of your goals.")).to_be_visible()
    assert_accessible(member_page)
    goal = Goal.objects.get(owner=member)
    assert goal.counts == GoalCount.PEOPLE_MET
    # It counts: the member meets someone.
    ContactFactory(owner=member, name="Eva Ek")

    # The coach's report for this month shows the goal with its count.
    coach_page.goto(live_server.url + f"/en/coach/clients/{member.pk}/")
    assert_accessible(coach_page)
    coach_page.get_by_role("link", name="Report").click()
    assert_accessible(coach_page)
    coach_page.get_by_label(re.compile(r"^From:?$")).fill(today.replace(day=1).isoformat())
    coach_page.get_by_label(re.compile(r"^To:?$")).fill(today.isoformat())
    coach_page.get_by_role("button", name="Show the report").click()
    report = coach_page.locator(".report")
    expect(report.get_by_role("heading", name="Meet three new people")).to_be_visible()
    expect(report).to_contain_text("1 of 3")
    expect(report).to_contain_text("How to prepare for the career fair.")
    assert_accessible(coach_page)
    report_url = coach_page.url

    # The member stops sharing: the report is a 404 and the private notes are gone.
    member_page.goto(live_server.url + "/en/coach/sharing/")
    member_page.locator("#coaches").get_by_role("button", name="Stop sharing").click()
    expect(member_page.get_by_text("Carl Coach can no longer see your progress.")).to_be_visible()
    assert_accessible(member_page)
    response = coach_page.goto(report_url)
    assert response.status == 404
    expect(coach_page.get_by_text("Meet three new people")).to_have_count(0)
    assert_accessible(coach_page)
    assert not CoachNote.objects.exists()
    assert coach_page.goto(live_server.url + f"/en/coach/clients/{member.pk}/notes/").status == 404
