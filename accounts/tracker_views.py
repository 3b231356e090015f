from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET


@login_required
@require_GET
def dashboard(request):
    # Placeholder until the tracker issue lands; replaced by the real dashboard.
    return render(request, "tracker/dashboard.html")
