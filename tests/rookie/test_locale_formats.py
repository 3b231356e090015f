"""Every date, time, number and amount of money goes through the reader's locale.

Each page type that shows a date, a number or money is rendered in Swedish, Danish and Finnish
with dates in November and December, a fee of 1,200, 2.5 hours a month; its visible text (not its
attributes) must hold no English month or weekday, no date in a fixed pattern ("27 Nov 2026" with
Django's capitalised three letters, or an ISO date), no thousand without its separator, no decimal
point; every <time datetime> must be a valid HTML date or time (no microseconds). A source scan
keeps fixed `|date:` patterns out of the templates.
"""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.template import Context, Template, TemplateSyntaxError
from django.utils import formats, timezone, translation
from django.utils.dates import MONTHS_3
from django.utils.text import capfirst

from accounts.models import GrantScope
from accounts.tracker.services import goal_progress_set
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    GrantFactory,
    InteractionFactory,
    MembershipFactory,
    NetworkFactory,
    UserFactory,
    evaluate,
)

pytestmark = pytest.mark.django_db

NORDIC = ["sv", "da", "fi"]
NOV = datetime.date(2026, 11, 27)
DEC = datetime.date(2026, 12, 18)

ENGLISH_DATE_WORDS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A valid HTML date, or a global date and time to the second at most (the Nu checker's rule).
VALID_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$")
UNGROUPED = re.compile(r"(?<![\d.,\xa0])(1200|1950)(?![\d])")
WHOLE_AMOUNT_WITH_CENTS = re.compile(r"\d[.,]00\s?(kr\b|SEK|DKK|EUR|NOK|€)")


class _Page(HTMLParser):
    """The text a reader sees (no attributes, scripts or styles) and every <time datetime>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.datetimes: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        if tag == "time":
            self.datetimes.append(dict(attrs).get("datetime") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _fixed_pattern(lang: str) -> re.Pattern:
    """A day followed by Django's capitalised three-letter month ("j M"): "5 Dec", "19 Okt", "27 Mar"."""
    with translation.override(lang):
        names = sorted({capfirst(str(MONTHS_3[month])) for month in range(1, 13)})
    return re.compile(r"\b\d{1,2}\.? (" + "|".join(map(re.escape, names)) + r")\b")


def _problems(html: str, lang: str) -> list[str]:
    page = _parse(html)
    text = " ".join(" ".join(page.text).split())
    found = [f"English date word {m.group(0)!r}" for m in ENGLISH_DATE_WORDS.finditer(text)]
    found += [f"fixed-pattern date {m.group(0)!r}" for m in _fixed_pattern(lang).finditer(text)]
    found += [f"ISO date in the text {m.group(0)!r}" for m in ISO_DATE.finditer(text)]
    found += [f"ungrouped thousand {m.group(0)!r}" for m in UNGROUPED.finditer(text)]
    found += [f"decimal point {m.group(0)!r}" for m in re.finditer(r"\b2\.5\b", text)]
    found += [f"cents on a whole amount {m.group(0)!r}" for m in WHOLE_AMOUNT_WITH_CENTS.finditer(text)]
    found += [f"<time datetime={value!r}>" for value in page.datetimes if not VALID_DATETIME.match(value)]
    return found


@pytest.fixture
def data(alice, fiona, criteria):
    """Alice's tracker, networks and coaching with dates in November and December and money."""
    GrantFactory(member=alice, coach=fiona, scope=GrantScope.FULL)
    event = EventFactory(owner=alice, name="Autumn fair", date=NOV, debriefed_at=timezone.now())
    goal = GoalFactory(owner=alice, title="Meet recruiters", target=5, due_date=DEC, event_date=NOV)
    goal_progress_set(goal=goal, progress=2, today=NOV)
    contact = ContactFactory(
        owner=alice,
        name="Kaisa Korhonen",
        last_contacted_on=NOV,
        keep_in_touch_days=30,
        next_touch_due=DEC,
        met_at_event=event,
    )
    InteractionFactory(contact=contact, occurred_on=NOV)
    FollowUpFactory(owner=alice, contact=contact, title="Send the CV", due_date=DEC)
    FollowUpFactory(owner=alice, contact=contact, title="Thank her", due_date=NOV)
    FollowUpFactory(owner=alice, title="Book a coffee", due_date=NOV, done_at=timezone.now())
    CommentFactory(member=alice, coach=fiona, body="Good start")
    swedish = NetworkFactory(name="Stockholm Young Pros", slug="sthlm-young", fee_amount=Decimal("1200"))
    danish = NetworkFactory(
        name="Aarhus Talents", slug="aarhus-talents", fee_amount=Decimal("1950"), fee_currency="DKK"
    )
    MembershipFactory(
        member=alice,
        network=swedish,
        hours_per_month=Decimal("2.5"),
        yearly_cost=Decimal("1200"),
        cost_currency="SEK",
        since=NOV,
    )
    evaluate(alice, swedish, [4, 4, 4, 4, 4], comment="Friendly people")
    article = ArticleFactory()
    return {"event": event, "goal": goal, "contact": contact, "networks": (swedish, danish), "article": article}


def _member_pages(data):
    swedish, danish = data["networks"]
    return [
        "/{lang}/me/",
        "/{lang}/me/goals/",
        f"/{{lang}}/me/goals/{data['goal'].pk}/",
        "/{lang}/me/follow-ups/",
        "/{lang}/me/contacts/",
        f"/{{lang}}/me/contacts/{data['contact'].pk}/",
        "/{lang}/me/interactions/",
        "/{lang}/me/events/",
        f"/{{lang}}/me/events/{data['event'].pk}/",
        "/{lang}/networks/",
        f"/{{lang}}/networks/{swedish.slug}/",
        f"/{{lang}}/networks/{swedish.slug}/membership/",
        f"/{{lang}}/networks/compare/?n={swedish.slug}&n={danish.slug}",
        "/{lang}/networks/mine/",
        "/{lang}/guides/",
        f"/{{lang}}/guides/{data['article'].slug}/",
        "/{lang}/coach/sharing/",
    ]


def _coach_pages(data, alice):
    return [
        "/{lang}/coach/",
        f"/{{lang}}/coach/clients/{alice.pk}/",
        f"/{{lang}}/coach/clients/{alice.pk}/contacts/",
        f"/{{lang}}/coach/clients/{alice.pk}/contacts/{data['contact'].pk}/",
        f"/{{lang}}/coach/clients/{alice.pk}/follow-ups/",
    ]


@pytest.mark.parametrize("lang", NORDIC)
def test_it_writes_dates_numbers_and_money_the_way_the_language_does(client, alice, fiona, data, lang):
    problems = {}
    for user, urls in ((alice, _member_pages(data)), (fiona, _coach_pages(data, alice))):
        client.force_login(user)
        for url in urls:
            url = url.format(lang=lang)
            response = client.get(url)
            assert response.status_code == 200, url
            if found := _problems(response.content.decode(), lang):
                problems[url] = found
    assert not problems


@pytest.mark.parametrize(
    ("lang", "long_date", "short_date", "money"),
    [
        ("sv", "27 november 2026", "27 nov. 2026", "1\xa0200\xa0kr"),
        ("da", "27. november 2026", "27. nov. 2026", "1.950\xa0kr."),
        ("fi", "27. marraskuuta 2026", "27.11.2026", "1\xa0200\xa0€"),
        ("en", "27 November 2026", "27 Nov 2026", "SEK\xa01,200"),
    ],
)
def test_it_uses_the_languages_own_patterns(client, alice, data, lang, long_date, short_date, money):
    client.force_login(alice)
    event = client.get(f"/{lang}/me/events/{data['event'].pk}/").content.decode()
    assert long_date in event
    events = client.get(f"/{lang}/me/events/").content.decode()
    assert short_date in events
    network = {"da": data["networks"][1], "fi": data["networks"][0]}.get(lang, data["networks"][0])
    if lang == "fi":
        network.fee_currency = "EUR"
        network.save()
    detail = client.get(f"/{lang}/networks/{network.slug}/").content.decode()
    assert money in detail


def test_it_shows_hours_with_the_decimal_comma_and_no_pointless_zero(client, alice, fiona, data):
    MembershipFactory(member=alice, hours_per_month=Decimal("2.0"))
    for user, url in ((alice, "/sv/networks/mine/"), (fiona, f"/sv/coach/clients/{alice.pk}/")):
        client.force_login(user)
        text = " ".join(_parse(client.get(url).content.decode()).text)
        assert "2,5" in text, url
        assert not re.search(r"\b2[.,]0\b", text), url


@pytest.mark.parametrize(
    ("lang", "today", "tomorrow", "yesterday"),
    [
        ("en", "today", "tomorrow", "yesterday"),
        ("sv", "i dag", "i morgon", "i går"),
        ("da", "i dag", "i morgen", "i går"),
        ("fi", "tänään", "huomenna", "eilen"),
    ],
)
def test_it_says_today_tomorrow_and_yesterday(lang, today, tomorrow, yesterday):
    template = Template("{% load rookie_l10n %}{{ a|relday }}|{{ b|relday }}|{{ c|relday }}|{{ d|relday }}")
    now = timezone.localdate()
    with translation.override(lang):
        rendered = template.render(
            Context({"a": now, "b": now + datetime.timedelta(days=1), "c": now - datetime.timedelta(days=1), "d": NOV})
        )
        far = formats.date_format(NOV, "SHORT_DATE_FORMAT") if now - NOV > datetime.timedelta(days=1) else None
    parts = rendered.split("|")
    assert parts[:3] == [today, tomorrow, yesterday]
    if far:
        assert parts[3] == far


def test_it_gives_time_elements_a_valid_value_in_the_current_time_zone():
    moment = datetime.datetime(2026, 12, 7, 9, 15, 30, 123456, tzinfo=datetime.UTC)
    rendered = Template("{% load rookie_l10n %}{{ moment|iso }} {{ day|iso }}").render(
        Context({"moment": moment, "day": DEC})
    )
    assert rendered == "2026-12-07T10:15:30+01:00 2026-12-18"  # Europe/Stockholm in the tests


def test_the_same_moment_is_written_in_each_zone_and_language_however_often_it_is_shown():
    # Formatted dates are remembered: the zone and the language must still decide what is written.
    moment = datetime.datetime(2026, 12, 7, 23, 30, tzinfo=datetime.UTC)
    template = Template('{% load rookie_l10n %}{{ moment|ldate:"DATETIME_FORMAT" }}')
    written = {}
    for zone in ("Atlantic/Reykjavik", "Europe/Helsinki", "Atlantic/Reykjavik"):
        for lang in ("en", "fi"):
            with timezone.override(zone), translation.override(lang):
                written.setdefault((zone, lang), set()).add(template.render(Context({"moment": moment})))
    assert all(len(texts) == 1 for texts in written.values())
    assert written[("Atlantic/Reykjavik", "en")] != written[("Europe/Helsinki", "en")]
    assert written[("Europe/Helsinki", "en")] != written[("Europe/Helsinki", "fi")]
    assert "23:30" in next(iter(written[("Atlantic/Reykjavik", "en")])).replace(".", ":")


def test_it_refuses_a_pattern_where_a_format_name_belongs():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load rookie_l10n %}{{ day|ldate:"j M Y" }}').render(Context({"day": DEC}))


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Fri 18 Dec"), ("sv", "fre 18 dec."), ("da", "fre 18. dec."), ("fi", "pe 18.12.")]
)
def test_it_names_the_weekday_in_the_languages_own_pattern(lang, expected):
    with translation.override(lang):
        rendered = Template('{% load rookie_l10n %}{{ day|ldate:"WEEKDAY_DAY_FORMAT" }}').render(Context({"day": DEC}))
    assert rendered == expected


def test_ids_and_years_are_not_grouped_in_attributes(client, alice, data):
    # Thousands are grouped (USE_THOUSAND_SEPARATOR): an id in an attribute must not be.
    goal = GoalFactory(owner=alice, target=1000, pk=12345)
    client.force_login(alice)
    html = client.get("/sv/me/goals/").content.decode()
    assert 'id="goal-progress-12345"' in html
    assert 'max="1000"' in html
    assert "1\xa0000" in " ".join(_parse(html).text)
    assert goal.pk == 12345


@pytest.mark.parametrize(("lang", "day"), [("sv", "18 december"), ("da", "18. december"), ("fi", "18. joulukuuta")])
def test_it_dates_the_reminder_e_mail_in_the_members_language(lang, day):
    # A fixed name: a generated one may be a month's name ("April Zuniga").
    member = UserFactory(preferred_language=lang, display_name="Kaja Lund")
    FollowUpFactory(owner=member, title="Send the CV", due_date=NOV)
    FollowUpFactory(owner=member, title="Call Kaisa", due_date=DEC)
    call_command("send_reminders", "--date", DEC.isoformat(), stdout=StringIO())
    (message,) = mail.outbox
    html, _mimetype = message.alternatives[0]
    assert day in message.subject
    for text in (message.subject, message.body, " ".join(_parse(html).text)):
        assert not ENGLISH_DATE_WORDS.search(text)
        assert not _fixed_pattern(lang).search(text)
        assert not ISO_DATE.search(text)


def test_form_inputs_keep_machine_numbers_and_dates(client, alice, data):
    # Grouping and the decimal comma are for reading: an <input> keeps what the browser submits.
    goal = GoalFactory(owner=alice, target=1000, due_date=DEC)
    client.force_login(alice)
    membership = client.get(f"/da/networks/{data['networks'][0].slug}/membership/").content.decode()
    assert 'value="2.5"' in membership
    assert 'value="1200.00"' in membership or 'value="1200"' in membership
    edit = client.get(f"/fi/me/goals/{goal.pk}/edit/").content.decode()
    assert 'value="1000"' in edit
    assert 'value="2026-12-18"' in edit


TEMPLATES = Path(settings.BASE_DIR) / "templates"
FORMAT_NAMES = {"DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT", "MONTH_DAY_FORMAT"}
FORMAT_NAMES |= {"YEAR_MONTH_FORMAT", "TIME_FORMAT", "WEEKDAY_DAY_FORMAT"}


def test_no_template_formats_a_date_with_a_fixed_pattern():
    # One way to show a date: ldate (or relday) with a format name; Django's |date and |time would
    # take a literal pattern too, so they are not used at all.
    offenders = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in (".html", ".txt"):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            offenders += [
                f"{path.relative_to(TEMPLATES)}:{number}: {m.group(0)}" for m in re.finditer(r"\|(?:date|time)\b", line)
            ]
            for match in re.finditer(r"\|(?:ldate|relday):(\"[^\"]*\"|'[^']*')", line):
                if match.group(1)[1:-1] not in FORMAT_NAMES:
                    offenders.append(f"{path.relative_to(TEMPLATES)}:{number}: {match.group(0)}")
    assert not offenders
