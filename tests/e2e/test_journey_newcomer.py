"""Journey 1, in one browser: a newcomer whose browser asks for Swedish, from sign-up to progress.

Sign-up (the form, then choosing a password from the e-mailed link) and the network evaluation are
done with the keyboard alone (Tab, typing, arrow keys, Space, Enter); the rest clicks like most
people do. Every page the journey visits passes axe.
Visible text is checked through the catalogue (gettext in the page's language), never copied in.
"""

import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import FollowUp, Goal, Interaction, InteractionKind, User
from accounts.tracker import counting, services
from accounts.tracker.goal_templates import TEMPLATES_BY_KEY
from articles.languages import NOT_AVAILABLE_IN, SHOWING_VERSION
from networks.models import Criterion, Evaluation
from tests.e2e.conftest import assert_accessible
from tests.factories import NetworkFactory, article_in

# Transactional, so the live server's thread sees the rows; checklist_seeded puts the five criteria
# back after an earlier test's flush (see checklist_seeded in tests/conftest.py).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("checklist_seeded"),
]

EMAIL = "ny.medlem@example.se"
PASSWORD = "ett-långt-lösenord"
GOAL_KEY = "follow-up-two-days"
# The scores given to the five criteria, in checklist order.
SCORES = [4, 3, 5, 4, 2]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "sv-SE", "extra_http_headers": {"Accept-Language": "sv-SE,sv;q=0.9"}}


_DUPLICATE_IDS = """() => {
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
}"""


def _(language, text):
    with translation.override(language):
        return gettext(text)


def _tab_to(page, selector, limit=40):
    """Press Tab until the focus is on `selector`: the keyboard user's way to a form."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector} on {page.url}")


def _tab(page, selector):
    """One Tab, which must land on `selector` (the tab order follows the form)."""
    page.keyboard.press("Tab")
    expect(page.locator(selector)).to_be_focused()


def _sign_up_with_the_keyboard(page):
    _tab_to(page, "#id_email")
    page.keyboard.type(EMAIL)
    _tab(page, "#id_display_name")
    page.keyboard.type("Åsa Öberg")
    _tab(page, "#id_preferred_language")  # keep the Swedish the page offers
    # The terms and the privacy notice the sentence above the button links to, then the button.
    _tab(page, "form[action$='/signup/'] a[href$='/pages/terms/']")
    _tab(page, "form[action$='/signup/'] a[href$='/pages/privacy/']")
    _tab(page, "form[action$='/signup/'] button[type=submit]")
    page.keyboard.press("Enter")


def _choose_password_with_the_keyboard(page):
    _tab_to(page, "#id_password1")
    page.keyboard.type(PASSWORD)
    _tab(page, "#id_password2")
    page.keyboard.type(PASSWORD)
    _tab(page, "main form button[type=submit]")
    page.keyboard.press("Enter")


def _evaluate_with_the_keyboard(page, criteria):
    _tab_to(page, f"input[name=score_{criteria[0].key}]")
    for criterion, score in zip(criteria, SCORES, strict=True):
        # Tab lands on the group's first radio; Space picks it and each arrow moves one step up.
        expect(page.locator(f"input[name=score_{criterion.key}][value='1']")).to_be_focused()
        page.keyboard.press("Space")
        for _step in range(score - 1):
            page.keyboard.press("ArrowDown")
        expect(page.locator(f"input[name=score_{criterion.key}][value='{score}']")).to_be_checked()
        _tab(page, f"textarea[name=note_{criterion.key}]")
        if criterion == criteria[-1]:
            page.keyboard.type("Kallas två gånger om året")
        page.keyboard.press("Tab")
    expect(page.locator("textarea[name=comment]")).to_be_focused()
    page.keyboard.type("Hyvä porukka, kahvit ☕")
    _tab(page, "form.evaluation-form button[type=submit]")
    page.keyboard.press("Enter")


def test_a_newcomer_goes_from_sign_up_to_progress_on_the_dashboard(page, live_server):
    guide = article_in(
        ["sv", "en"],
        key="forsta-kaffet",
        title_sv="Efter första kaffet",
        title_en="After the first coffee",
        body_sv="## Tacka\n\nSkriv ett kort tack inom två dagar.\n",
        body_en="## Say thanks\n\nWrite a short thank-you within two days.\n",
        suggested_goals=[GOAL_KEY],
    )
    assert not guide.title_fi
    network = NetworkFactory(name="Kahvi & Ura Helsinki", slug="kahvi-ura", city="Helsinki", country="FI")
    criteria = list(Criterion.objects.order_by("order"))
    assert len(criteria) == len(SCORES)

    # The browser asks for Swedish and gets it.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/sv/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert_accessible(page)

    # Sign up, keyboard alone.
    page.get_by_role("link", name=_("sv", "Sign up")).click()
    expect(page).to_have_url(re.compile(r"/sv/accounts/signup/$"))
    assert_accessible(page)
    _sign_up_with_the_keyboard(page)
    # The same answer for every address; the link to choose a password comes by e-mail.
    expect(page).to_have_url(re.compile(r"/sv/accounts/signup/sent/$"))
    assert_accessible(page)
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    link = re.search(r"https?://[^/\s]+(/sv/accounts/signup/confirm/\S+)", message.body).group(1)
    page.goto(live_server.url + link)
    assert_accessible(page)
    _choose_password_with_the_keyboard(page)
    # A new member's home is the overview, with the first steps waiting.
    expect(page).to_have_url(re.compile(r"/sv/me/$"))
    expect(page.get_by_role("heading", name=_("sv", "First steps"))).to_be_visible()
    expect(page.get_by_role("button", name=_("sv", "Log out"))).to_be_visible()
    member = User.objects.get(email=EMAIL)
    assert (member.display_name, member.preferred_language) == ("Åsa Öberg", "sv")
    # The languages they read start from what the browser asks for.
    assert member.reading_languages == "sv"
    assert_accessible(page)

    # Read the guide, in Swedish.
    page.get_by_role("navigation", name=_("sv", "Main")).get_by_role("link", name=_("sv", "Guides")).click()
    expect(page).to_have_url(re.compile(r"/sv/guides/$"))
    assert_accessible(page)
    page.get_by_role("link", name=guide.title_sv).click()
    expect(page).to_have_url(re.compile(rf"/sv/guides/{guide.slug_sv}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(guide.title_sv)
    expect(page.locator(".fallback-notice")).to_have_count(0)
    assert_accessible(page)

    # Switch to Finnish: the guide has no Finnish version, so the version in the first language
    # the member reads (Swedish, from their browser) shows, with a notice in Finnish.
    page.get_by_role("button", name="Suomi").click()
    expect(page).to_have_url(re.compile(rf"/fi/guides/{guide.slug_sv}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    with translation.override("fi"):
        notice = f"{NOT_AVAILABLE_IN['fi']} {SHOWING_VERSION['sv']}"
    expect(page.locator(".fallback-notice")).to_contain_text(notice)
    # The notice links the other version, in its own language.
    expect(page.locator(".fallback-notice").get_by_role("link", name="English")).to_have_attribute(
        "href", f"/en/guides/{guide.slug_en}/"
    )
    expect(page.locator("article.guide")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(guide.title_sv)
    assert_accessible(page)
    # The switch changed the interface only: e-mails, the calendar and new goals stay in Swedish.
    member.refresh_from_db()
    assert member.preferred_language == "sv"

    # Evaluate a network on the five criteria, keyboard alone.
    page.get_by_role("navigation", name=_("fi", "Main")).get_by_role("link", name=_("fi", "Networks")).click()
    expect(page).to_have_url(re.compile(r"/fi/networks/$"))
    assert_accessible(page)
    page.get_by_role("link", name=network.name).first.click()
    expect(page).to_have_url(re.compile(rf"/fi/networks/{network.slug}/$"))
    assert_accessible(page)
    page.get_by_role("link", name=_("fi", "Evaluate this network")).click()
    expect(page).to_have_url(re.compile(rf"/fi/networks/{network.slug}/evaluate/$"))
    assert_accessible(page)
    _evaluate_with_the_keyboard(page, criteria)
    expect(page).to_have_url(re.compile(rf"/fi/networks/{network.slug}/$"))
    expect(page.get_by_text("Hyvä porukka, kahvit ☕")).to_be_visible()
    assert_accessible(page)
    evaluation = Evaluation.objects.get(member=member, network=network)
    scores = dict(evaluation.scores.values_list("criterion__order", "score"))
    assert [scores[criterion.order] for criterion in criteria] == SCORES

    # Back to the guide: "add to my goals".
    page.goto(f"{live_server.url}/fi/guides/{guide.slug_sv}/")
    expect(page.locator(".fallback-notice")).to_contain_text(notice)
    assert_accessible(page)
    with translation.override("fi"):
        suggested_title = str(TEMPLATES_BY_KEY[GOAL_KEY].title)
    # The goal itself is written in the member's preferred language, which is still Swedish.
    with translation.override("sv"):
        goal_title = str(TEMPLATES_BY_KEY[GOAL_KEY].title)
    assert goal_title != suggested_title
    suggestion = page.locator(".guide-goals li").filter(has=page.get_by_role("heading", name=suggested_title))
    suggestion.get_by_role("button", name=_("fi", "Add to my goals")).click()
    goal = Goal.objects.get(owner=member)
    expect(page).to_have_url(re.compile(rf"/fi/me/goals/{goal.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(goal_title)
    assert (goal.title, goal.target, goal.progress) == (goal_title, 3, 0)
    assert_accessible(page)

    # Add a contact from the tracker's dashboard.
    page.get_by_role("navigation", name=_("fi", "Main")).get_by_role("link", name=_("fi", "My tracker")).click()
    expect(page).to_have_url(re.compile(r"/fi/me/$"))
    assert_accessible(page)
    page.locator("summary").filter(has_text=_("fi", "Add a contact")).click()
    page.locator("#qc_name").fill("Mikko Mäkinen")
    page.locator("#qc_company").fill("Kahvila Oy")
    page.get_by_role("button", name=_("fi", "Add contact"), exact=True).click()
    contact = member.contacts.get()
    expect(page).to_have_url(re.compile(rf"/fi/me/contacts/{contact.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mikko Mäkinen")
    assert_accessible(page)

    # Log a fika: the page offers the thank-you follow-up, and the member accepts it.
    page.locator("#id_kind").select_option(InteractionKind.FIKA.value)
    page.locator("#id_notes").fill("Kahvit Kampissa")
    page.get_by_role("button", name=_("fi", "Log it")).click()
    expect(page).to_have_url(re.compile(rf"/fi/me/contacts/{contact.pk}/\?thanks=1#thank-you$"))
    offer = page.locator("#thank-you")
    expect(offer.get_by_role("heading")).to_have_text(_("fi", "Send a thank-you?"))
    with translation.override("fi"):
        thank_you = services.thank_you_title(contact)
    expect(offer.get_by_label(_("fi", "What"))).to_have_value(thank_you)
    # The offer and the "add a follow-up" form share field names, but each label finds its own input.
    assert page.evaluate(_DUPLICATE_IDS) == []
    assert_accessible(page)
    offer.get_by_role("button", name=_("fi", "Add the follow-up")).click()
    expect(page).to_have_url(re.compile(rf"/fi/me/contacts/{contact.pk}/$"))
    follow_ups = page.locator("section").filter(has=page.locator("#followups-heading"))
    expect(follow_ups.get_by_text(thank_you, exact=True)).to_be_visible()
    assert Interaction.objects.get(contact=contact).kind == InteractionKind.FIKA
    follow_up = FollowUp.objects.get(owner=member, contact=contact)
    assert (follow_up.title, follow_up.done_at) == (thank_you, None)
    assert_accessible(page)

    # Complete it.
    # "Done", followed by the follow-up's title for screen readers.
    done = re.compile(rf"^{re.escape(_('fi', 'Done'))}\W+{re.escape(thank_you)}$")
    follow_ups.get_by_role("button", name=done).click()
    done_message = _("fi", "Done: %(title)s") % {"title": thank_you}
    expect(page.get_by_role("status").filter(has_text=done_message)).to_be_visible()
    expect(follow_ups.get_by_text(_("fi", "No open follow-ups."))).to_be_visible()
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None
    assert_accessible(page)

    # The dashboard: the goal counted the thank-you done within two days of the fika by itself (a
    # counted goal has no +1), nothing is due, and the fika is in the log.
    page.get_by_role("navigation", name=_("fi", "Main")).get_by_role("link", name=_("fi", "My tracker")).click()
    expect(page).to_have_url(re.compile(r"/fi/me/$"))
    goals = page.locator("section").filter(has=page.locator("#goals-heading"))
    expect(goals.get_by_role("button", name=goal_title)).to_have_count(0)
    expect(goals.locator(f"#goal-progress-{goal.pk}")).to_have_attribute("value", "1")
    expect(goals.locator(f"#goal-progress-{goal.pk}")).to_have_attribute("max", "3")
    expect(goals).to_contain_text(_("fi", "%(progress)s of %(target)s") % {"progress": 1, "target": 3})
    expect(page.locator("#week-heading .tr-count")).to_have_text("0")
    expect(page.locator("#overdue-heading .tr-count")).to_have_text("0")
    recent = page.locator("section").filter(has=page.locator("#recent-heading"))
    expect(recent).to_contain_text("Mikko Mäkinen")
    with translation.override("fi"):
        expect(recent).to_contain_text(str(InteractionKind.FIKA.label))
    assert_accessible(page)
    assert counting.history_of(goal) == [(timezone.localdate(), 1)]

    # The profile: the languages they read, in order, without JavaScript; then the interface
    # language becomes the one for e-mails and the calendar, in one click.
    page.get_by_role("navigation", name=_("fi", "Main")).get_by_role("link", name=_("fi", "Profile")).click()
    expect(page).to_have_url(re.compile(r"/fi/accounts/profile/$"))
    reading = page.get_by_role("group", name=_("fi", "Languages you read, best first"))
    expect(reading.get_by_label(_("fi", "First language"))).to_have_value("sv")  # from sign-up
    assert_accessible(page)
    reading.get_by_label(_("fi", "First language")).select_option("fi")
    reading.get_by_label(_("fi", "Second language")).select_option("sv")
    page.get_by_role("button", name=_("fi", "Save profile")).click()
    expect(page).to_have_url(re.compile(r"/fi/accounts/profile/$"))
    member.refresh_from_db()
    assert (member.reading_languages, member.preferred_language) == ("fi,sv", "sv")
    page.get_by_role("button", name=_("fi", "Use Finnish for e-mails and the calendar too")).click()
    expect(page).to_have_url(re.compile(r"/fi/accounts/profile/$"))
    expect(page.get_by_role("button", name=_("fi", "Use Finnish for e-mails and the calendar too"))).to_have_count(0)
    expect(page.locator("#id_preferred_language")).to_have_value("fi")
    assert_accessible(page)
    member.refresh_from_db()
    assert member.preferred_language == "fi"
