"""Rookie on a 360 px phone: log-in works without JavaScript, and no page is wider than the screen.

The newcomer's sign-up with the keyboard alone, in Swedish, is part of journey 1
(test_journey_newcomer.py); the event journey runs on the same phone viewport.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_logs_in_on_a_phone_without_javascript(browser, live_server, alice, password):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(alice.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # alice prefers Swedish: the plain form post lands her on her overview, in Swedish.
    expect(page).to_have_url(re.compile(r"/sv/me/$"))
    # On a phone the log-out button is in the header's menu, which opens without JavaScript.
    expect(page.get_by_role("button", name="Logga ut")).to_be_hidden()
    page.locator(".header-menu > summary").click()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/en/", "/sv/accounts/signup/", "/fi/accounts/login/"])
def test_nothing_is_wider_than_a_phone(phone_page, live_server, path):
    phone_page.goto(live_server.url + path)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone_page)
