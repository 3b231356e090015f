"""What the dashboard's rows print, worked out once per page rather than once per row in the
template: each row's links (`urls`), its days in words (`day`; a contact's `last_day` and
`due_day`) and the short sentences around them (`Phrases`). Reversing a URL, looking up a date
format and rendering a {% blocktranslate %} per row were most of the rows' cost.
"""

from __future__ import annotations

import datetime
import functools
from urllib.parse import quote

from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_noop

from accounts.models import InteractionKind
from accounts.tracker.queries import Dashboard
from rookie.templatetags.rookie_l10n import ldate, relday

# Larger than any primary key: stands for the pk in a URL reversed once for a whole list.
_PK_MARKER = 2_147_483_647


@functools.lru_cache(maxsize=256)
def _pk_url_parts(name: str, language: str | None, prefix: str, urlconf: str) -> tuple[str, str]:
    # What reverse() depends on besides the name is in the key: the language (the URLs' prefix),
    # the script prefix and the URLconf, so a kept pair is always what reverse() would give.
    head, tail = reverse(name, args=[_PK_MARKER]).split(str(_PK_MARKER))
    return head, tail


class PkUrl:
    """reverse(name, args=[pk]) for every row of a list, reversed once per process and language."""

    def __init__(self, name: str) -> None:
        self.head, self.tail = _pk_url_parts(name, get_language(), get_script_prefix(), str(get_urlconf()))

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


class SnoozeButtons:
    """A follow-up's one-tap snoozes (tracker/_snooze_buttons.html) for every row of a page at the
    cost of one render: the rows differ only in the link the buttons post to."""

    _STAND_IN = "\x00formaction\x00"

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        context = {"snooze_choices": choices, "formaction": self._STAND_IN}
        # Without the file's last newline: the buttons sit inside the row's <div>.
        self.html = render_to_string("tracker/_snooze_buttons.html", context).strip()

    def __call__(self, url: str) -> SafeString:
        return mark_safe(self.html.replace(self._STAND_IN, conditional_escape(url)))  # noqa: S308 (escaped)


class Phrases:
    """A row's sentence as {% blocktranslate with name=value %} prints it: the message translated
    (once per page), each value localized and escaped, the words themselves left as translated;
    without values, as {% translate %} prints it."""

    def __init__(self) -> None:
        self._messages: dict[str, str] = {}

    def __call__(self, message: str, **values: object) -> SafeString:
        if message not in self._messages:
            self._messages[message] = gettext(message)
        if not values:
            # As {% translate %} prints it: escaped, a "%" left as it is.
            return conditional_escape(self._messages[message])
        escaped = {name: conditional_escape(localize(value)) for name, value in values.items()}  # type: ignore[arg-type]
        return mark_safe(self._messages[message] % escaped)  # noqa: S308 (values escaped above)


# The sentences' msgids, the same as the template's were (their translations stand); marked for
# makemessages here, translated by Phrases.
WAS_DUE = gettext_noop("was due %(date)s")
DUE = gettext_noop("due %(date)s")
LAST_CONTACT = gettext_noop("Last contact %(date)s")
NO_CONTACT = gettext_noop("No contact logged yet")
GET_IN_TOUCH = gettext_noop("Get in touch (due %(date)s)")
PROGRESS = gettext_noop("%(progress)s of %(target)s")
COUNTS = gettext_noop("counts: %(what)s")


def prepare_rows(data: Dashboard, here: str, snoozes: list[tuple[str, str]] | None = None) -> None:
    """Puts on each row its links (`urls`), its days in words (`day`, and for a contact
    `last_day` and `due_day`) and its sentences, for the template to print: a follow-up's `when`
    (not for one due today: its badge says it), a contact's `last_words` and `due_words`, a goal's
    `progress_words`, `due_words` and `counts_words` ("" when it has no due date or counts nothing),
    an interaction's `kind_label`;
    with `snoozes` [(label, ISO date)], a follow-up's `snooze_buttons`.
    """
    words = DayWords()
    phrase = Phrases()
    contact, done, snooze, edit = (
        PkUrl(f"tracker:{name}") for name in ("contact_detail", "followup_done", "followup_snooze", "followup_edit")
    )
    back = f"?next={quote(here)}"
    buttons = SnoozeButtons(snoozes) if snoozes is not None else None
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
        if buttons is not None:
            follow_up.snooze_buttons = buttons(follow_up.urls["snooze"])  # type: ignore[attr-defined]
        late = follow_up.due_date < data.today
        follow_up.when = phrase(WAS_DUE if late else DUE, date=follow_up.day)  # type: ignore[attr-defined]
    log = PkUrl("tracker:interaction_add_for_contact")
    for person in data.losing_touch:
        person.urls = {"contact": contact(person.pk), "log": log(person.pk)}  # type: ignore[attr-defined]
        person.last_day = words.relday(person.last_contacted_on) if person.last_contacted_on else ""  # type: ignore[attr-defined]
        person.due_day = words.relday(person.next_touch_due, "MONTH_DAY_FORMAT")  # type: ignore[attr-defined,arg-type]
        person.last_words = (  # type: ignore[attr-defined]
            phrase(LAST_CONTACT, date=person.last_day) if person.last_contacted_on else phrase(NO_CONTACT)  # type: ignore[attr-defined]
        )
        person.due_words = phrase(GET_IN_TOUCH, date=person.due_day)  # type: ignore[attr-defined]
    goal, progress = PkUrl("tracker:goal_detail"), PkUrl("tracker:goal_progress")
    for item in data.goals:
        item.urls = {"goal": goal(item.pk), "progress": progress(item.pk)}  # type: ignore[attr-defined]
        item.day = words.relday(item.due_date) if item.due_date else ""  # type: ignore[attr-defined]
        item.progress_words = phrase(PROGRESS, progress=item.progress, target=item.target)  # type: ignore[attr-defined]
        item.due_words = phrase(DUE, date=item.day) if item.due_date else ""  # type: ignore[attr-defined]
        item.counts_words = phrase(COUNTS, what=item.get_counts_display()) if item.is_counted else ""  # type: ignore[attr-defined]
    event, during = PkUrl("tracker:event_detail"), PkUrl("tracker:event_during")
    for planned in data.events:
        planned.urls = {"event": event(planned.pk), "during": during(planned.pk)}  # type: ignore[attr-defined]
    # The model's get_kind_display() rebuilds the choices' dict on every call.
    kinds = dict(InteractionKind.choices)
    for interaction in data.interactions:
        interaction.kind_label = kinds.get(interaction.kind, interaction.kind)  # type: ignore[attr-defined]
        interaction.urls = {"contact": contact(interaction.contact_id)}  # type: ignore[attr-defined]
        interaction.day = words.ldate(interaction.occurred_on, "SHORT_DATE_FORMAT")  # type: ignore[attr-defined]
