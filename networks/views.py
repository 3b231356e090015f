from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def index(request):
    # Placeholder until the networks issue lands; replaced by the real list view.
    return render(request, "networks/index.html")
