"""The dashboard's rows written in Python (accounts/tracker/dashboard_html.py) are the markup the
template loops wrote, in every language, with the member's text escaped."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from accounts.models import GoalCount, InteractionKind
from accounts.tracker import queries
from accounts.tracker.dashboard_html import dashboard_rows_html
from accounts.tracker.dashboard_rows import prepare_rows
from accounts.tracker.views.followups import snooze_choices
from tests.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory, UserFactory

pytestmark = pytest.mark.django_db

# The loops as tracker/dashboard.html had them (one file per section): the reference the Python
# rows are held to.
REFERENCE = Path(__file__).parent / "dashboard_reference"

HOSTILE = "<script>alert(\"x\")</script> & 'Åsa'"


def _markup(html: str) -> str:
    # Whitespace between tags is layout only: the rows are compared without it.
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


@pytest.fixture
def member_with_everything():
    member = UserFactory()
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=100)
    # Both are due for a word: one last met long ago, one never.
    contact = ContactFactory(
        owner=member, name=HOSTILE, company=HOSTILE, keep_in_touch_days=30, last_contacted_on=long_ago
    )
    ContactFactory(
        owner=member,
        name="Bo",
        company="",
        keep_in_touch_days=14,
        created_at=timezone.now() - datetime.timedelta(days=30),
    )
    for offset, title in ((-4, HOSTILE), (0, "Call Bo"), (3, "Write to Ann")):
        FollowUpFactory(
            owner=member,
            title=title,
            due_date=today + datetime.timedelta(days=offset),
            contact=contact if offset else None,
        )
    GoalFactory(owner=member, title=HOSTILE, target=5, progress=5, due_date=today + datetime.timedelta(days=9))
    GoalFactory(owner=member, title="Meet 1000 people", target=1000, progress=3, due_date=None)
    GoalFactory(owner=member, title="Log people", target=10, progress=0, counts=GoalCount.PEOPLE_MET, due_date=None)
    EventFactory(owner=member, name=HOSTILE, date=today, location=HOSTILE)
    EventFactory(owner=member, name="Fair", date=today + datetime.timedelta(days=2), location="")
    InteractionFactory(
        owner=member, contact=contact, kind=InteractionKind.FIKA, notes=HOSTILE * 10, occurred_on=long_ago
    )
    InteractionFactory(owner=member, contact=contact, kind=InteractionKind.CALL, notes="", occurred_on=long_ago)
    return member


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_the_rows_are_the_markup_the_template_wrote(member_with_everything, language):
    today = timezone.localdate()
    with translation.override(language):
        data = queries.dashboard_for(member_with_everything, today=today)
        prepare_rows(data, f"/{language}/me/", [(label, day.isoformat()) for label, day in snooze_choices(today)])
        rows = dashboard_rows_html(data)

        def reference(name: str, **context: object) -> str:
            source = (REFERENCE / f"{name}.html").read_text()
            return _markup(Template(source).render(Context({"today": today, **context})))

        assert _markup(rows.overdue) == reference("follow_ups", follow_ups=data.overdue)
        assert _markup(rows.due_this_week) == reference("follow_ups", follow_ups=data.due_this_week)
        assert _markup(rows.losing_touch) == reference("losing_touch", contacts=data.losing_touch)
        assert _markup(rows.goals) == reference("goals", goals=data.goals)
        assert _markup(rows.events) == reference("events", events=data.events)
        assert _markup(rows.interactions) == reference("interactions", interactions=data.interactions)
    # Every section had rows, so the comparisons above compared something.
    assert {name: len(section) > 100 for name, section in vars(rows).items()} == dict.fromkeys(vars(rows), True)


def test_the_members_text_is_escaped_and_the_rows_say_what_they_should(member_with_everything):
    today = timezone.localdate()
    with translation.override("en"):
        data = queries.dashboard_for(member_with_everything, today=today)
        prepare_rows(data, "/en/me/", [(label, day.isoformat()) for label, day in snooze_choices(today)])
        rows = dashboard_rows_html(data)
    page = "".join(vars(rows).values())
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Åsa&#x27;" in rows.overdue
    assert 'tr-badge-overdue">Overdue' in rows.overdue
    assert 'tr-badge-today">Today' in rows.due_this_week
    # "+1" for the goals counted by hand only; the reached target says so.
    assert rows.goals.count("+1") == 2
    assert "Target reached" in rows.goals
    assert 'max="1000"' in rows.goals
    # "I'm there" on the day of the event only.
    assert rows.events.count("I'm there: add people") == 1
    # Notes are cut to 140 characters, the ellipsis included.
    note = re.search(r'<p class="tr-note">(.*?)</p>', rows.interactions).group(1)
    assert note.endswith("…")
