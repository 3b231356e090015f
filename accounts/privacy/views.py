"""The profile's "Your data": download everything (a ZIP), delete the account, and the goodbye page."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.privacy import deletion, export
from accounts.privacy.forms import AccountDeleteForm
from accounts.responses import render_form
from rookie.lib.ratelimit import current_password_limit, per_user, rate_limit_post


# POST, not a link: a browser prefetching links must not build archives of personal data.
@login_required
@require_POST
@rate_limit_post("data-export", limit=20, window_seconds=3600, keys=per_user)
def data_export(request):
    archive = export.build_archive(request.user)
    response = HttpResponse(archive, content_type="application/zip")
    filename = f"rookie-data-{timezone.localdate().isoformat()}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
# Asks for the password: shares the per-user limit of every such form (rookie/lib/ratelimit.py).
@current_password_limit
def account_delete(request):
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        language = request.user.preferred_language
        deletion.account_delete(user=request.user)
        logout(request)
        return redirect(translate_url(reverse("accounts:account_deleted"), language))
    return render_form(
        request, "accounts/privacy/delete.html", {"form": form, "evaluations_kept": deletion.evaluations_kept()}
    )


@require_safe
def account_deleted(request):
    return render(request, "accounts/privacy/deleted.html")
