"""The member's own progress, /<lang>/me/progress/: activity per week, goals over time, networks evaluated.

The same charts a coach sees of a client who shares their progress (accounts/tracker/queries.py
builds them for both), here for the signed-in member's own data only.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.tracker import queries


@login_required
@require_safe
def progress(request):
    data = queries.progress_for(request.user, today=timezone.localdate())
    return render(request, "tracker/progress.html", {"data": data})
