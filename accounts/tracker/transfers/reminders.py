"""Daily reminder digests: follow-ups due today or overdue, and contacts the member is losing touch with.

At most one digest per member and day: the ReminderLog row (unique owner + sent_on) is created in
the same transaction that sends the mail. A run that finds the row skips the member; a failed send
rolls the row back, so the next run tries that member again. If the mail goes out but the commit
then fails, the member may get a second digest that day: a reminder twice beats none.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse

from accounts.models import Contact, FollowUp, ReminderLog, User
from rookie.lib.email import RenderedEmail, render_templated_email, send_templated_email

logger = logging.getLogger(__name__)

OPT_OUT_SALT = "accounts.tracker.transfers.reminders.opt-out"
# Items listed per section; the rest are counted ("and 12 more"), so a backlog makes no huge mail.
DIGEST_LIMIT = 20


# --- The no-login opt-out link --------------------------------------------------------------------


def opt_out_token(user: User) -> str:
    # Signed, not stored: nothing to look up or expire. The salt keeps it from being confused with
    # any other signed value of the site.
    return signing.dumps(user.pk, salt=OPT_OUT_SALT, compress=True)


def user_for_opt_out_token(token: str) -> User | None:
    """The active user the token was made for, or None for a forged, damaged or foreign token."""
    try:
        pk = signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def opt_out_url(user: User) -> str:
    # Outside the language prefix: the page speaks the member's language, whatever the browser's.
    return settings.SITE_URL + reverse("reminders_off", args=[opt_out_token(user)])


# --- Who gets a digest, and what is in it ---------------------------------------------------------


def members_due(today: datetime.date) -> QuerySet[User]:
    """Active members with something due who have not opted out and got no digest today.

    No CalendarFeed row counts as reminders on, hence exclude(...=False) rather than filter(...=True).
    """
    due_follow_ups = FollowUp.objects.filter(done_at__isnull=True, due_date__lte=today).values("owner_id")
    due_contacts = Contact.objects.filter(next_touch_due__lte=today).values("owner_id")
    return (
        User.objects.filter(is_active=True)
        .filter(Q(pk__in=due_follow_ups) | Q(pk__in=due_contacts))
        .exclude(calendar_feed__reminders_enabled=False)
        .exclude(reminder_logs__sent_on=today)
        .order_by("pk")
    )


@dataclasses.dataclass
class Digest:
    owner: User
    today: datetime.date
    overdue: list[FollowUp]
    due_today: list[FollowUp]
    nudges: list[Contact]
    follow_up_count: int
    nudge_count: int

    @property
    def is_empty(self) -> bool:
        return not (self.follow_up_count or self.nudge_count)

    @property
    def more_follow_ups(self) -> int:
        return self.follow_up_count - len(self.overdue) - len(self.due_today)

    @property
    def more_nudges(self) -> int:
        return self.nudge_count - len(self.nudges)


def digest_for(owner: User, today: datetime.date) -> Digest:
    """The owner's digest for `today` (four queries, whatever the backlog)."""
    follow_ups = (
        FollowUp.objects.filter(owner=owner, done_at__isnull=True, due_date__lte=today)
        .select_related("contact")
        .order_by("due_date", "id")
    )
    contacts = Contact.objects.filter(owner=owner, next_touch_due__lte=today).order_by("next_touch_due", "id")
    listed = list(follow_ups[:DIGEST_LIMIT])
    return Digest(
        owner=owner,
        today=today,
        overdue=[item for item in listed if item.due_date < today],
        due_today=[item for item in listed if item.due_date == today],
        nudges=list(contacts[:DIGEST_LIMIT]),
        follow_up_count=follow_ups.count(),
        nudge_count=contacts.count(),
    )


DIGEST_TEMPLATE = "email/reminder_digest"


def _digest_context(digest: Digest) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        # Built in the owner's language, so the links carry their language prefix.
        return {
            "digest": digest,
            "owner": digest.owner,
            "dashboard_url": settings.SITE_URL + reverse("tracker:dashboard"),
            "profile_url": settings.SITE_URL + reverse("accounts:profile"),
            "opt_out_url": opt_out_url(digest.owner),
        }

    return build


def render_digest(digest: Digest) -> RenderedEmail:
    """The digest's subject, text and HTML in the owner's language."""
    return render_templated_email(
        language=digest.owner.preferred_language, template=DIGEST_TEMPLATE, context=_digest_context(digest)
    )


def send_digest(digest: Digest) -> None:
    unsubscribe = opt_out_url(digest.owner)
    send_templated_email(
        to=digest.owner.email,
        language=digest.owner.preferred_language,
        template=DIGEST_TEMPLATE,
        context=_digest_context(digest),
        headers={
            # One-click unsubscribe (RFC 8058): mail programs POST to the link without opening it.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


@dataclasses.dataclass
class RunResult:
    sent: list[Digest] = dataclasses.field(default_factory=list)
    failed: list[Digest] = dataclasses.field(default_factory=list)
    skipped: list[Digest] = dataclasses.field(default_factory=list)
    would_send: list[Digest] = dataclasses.field(default_factory=list)


def reminders_send(*, today: datetime.date, dry_run: bool = False) -> RunResult:
    """Send today's digests. One member's failure is logged and does not stop the others."""
    result = RunResult()
    for owner in members_due(today).iterator(chunk_size=200):
        digest = digest_for(owner, today)
        if digest.is_empty:
            continue
        if dry_run:
            result.would_send.append(digest)
            continue
        try:
            with transaction.atomic():
                _log, created = ReminderLog.objects.get_or_create(
                    owner=owner,
                    sent_on=today,
                    defaults={"follow_up_count": digest.follow_up_count, "nudge_count": digest.nudge_count},
                )
                if not created:
                    # Another run got here first.
                    result.skipped.append(digest)
                    continue
                send_digest(digest)
        except Exception:
            logger.exception("Reminder digest for user %s failed", owner.pk)
            result.failed.append(digest)
        else:
            result.sent.append(digest)
    return result
