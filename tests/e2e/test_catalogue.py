"""In a real browser: the pages fit a phone, pass axe, and the checklist works without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, assert_accessible
from tests.factories import NetworkFactory, evaluate

# Transactional: the live server's thread must see the rows. See checklist_seeded in tests/conftest.py
# for why the checklist is re-seeded.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("checklist_seeded"),
]


@pytest.fixture
def catalogue(db, charlie):
    lund = NetworkFactory(name="Lund Tech Alumni", slug="lund-tech-alumni", summary_sv="Alumner i Lund.")
    aarhus = NetworkFactory(name="Aarhus Mentoring", slug="aarhus-mentoring", city="Aarhus", country="DK")
    evaluate(charlie, lund, [5, 4, 3, 4, 5], comment="Bra träffar")
    return lund, aarhus


def _phone(browser, javascript=True):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.mark.parametrize(
    "path",
    [
        "/en/networks/",
        "/sv/networks/lund-tech-alumni/",
        "/fi/networks/checklist/",
        "/da/networks/compare/?n=lund-tech-alumni&n=aarhus-mentoring",
    ],
)
def test_it_fits_a_phone_and_passes_axe(browser, live_server, catalogue, path):
    context, page = _phone(browser)
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    context.close()


def _log_in(page, live_server, user, password):
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # Logged in: sent on to the member's own pages (the log-out button sits in the closed menu).
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_it_fits_a_phone_and_passes_axe_for_a_member(browser, live_server, catalogue, alice, password):
    context, page = _phone(browser)
    _log_in(page, live_server, alice, password)
    for path in [
        "/en/networks/lund-tech-alumni/evaluate/",
        "/en/networks/lund-tech-alumni/membership/",
        "/en/networks/priorities/",
        "/en/networks/suggest/",
        "/en/networks/mine/",
    ]:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        assert_accessible(page)
    context.close()


def test_it_lets_a_member_evaluate_and_compare_without_javascript(browser, live_server, catalogue, alice, password):
    # No axe here: it runs as JavaScript in the page.
    context, page = _phone(browser, javascript=False)
    _log_in(page, live_server, alice, password)

    page.goto(live_server.url + "/en/networks/lund-tech-alumni/evaluate/")
    # Each criterion is a radio group named by its question.
    for question, label in [
        ("Does this network meet my professional needs?", "4 – Mostly"),
        ("Are the network's purpose and goals clear, and do they fit mine?", "3 – Partly"),
        ("Can I set concrete goals for taking part?", "5 – Fully"),
        ("Are the members, and the people who run it, the ones I need to know?", "4 – Mostly"),
        ("Is it worth what it costs me in fees, hours and travel?", "2 – A little"),
    ]:
        page.get_by_role("group", name=question).get_by_label(label).check()
    page.get_by_label("Public comment (optional)").fill("Trevligt, men dyrt att resa dit 🚆")
    page.get_by_role("button", name="Save evaluation").click()

    expect(page).to_have_url(re.compile(r"/networks/lund-tech-alumni/$"))
    expect(page.get_by_text("Trevligt, men dyrt att resa dit 🚆")).to_be_visible()
    expect(page.get_by_text("(2 evaluations)").first).to_be_visible()

    page.goto(live_server.url + "/en/networks/")
    page.get_by_role("checkbox", name="Compare Lund Tech Alumni").check()
    page.get_by_role("checkbox", name="Compare Aarhus Mentoring").check()
    page.get_by_role("button", name="Compare the ticked networks").click()
    expect(page).to_have_url(
        re.compile(
            r"/compare/\?n=aarhus-mentoring&n=lund-tech-alumni$|/compare/\?n=lund-tech-alumni&n=aarhus-mentoring$"
        )
    )
    expect(page.get_by_role("columnheader", name="Aarhus Mentoring")).to_be_visible()
    context.close()


# --- The catalogue on a phone: compact cards and a compare bar only while something is ticked ---

LONG_SUMMARY = (
    "A long description that would take four or five lines on a phone if the card showed all of it: "
    "monthly talks, a mentoring programme, study visits, an annual conference and an online forum."
)


@pytest.fixture
def full_catalogue(db, charlie):
    """Eight networks with long names (two lines on a phone), descriptions, three languages and a fee:
    the tallest cards the catalogue shows."""
    networks = [
        NetworkFactory(
            name=f"Nordic Association of Young Engineers {number}",
            slug=f"long-{number}",
            summary=LONG_SUMMARY,
            kind="professional",
            scope="international",
            languages="sv,da,en",
            fee_amount=1200,
            city="Göteborg",
        )
        for number in range(8)
    ]
    for network in networks:
        evaluate(charlie, network, [5, 4, 3, 4, 5])
    return networks


def _compare_bar(page):
    return page.locator(".compare-submit")


def _first_two_cards_fit_below_the_header(page):
    header = page.locator(".site-header").bounding_box()["height"]
    cards = page.locator(".network-card")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    return second["y"] + second["height"] - first["y"], PHONE["height"] - header


def test_it_fits_two_cards_on_a_phone_screen(browser, live_server, full_catalogue, alice, password):
    context, page = _phone(browser)
    page.goto(live_server.url + "/en/networks/")
    taken, screen = _first_two_cards_fit_below_the_header(page)
    assert taken <= screen, f"two cards take {taken} px of the {screen} px below the header"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # A member's card has one more score (fit for me); it still fits, in Finnish too.
    _log_in(page, live_server, alice, password)
    page.goto(live_server.url + "/fi/networks/")
    taken, screen = _first_two_cards_fit_below_the_header(page)
    assert taken <= screen, f"two cards take {taken} px of the {screen} px below the header"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_it_shows_the_compare_bar_only_while_a_network_is_ticked(browser, live_server, full_catalogue):
    context, page = _phone(browser)
    page.goto(live_server.url + "/en/networks/")
    expect(_compare_bar(page)).to_be_hidden()
    expect(page.get_by_role("button", name="Compare the ticked networks")).to_be_hidden()

    # Ticked from the keyboard, as a keyboard user would.
    box = page.get_by_role("checkbox", name=f"Compare {full_catalogue[0].name}")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    expect(_compare_bar(page)).to_be_visible()
    assert _compare_bar(page).bounding_box()["height"] <= 80

    # Tabbing on through the cards, the bar never covers what has the focus (WCAG 2.4.11), and
    # the button is reached.
    for _step in range(4 * len(full_catalogue)):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const r = document.activeElement.getBoundingClientRect();
                const bar = document.querySelector('.compare-submit').getBoundingClientRect();
                const focused = document.activeElement;
                return {bottom: r.bottom, top: r.top, barTop: bar.top, text: focused.outerHTML.slice(0, 120),
                        isSubmit: focused.matches('.compare-submit button')};
            }"""
        )
        if focused["isSubmit"]:
            break
        if focused["top"] < PHONE["height"]:
            assert focused["bottom"] <= focused["barTop"], f"the compare bar covers {focused['text']!r}"
    else:
        pytest.fail("Tab never reached the compare button")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")  # untick the last card's box
    for network in full_catalogue:
        page.get_by_role("checkbox", name=f"Compare {network.name}").uncheck()
    expect(_compare_bar(page)).to_be_hidden()
    context.close()


def test_it_compares_on_a_phone_without_scrolling_the_page_sideways(browser, live_server, full_catalogue):
    context, page = _phone(browser)
    slugs = [network.slug for network in full_catalogue]
    hint = page.get_by_text("Scroll sideways to see all networks.")

    page.goto(live_server.url + f"/en/networks/compare/?n={slugs[0]}&n={slugs[1]}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Two networks fit beside the criteria: no sideways scrolling at all, and no hint.
    region = page.get_by_role("region", name="The chosen networks side by side on the checklist")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth")
    expect(hint).to_be_hidden()

    page.goto(live_server.url + f"/en/networks/compare/?n={slugs[0]}&n={slugs[1]}&n={slugs[2]}&n={slugs[3]}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Four do not: the table scrolls inside its box, which says so; the criteria stay readable.
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    expect(hint).to_be_visible()
    criterion = page.get_by_role("rowheader", name="Worth the cost and time")
    before = criterion.bounding_box()["x"]
    region.evaluate("e => e.scrollBy(400, 0)")
    assert criterion.bounding_box()["x"] == before
    assert criterion.bounding_box()["width"] >= 90
    assert_accessible(page)
    context.close()
