"""Sign-up, log-in (in the member's own language) and the profile page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.forms import EmailAuthenticationForm, ProfileForm, SignUpForm
from rookie.ratelimit import client_ip, rate_limit_post


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


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit_post("signup", limit=10, window_seconds=3600, keys=lambda request: [client_ip(request)])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    if request.method == "POST":
        form = SignUpForm(request.POST)
        if form.is_valid():
            user = form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to Rookie, %(name)s!") % {"name": user.display_name})
            return _redirect_in_language(request, reverse_lazy("home"), user.preferred_language)
    else:
        form = SignUpForm(initial={"preferred_language": translation.get_language()})
    return render(request, "registration/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Log in with e-mail; afterwards the member's preferred language wins over the URL's."""

    form_class = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        login(self.request, form.get_user())
        return _redirect_in_language(self.request, self.get_success_url(), self.request.user.preferred_language)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            user = form.save()
            messages.success(request, _("Your profile has been saved."))
            return _redirect_in_language(request, request.path, user.preferred_language)
    else:
        form = ProfileForm(instance=request.user)
    return render(request, "accounts/profile.html", {"form": form})


# Password-reset requests send e-mail: at most 5 an hour per address and 20 per client address.
password_reset = rate_limit_post(
    "password-reset",
    limit=5,
    window_seconds=3600,
    keys=lambda request: [request.POST.get("email", "")],
)(
    rate_limit_post("password-reset-ip", limit=20, window_seconds=3600, keys=lambda request: [client_ip(request)])(
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        )
    )
)
