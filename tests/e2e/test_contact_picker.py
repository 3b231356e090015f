"""The contact field on a 360 × 740 phone: with the keyboard only, three letters, an arrow and Enter
pick the contact (static/js/contact-picker.js); without JavaScript, "Find" and a short list do.

alice holds a few dozen contacts; the interaction must be saved for the one she picked.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Contact, Interaction, InteractionKind
from tests.e2e.conftest import PHONE, assert_accessible, watch_for_problems
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def contacts(alice):
    # The English interface: the strings checked below are the ones the templates write.
    alice.preferred_language = "en"
    alice.save(update_fields=["preferred_language"])
    today = timezone.localdate()
    Contact.objects.bulk_create(
        Contact(owner=alice, name=f"Person {n:02d}", company="Filler AB", last_contacted_on=today) for n in range(40)
    )
    return {
        # "ann" finds these three, most recently contacted first: Anna, Annika, then Hanna (never).
        "anna": ContactFactory(owner=alice, name="Anna Berg", company="Acme", last_contacted_on=today),
        "annika": ContactFactory(
            owner=alice, name="Annika Lund", company="Volvo", last_contacted_on=today - datetime.timedelta(days=9)
        ),
        "hanna": ContactFactory(owner=alice, name="Hanna Ek", company="Ericsson"),
    }


def _log_in(page, live_server, alice, password):
    page.goto(live_server.url + "/en/accounts/login/")
    page.get_by_label("E-mail address").fill(alice.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/en/"))


def _fits_the_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def test_a_member_picks_a_contact_with_three_letters_and_the_keyboard(
    phone_page, live_server, alice, password, contacts
):
    page = phone_page
    problems = watch_for_problems(page, live_server)
    _log_in(page, live_server, alice, password)
    page.goto(f"{live_server.url}/en/me/interactions/add/?kind={InteractionKind.FIKA.value}")
    field = page.get_by_role("combobox", name="Contact")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_attribute("aria-autocomplete", "list")
    # No "Find" and no list: the combobox replaces them.
    expect(page.get_by_role("button", name="Find")).to_have_count(0)
    _fits_the_phone(page)
    assert_accessible(page)

    field.focus()
    page.keyboard.type("ann")
    listbox = page.get_by_role("listbox", name="Matching contacts")
    expect(listbox).to_be_visible()
    expect(listbox.get_by_role("option")).to_have_text(
        ["Anna Berg · Acme", "Annika Lund · Volvo", "Hanna Ek · Ericsson"]
    )
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(field).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    expect(page.locator("[data-contact-picker-status]")).to_have_text("Contacts found: 3")
    # Focus stays in the field; the active option is announced through aria-activedescendant.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    annika = listbox.get_by_role("option", name="Annika Lund · Volvo")
    expect(annika).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", annika.get_attribute("id"))
    expect(field).to_be_focused()
    _fits_the_phone(page)
    assert_accessible(page)

    page.keyboard.press("Enter")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_value("Annika Lund · Volvo")
    assert Interaction.objects.count() == 0  # choosing is not submitting

    # Enter again, the list closed: the form is submitted.
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/en/me/contacts/{contacts['annika'].pk}/"))
    interaction = Interaction.objects.get()
    assert (interaction.contact_id, interaction.owner_id, interaction.kind) == (
        contacts["annika"].pk,
        alice.pk,
        InteractionKind.FIKA,
    )
    assert problems == []


def test_escape_closes_the_list_and_typing_again_unchooses(phone_page, live_server, alice, password, contacts):
    page = phone_page
    _log_in(page, live_server, alice, password)
    page.goto(f"{live_server.url}/en/me/interactions/add/?kind={InteractionKind.FIKA.value}")
    field = page.get_by_role("combobox", name="Contact")
    field.focus()
    page.keyboard.type("ber")
    listbox = page.get_by_role("listbox", name="Matching contacts")
    expect(listbox.get_by_role("option")).to_have_text(["Anna Berg · Acme"])
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(field).to_have_value("ber")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(field).to_have_value("Anna Berg · Acme")
    # Editing the chosen name un-chooses it: submitting now asks for a contact and writes nothing.
    page.keyboard.press("Backspace")
    page.keyboard.press("Escape")  # closes the list the edit opened
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_text("Search for a contact and choose one.")).to_be_visible()
    assert Interaction.objects.count() == 0


def _find_on_the_dashboard(page, live_server):
    """Without the script: the dashboard's "Log an interaction", three letters, a kind, "Find"."""
    page.goto(f"{live_server.url}/en/me/")
    page.locator("summary").filter(has_text="Log an interaction").click()
    quick = page.locator("form").filter(has=page.locator("#qi_contact"))
    # The dashboard lists no contacts: only the search.
    expect(quick.locator("option").filter(has_text="Filler AB")).to_have_count(0)
    quick.get_by_label("Contact").fill("ann")
    quick.get_by_label("Kind").select_option(InteractionKind.CALL.value)
    quick.get_by_role("button", name="Find").click()
    # The same form, with the matches and what was chosen kept; nothing is saved yet.
    expect(page).to_have_url(re.compile(r"/en/me/interactions/add/$"))
    matches = page.get_by_label("Choose from the matches")
    expect(matches.locator("option")).to_have_text(["Anna Berg · Acme", "Annika Lund · Volvo", "Hanna Ek · Ericsson"])
    expect(page.get_by_label("Kind")).to_have_value(InteractionKind.CALL.value)
    expect(page.get_by_role("textbox", name="Contact")).to_have_value("ann")
    assert Interaction.objects.count() == 0
    return matches


def test_without_javascript_the_dashboard_form_finds_and_logs(browser, live_server, alice, password, contacts):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        _log_in(page, live_server, alice, password)
        matches = _find_on_the_dashboard(page, live_server)
        _fits_the_phone(page)
        matches.select_option(label="Hanna Ek · Ericsson")
        page.get_by_role("button", name="Log it").click()
        expect(page).to_have_url(re.compile(rf"/en/me/contacts/{contacts['hanna'].pk}/"))
        interaction = Interaction.objects.get()
        assert (interaction.contact_id, interaction.kind) == (contacts["hanna"].pk, InteractionKind.CALL)
    finally:
        context.close()


def test_the_find_step_is_accessible(phone_page, live_server, alice, password, contacts):
    # axe needs scripts to run, so the page runs them but never gets the picker's: what it checks is
    # the page a browser without JavaScript shows.
    page = phone_page
    page.route(re.compile(r"/js/contact-picker[^/]*\.js$"), lambda route: route.abort())
    _log_in(page, live_server, alice, password)
    _find_on_the_dashboard(page, live_server)
    _fits_the_phone(page)
    assert_accessible(page)
