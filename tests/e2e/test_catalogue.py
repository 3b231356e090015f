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
    expect(page.get_by_role("button", name=re.compile("Log out|Logga ut"))).to_be_visible()


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
