"""What the dashboard's rows print, worked out once per page rather than once per row in the
template: each row's links (`urls`) and its days in words (`day`; a contact's `last_day` and
`due_day`). Reversing a URL and looking up a date format per row were most of the rows' cost.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

from django.urls import reverse

from accounts.tracker.queries import Dashboard
from rookie.templatetags.rookie_l10n import ldate, relday

# Larger than any primary key: stands for the pk in a URL reversed once for a whole list.
_PK_MARKER = 2_147_483_647


class PkUrl:
    """reverse(name, args=[pk]) for every row of a list at the cost of one reverse."""

    def __init__(self, name: str) -> None:
        self.head, self.tail = reverse(name, args=[_PK_MARKER]).split(str(_PK_MARKER))

    def __call__(self, pk: int) -> str:
        return f"{self.head}{int(pk)}{self.tail}"


class DayWords:
    """Days as the rows print them (rookie_l10n's relday and ldate), each (day, format) worked out
    once per page: the rows share a few days (today, last week), and each format lookup costs."""

    def __init__(self) -> None:
        self._words: dict[tuple[str, datetime.date, str], str] = {}

    def relday(self, day: datetime.date, name: str = "SHORT_DATE_FORMAT") -> str:
        key = ("relday", day, name)
        if key not in self._words:
            self._words[key] = relday(day, name)
        return self._words[key]

    def ldate(self, day: datetime.date, name: str) -> str:
        key = ("ldate", day, name)
        if key not in self._words:
            self._words[key] = ldate(day, name)
        return self._words[key]


def prepare_rows(data: Dashboard, here: str) -> None:
    """Puts on each row its links (`urls`) and its days in words (`day`, and for a contact
    `last_day` and `due_day`), for the template to print."""
    words = DayWords()
    contact, done, snooze, edit = (
        PkUrl(f"tracker:{name}") for name in ("contact_detail", "followup_done", "followup_snooze", "followup_edit")
    )
    back = f"?next={quote(here)}"
    for follow_up in (*data.overdue, *data.due_this_week):
        follow_up.urls = {  # type: ignore[attr-defined]
            "contact": contact(follow_up.contact_id) if follow_up.contact_id else "",
            "done": done(follow_up.pk),
            "snooze": snooze(follow_up.pk),
            "edit": edit(follow_up.pk) + back,
        }
        # Overdue: the date; this week: the weekday too.
        name = "SHORT_DATE_FORMAT" if follow_up.due_date < data.today else "WEEKDAY_DAY_FORMAT"
        follow_up.day = words.relday(follow_up.due_date, name)  # type: ignore[attr-defined]
    log = PkUrl("tracker:interaction_add_for_contact")
    for person in data.losing_touch:
        person.urls = {"contact": contact(person.pk), "log": log(person.pk)}  # type: ignore[attr-defined]
        person.last_day = words.relday(person.last_contacted_on) if person.last_contacted_on else ""  # type: ignore[attr-defined]
        person.due_day = words.relday(person.next_touch_due, "MONTH_DAY_FORMAT")  # type: ignore[attr-defined,arg-type]
    goal, progress = PkUrl("tracker:goal_detail"), PkUrl("tracker:goal_progress")
    for item in data.goals:
        item.urls = {"goal": goal(item.pk), "progress": progress(item.pk)}  # type: ignore[attr-defined]
        item.day = words.relday(item.due_date) if item.due_date else ""  # type: ignore[attr-defined]
    for interaction in data.interactions:
        interaction.urls = {"contact": contact(interaction.contact_id)}  # type: ignore[attr-defined]
        interaction.day = words.ldate(interaction.occurred_on, "SHORT_DATE_FORMAT")  # type: ignore[attr-defined]
