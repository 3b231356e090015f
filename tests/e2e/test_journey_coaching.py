"""Journey 3 in a browser: a member invites their coach, the coach accepts, reviews and comments, the
member reads the comment and stops sharing, and the coach's next visit is a 404.

Two browser contexts, so the member and the coach each have their own session, as on two computers.
"""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import CoachGrant, GrantStatus
from tests.e2e.conftest import assert_accessible
from tests.factories import TEST_PASSWORD, CoachFactory, ContactFactory, GoalFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, live_server, user):
    """`user` logs in through the log-in form, in this page's own browser context."""
    page.goto(live_server.url + "/en/accounts/login/")
    assert_accessible(page)
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_a_member_shares_with_a_coach_gets_a_comment_and_stops_sharing(page, other_page, live_server):
    member = UserFactory(email="maja.member@example.com", display_name="Maja Lind")
    coach = CoachFactory(email="carl.coach@example.com", display_name="Carl Coach")
    GoalFactory(owner=member, title="Meet three people in product design", target=3)
    ContactFactory(owner=member, name="Sara Berg")
    # Two browser contexts, two sessions: the member's and the coach's.
    member_page, coach_page = page, other_page
    _log_in(member_page, live_server, member)
    _log_in(coach_page, live_server, coach)

    # The member invites the coach from the Coaching page, sharing progress and contacts.
    member_page.goto(live_server.url + "/en/coach/sharing/")
    expect(member_page.get_by_role("heading", level=1, name="Coaching")).to_be_visible()
    assert_accessible(member_page)
    invite = member_page.locator("form").filter(has=member_page.get_by_role("button", name="Invite", exact=True))
    invite.get_by_label("Your coach's e-mail address").fill(coach.email)
    invite.get_by_label("Progress and contacts").check()
    invite.get_by_role("button", name="Invite", exact=True).click()
    expect(member_page.get_by_text("Invitation sent to Carl Coach.")).to_be_visible()
    expect(member_page.get_by_text("Waiting for them to accept.")).to_be_visible()
    assert_accessible(member_page)

    # The coach sees the invitation on the coach page and accepts it.
    coach_page.goto(live_server.url + "/en/coach/")
    expect(coach_page.get_by_role("heading", name="Invitations waiting for you")).to_be_visible()
    assert_accessible(coach_page)
    coach_page.get_by_role("button", name="Accept Maja Lind").click()

    # Accepting opens the client page: the member's goal, and the contacts they chose to share.
    expect(coach_page).to_have_url(re.compile(rf"/en/coach/clients/{member.pk}/$"))
    expect(coach_page.get_by_text("Maja Lind is now your client.")).to_be_visible()
    expect(coach_page.get_by_role("heading", name="Meet three people in product design")).to_be_visible()
    assert_accessible(coach_page)
    coach_page.get_by_role("link", name="Contacts and interactions").first.click()
    expect(coach_page.get_by_text("Sara Berg")).to_be_visible()
    assert_accessible(coach_page)

    # The coach comments on the goal.
    coach_page.get_by_role("link", name="Progress").click()
    comment_form = coach_page.locator("form").filter(has=coach_page.get_by_role("button", name="Send comment"))
    comment_form.get_by_label("About").select_option(label="Meet three people in product design")
    comment_form.get_by_label("Comment").fill("Good start! Try the design meetup on Thursday.")
    comment_form.get_by_role("button", name="Send comment").click()
    expect(coach_page.get_by_text("Comment saved; Maja Lind gets an e-mail.")).to_be_visible()
    expect(coach_page.locator("#comments")).to_contain_text("Good start! Try the design meetup on Thursday.")
    assert_accessible(coach_page)

    # The member sees the comment on the dashboard and follows it to the Coaching page.
    member_page.goto(live_server.url + "/en/me/")
    feedback = member_page.locator(".coach-feedback")
    expect(feedback).to_contain_text("Good start! Try the design meetup on Thursday.")
    expect(feedback).to_contain_text("Carl Coach")
    assert_accessible(member_page)
    feedback.get_by_role("link", name="Read and reply").click()
    thread = member_page.locator("#comments .coach-comment-thread")
    expect(thread).to_contain_text("About the goal “Meet three people in product design”")
    expect(thread).to_contain_text("Good start! Try the design meetup on Thursday.")
    # The access log tells the member what the coach opened.
    expect(member_page.locator("#access-log table")).to_contain_text("Carl Coach")
    assert_accessible(member_page)

    # The member stops sharing.
    member_page.locator("#coaches").get_by_role("button", name="Stop sharing").click()
    expect(member_page.get_by_text("Carl Coach can no longer see your progress.")).to_be_visible()
    assert_accessible(member_page)
    assert CoachGrant.objects.get(member=member, coach=coach).status == GrantStatus.REVOKED

    # The coach's list no longer has the client, and the next visit to the client page is a 404,
    # the same as for a page that never existed.
    coach_page.goto(live_server.url + "/en/coach/")
    expect(coach_page.get_by_role("heading", name="0 clients")).to_be_visible()
    expect(coach_page.get_by_text("Maja Lind")).to_have_count(0)
    assert_accessible(coach_page)
    response = coach_page.goto(live_server.url + f"/en/coach/clients/{member.pk}/")
    assert response.status == 404
    expect(coach_page.get_by_role("heading", level=1, name="Page not found")).to_be_visible()
    expect(coach_page.get_by_text("Maja Lind")).to_have_count(0)
    assert_accessible(coach_page)
