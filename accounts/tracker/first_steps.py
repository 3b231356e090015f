"""First steps: the box on a new member's overview that lists five things worth doing first.

Each step ticks itself off from the member's own data, never from a click on the box:
- profile: the field of work and the elevator pitch are filled in (the profile page);
- LinkedIn: a contact with a LinkedIn profile (what the LinkedIn import brings in; the import's
  receipt names no one, accounts/models/tracker.py: ContactImportReceipt);
- goal: any goal, in any state (one added from a guide's idea counts like any other);
- evaluation: an evaluation of a network against the checklist;
- event: any event in the tracker.
The box goes when every step is done, or for good when the member hides it (`first_steps_hide`,
User.first_steps_hidden_at). Only members get it: coaches and editors keep a tracker for themselves.

What it costs the overview (cached per member, rookie/lib/pagecache.py): nothing once hidden;
otherwise one query of four EXISTS, whatever the amount of data. Every write that ticks a step off
already makes the member's cached pages stale (accounts/signals.py): the user row, goals, contacts
(the import too), events, and evaluations.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import Contact, Event, Goal, User
from networks.models import Evaluation
from rookie.lib.sql import with_tables

# The profile fields a member fills in for the profile step (display_name is always there; the
# career stage may honestly stay "Not specified").
PROFILE_FIELDS = ("field_of_work", "elevator_pitch")


@dataclass(frozen=True)
class Step:
    key: str
    title: str | Promise
    hint: str | Promise
    url: str
    done: bool


@dataclass(frozen=True)
class FirstSteps:
    steps: tuple[Step, ...]

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def all_done(self) -> bool:
        return self.done_count == self.total

    @property
    def done_flags(self) -> tuple[bool, ...]:
        """Which steps are done: with the language, all the box shows (its `{% memo %}` key)."""
        return tuple(step.done for step in self.steps)


def profile_filled_in(user: User) -> bool:
    return all(getattr(user, name).strip() for name in PROFILE_FIELDS)


# Four EXISTS in one statement, for SQLite and PostgreSQL alike. Written out: the ORM's version
# (four Exists() on the user's row) cost more to build than the database took to answer it.
_DONE_IN_DATA = with_tables(
    """
SELECT
    EXISTS (SELECT 1 FROM {contacts} WHERE owner_id = %s AND linkedin_url <> ''),
    EXISTS (SELECT 1 FROM {goals} WHERE owner_id = %s),
    EXISTS (SELECT 1 FROM {evaluations} WHERE member_id = %s),
    EXISTS (SELECT 1 FROM {events} WHERE owner_id = %s)
""",
    contacts=Contact,
    goals=Goal,
    evaluations=Evaluation,
    events=Event,
)

DATA_STEPS = ("linkedin", "goal", "evaluation", "event")


def _done_in_data(user: User) -> dict[str, bool]:
    """Which of the data steps are done, in one query whatever the amount of data."""
    with connection.cursor() as cursor:
        cursor.execute(_DONE_IN_DATA, [user.pk] * len(DATA_STEPS))
        row = cursor.fetchone()
    return {key: bool(value) for key, value in zip(DATA_STEPS, row, strict=True)}


# Where each step is done: the same for every member, reversed once per process and language (and
# script prefix and URLconf, the rest of what reverse() depends on).
STEP_URL_NAMES = {
    "profile": "accounts:profile",
    "linkedin": "tracker:contact_import",
    "goal": "tracker:goal_templates",
    "evaluation": "networks:list",
    "event": "tracker:event_add",
}


@functools.lru_cache(maxsize=64)
def _step_urls(language: str | None, prefix: str, urlconf: str) -> dict[str, str]:
    return {key: reverse(name) for key, name in STEP_URL_NAMES.items()}


def first_steps_for(user: User) -> FirstSteps | None:
    """The member's first steps, or None when the box is not shown (not a member, hidden, all done)."""
    if not user.is_member or user.first_steps_hidden_at is not None:
        return None
    done = _done_in_data(user)
    urls = _step_urls(get_language(), get_script_prefix(), str(get_urlconf()))
    steps = FirstSteps(
        steps=(
            Step(
                "profile",
                _("Fill in your profile and elevator pitch"),
                _("Say what you work with and what you are looking for, in two or three sentences."),
                urls["profile"],
                profile_filled_in(user),
            ),
            Step(
                "linkedin",
                _("Import your LinkedIn connections"),
                _("Start your contacts from the people you already know."),
                urls["linkedin"],
                done.get("linkedin", False),
            ),
            Step(
                "goal",
                _("Set your first goal"),
                _("Take an idea from the guides, or write your own."),
                urls["goal"],
                done.get("goal", False),
            ),
            Step(
                "evaluation",
                _("Evaluate a network against the checklist"),
                _("Five points that show whether a network is worth your time."),
                urls["evaluation"],
                done.get("evaluation", False),
            ),
            Step(
                "event",
                _("Plan your first event"),
                _("Decide whom you want to meet before you go."),
                urls["event"],
                done.get("event", False),
            ),
        )
    )
    return None if steps.all_done else steps


def first_steps_panel_context(user: User) -> Mapping[str, Any] | None:
    """The dashboard box's context (accounts/tracker/dashboard_panels.py), or None to leave it out."""
    steps = first_steps_for(user)
    return None if steps is None else {"first_steps": steps}


def first_steps_hide(user: User) -> None:
    """The member hides the box for good. Saving the user makes their cached pages stale
    (accounts/signals.py), so the overview shows without it at once."""
    if user.first_steps_hidden_at is not None:
        return  # hidden already: keep when it was first hidden
    user.first_steps_hidden_at = timezone.now()
    user.save(update_fields=["first_steps_hidden_at"])
