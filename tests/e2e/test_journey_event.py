"""Journey 2, on a 360 × 740 phone: event mode from planning to the debrief's follow-ups.

alice (a member who reads Rookie in Swedish) logs in through the form, plans today's event, adds
three people in the middle of it, ends it with the debrief, and finds the follow-ups it made.
Every page fits the phone's width and passes axe; visible text is checked through the catalogue.
"""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from accounts.models import Event, FollowUp, GoalKind, Interaction, InteractionKind
from accounts.tracker import services
from tests.e2e.conftest import PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGE = "sv"  # alice's preferred language: the site answers in it once she is logged in
PEOPLE = [
    ("Sanna Lind", "Volvo Cars", "Bygger laddinfrastruktur"),
    ("Jonas Ek", "", "Tipsade om ett mentorprogram"),
    ("Ødis Ærø 🚲", "Cykelfabrikken ApS", ""),
]


def _(text):
    with translation.override(LANGUAGE):
        return gettext(text)


def _check(page):
    """The page fits the phone, nothing scrolls sideways, and axe finds nothing serious."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"
    assert_accessible(page)


def test_a_member_adds_three_people_at_an_event_and_the_debrief_makes_their_follow_ups(
    phone_page, live_server, alice, password
):
    page = phone_page
    today = timezone.localdate()

    # Log in through the form; alice lands in Swedish, her language.
    page.goto(live_server.url + "/en/accounts/login/")
    _check(page)
    page.get_by_label("E-mail address").fill(alice.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/{LANGUAGE}/me/$"))  # a member's home: the overview
    _check(page)

    # Plan today's event from the tracker.
    page.goto(f"{live_server.url}/{LANGUAGE}/me/")
    _check(page)
    page.get_by_role("link", name=_("Plan an event")).click()
    expect(page).to_have_url(re.compile(r"/me/events/add/$"))
    _check(page)
    page.locator("#id_name").fill("Nätverksfika på Norrsken")
    page.locator("#id_date").fill(today.isoformat())
    page.locator("#id_location").fill("Stockholm")
    page.locator("#id_people_to_meet").fill("3")
    page.get_by_role("button", name=_("Save event")).click()
    event = Event.objects.get(owner=alice)
    expect(page).to_have_url(re.compile(rf"/me/events/{event.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(event.name)
    _check(page)

    # Event mode: three people in a few taps each (the name field has the focus; Enter adds).
    page.get_by_role("link", name=_("I'm there: add people")).click()
    expect(page).to_have_url(re.compile(rf"/me/events/{event.pk}/during/$"))
    _check(page)
    with translation.override(LANGUAGE):
        progress_text = gettext("%(progress)s of %(target)s new people")
    for count, (name, company, note) in enumerate(PEOPLE, start=1):
        expect(page.locator("#id_name")).to_be_focused()
        page.keyboard.type(name)
        page.locator("#id_company").fill(company)
        page.locator("#id_note").fill(note)
        page.locator("#id_note").press("Enter")
        expect(page.get_by_role("status").filter(has_text=_("Added %(name)s.") % {"name": name})).to_be_visible()
        expect(page.locator("#during-progress")).to_have_text(progress_text % {"progress": count, "target": 3})
        expect(page.locator(".tr-met-list li")).to_have_count(count)
        _check(page)
    met = list(event.contacts.order_by("name"))
    assert sorted(name for name, _company, _note in PEOPLE) == [contact.name for contact in met]
    assert event.goals.get(kind=GoalKind.MEET).progress == 3

    # End the event: the debrief, everyone ticked.
    page.get_by_role("link", name=_("Debrief")).click()
    expect(page).to_have_url(re.compile(rf"/me/events/{event.pk}/debrief/$"))
    _check(page)
    for name, _company, _note in PEOPLE:
        expect(page.get_by_role("checkbox", name=name)).to_be_checked()
    page.get_by_role("button", name=_("Create the follow-ups")).click()
    expect(page).to_have_url(re.compile(rf"/me/events/{event.pk}/$"))
    with translation.override(LANGUAGE):
        saved = ngettext(
            "Debrief saved: follow-ups created for %(count)s person.",
            "Debrief saved: follow-ups created for %(count)s people.",
            3,
        ) % {"count": 3}
    expect(page.get_by_role("status").filter(has_text=saved)).to_be_visible()
    _check(page)

    # The database holds a thank-you and a check-in for each, and the "event" interaction.
    event.refresh_from_db()
    assert event.debriefed_at is not None
    with translation.override(LANGUAGE):
        thank_yous = {contact.pk: services.thank_you_title(contact) for contact in met}
        check_ins = {contact.pk: gettext("Check in with %(name)s") % {"name": contact.name} for contact in met}
    follow_ups = FollowUp.objects.filter(owner=alice, done_at__isnull=True)
    assert sorted(follow_ups.values_list("contact_id", "title")) == sorted([*thank_yous.items(), *check_ins.items()])
    thank_you_due = today + datetime.timedelta(days=services.THANK_YOU_DAYS)
    assert set(follow_ups.filter(title__in=thank_yous.values()).values_list("due_date", flat=True)) == {thank_you_due}
    assert Interaction.objects.filter(owner=alice, kind=InteractionKind.EVENT, occurred_on=today).count() == 3

    # And the member sees them on her follow-ups page.
    page.get_by_role("navigation", name=_("Tracker")).get_by_role("link", name=_("Follow-ups")).click()
    expect(page).to_have_url(re.compile(r"/me/follow-ups/$"))
    for title in [*thank_yous.values(), *check_ins.values()]:
        expect(page.get_by_text(title, exact=True)).to_be_visible()
    _check(page)

    # The debrief is done: going back to it offers nothing more to create.
    page.goto(f"{live_server.url}/{LANGUAGE}/me/events/{event.pk}/debrief/")
    expect(page.get_by_text(_("Everyone you met here has their follow-ups. Well done."))).to_be_visible()
    _check(page)
