"""The tracker's home, /<lang>/me/: what needs doing now, at a glance, with quick-add forms."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.tracker import queries
from accounts.tracker.dashboard_html import dashboard_rows_html
from accounts.tracker.dashboard_panels import GRID, TOP, render_panels
from accounts.tracker.dashboard_rows import prepare_rows
from accounts.tracker.quick_add import lazy_quick_add_fields
from accounts.tracker.views.followups import snooze_choices
from rookie.lib.pagecache import cache_member_page


@login_required
@require_safe
# Cached for this member only; any change to what it shows makes it stale (accounts/signals.py).
@cache_member_page()
def dashboard(request):
    today = timezone.localdate()
    data = queries.dashboard_for(request.user, today=today)
    # Every row's actions come back here.
    here = reverse("tracker:dashboard")
    # The one-tap snoozes post their date as the pressed button's value.
    prepare_rows(data, here, [(label, day.isoformat()) for label, day in snooze_choices(today)])
    # The contact fields search (accounts/tracker/contact_picker.py): no list of every contact here.
    return render(
        request,
        "tracker/dashboard.html",
        {
            "data": data,
            "rows": dashboard_rows_html(data),
            "today": today,
            # Registered boxes (the first steps on top, coaching's feedback among the sections):
            # accounts/tracker/dashboard_panels.py.
            "top_panels": render_panels(request, TOP),
            "panels": render_panels(request, GRID),
            "here": here,
            # The same for every member today: rendered when the section's memo is missing only.
            "quick_add": lazy_quick_add_fields(request.user, today),
        },
    )
