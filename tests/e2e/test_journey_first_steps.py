"""Journey: a new member's first steps, in the browser.

A member who has done nothing yet logs in through the form and lands on their tracker's overview,
where the first steps wait; they take one (a goal from the guides' ideas), come back to find it
ticked off, and hide the box. Every page passes axe, with no script error, CSP violation or
request leaving the site.
"""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Goal, User
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import assert_accessible, watch_for_problems
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_member_lands_on_the_overview_takes_a_first_step_and_hides_the_rest(page, live_server):
    member = UserFactory(email="nina.ny@example.com", display_name="Nina Ny", preferred_language="en")
    problems = watch_for_problems(page, live_server)
    first_steps = page.get_by_role("region", name="First steps")

    # Log in through the form: the member's home is the overview, with the first steps on it.
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(member.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/en/me/$"))
    expect(first_steps).to_be_visible()
    expect(first_steps).to_contain_text("0 of 5 done")
    expect(first_steps.get_by_role("listitem")).to_have_count(5)
    expect(first_steps.get_by_text("Done", exact=True)).to_have_count(0)
    assert_accessible(page)

    # Take one: a goal from the guides' ideas, through the step's own link.
    first_steps.get_by_role("link", name="Set your first goal").click()
    expect(page).to_have_url(re.compile(r"/en/me/goals/templates/$"))
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Add to my goals")).first.click()
    expect(page).to_have_url(re.compile(r"/en/me/goals/\d+/$"))
    assert Goal.objects.filter(owner=member).count() == 1

    # Back on the overview the step is ticked off (no longer a link), the others still wait.
    page.goto(live_server.url + "/en/me/")
    expect(first_steps).to_contain_text("1 of 5 done")
    goal_step = page.locator("#first-step-goal")
    expect(goal_step.get_by_text("Done", exact=True)).to_be_visible()
    expect(goal_step.get_by_role("link")).to_have_count(0)
    expect(first_steps.get_by_role("link", name="Plan your first event")).to_be_visible()
    assert_accessible(page)

    # Hide the rest: the box is gone, now and on the next visit.
    first_steps.get_by_role("button", name="Hide first steps").click()
    expect(page).to_have_url(re.compile(r"/en/me/$"))
    expect(page.get_by_role("heading", name="First steps")).to_have_count(0)
    expect(page.get_by_role("heading", name="My tracker", level=1)).to_be_visible()
    assert_accessible(page)
    page.reload()
    expect(page.get_by_role("heading", name="First steps")).to_have_count(0)
    assert User.objects.get(pk=member.pk).first_steps_hidden_at is not None
    assert not problems, problems
