"""Ready-made goals drawn from the guides' advice, offered as "add to my goals".

A small list in code rather than a table: the texts are UI strings translated by the catalogue,
and each template knows how to work out its own due date. Editors attach template keys to guides
(articles/models.py: suggested goals); `accounts.tracker.services.goal_add_from_template` turns a
key into a member's goal.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from accounts.models import GoalCount, GoalKind


def _end_of_month(today):
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _in_days(days):
    return lambda today: today + datetime.timedelta(days=days)


@dataclass(frozen=True)
class GoalTemplate:
    key: str
    title: str
    why: str
    kind: str
    target: int
    # What moves the goal: the records it counts, or the member's taps (manual).
    counts: str = GoalCount.MANUAL
    # today -> due date (or None: the goal is tied to the next event, whenever that is).
    due: object = None

    def due_date(self, today):
        return self.due(today) if self.due else None


GOAL_TEMPLATES = [
    GoalTemplate(
        key="meet-three",
        title=_("Talk to at least three new people at your next event"),
        why=_(
            "A concrete number gets you past the buffet table. Three is enough to stretch you "
            "and few enough to have real conversations."
        ),
        kind=GoalKind.MEET,
        target=3,
        counts=GoalCount.PEOPLE_MET,
    ),
    GoalTemplate(
        key="interview-this-month",
        title=_("Ask for one informational interview this month"),
        why=_(
            "Twenty minutes with someone who does the job you want teaches you more than a week "
            "of reading job ads, and most people are glad to be asked."
        ),
        kind=GoalKind.INTERVIEWS,
        target=1,
        counts=GoalCount.INTERVIEWS,
        due=_end_of_month,
    ),
    GoalTemplate(
        key="follow-up-two-days",
        title=_("Follow up everyone you met within two days"),
        why=_("A short thank-you while the conversation is still fresh is what turns a business card into a contact."),
        kind=GoalKind.FOLLOW_UP,
        target=3,
        counts=GoalCount.THANK_YOUS,
        due=_in_days(2),
    ),
    GoalTemplate(
        key="evaluate-two-networks",
        title=_("Evaluate two networks with the checklist"),
        why=_(
            "Score each network on your needs, its purpose, your goals, its members and the time "
            "and money it asks of you, before you join."
        ),
        kind=GoalKind.NETWORKS,
        target=2,
        counts=GoalCount.EVALUATIONS,
        due=_in_days(30),
    ),
    GoalTemplate(
        key="reconnect-five",
        title=_("Get back in touch with five people you have not talked to for a while"),
        why=_("Networks fade when nobody tends them. A short message every few months keeps the door open."),
        kind=GoalKind.FOLLOW_UP,
        target=5,
        due=_in_days(30),
    ),
    GoalTemplate(
        key="give-first",
        title=_("Help someone in your network: share a tip, an article or an introduction"),
        why=_("Give before you take. People remember who helped them, and active members get the most back."),
        kind=GoalKind.CUSTOM,
        target=1,
        due=_in_days(14),
    ),
]

TEMPLATES_BY_KEY = {template.key: template for template in GOAL_TEMPLATES}
