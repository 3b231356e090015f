"""The dashboard's rows get their links and days worked out once per page: the same as reverse()
and the date filters would give, in every language."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tracker.dashboard_rows import DayWords, PkUrl
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
