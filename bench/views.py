"""The benchmark's baseline: the cheapest page Django can serve through Rookie's middleware.

`make bench` divides every page's throughput by this one's, so the targets in docs/PERFORMANCE.md
are ratios that hold on any machine. It touches no database and no template engine: what is left is
the cost of gunicorn, the middleware stack (sessions, locale, CSRF, auth, CSP…) and URL resolving.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

_PAGE = "<!doctype html><html lang=en><title>Baseline</title><p>ok</p></html>"


@require_safe
def baseline(request):
    # Not a translated page: a fixed string, never shown to members (a measuring probe like /healthz).
    return HttpResponse(_PAGE)
