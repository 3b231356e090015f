"""The coach page's rows: each client's summary with its labels worked out once, in Python.

The page lists every client; a row of template tags per client (translations with plurals, date
filters, URL reversing) was most of its cost. Here each row becomes plain strings, so the template
only prints them. The wording is the template's own msgids, so the translations stay the same.

Rows are dicts (TypedDicts): the template language looks a name up in a dict first, and on any
other object only after that lookup has failed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypedDict

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from accounts.coaching.queries import ClientSummary
from accounts.models import Goal, GrantScope
from rookie.templatetags.rookie_l10n import ldate
from rookie.templatetags.ui import avatar


class GoalLine(TypedDict):
    title: str
    target: str
    # A <progress> cannot be fuller than full: an overachieved goal shows its target.
    value: str
    progress: str  # "2 / 3"


class Link(TypedDict):
    url: str
    label: str


class ClientRow(TypedDict):
    name: str
    avatar: SafeString
    url: str
    scope: str
    attention: str  # empty when the client needs no attention
    last_activity: str
    last_activity_iso: str  # empty without any activity
    interactions: str
    goals: list[GoalLine]
    more_goals: str
    links: list[Link]


# The client's pages linked from each row; contacts and follow-ups need the contacts scope, the
# same rule as those pages themselves (accounts/coaching/access.py).
LINKS = ["client_follow_ups", "client_contacts", "client_sessions", "client_notes"]
CONTACTS_SCOPE_LINKS = {"client_follow_ups", "client_contacts"}


def _number(value: int) -> str:
    # Below a thousand no language groups digits, and an int has no decimal separator: the
    # locale's formatting (a few hundred calls on this page) would give the same string.
    return str(value) if -1000 < value < 1000 else formats.localize(value)


def _client_url(name: str) -> Callable[[int], str]:
    """reverse() once per page, not once per client and link: the URL is reversed with a marker
    id and split around it (the member id's converter writes an int as its digits)."""
    marker = 987654321
    head, tail = reverse(name, kwargs={"member_id": marker}).split(str(marker))
    return lambda member_id: f"{head}{member_id}{tail}"


def _attention(summary: ClientSummary) -> str:
    parts = []
    if summary.overdue:
        count = summary.overdue
        parts.append(
            ngettext("%(counter)s overdue follow-up", "%(counter)s overdue follow-ups", count)
            % {"counter": _number(count)}
        )
    if summary.is_inactive:
        if summary.inactive_days is None:
            parts.append(gettext("no activity yet"))
        else:
            days = summary.inactive_days
            parts.append(
                ngettext("no activity for %(counter)s day", "no activity for %(counter)s days", days)
                % {"counter": _number(days)}
            )
    return "; ".join(parts)


def _goal_line(goal: Goal) -> GoalLine:
    return {
        "title": goal.title,
        "target": str(goal.target),
        "value": str(min(goal.progress, goal.target)),
        "progress": f"{_number(goal.progress)} / {_number(goal.target)}",
    }


def client_rows(summaries: list[ClientSummary]) -> list[ClientRow]:
    """One row per summary, in the summaries' order, in the active language."""
    scopes = {value: str(label) for value, label in GrantScope.choices}
    labels = {
        "client_follow_ups": gettext("Follow-ups"),
        "client_contacts": gettext("Contacts and interactions"),
        "client_sessions": gettext("Sessions"),
        "client_notes": gettext("Private notes"),
    }
    urls = {name: _client_url(f"coaching:{name}") for name in ["client", *LINKS]}
    none_yet = gettext("None yet")
    day_labels: dict[datetime.date, str] = {}  # clients active on the same day share a label
    rows: list[ClientRow] = []
    for summary in summaries:
        member, grant = summary.member, summary.grant
        day = timezone.localdate(summary.last_activity) if summary.last_activity else None
        if day is not None and day not in day_labels:
            day_labels[day] = ldate(day)
        total = summary.recent_interactions
        rows.append(
            {
                "name": member.display_name,
                "avatar": avatar(member),
                "url": urls["client"](member.pk),
                "scope": scopes.get(grant.scope, grant.scope),
                "attention": _attention(summary) if summary.needs_attention else "",
                "last_activity": day_labels[day] if day is not None else none_yet,
                "last_activity_iso": day.isoformat() if day is not None else "",
                "interactions": ngettext(
                    "%(total)s interaction in the last 12 weeks", "%(total)s interactions in the last 12 weeks", total
                )
                % {"total": _number(total)},
                "goals": [_goal_line(goal) for goal in summary.goals],
                "more_goals": (
                    ngettext("and %(counter)s more", "and %(counter)s more", summary.more_goals)
                    % {"counter": _number(summary.more_goals)}
                    if summary.more_goals
                    else ""
                ),
                "links": [
                    {"url": urls[name](member.pk), "label": labels[name]}
                    for name in LINKS
                    if grant.is_full or name not in CONTACTS_SCOPE_LINKS
                ],
            }
        )
    return rows
