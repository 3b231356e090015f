"""The header on a 360 × 740 phone: one row of at most 56 px on every key page in every language,
no page wider than the screen, a menu that opens with the keyboard and without JavaScript, and a
language picker that switches the language. On a wide screen the navigation fits in one row.

Each test walks its pages in one browser context (one log-in), so the 36 page loads stay cheap.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.factories import TEST_PASSWORD, ArticleFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("checklist_seeded"),
]

LANGUAGES = ("en", "sv", "da", "fi")
HEADER_MAX = 56


def _phone(browser, javascript=True):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _log_in(page, live_server, user):
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("main h1")).to_be_visible()


def _assert_fits_a_phone(page, live_server, paths):
    problems = []
    for language in LANGUAGES:
        for path in paths:
            url = f"{live_server.url}/{language}{path}"
            response = page.goto(url)
            assert response.status == 200, url
            height = page.evaluate("document.querySelector('header.site-header').getBoundingClientRect().height")
            width = page.evaluate("document.documentElement.scrollWidth")
            if height > HEADER_MAX or width > PHONE["width"]:
                problems.append(f"{url}: header {height} px, page {width} px wide")
    assert not problems, "\n".join(problems)


@pytest.fixture
def guide(db):
    return ArticleFactory(key="say-hello", slug_en="say-hello", title_en="Say hello")


def test_it_keeps_the_header_in_one_row_for_visitors(browser, live_server, guide):
    context, page = _phone(browser)
    try:
        _assert_fits_a_phone(
            page, live_server, ["/", "/guides/", f"/guides/{guide.slug_en}/", "/networks/", "/accounts/login/"]
        )
    finally:
        context.close()


def test_it_keeps_the_header_in_one_row_for_a_member(browser, live_server, alice, bob_grant):
    context, page = _phone(browser)
    try:
        _log_in(page, live_server, alice)
        _assert_fits_a_phone(page, live_server, ["/me/", "/me/contacts/", "/accounts/profile/", "/coach/sharing/"])
    finally:
        context.close()


def test_it_keeps_the_header_in_one_row_for_a_coach(browser, live_server, alice, bob, bob_grant):
    context, page = _phone(browser)
    try:
        _log_in(page, live_server, bob)
        _assert_fits_a_phone(page, live_server, ["/coach/", f"/coach/clients/{alice.pk}/"])
    finally:
        context.close()


def test_the_menu_opens_with_the_keyboard(browser, live_server, alice):
    context, page = _phone(browser)
    try:
        _log_in(page, live_server, alice)
        page.goto(live_server.url + "/fi/me/")
        navigation = page.locator("nav.menu-panel")
        menu = page.locator(".header-menu > summary")
        expect(navigation.get_by_role("link", name="Profiili")).to_be_hidden()
        for _ in range(6):
            page.keyboard.press("Tab")
            if menu.evaluate("element => element === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the menu button")
        page.keyboard.press("Enter")
        expect(navigation.get_by_role("link", name="Profiili")).to_be_visible()
        expect(navigation.get_by_role("button", name="Kirjaudu ulos")).to_be_visible()
        # The open menu is over the page; the header itself stays one row.
        assert page.evaluate("document.querySelector('header.site-header').getBoundingClientRect().height") <= 56
        page.keyboard.press("Tab")
        expect(navigation.get_by_role("link").first).to_be_focused()
        # Escape closes it and puts the focus back on its button (static/js/menu.js); so does a
        # click elsewhere.
        page.keyboard.press("Escape")
        expect(navigation.get_by_role("link", name="Profiili")).to_be_hidden()
        expect(menu).to_be_focused()
        page.keyboard.press("Enter")
        expect(navigation.get_by_role("link", name="Profiili")).to_be_visible()
        page.mouse.click(10, 720)  # below the open menu, on the page
        expect(navigation.get_by_role("link", name="Profiili")).to_be_hidden()
        menu.click()
        navigation.get_by_role("link", name="Profiili").click()
        expect(page).to_have_url(re.compile(r"/fi/accounts/profile/$"))
    finally:
        context.close()


def test_the_menu_and_the_language_picker_work_without_javascript(browser, live_server, guide):
    context, page = _phone(browser, javascript=False)
    try:
        page.goto(live_server.url + "/en/guides/say-hello/")
        expect(page.get_by_role("link", name="Networks")).to_be_hidden()
        page.locator(".header-menu > summary").click()
        page.get_by_role("link", name="Networks").click()
        expect(page).to_have_url(re.compile(r"/en/networks/$"))

        page.locator(".lang-picker > summary").click()
        page.get_by_role("button", name="Svenska").click()
        expect(page).to_have_url(re.compile(r"/sv/networks/$"))
        expect(page.locator("html")).to_have_attribute("lang", "sv")
        expect(page.locator(".lang-picker > summary")).to_contain_text("sv")
    finally:
        context.close()


def test_the_language_picker_switches_language_and_keeps_the_page(browser, live_server, guide):
    context, page = _phone(browser)
    try:
        page.goto(live_server.url + "/en/guides/")
        picker = page.locator(".lang-picker > summary")
        expect(picker).to_have_accessible_name(re.compile(r"^Language: English, en$"))
        expect(page.get_by_role("button", name="Suomi")).to_be_hidden()
        picker.click()
        expect(page.get_by_role("button", name="English")).to_have_attribute("aria-current", "true")
        page.get_by_role("button", name="Suomi").click()
        expect(page).to_have_url(re.compile(r"/fi/guides/$"))
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        expect(picker).to_have_text(re.compile(r"fi\s*$"))
    finally:
        context.close()


@pytest.mark.parametrize("width", [1024, 1280])
def test_a_wide_screen_shows_the_navigation_in_one_row(browser, live_server, alice, width):
    """Finnish, a member's navigation (the longest): the links sit inline, in one row, without the
    menu button; nothing in the header row spills over its edge."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        _log_in(page, live_server, alice)
        page.goto(live_server.url + "/fi/me/")
        expect(page.locator(".header-menu > summary")).to_be_hidden()
        expect(page.get_by_role("link", name="Oma muistikirja")).to_be_visible()
        expect(page.get_by_role("button", name="Kirjaudu ulos")).to_be_visible()
        row = page.evaluate(
            """() => {
                const row = document.querySelector('.header-row');
                const tops = [...document.querySelectorAll('.nav-list > li')].map(li => li.getBoundingClientRect().top);
                return {overflow: row.scrollWidth - row.clientWidth, rows: new Set(tops).size,
                        height: document.querySelector('header.site-header').getBoundingClientRect().height};
            }"""
        )
        assert row == {"overflow": 0, "rows": 1, "height": row["height"]} and row["height"] <= HEADER_MAX, row
    finally:
        context.close()


def test_focus_is_never_under_the_sticky_header(browser, live_server, alice, bob_grant):
    """WCAG 2.4.11: tabbing back up a long page scrolls each focused control into view below the
    sticky header, not under it."""
    context, page = _phone(browser)
    try:
        _log_in(page, live_server, alice)
        page.goto(live_server.url + "/en/coach/sharing/")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        header = page.evaluate("document.querySelector('header.site-header').getBoundingClientRect().bottom")
        hidden = []
        for _ in range(25):
            page.keyboard.press("Shift+Tab")
            box = page.evaluate(
                """() => {
                    const e = document.activeElement;
                    if (!e || e === document.body || e.closest('header, .skip-link')) return null;
                    return {top: e.getBoundingClientRect().top, tag: e.outerHTML.slice(0, 60)};
                }"""
            )
            if box and box["top"] < header - 1:
                hidden.append(box)
        assert not hidden, hidden
    finally:
        context.close()
