"""The mail settings: turning a kind of repeated e-mail off from the link in the mail itself (no
log-in), and each kind on or off again from the profile (accounts/mail_preferences.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.mail_preferences import KINDS, read_off_token, set_wanted


# The signed token in the URL is what authorises this, not a session, so a CSRF token adds nothing;
# and mail programs' one-click unsubscribe (RFC 8058) POSTs here without one.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def mail_off(request, token):
    found = read_off_token(token)
    if found is None:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=400)
    user, kind = found
    # The member's language, whatever the link's prefix or the browser say.
    with translation.override(user.preferred_language):
        if request.method == "POST":
            set_wanted(user, kind, False)
            return render(request, "accounts/unsubscribe.html", {"done": True, "kind": kind})
        # A GET changes nothing: mail scanners open every link in a message.
        return render(request, "accounts/unsubscribe.html", {"kind": kind})


class MailSettingsForm(forms.Form):
    """One checkbox per kind; a box left unticked turns that kind off (this form is all of them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in KINDS:
            self.fields[kind.field] = forms.BooleanField(required=False, label=kind.label)


@login_required
@require_POST
def mail_settings(request):
    form = MailSettingsForm(request.POST)
    form.is_valid()  # checkboxes: any input is valid (absent or unrecognised is "off")
    for kind in KINDS:
        set_wanted(request.user, kind, form.cleaned_data[kind.field])
    messages.success(request, _("Your e-mail settings have been saved."))
    return redirect("accounts:profile")
