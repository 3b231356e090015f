"""A report of one member's networking over a chosen period, /<lang>/me/report/: goals and their
progress, interactions per week, networks evaluated, coaching sessions and the actions agreed.

One page that prints well (static/css/print-report.css) and that the browser saves as a PDF. The
member makes it for themselves here; a coach makes the same page for a client who shares their
progress (accounts/coaching/views/sessions.py: client_report), with only that coach's sessions.
`build_report` is the one read side for both: a fixed number of queries whatever the data.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from accounts.models import Goal, Interaction, User
from accounts.models.coaching import AgreedAction, CoachingSession
from accounts.tracker import queries
from accounts.tracker.charts import BarChart, weekly_bars
from networks.models import Evaluation
from rookie.lib.widgets import DateInput

# A report covers at most a year and a day: a longer one is a typo (and a very long chart).
MAX_PERIOD_DAYS = 366
# Caps of the lists on the page.
SESSION_LIMIT = 100
EVALUATION_LIMIT = 100


def last_full_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month before `today`'s."""
    end = today.replace(day=1) - datetime.timedelta(days=1)
    return end.replace(day=1), end


class PeriodForm(forms.Form):
    """The report's period, read from the query string (`?start=…&end=…`); the last full month
    unless the reader chose another."""

    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("The period must end on or after the day it starts."))
            if (end - start).days >= MAX_PERIOD_DAYS:
                raise forms.ValidationError(_("Choose a period of at most a year."))
        return data


def period_form(params, *, today: datetime.date) -> PeriodForm:
    """Bound to the query string when it names a period, else to the last full month."""
    start, end = last_full_month(today)
    if "start" in params or "end" in params:
        return PeriodForm(params)
    return PeriodForm({"start": start.isoformat(), "end": end.isoformat()})


@dataclass
class Report:
    member: User
    start: datetime.date
    end: datetime.date
    goals: list[queries.GoalView]
    activity: BarChart
    evaluations: list[Evaluation]
    sessions: list[CoachingSession]

    @property
    def interaction_total(self) -> int:
        return self.activity.total


def _weeks(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    monday = start - datetime.timedelta(days=start.weekday())
    weeks = []
    while monday <= end:
        weeks.append(monday)
        monday += datetime.timedelta(weeks=1)
    return weeks


def _overlaps(goal: Goal, start: datetime.date, end: datetime.date) -> bool:
    begins = goal.starts_on if goal.is_counted else timezone.localdate(goal.created_at)
    return begins <= end and (goal.due_date is None or goal.due_date >= start)


def sessions_in(
    member_id: int, *, start: datetime.date, end: datetime.date, coach_id: int | None = None
) -> list[CoachingSession]:
    """The member's sessions held in the period (one coach's, if given), oldest first, with their
    coach and agreed actions: two queries."""
    sessions = CoachingSession.objects.filter(member_id=member_id, held_on__gte=start, held_on__lte=end)
    if coach_id is not None:
        sessions = sessions.filter(coach_id=coach_id)
    return list(
        sessions.select_related("coach")
        .prefetch_related(Prefetch("actions", queryset=AgreedAction.objects.order_by("id")))
        .order_by("held_on", "id")[:SESSION_LIMIT]
    )


def build_report(member: User, *, start: datetime.date, end: datetime.date, coach_id: int | None = None) -> Report:
    """The report of `member` from `start` to `end` (both included), in a fixed number of queries:

    1. goals  2. the stored history of manual goals  (+1 per kind of counted goal, at most seven)
    3. interactions per day of the period (grouped)  4. evaluations in the period with their networks
    5–6. sessions in the period with their coaches, then their agreed actions
    Goals are those whose period overlaps the report's, their progress as of its last day (or today).
    """
    today = timezone.localdate()
    as_of = min(end, today)
    goals = [view for view in queries.goal_charts(member.pk, today=as_of) if _overlaps(view.goal, start, end)]
    per_week: Counter[datetime.date] = Counter()
    for row in (
        Interaction.objects.filter(owner_id=member.pk, occurred_on__gte=start, occurred_on__lte=end)
        .values("occurred_on")
        .annotate(n=Count("id"))
        .order_by()
    ):
        day = row["occurred_on"]
        per_week[day - datetime.timedelta(days=day.weekday())] += row["n"]
    in_period = Q(created_at__date__gte=start, created_at__date__lte=end) | Q(
        updated_at__date__gte=start, updated_at__date__lte=end
    )
    evaluations = list(
        Evaluation.objects.filter(in_period, member_id=member.pk)
        .select_related("network")
        .order_by("-updated_at", "-id")[:EVALUATION_LIMIT]
    )
    return Report(
        member=member,
        start=start,
        end=end,
        goals=goals,
        activity=weekly_bars([(week, per_week[week]) for week in _weeks(start, end)]),
        evaluations=evaluations,
        sessions=sessions_in(member.pk, start=start, end=end, coach_id=coach_id),
    )


def report_context(request, member: User, *, coach_id: int | None = None) -> dict:
    """The page's context: the period form and, when the period is valid, the report."""
    form = period_form(request.GET, today=timezone.localdate())
    report = None
    if form.is_valid():
        report = build_report(member, start=form.cleaned_data["start"], end=form.cleaned_data["end"], coach_id=coach_id)
    return {"form": form, "report": report, "member": member}


@login_required
@require_safe
def report(request):
    context = report_context(request, request.user)
    return render(request, "coaching/report.html", {**context, "for_coach": False})
