"""The dashboard's rows written in Python: some thirty rows on the page a member opens most, where
each value looked up in a template cost more than the HTML it writes (the same reason as
networks/rendering.py). The sections around the rows (headings, counts, forms, links) stay in
tracker/dashboard.html; these functions write the <li> items inside each section's list.

Each row's links, days and sentences come from dashboard_rows.prepare_rows, which runs first. Text
from the member (titles, names, notes) is escaped here; sentences prepare_rows made are already
escaped HTML (SafeString) and are written as they are; so are our own translations, as
{% translate %} writes them. The markup is what the template wrote
(tests/tracker/test_dashboard_html.py compares them).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.formats import localize
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

from accounts.models import Contact, Event, FollowUp, Goal, Interaction
from accounts.tracker.queries import Dashboard
from rookie.templatetags.rookie_l10n import relday
from rookie.templatetags.ui import icon

# An interaction's notes are cut to this many characters on the dashboard (the log shows them whole).
NOTE_CHARACTERS = 140


def _text(value: object) -> str:
    """A value as {{ value }} writes it: localized, and escaped unless it is HTML already."""
    if isinstance(value, SafeData):
        return str(value)
    return html.escape(str(localize(value)))


def _number(value: object) -> str:
    # As {{ value|unlocalize }}: a number the browser reads (ids, <progress> attributes).
    return html.escape(str(value))


def _joined(items: Iterable[str]) -> SafeString:
    # Every part above is escaped or our own markup.
    return mark_safe("".join(items))  # noqa: S308


@dataclass(frozen=True)
class DashboardRows:
    """Each section's list items, ready to go between its <ul> tags."""

    overdue: SafeString
    due_this_week: SafeString
    losing_touch: SafeString
    goals: SafeString
    events: SafeString
    interactions: SafeString


def dashboard_rows_html(data: Dashboard) -> DashboardRows:
    """The rows of every section; `data` has been through prepare_rows (with the snoozes)."""
    return DashboardRows(
        overdue=follow_up_items(data.overdue, data),
        due_this_week=follow_up_items(data.due_this_week, data),
        losing_touch=losing_touch_items(data.losing_touch),
        goals=goal_items(data.goals),
        events=event_items(data.events, data),
        interactions=interaction_items(data.interactions),
    )


def follow_up_items(follow_ups: list[FollowUp], data: Dashboard) -> SafeString:
    """A follow-up section's rows: the title linking to its edit form, the contact, when it is due,
    and the buttons of the section's one form: Done, and the one-tap snoozes behind "Snooze"."""
    done, snooze = gettext("Done"), gettext("Snooze")
    overdue, due_today = pgettext("one follow-up", "Overdue"), gettext("Today")
    check, clock = icon("check"), icon("clock")
    rows = []
    for follow_up in follow_ups:
        urls = follow_up.urls  # type: ignore[attr-defined]
        title = _text(follow_up.title)
        contact = (
            f' <span class="meta">· <a href="{_text(urls["contact"])}">{_text(follow_up.contact_name)}</a></span>'  # type: ignore[attr-defined]
            if follow_up.contact_id
            else ""
        )
        if follow_up.due_date < data.today:
            due = f'<span class="tr-badge tr-badge-overdue">{overdue}</span> {_text(follow_up.when)}'  # type: ignore[attr-defined]
        elif follow_up.due_date == data.today:
            due = f'<span class="tr-badge tr-badge-today">{due_today}</span>'
        else:
            due = _text(follow_up.when)  # type: ignore[attr-defined]
        rows.append(
            f'<li class="tr-row"><div class="tr-row-main">'
            f'<a href="{_text(urls["edit"])}"><strong>{title}</strong></a>{contact}<br> '
            f'<span class="meta">{due}</span></div> '
            f'<div class="tr-row-actions">'
            f'<button type="submit" formaction="{_text(urls["done"])}" class="button button--small">'
            f'{check}{done}<span class="visually-hidden">: {title}</span></button> '
            f'<details class="tr-snooze">'
            f'<summary class="button button--secondary button--small">{clock}{snooze}'
            f'<span class="visually-hidden">: {title}</span></summary> '
            f'<div class="tr-snooze-options">{_text(follow_up.snooze_buttons)}</div>'  # type: ignore[attr-defined]
            f"</details></div></li>"
        )
    return _joined(rows)


def losing_touch_items(contacts: list[Contact]) -> SafeString:
    """The contacts longest due for a word: name, company, the last contact, and a "Log contact" link."""
    log_contact, log_icon = gettext("Log contact"), icon("message-circle")
    rows = []
    for person in contacts:
        urls = person.urls  # type: ignore[attr-defined]
        name = _text(person.name)
        company = f' <span class="meta">· {_text(person.company)}</span>' if person.company else ""
        rows.append(
            f'<li class="tr-row"><div class="tr-row-main">'
            f'<a href="{_text(urls["contact"])}"><strong>{name}</strong></a>{company}<br> '
            f'<span class="meta">{_text(person.last_words)} · '  # type: ignore[attr-defined]
            f'<span class="tr-badge tr-badge-overdue">{_text(person.due_words)}</span></span></div> '  # type: ignore[attr-defined]
            f'<div class="tr-row-actions"><a class="button button--secondary button--small" '
            f'href="{_text(urls["log"])}">{log_icon}{log_contact}'
            f'<span class="visually-hidden">: {name}</span></a></div></li>'
        )
    return _joined(rows)


def goal_items(goals: list[Goal]) -> SafeString:
    """Active goals: title, a <progress>, the progress in words, and "+1" for a goal counted by hand
    (a button of the section's one form, posting to its goal)."""
    progress_on, target_reached = gettext("progress on"), gettext("Target reached")
    rows = []
    for goal in goals:
        urls = goal.urls  # type: ignore[attr-defined]
        title = _text(goal.title)
        reached = (
            f' · <span class="tr-badge tr-badge-ok">{target_reached}</span>' if goal.progress >= goal.target else ""
        )
        due = f" · {_text(goal.due_words)}" if goal.due_words else ""  # type: ignore[attr-defined]
        counts = f" · {_text(goal.counts_words)}" if goal.counts_words else ""  # type: ignore[attr-defined]
        plus_one = (
            ""
            if goal.is_counted
            else f'<div class="tr-row-actions"><button type="submit" formaction="{_text(urls["progress"])}" '
            f'class="button button-small">+1<span class="visually-hidden"> {progress_on} {title}</span></button></div>'
        )
        rows.append(
            f'<li class="tr-row tr-goal-row"><div class="tr-row-main">'
            f'<a href="{_text(urls["goal"])}"><strong>{title}</strong></a> '
            f'<progress id="goal-progress-{_number(goal.pk)}" max="{_number(goal.target)}" '
            f'value="{_number(goal.progress)}" aria-label="{title}">{_text(goal.percent)} %</progress> '
            f'<span class="meta">{_text(goal.progress_words)}{reached}{due}{counts}</span></div> '  # type: ignore[attr-defined]
            f"{plus_one}</li>"
        )
    return _joined(rows)


def event_items(events: list[Event], data: Dashboard) -> SafeString:
    """The next events: name, day and place, and "I'm there: add people" on the day."""
    there = gettext("I'm there: add people")
    rows = []
    for event in events:
        urls = event.urls  # type: ignore[attr-defined]
        location = f" · {_text(event.location)}" if event.location else ""
        during = (
            f'<div class="tr-row-actions">'
            f'<a class="button button-small" href="{_text(urls["during"])}">{there}</a></div>'
            if event.date == data.today
            else ""
        )
        rows.append(
            f'<li class="tr-row"><div class="tr-row-main">'
            f'<a href="{_text(urls["event"])}"><strong>{_text(event.name)}</strong></a> '
            f'<span class="meta">· {_text(relday(event.date, "WEEKDAY_DAY_FORMAT"))}{location}</span></div> '
            f"{during}</li>"
        )
    return _joined(rows)


def interaction_items(interactions: list[Interaction]) -> SafeString:
    """The latest interactions: day, kind, the contact, and the start of the notes."""
    rows = []
    for interaction in interactions:
        notes = (
            f'<p class="tr-note">{_text(Truncator(interaction.notes).chars(NOTE_CHARACTERS))}</p>'
            if interaction.notes
            else ""
        )
        rows.append(
            f'<li class="tr-row"><div class="tr-row-main">'
            f'<span class="meta">{_text(interaction.day)}</span> · '  # type: ignore[attr-defined]
            f"<strong>{_text(interaction.kind_label)}</strong> · "  # type: ignore[attr-defined]
            f'<a href="{_text(interaction.urls["contact"])}">{_text(interaction.contact_name)}</a>{notes}</div></li>'  # type: ignore[attr-defined]
        )
    return _joined(rows)
