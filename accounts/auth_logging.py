"""Log-ins: logging, the lock-out key django-axes counts on, and the per-client-address throttle.

django-axes pauses one e-mail address from one client address after AXES_FAILURE_LIMIT failures
(and logs lock-outs itself, on the "axes" logger). That does not slow someone trying a few
passwords on each of many addresses, so failed log-ins are also counted per client address alone:
after LOGIN_IP_FAILURE_LIMIT failures in LOGIN_IP_WINDOW_MINUTES, log-in POSTs from that address
(member and admin log-in) get the 429 page until the window ends. Only failures count, never
successes, so many members behind one NAT each signing in do not use it up.
"""

import functools
import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from rookie.lib.identity import canonical_email
from rookie.lib.ratelimit import client_ip, failure_count, failure_record, too_many_requests

logger = logging.getLogger("rookie.auth")

LOGIN_IP_FAILURES = "login-ip-failures"


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    logger.info("login user_id=%s ip=%s", user.pk, client_ip(request) if request else "-")


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    # Never log the password; the e-mail tried is useful for spotting credential stuffing.
    ip = client_ip(request) if request else "-"
    logger.warning("login failed username=%r ip=%s", (credentials or {}).get("username", ""), ip)
    if request is not None:
        failure_record(LOGIN_IP_FAILURES, ip, window_seconds=settings.LOGIN_IP_WINDOW_MINUTES * 60)


def login_ip_blocked(request: HttpRequest) -> bool:
    """True once the client address has failed to log in LOGIN_IP_FAILURE_LIMIT times in the window."""
    return failure_count(LOGIN_IP_FAILURES, client_ip(request)) >= settings.LOGIN_IP_FAILURE_LIMIT


def login_throttle(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer a log-in POST with the 429 page, before any password is checked, while the client
    address is blocked (see the module's docstring)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and login_ip_blocked(request):
            logger.warning("login refused: too many failures ip=%s", client_ip(request))
            return too_many_requests(request)
        return view(request, *args, **kwargs)

    return wrapper


def axes_username(request, credentials):
    """The lock-out key is the canonical address (rookie/lib/identity.py), the form look-ups use too:
    ALICE@, alice@ and look-alike spellings (a long s, a Kelvin sign) share one counter."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return canonical_email(username)
