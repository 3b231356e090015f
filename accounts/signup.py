"""Sign-up by e-mail: the same answer whether or not the address already has an account.

The sign-up form asks only for the address, a name and a language, and always answers with the
same "check your e-mail" redirect; what differs is the e-mail, which only the address's owner reads:
- a new address gets a link (signed, valid SIGNUP_LINK_MAX_AGE) to choose a password; the account
  is created when they do, and they are logged in;
- an address with an account gets "someone tried to sign up with your address: log in, or reset
  your password", in the owner's language. Nothing is created or changed.
No row is written before the link is used, so an address cannot be squatted by someone who does
not read its mail, and the link carries no secret (the password is chosen after it is opened).
"""

import dataclasses
import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from accounts.models.user import READING_LANGUAGE_VALUES
from rookie.lib.email import send_templated_email
from rookie.lib.identity import canonical_email
from rookie.lib.languages import is_language

# The page after sign-up and both e-mails say "three days".
SIGNUP_LINK_MAX_AGE = datetime.timedelta(days=3)
_SALT = "accounts.signup"


@dataclass(frozen=True)
class PendingSignup:
    email: str
    display_name: str
    preferred_language: str
    # What the browser that filled in the form asks for (Accept-Language), best first.
    reading_languages: tuple[str, ...] = ()


def signup_token_make(pending: PendingSignup) -> str:
    payload = {"e": pending.email, "n": pending.display_name, "l": pending.preferred_language}
    if pending.reading_languages:
        payload["r"] = ",".join(pending.reading_languages)
    return signing.dumps(payload, salt=_SALT, compress=True)


def signup_token_read(token: str) -> PendingSignup | None:
    """The sign-up a link stands for, or None when it is forged, damaged or older than the limit."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=SIGNUP_LINK_MAX_AGE)
        pending = PendingSignup(email=payload["e"], display_name=payload["n"], preferred_language=payload["l"])
        reading = payload.get("r", "")
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None
    if not is_language(pending.preferred_language) or reading not in READING_LANGUAGE_VALUES:
        return None
    if reading:
        pending = dataclasses.replace(pending, reading_languages=tuple(reading.split(",")))
    return pending


def _send(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    send_templated_email(to=to, language=language, template=f"email/{template}", context=context)


def signup_request(
    *, email: str, display_name: str, preferred_language: str, reading_languages: list[str] | tuple[str, ...] = ()
) -> None:
    """E-mail the address a link to finish signing up, or its owner a note if it has an account."""
    email = canonical_email(email)
    owner = User.objects.filter(email=email).first()
    if owner is None:
        token = signup_token_make(PendingSignup(email, display_name, preferred_language, tuple(reading_languages)))
        with translation.override(preferred_language):
            url = settings.SITE_URL + reverse("accounts:signup_confirm", kwargs={"token": token})
        _send(
            to=email,
            language=preferred_language,
            template="signup_confirm",
            context={"name": display_name, "url": url},
        )
    elif owner.is_active:
        with translation.override(owner.preferred_language):
            login_url = settings.SITE_URL + reverse("accounts:login")
            reset_url = settings.SITE_URL + reverse("accounts:password_reset")
        _send(
            to=owner.email,
            language=owner.preferred_language,
            template="signup_exists",
            context={"name": owner.display_name, "email": owner.email, "login_url": login_url, "reset_url": reset_url},
        )
