"""Which repeated e-mails a member gets, and the signed no-login links that turn each kind off.

Each kind of mail a member can get again and again is one boolean field on the User (all on by
default). Every such mail is sent through `send_member_mail`, which skips it when the kind is off
and otherwise sends it with `rookie.lib.email`'s one-click unsubscribe headers (RFC 8058), pointing
at this recipient's link for this kind. The link is signed, not stored: `django.core.signing` with
a salt per kind, so a link for one kind never turns off another, and nothing needs looking up or
expiring. The reminder digest keeps its own switch and link (CalendarFeed.reminders_enabled,
/reminders/off/…, accounts/tracker/transfers/reminders.py): links already in members' inboxes keep
working, and its headers come from the same library function. docs/mail.md has the whole picture.

Invitations to coaching and their acceptance are not here: each happens once per coach and member,
and turning them off would hide an answer someone waits for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from rookie.lib.email import send_templated_email

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class MailKind:
    key: str  # in the salt and the settings form; never changes, or sent links stop working
    field: str  # the User's boolean field
    # "You will no longer get …" on the confirmation page, and the label on the profile.
    label: StrOrPromise


COACHING_COMMENTS = MailKind(
    "coaching-comments", "mail_coaching_comments", _("e-mails about new comments from coaching")
)
COACHING_SUGGESTIONS = MailKind(
    "coaching-suggestions", "mail_coaching_suggestions", _("e-mails about goals and sessions from a coach")
)
NETWORK_ANSWERS = MailKind("network-answers", "mail_network_answers", _("e-mails about the networks you suggested"))
KINDS: tuple[MailKind, ...] = (COACHING_COMMENTS, COACHING_SUGGESTIONS, NETWORK_ANSWERS)

_SALT = "accounts.mail_preferences.off."


def _salt(kind: MailKind) -> str:
    return _SALT + kind.key


def off_token(user: User, kind: MailKind) -> str:
    return signing.dumps(user.pk, salt=_salt(kind), compress=True)


def read_off_token(token: str) -> tuple[User, MailKind] | None:
    """The active user and the kind a token was made for, or None for a forged, damaged or foreign
    token (or a deactivated account). Each kind's salt is tried: a token names its kind by its salt."""
    for kind in KINDS:
        try:
            pk = signing.loads(token, salt=_salt(kind))
        except signing.BadSignature:
            continue
        if not isinstance(pk, int):
            return None
        user = User.objects.filter(pk=pk, is_active=True).first()
        return (user, kind) if user is not None else None
    return None


def off_url(user: User, kind: MailKind) -> str:
    """The absolute one-click link, in the recipient's language (the page answers in it)."""
    with translation.override(user.preferred_language):
        return settings.SITE_URL + reverse("accounts:mail_off", args=[off_token(user, kind)])


def wants(user: User, kind: MailKind) -> bool:
    return bool(getattr(user, kind.field))


def set_wanted(user: User, kind: MailKind, wanted: bool) -> None:
    if wants(user, kind) != wanted:
        setattr(user, kind.field, wanted)
        user.save(update_fields=[kind.field])


def send_member_mail(
    *,
    recipient: User,
    kind: MailKind,
    template: str,
    context: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
) -> bool:
    """Send `template` (a family in templates/email/, with an HTML part) to `recipient` in their
    language, with the one-click link for `kind`; nothing when they turned `kind` off.

    Returns whether it was sent. Reads the preference from the database, not from `recipient`,
    which may have been loaded before they clicked the link.
    """
    wanted = User.objects.filter(pk=recipient.pk, is_active=True, **{kind.field: True}).exists()
    if not wanted:
        return False
    send_templated_email(
        to=recipient.email,
        language=recipient.preferred_language,
        template=template,
        context=context,
        unsubscribe_url=off_url(recipient, kind),
    )
    return True
