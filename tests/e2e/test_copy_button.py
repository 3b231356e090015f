"""Copy buttons: absent without JavaScript, and with it a click copies, the button says "Copied"
in the page's language for a moment, and a status region tells screen readers.

The buttons live on a contact's page (the ready-made messages to send) and on the profile (the
calendar feed's address); tracker.js drives them.
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGE = "sv"  # alice's preferred language: the site answers in it once she is logged in


def _(text):
    with translation.override(LANGUAGE):
        return gettext(text)


def _log_in(page, live_server, alice, password):
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(alice.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/{LANGUAGE}/"))


@pytest.fixture
def contact(alice):
    return ContactFactory(owner=alice, name="Sanna Lind", language="sv")


def test_without_javascript_no_copy_button_shows(browser, live_server, alice, password, contact):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _log_in(page, live_server, alice, password)
        page.goto(f"{live_server.url}/{LANGUAGE}/me/contacts/{contact.pk}/")
        buttons = page.locator("button[data-copy-target]")
        # The buttons are in the page (the test would pass vacuously otherwise) but none shows:
        # the hidden attribute wins over the button styles.
        assert buttons.count() >= 2
        for index in range(buttons.count()):
            expect(buttons.nth(index)).to_be_hidden()
        # The text itself is still there to select and copy by hand.
        expect(page.locator("textarea[readonly]").first).to_be_visible()
    finally:
        context.close()


def test_with_javascript_a_click_copies_and_says_copied(browser, live_server, alice, password, contact):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _log_in(page, live_server, alice, password)
        page.goto(f"{live_server.url}/{LANGUAGE}/me/contacts/{contact.pk}/")
        button = page.locator("button[data-copy-target]").first
        expect(button).to_be_visible()
        expect(button).to_contain_text(_("Copy"))
        target = page.locator("#" + button.get_attribute("data-copy-target"))
        text = target.input_value()
        assert "Sanna" in text

        button.click()

        assert page.evaluate("navigator.clipboard.readText()") == text
        # The button says so in Swedish, and the status region next to it repeats it for screen
        # readers (role="status" is a polite live region).
        expect(button).to_contain_text(_("Copied"))
        assert _("Copied") != "Copied"
        status = page.locator(f"#{target.get_attribute('id')} ~ [role='status']").first
        expect(status).to_have_text(_("Copied"))
        assert_accessible(page)
        # For a moment only: then it offers to copy again.
        expect(button).not_to_contain_text(_("Copied"), timeout=5_000)
        expect(button).to_contain_text(_("Copy"))
        expect(status).to_have_text("")
    finally:
        context.close()


def test_the_calendar_address_on_the_profile_is_copied_with_one_click(browser, live_server, alice, password):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _log_in(page, live_server, alice, password)
        page.goto(f"{live_server.url}/{LANGUAGE}/accounts/profile/")
        button = page.locator("button[data-copy-target='io-feed-url']")
        address = page.locator("#io-feed-url").input_value()
        assert "/ics/" in address
        button.click()
        assert page.evaluate("navigator.clipboard.readText()") == address
        expect(button).to_contain_text(_("Copied"))
        assert_accessible(page)
    finally:
        context.close()
