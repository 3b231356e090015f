"""Sign-up, log-in (in the member's own language), password change and reset, and the profile page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy, translate_url
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from accounts.auth_logging import login_throttle
from accounts.forms import (
    USE_FOR_EMAILS,
    EmailAuthenticationForm,
    EmailPasswordResetForm,
    ProfileForm,
    SignUpConfirmForm,
    SignUpForm,
)
from accounts.models import User
from accounts.models.time_zones import time_zone_for_language
from accounts.responses import render_form
from accounts.roles import home_url_for
from accounts.signup import signup_request, signup_token_read
from accounts.tracker.first_steps import first_steps_hide
from articles.languages import accept_language_codes
from rookie.lib.languages import is_language
from rookie.lib.ratelimit import client_ip, current_password_limit, rate_limit_post


def _redirect_in_language(request, url, language):
    """Send a member to `url` in `language`, remembering the choice in the language cookie."""
    response = HttpResponseRedirect(translate_url(str(url), language))
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _browser_languages(request):
    return accept_language_codes(request.headers.get("accept-language", ""))


def _signup_keys_ip(request):
    return [client_ip(request)]


def _signup_keys_address(request):
    return [request.POST.get("email", "")]


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit_post("signup", limit=10, window_seconds=3600, keys=_signup_keys_ip)
# Each sign-up sends an e-mail: at most 5 an hour to one address, whichever way it is spelled.
@rate_limit_post("signup-address", limit=5, window_seconds=3600, keys=_signup_keys_address)
def signup(request):
    """Step one: the same redirect whether or not the address has an account (accounts/signup.py)."""
    if request.user.is_authenticated:
        return redirect("home")
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_valid():
            # The languages they read start from what their browser asks for (the profile changes them).
            signup_request(**form.cleaned_data, reading_languages=_browser_languages(request))
            return redirect("accounts:signup_sent")
    else:
        form = SignUpForm(initial={"preferred_language": translation.get_language()})
    return render_form(request, "registration/signup.html", {"form": form})


@require_safe
def signup_sent(request):
    return render(request, "registration/signup_sent.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@rate_limit_post("signup-confirm", limit=20, window_seconds=3600, keys=_signup_keys_ip)
def signup_confirm(request, token):
    """Step two, from the e-mailed link: choose a password; the account is created and logged in."""
    if request.user.is_authenticated:
        return redirect("home")
    pending = signup_token_read(token)
    if pending is None:
        return render(request, "registration/signup_link.html", {"invalid": True}, status=400)
    if User.objects.filter(email=pending.email).exists():
        return render(request, "registration/signup_link.html", {"used": True})
    form = SignUpConfirmForm(
        request.POST if request.method == "POST" else None,
        email=pending.email,
        display_name=pending.display_name,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    pending.email,
                    form.cleaned_data["password1"],
                    display_name=pending.display_name,
                    preferred_language=pending.preferred_language,
                    time_zone=time_zone_for_language(pending.preferred_language),
                    reading_languages=",".join(pending.reading_languages or _browser_languages(request)),
                )
        except IntegrityError:  # the same link used twice at once: the first one made the account
            return render(request, "registration/signup_link.html", {"used": True})
        login(request, user, backend="accounts.auth_backend.ModelBackend")
        messages.success(request, _("Welcome to Rookie, %(name)s!") % {"name": user.display_name})
        return _redirect_in_language(request, home_url_for(user), user.preferred_language)
    return render_form(request, "registration/signup_confirm.html", {"form": form, "pending": pending})


@method_decorator(login_throttle, name="dispatch")
class LoginView(auth_views.LoginView):
    """Log in with e-mail; afterwards the member's preferred language wins over the URL's.

    django-axes pauses an address after repeated failures; login_throttle pauses a client address
    that fails with many (accounts/auth_logging.py).
    """

    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # Without a safe `next` (get_redirect_url refuses other hosts), each role starts at its home.
        return home_url_for(self.request.user)

    def form_valid(self, form):
        login(self.request, form.get_user())
        return _redirect_in_language(self.request, self.get_success_url(), self.request.user.preferred_language)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile(request):
    """The profile. Saving it keeps the interface language: the preferred language is for e-mails
    and the calendar, and the language switcher, not this page, chooses the pages' language."""
    user = request.user
    interface_language = translation.get_language()
    # Read before the form: an invalid form still writes its values into the instance.
    stored_language = user.preferred_language
    if request.method == "POST" and "hide_first_steps" in request.POST:
        # The overview's "Hide first steps" button: a setting of this member's, like the rest of the
        # page, so it posts here rather than to a URL of its own (accounts/tracker/first_steps.py).
        first_steps_hide(user)
        return redirect("tracker:dashboard")
    if request.method == "POST" and "use_language" in request.POST:
        # The one-click offer: the interface language becomes the one for e-mails and the calendar.
        language = request.POST["use_language"]
        if not is_language(language):
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
        messages.success(request, _("Your profile has been saved."))
        return redirect(request.path)
    browser_languages = _browser_languages(request)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user, browser_languages=browser_languages)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect(request.path)
    else:
        form = ProfileForm(instance=user, browser_languages=browser_languages)
    offer = USE_FOR_EMAILS.get(interface_language) if stored_language != interface_language else None
    return render_form(
        request,
        "accounts/profile.html",
        {"form": form, "use_language": interface_language, "use_language_offer": offer},
    )


# Password-reset requests send e-mail: at most 5 an hour per address (counted in its canonical form,
# so look-alike spellings share the count) and 20 per client address.
password_reset = rate_limit_post(
    "password-reset",
    limit=5,
    window_seconds=3600,
    keys=lambda request: [request.POST.get("email", "")],
)(
    rate_limit_post("password-reset-ip", limit=20, window_seconds=3600, keys=lambda request: [client_ip(request)])(
        auth_views.PasswordResetView.as_view(
            form_class=EmailPasswordResetForm,
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        )
    )
)


# Asks for the current password: shares the per-user limit of every such form (rookie/lib/ratelimit.py).
password_change = current_password_limit(
    auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password_change_done"))
)
