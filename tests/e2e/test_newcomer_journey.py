"""A newcomer whose browser asks for Swedish: signs up with the keyboard alone, then switches language.

The rest of journey 1 (guide, network evaluation, goal, contact, fika, follow-up) is added as those
features land.
"""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "sv-SE", "extra_http_headers": {"Accept-Language": "sv-SE,sv;q=0.9"}}


def test_it_signs_up_in_swedish_with_the_keyboard_and_switches_to_finnish(page, live_server):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/sv/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert_accessible(page)

    page.goto(live_server.url + "/sv/accounts/signup/")
    assert_accessible(page)
    # Keyboard only: focus the first field, type, Tab to the next, Enter submits.
    page.get_by_label("E-postadress").focus()
    page.keyboard.type("ny.medlem@example.se")
    page.keyboard.press("Tab")
    page.keyboard.type("Åsa Öberg")
    page.keyboard.press("Tab")  # preferred language: keep Swedish
    page.keyboard.press("Tab")
    page.keyboard.type("ett-långt-lösenord")
    page.keyboard.press("Tab")
    page.keyboard.type("ett-långt-lösenord")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/sv/$"))
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    assert User.objects.get(email="ny.medlem@example.se").display_name == "Åsa Öberg"

    page.get_by_role("button", name="Suomi").click()
    expect(page).to_have_url(re.compile(r"/fi/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    assert_accessible(page)
    assert User.objects.get(email="ny.medlem@example.se").preferred_language == "fi"


def test_it_logs_in_on_a_phone_without_javascript(browser, live_server, alice, password):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(alice.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # alice prefers Swedish: the plain form post lands her on the Swedish home page.
    expect(page).to_have_url(re.compile(r"/sv/$"))
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["/en/", "/sv/accounts/signup/", "/fi/accounts/login/"])
def test_nothing_is_wider_than_a_phone(phone_page, live_server, path):
    phone_page.goto(live_server.url + path)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone_page)
