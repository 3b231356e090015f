"""The dashboard's rows get their links, days and sentences worked out once per page: the same as
reverse(), the date filters and {% blocktranslate %} would give, in every language."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse, set_script_prefix
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from accounts.models import Contact, FollowUp, Goal, GoalCount, Interaction, InteractionKind
from accounts.tracker.dashboard_rows import (
    COUNTS,
    DUE,
    GET_IN_TOUCH,
    LAST_CONTACT,
    NO_CONTACT,
    PROGRESS,
    WAS_DUE,
    DayWords,
    Phrases,
    PkUrl,
    SnoozeButtons,
    prepare_rows,
)
from accounts.tracker.queries import Dashboard
from accounts.tracker.views.followups import snooze_choices
from rookie.templatetags.rookie_l10n import ldate, relday

NAMES = ["contact_detail", "followup_done", "followup_snooze", "followup_edit", "goal_detail", "goal_progress"]


@pytest.mark.parametrize("language", ["en", "sv", "fi"])
def test_a_link_is_what_reverse_gives(language):
    with translation.override(language):
        for name in NAMES:
            url = PkUrl(f"tracker:{name}")
            for pk in (1, 7, 42, 10**12):
                assert url(pk) == reverse(f"tracker:{name}", args=[pk])


@pytest.mark.parametrize("language", ["en", "da"])
def test_days_in_words_are_the_filters_words(language):
    today = timezone.localdate()
    words = DayWords()
    with translation.override(language):
        for offset in (-40, -1, 0, 1, 3):
            day = today + datetime.timedelta(days=offset)
            for name in ("SHORT_DATE_FORMAT", "WEEKDAY_DAY_FORMAT", "MONTH_DAY_FORMAT"):
                assert words.relday(day, name) == relday(day, name)
                assert words.relday(day, name) == relday(day, name)  # the kept one
            assert words.ldate(day, "SHORT_DATE_FORMAT") == ldate(day, "SHORT_DATE_FORMAT")


BLOCKTRANSLATE = {
    WAS_DUE: "{% blocktranslate with date=value %}was due {{ date }}{% endblocktranslate %}",
    DUE: "{% blocktranslate with date=value %}due {{ date }}{% endblocktranslate %}",
    LAST_CONTACT: "{% blocktranslate with date=value %}Last contact {{ date }}{% endblocktranslate %}",
    GET_IN_TOUCH: "{% blocktranslate with date=value %}Get in touch (due {{ date }}){% endblocktranslate %}",
    COUNTS: "{% blocktranslate with what=value %}counts: {{ what }}{% endblocktranslate %}",
}


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_a_rows_sentence_is_what_blocktranslate_printed(language):
    phrase = Phrases()
    with translation.override(language):
        for message, source in BLOCKTRANSLATE.items():
            for value in ("7 Nov 2026", "<b>Ann & Bo</b>", mark_safe("<i>kept</i>")):
                expected = Template("{% load i18n %}" + source).render(Context({"value": value}))
                assert phrase(message, date=value, what=value) == expected
        numbers = Template(
            "{% load i18n %}{% blocktranslate with progress=p target=t %}"
            "{{ progress }} of {{ target }}{% endblocktranslate %}"
        )
        for progress, target in ((0, 1), (3, 9), (1200, 5000)):
            assert phrase(PROGRESS, progress=progress, target=target) == numbers.render(
                Context({"p": progress, "t": target})
            )
        no_contact = Template('{% load i18n %}{% translate "No contact logged yet" %}')
        assert phrase(NO_CONTACT) == no_contact.render(Context())


def test_each_row_gets_its_sentences():
    today = timezone.localdate()
    late = FollowUp(pk=1, title="Call", due_date=today - datetime.timedelta(days=2), contact_id=None)
    soon = FollowUp(pk=2, title="Write", due_date=today + datetime.timedelta(days=2), contact_id=None)
    never = Contact(pk=3, name="Ann", last_contacted_on=None, next_touch_due=today - datetime.timedelta(days=1))
    met = Contact(pk=4, name="Bo", last_contacted_on=today - datetime.timedelta(days=40), next_touch_due=today)
    manual = Goal(pk=5, title="Meet five", target=5, progress=2, due_date=today, counts=GoalCount.MANUAL)
    counted = Goal(pk=6, title="Log ten", target=10, progress=1, due_date=None, counts=GoalCount.PEOPLE_MET)
    data = Dashboard(
        today=today,
        overdue=[late],
        overdue_count=1,
        due_this_week=[soon],
        due_this_week_count=1,
        losing_touch=[never, met],
        losing_touch_count=2,
        contact_count=2,
        goals=[manual, counted],
        goal_count=2,
        interactions=[],
        events=[],
    )
    with translation.override("en"):
        prepare_rows(data, "/en/me/")
    assert late.when == f"was due {late.day}"
    assert soon.when == f"due {soon.day}"
    assert never.last_words == "No contact logged yet"
    assert met.last_words == f"Last contact {met.last_day}"
    assert met.due_words == f"Get in touch (due {met.due_day})"
    assert (manual.progress_words, manual.due_words, manual.counts_words) == ("2 of 5", f"due {manual.day}", "")
    assert counted.due_words == ""
    assert counted.counts_words == "counts: New people I meet"


@pytest.mark.parametrize("language", ["en", "fi"])
def test_a_rows_snooze_buttons_are_what_the_loop_printed(language):
    row_loop = Template(
        "{% for label, date in snooze_choices %}"
        '<button type="submit" formaction="{{ url }}" name="until" value="{{ date }}"'
        ' class="button button--secondary button--small">{{ label }}</button>{% endfor %}'
    )
    with translation.override(language):
        choices = [(label, day.isoformat()) for label, day in snooze_choices(timezone.localdate())]
        buttons = SnoozeButtons(choices)
        for url in ("/en/me/follow-ups/7/snooze/", '/x/?a=1&b="2"'):
            expected = row_loop.render(Context({"snooze_choices": choices, "url": url}))
            assert buttons(url) == expected
            assert buttons(url) == expected  # the kept render, for the next row


def test_prepare_rows_gives_each_follow_up_its_snooze_buttons():
    today = timezone.localdate()
    rows = [FollowUp(pk=pk, title="Call", due_date=today, contact_id=None) for pk in (11, 12)]
    data = Dashboard(today, [], 0, rows, 2, [], 0, 0, [], 0, [], [])
    with translation.override("en"):
        prepare_rows(data, "/en/me/", [("Tomorrow", (today + datetime.timedelta(days=1)).isoformat())])
    for row in rows:
        assert f'formaction="{reverse("tracker:followup_snooze", args=[row.pk])}"' in row.snooze_buttons
        assert row.snooze_buttons.count("<button") == 1


def test_a_kept_link_follows_the_script_prefix_and_the_language():
    try:
        for prefix in ("/", "/rookie/"):
            set_script_prefix(prefix)
            for language in ("en", "sv"):
                with translation.override(language):
                    assert PkUrl("tracker:goal_detail")(5) == reverse("tracker:goal_detail", args=[5])
                    assert reverse("tracker:goal_detail", args=[5]).startswith(f"{prefix}{language}/")
    finally:
        set_script_prefix("/")


@pytest.mark.parametrize("language", ["en", "sv", "fi"])
def test_an_interactions_kind_is_its_display(language):
    today = timezone.localdate()
    rows = [Interaction(pk=n, kind=kind, occurred_on=today, contact_id=1) for n, kind in enumerate(InteractionKind)]
    data = Dashboard(today, [], 0, [], 0, [], 0, 0, [], 0, rows, [])
    with translation.override(language):
        prepare_rows(data, f"/{language}/me/")
        assert [str(row.kind_label) for row in rows] == [row.get_kind_display() for row in rows]
