"""Daily reminder digests: follow-ups due today or overdue, and contacts the member is losing touch with.

"Today" is each member's own date, in their time zone (User.time_zone). Any number of
`send_reminders` workers may run at once, on SQLite or on PostgreSQL: they share the day's members
in batches, and a member gets one digest a day. A batch goes through three steps:

1. **Claim and compose** (one short transaction, six queries whatever the batch size and the
   members' backlogs). Pick up to `batch_size` due members with no ReminderLog row for their day,
   or only an abandoned claim (older than CLAIM_LEASE), with what their digests list and count;
   insert a claim row for each (`sent_at` empty, `claimed_by` = this worker's run id). The unique
   (member, day) constraint decides who owns a member: the insert ignores conflicts and the worker
   reads back the rows that carry its own id. On PostgreSQL the pick is
   `SELECT … FOR NO KEY UPDATE SKIP LOCKED`: a second worker skips the members the first is
   claiming instead of waiting for their row locks, and takes the next ones. SQLite has no row
   locks; its IMMEDIATE transactions (rookie/settings.py) take the write lock at BEGIN, so claims
   queue one after another and each sees the rows the one before wrote.
2. **Send** the batch through one mail connection, outside any transaction: a slow mail server
   holds no lock, and the other workers claim and send meanwhile.
3. **Record**: one UPDATE sets `sent_at` on the sent digests' rows; one DELETE drops the claims of
   the failed ones, so the next run tries those members again.

At least once, not at most once. A worker that dies between 1 and 3 leaves claims without
`sent_at`; once they are older than CLAIM_LEASE, the next run (or a worker still running) claims
those members again and sends their digests, including to the ones whose mail had gone out before
the crash, who then get a second digest that day. Recording "sent" with the claim would be at most
once, and a crash would silently lose the rest of the batch's digests for the day; a reminder twice
beats none. The lease is far longer than a batch takes to send; were a worker ever slower than
that, its batch could be claimed and sent a second time (only the worker holding a claim records
it).
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core import mail, signing
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Contact, FollowUp, ReminderLog, User
from rookie.lib.email import RenderedEmail, render_templated_email, send_templated_email

logger = logging.getLogger(__name__)

OPT_OUT_SALT = "accounts.tracker.transfers.reminders.opt-out"
# Items listed per section; the rest are counted ("and 12 more"), so a backlog makes no huge mail.
DIGEST_LIMIT = 20
# Members per batch: one claim, three queries to compose, one mail connection, one UPDATE.
BATCH_SIZE = 200
# A claim without `sent_at` older than this is a dead worker's: its members are claimed again.
# A batch of BATCH_SIZE mails takes seconds to send (a minute on a slow SMTP server).
CLAIM_LEASE = datetime.timedelta(minutes=15)


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


def _open_follow_ups(today: datetime.date) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(done_at__isnull=True, due_date__lte=today)


def _contacts_due(today: datetime.date) -> QuerySet[Contact]:
    return Contact.objects.filter(next_touch_due__lte=today)


def members_due(
    today: datetime.date, *, zones: Iterable[str] | None = None, now: datetime.datetime | None = None
) -> QuerySet[User]:
    """Active members (in `zones`, if given) with something due by `today` who have not opted out
    and have no digest for that day (sent, or claimed by a worker within CLAIM_LEASE).

    No CalendarFeed row counts as reminders on, hence exclude(...=False) rather than filter(...=True).
    """
    stale = (now or timezone.now()) - CLAIM_LEASE
    taken = ReminderLog.objects.filter(owner=OuterRef("pk"), sent_on=today).filter(
        Q(sent_at__isnull=False) | Q(claimed_at__gt=stale)
    )
    members = User.objects.filter(is_active=True)
    if zones is not None:
        members = members.filter(time_zone__in=list(zones))
    return (
        members.filter(
            Q(Exists(_open_follow_ups(today).filter(owner=OuterRef("pk"))))
            | Q(Exists(_contacts_due(today).filter(owner=OuterRef("pk"))))
        )
        .exclude(calendar_feed__reminders_enabled=False)
        .exclude(Exists(taken))
        .order_by("pk")
    )


def local_days(now: datetime.datetime) -> dict[datetime.date, list[str]]:
    """The members' time zones where the digest's hour has come, grouped by the date it is there
    at `now` (one query).

    A member's "today" is their own (User.time_zone): at 23:30 in Stockholm it is already tomorrow
    in Helsinki. The digest waits for REMINDERS_LOCAL_HOUR there, so that an hourly run does not
    wake anyone with a mail just after their midnight. A name that does not load counts in the
    server's zone, as on the site.
    """
    days: dict[datetime.date, list[str]] = {}
    names = User.objects.filter(is_active=True).order_by().values_list("time_zone", flat=True).distinct()
    for name in names:
        try:
            zone: datetime.tzinfo = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = timezone.get_default_timezone()
        local = timezone.localtime(now, zone)
        if local.hour >= settings.REMINDERS_LOCAL_HOUR:
            days.setdefault(local.date(), []).append(name)
    return days


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


def _count_of(queryset: QuerySet[Any]) -> Coalesce:
    # A correlated COUNT per member: two Count() annotations over joins would multiply each other.
    counted = queryset.filter(owner=OuterRef("pk")).order_by().values("owner").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_digest_data(members: QuerySet[User], today: datetime.date) -> QuerySet[User]:
    """`members` with what their digests list and count, in three queries however many there are:
    the members with both counts, then the first DIGEST_LIMIT follow-ups (with their contacts) and
    contacts of each member (a sliced Prefetch is one query with ROW_NUMBER() per member)."""
    # Only what a digest shows: a batch of 200 members does not carry their password hashes around.
    return (
        members.only("pk", "email", "display_name", "preferred_language")
        .annotate(
            digest_follow_up_count=_count_of(_open_follow_ups(today)),
            digest_nudge_count=_count_of(_contacts_due(today)),
        )
        .prefetch_related(
            Prefetch(
                "follow_ups",
                queryset=_open_follow_ups(today).select_related("contact").order_by("due_date", "id")[:DIGEST_LIMIT],
                to_attr="digest_follow_ups",
            ),
            Prefetch(
                "contacts",
                queryset=_contacts_due(today).order_by("next_touch_due", "id")[:DIGEST_LIMIT],
                to_attr="digest_nudges",
            ),
        )
    )


def digest_of(owner: User, today: datetime.date) -> Digest:
    """The digest of a member loaded through with_digest_data (no query)."""
    listed = owner.digest_follow_ups  # type: ignore[attr-defined]
    return Digest(
        owner=owner,
        today=today,
        overdue=[item for item in listed if item.due_date < today],
        due_today=[item for item in listed if item.due_date == today],
        nudges=owner.digest_nudges,  # type: ignore[attr-defined]
        follow_up_count=owner.digest_follow_up_count,  # type: ignore[attr-defined]
        nudge_count=owner.digest_nudge_count,  # type: ignore[attr-defined]
    )


def digest_for(owner: User, today: datetime.date) -> Digest:
    """One member's digest for `today` (three queries)."""
    return digest_of(with_digest_data(User.objects.filter(pk=owner.pk), today).get(), today)


DIGEST_TEMPLATE = "email/reminder_digest"


# (SITE_URL, language) -> the tracker's and the profile's addresses: the same in every digest of a
# language, and reverse() is a good part of composing one.
_site_links: dict[tuple[str, str], dict[str, str]] = {}


def _links() -> dict[str, str]:
    key = (settings.SITE_URL, translation.get_language())
    if key not in _site_links:
        _site_links[key] = {
            "dashboard_url": settings.SITE_URL + reverse("tracker:dashboard"),
            "profile_url": settings.SITE_URL + reverse("accounts:profile"),
        }
    return _site_links[key]


def _digest_context(digest: Digest, unsubscribe: str) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        # Built in the owner's language, so the links carry their language prefix.
        return {"digest": digest, "owner": digest.owner, "opt_out_url": unsubscribe, **_links()}

    return build


def render_digest(digest: Digest) -> RenderedEmail:
    """The digest's subject, text and HTML in the owner's language."""
    return render_templated_email(
        language=digest.owner.preferred_language,
        template=DIGEST_TEMPLATE,
        context=_digest_context(digest, opt_out_url(digest.owner)),
    )


def send_digest(digest: Digest, *, connection: Any = None) -> None:
    unsubscribe = opt_out_url(digest.owner)
    send_templated_email(
        to=digest.owner.email,
        language=digest.owner.preferred_language,
        template=DIGEST_TEMPLATE,
        context=_digest_context(digest, unsubscribe),
        # One-click unsubscribe (RFC 8058): mail programs POST to the link without opening it.
        unsubscribe_url=unsubscribe,
        connection=connection,
    )


# --- Claiming, sending and recording a batch ------------------------------------------------------


@dataclasses.dataclass
class RunResult:
    """What a run did, in numbers: a run over 100,000 members keeps no digest in memory."""

    sent: int = 0
    # E-mail addresses whose digest could not be sent (logged; their claims are dropped).
    failed: list[str] = dataclasses.field(default_factory=list)
    # Picked, but another worker claimed them first.
    taken: int = 0
    batches: int = 0
    # --dry-run: (e-mail, follow-ups, nudges) of each member who would get a digest.
    would_send: list[tuple[str, int, int]] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class _Batch:
    last_pk: int
    digests: list[Digest]
    taken: int


def _claim(
    *, today: datetime.date, zones: list[str] | None, worker: uuid.UUID, after: int, batch_size: int
) -> _Batch | None:
    """Claim up to `batch_size` due members with an id above `after` and compose their digests.

    None when no member is left. Six queries: the pick (members with their counts) and its two
    prefetches, the claims' insert, the take-over of abandoned claims, the read-back of ours.
    """
    now = timezone.now()
    with transaction.atomic():
        picked = list(
            with_digest_data(members_due(today, zones=zones, now=now).filter(pk__gt=after), today)
            # NO KEY: enough to keep other workers off these members without blocking the
            # foreign-key checks of anyone adding a follow-up for them meanwhile. OF self: lock
            # members only (PostgreSQL refuses to lock the nullable side of the feed's outer join).
            .select_for_update(skip_locked=True, no_key=True, of=("self",))[:batch_size]
        )
        if not picked:
            return None
        digests = {owner.pk: digest_of(owner, today) for owner in picked}
        ReminderLog.objects.bulk_create(
            [
                ReminderLog(
                    owner_id=pk,
                    sent_on=today,
                    sent_at=None,
                    claimed_by=worker,
                    claimed_at=now,
                    follow_up_count=digest.follow_up_count,
                    nudge_count=digest.nudge_count,
                )
                for pk, digest in digests.items()
            ],
            ignore_conflicts=True,
        )
        ReminderLog.objects.filter(
            owner_id__in=digests, sent_on=today, sent_at__isnull=True, claimed_at__lte=now - CLAIM_LEASE
        ).update(claimed_by=worker, claimed_at=now)
        ours = set(
            ReminderLog.objects.filter(owner_id__in=digests, sent_on=today, claimed_by=worker).values_list(
                "owner_id", flat=True
            )
        )
    return _Batch(
        last_pk=picked[-1].pk,
        digests=[digest for pk, digest in digests.items() if pk in ours],
        taken=len(digests) - len(ours),
    )


def _send(digests: Iterable[Digest]) -> tuple[list[Digest], list[Digest]]:
    """Send each digest through one connection; returns (sent, failed). A failure is logged and
    the others still go."""
    sent: list[Digest] = []
    failed: list[Digest] = []
    digests = list(digests)
    connection = mail.get_connection()
    try:
        connection.open()
    except Exception:
        logger.exception("No connection to the mail server for %s reminder digests", len(digests))
        return sent, digests
    try:
        for digest in digests:
            try:
                send_digest(digest, connection=connection)
            except Exception:
                logger.exception("Reminder digest for user %s failed", digest.owner.pk)
                failed.append(digest)
                _reconnect(connection)
            else:
                sent.append(digest)
    finally:
        connection.close()
    return sent, failed


def _reconnect(connection: Any) -> None:
    # After an error the SMTP session may be broken: start the rest of the batch on a fresh one.
    try:
        connection.close()
        connection.open()
    except Exception:
        logger.exception("Reconnecting to the mail server failed")


def _record(*, today: datetime.date, worker: uuid.UUID, sent: list[Digest], dropped: list[Digest]) -> None:
    """Mark the sent digests' claims as sent; delete the others', so the next run tries them again.

    Only this worker's claims: one taken over after CLAIM_LEASE is the new holder's to record.
    """
    if sent:
        ReminderLog.objects.filter(
            owner_id__in=[digest.owner.pk for digest in sent], sent_on=today, claimed_by=worker
        ).update(sent_at=timezone.now())
    if dropped:
        ReminderLog.objects.filter(
            owner_id__in=[digest.owner.pk for digest in dropped], sent_on=today, claimed_by=worker, sent_at__isnull=True
        ).delete()


def reminders_send(
    *,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
    dry_run: bool = False,
    batch_size: int = BATCH_SIZE,
) -> RunResult:
    """Send the digests that are due, a batch at a time (see the module's docstring); other workers
    may run at the same time. One member's failure is logged and does not stop the others.

    `today`: the day for every member (--date); by default each member's own date at `now`.
    """
    if today is not None:
        days: dict[datetime.date, list[str] | None] = {today: None}
    else:
        days = dict(local_days(now or timezone.now()))
    result = RunResult()
    worker = uuid.uuid4()
    for day, zones in sorted(days.items()):
        if dry_run:
            _list_due(day, zones, batch_size, result)
            continue
        after = 0
        while (batch := _claim(today=day, zones=zones, worker=worker, after=after, batch_size=batch_size)) is not None:
            result.batches += 1
            result.taken += batch.taken
            after = batch.last_pk
            # Empty only if the pick and the counts disagreed: no mail, and no record either.
            empty = [digest for digest in batch.digests if digest.is_empty]
            sent, failed = _send(digest for digest in batch.digests if not digest.is_empty)
            _record(today=day, worker=worker, sent=sent, dropped=empty + failed)
            result.sent += len(sent)
            result.failed += [digest.owner.email for digest in failed]
    return result


def _list_due(day: datetime.date, zones: list[str] | None, batch_size: int, result: RunResult) -> None:
    for owner in with_digest_data(members_due(day, zones=zones), day).iterator(chunk_size=batch_size):
        digest = digest_of(owner, day)
        if not digest.is_empty:
            result.would_send.append((owner.email, digest.follow_up_count, digest.nudge_count))
