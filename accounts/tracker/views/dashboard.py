"""The tracker's home, /<lang>/me/: what needs doing now, at a glance, with quick-add forms."""

import datetime

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.tracker import queries
from accounts.tracker.dashboard_panels import GRID, TOP, render_panels
from accounts.tracker.forms import FollowUpForm, InteractionForm, QuickContactForm
from accounts.tracker.views.followups import snooze_choices
from rookie.lib.pagecache import cache_member_page
from rookie.templatetags.ui import icon

# The icons of the dashboard's rows, built once per page rather than once per row.
ROW_ICONS = {"check": "check", "clock": "clock", "pencil": "pencil", "message": "message-circle"}


@login_required
@require_safe
# Cached for this member only; any change to what it shows makes it stale (accounts/signals.py).
@cache_member_page()
def dashboard(request):
    today = timezone.localdate()
    data = queries.dashboard_for(request.user, today=today)
    # The contact fields search (accounts/tracker/contact_picker.py): no list of every contact here.
    return render(
        request,
        "tracker/dashboard.html",
        {
            "data": data,
            "today": today,
            # Registered boxes (the first steps on top, coaching's feedback among the sections):
            # accounts/tracker/dashboard_panels.py.
            "top_panels": render_panels(request, TOP),
            "panels": render_panels(request, GRID),
            # Every row's actions come back here; the one-tap snoozes post their date as the button's value.
            "here": reverse("tracker:dashboard"),
            "icons": {key: icon(name) for key, name in ROW_ICONS.items()},
            "snooze_choices": [(label, day.isoformat()) for label, day in snooze_choices(today)],
            "contact_form": QuickContactForm(owner=request.user, auto_id="qc_%s"),
            "follow_up_form": FollowUpForm(
                owner=request.user,
                auto_id="qf_%s",
                initial={"due_date": today + datetime.timedelta(days=2)},
            ),
            "interaction_form": InteractionForm(owner=request.user, auto_id="qi_%s"),
        },
    )
