"""Turning e-mail reminders on and off: from the profile (logged in) or from the link in a digest (not)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.tracker.transfers.calendar import feed_for
from accounts.tracker.transfers.forms import RemindersForm
from accounts.tracker.transfers.reminders import user_for_opt_out_token


def _set_reminders(user, enabled):
    feed = feed_for(user)
    if feed.reminders_enabled != enabled:
        feed.reminders_enabled = enabled
        feed.save(update_fields=["reminders_enabled"])


@login_required
@require_POST
def reminders_toggle(request):
    form = RemindersForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    enabled = form.cleaned_data["enabled"]
    _set_reminders(request.user, enabled)
    messages.success(
        request,
        _("E-mail reminders are on.") if enabled else _("E-mail reminders are off. You can turn them on again here."),
    )
    return redirect("accounts:profile")


# The signed token in the URL is what authorises this, not a session, so a CSRF token adds nothing;
# and mail programs' one-click unsubscribe (RFC 8058) POSTs here without one.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def reminders_off(request, token):
    user = user_for_opt_out_token(token)
    if user is None:
        return render(request, "tracker/io/reminders_off.html", {"invalid": True}, status=400)
    with translation.override(user.preferred_language):
        if request.method == "POST":
            _set_reminders(user, False)
            return render(request, "tracker/io/reminders_off.html", {"done": True})
        # A GET changes nothing: mail scanners open every link in a message.
        return render(request, "tracker/io/reminders_off.html", {})
