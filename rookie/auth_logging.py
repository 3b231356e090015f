"""Log log-ins and failed log-ins (django-axes logs lock-outs itself, on the "axes" logger)."""

import logging

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from rookie.ratelimit import client_ip

logger = logging.getLogger("rookie.auth")


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    logger.info("login user_id=%s ip=%s", user.pk, client_ip(request) if request else "-")


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    # Never log the password; the e-mail tried is useful for spotting credential stuffing.
    logger.warning(
        "login failed username=%r ip=%s",
        (credentials or {}).get("username", ""),
        client_ip(request) if request else "-",
    )


def axes_username(request, credentials):
    """E-mail addresses are case-insensitive, so are lock-outs: ALICE@ and alice@ share one counter."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower()
