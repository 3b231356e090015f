"""Coaching: a member shares their progress with a career coach, who reviews it and gives feedback.

Nothing is shared until a CoachGrant is ACTIVE, and a grant only becomes active with the member's
agreement: a grant the member created is their agreement (the coach then accepts it); a coach's
invitation waits for the member to accept it and choose the scope. Every coach view looks the
grant up again on every request, so a revocation or a narrower scope takes effect at once.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models.tracker import Contact, FollowUp, Goal, GoalKind

# The member sees what their coaches viewed over this many days; older rows are purged.
ACCESS_LOG_RETENTION_DAYS = 90


class GrantScope(models.TextChoices):
    PROGRESS = "progress", _("Progress")
    FULL = "full", _("Progress and contacts")


class GrantStatus(models.TextChoices):
    AWAITING_COACH = "awaiting_coach", _("Waiting for the coach to accept")
    AWAITING_MEMBER = "awaiting_member", _("Waiting for the member to accept")
    ACTIVE = "active", _("Active")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Ended")


# A grant in one of these states blocks a second invitation between the same two people.
OPEN_STATUSES = [GrantStatus.AWAITING_COACH, GrantStatus.AWAITING_MEMBER, GrantStatus.ACTIVE]
ENDED_STATUSES = [GrantStatus.DECLINED, GrantStatus.REVOKED]


class CoachGrantQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=GrantStatus.ACTIVE)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def pending(self):
        return self.filter(status__in=[GrantStatus.AWAITING_COACH, GrantStatus.AWAITING_MEMBER])


class CoachGrant(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="coach_grants"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coach"), on_delete=models.CASCADE, related_name="client_grants"
    )
    scope = models.CharField(
        _("what you share"), max_length=10, choices=GrantScope.choices, default=GrantScope.PROGRESS
    )
    status = models.CharField(_("status"), max_length=16, choices=GrantStatus.choices)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    # When the grant was declined or ended (by the member, or a coach withdrawing an invitation).
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    objects = CoachGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching grant")
        verbose_name_plural = _("coaching grants")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=GrantScope.values), name="accounts_coachgrant_scope_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=GrantStatus.values), name="accounts_coachgrant_status_valid"
            ),
            models.CheckConstraint(condition=~models.Q(member=models.F("coach")), name="accounts_coachgrant_not_self"),
            models.CheckConstraint(
                condition=~models.Q(status=GrantStatus.ACTIVE) | models.Q(accepted_at__isnull=False),
                name="accounts_coachgrant_active_accepted",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=ENDED_STATUSES) | models.Q(ended_at__isnull=False),
                name="accounts_coachgrant_ended_dated",
            ),
            # At most one invitation or grant in force between two people; ended ones are history.
            models.UniqueConstraint(
                fields=["member", "coach"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="accounts_coachgrant_one_open_per_pair",
            ),
        ]
        indexes = [
            # Every coach request: the coach's active grant for one client; the coach page: all of them.
            models.Index(fields=["coach", "status"], name="accounts_coachgrant_coach"),
            # The member's sharing page: their grants and invitations.
            models.Index(fields=["member", "status"], name="accounts_coachgrant_member"),
        ]

    def __str__(self):
        return f"{self.member} → {self.coach} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status == GrantStatus.ACTIVE

    @property
    def is_full(self):
        return self.scope == GrantScope.FULL


class CoachComment(models.Model):
    """A note between a coach and a member: general or about one goal; replies hang off a top comment."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_comments_received"
    )
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_comments_given")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Deleting the goal keeps the conversation (as a general note) rather than losing it silently.
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("about the goal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coach_comments",
    )
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("coach comment")
        verbose_name_plural = _("coach comments")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author=models.F("member")) | models.Q(author=models.F("coach")),
                name="accounts_coachcomment_author_is_party",
            ),
            models.CheckConstraint(
                condition=~models.Q(member=models.F("coach")), name="accounts_coachcomment_not_self"
            ),
        ]
        indexes = [
            # The member's sharing page and dashboard: their newest comments.
            models.Index(fields=["member", "-created_at"], name="accounts_coachcomment_member"),
            # The client page: the conversation between one coach and one member.
            models.Index(fields=["coach", "member", "created_at"], name="accounts_coachcomment_pair"),
        ]

    def __str__(self):
        return self.body[:60]

    @property
    def by_coach(self):
        return self.author_id == self.coach_id


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class GoalSuggestion(models.Model):
    """A goal a coach suggests; accepting it creates the member's Goal (services.suggestion_accept)."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goal_suggestions")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("goal"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=GoalKind.choices, default=GoalKind.CUSTOM)
    target = models.PositiveSmallIntegerField(
        _("target"), default=1, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    note = models.TextField(_("why"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    goal = models.ForeignKey(Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("suggested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("goal suggestion")
        verbose_name_plural = _("goal suggestions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values), name="accounts_goalsuggestion_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=GoalKind.values), name="accounts_goalsuggestion_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(target__gte=1, target__lte=1000), name="accounts_goalsuggestion_target_range"
            ),
            models.CheckConstraint(
                condition=models.Q(status=SuggestionStatus.PENDING, decided_at__isnull=True)
                | (~models.Q(status=SuggestionStatus.PENDING) & models.Q(decided_at__isnull=False)),
                name="accounts_goalsuggestion_decided_dated",
            ),
        ]
        indexes = [
            # The member's sharing page and dashboard: their pending suggestions, newest first.
            models.Index(fields=["member", "status", "-created_at"], name="accounts_goalsuggestion_member"),
        ]

    def __str__(self):
        return self.title


class AccessKind(models.TextChoices):
    CLIENT_LIST = "list", _("Summary in the client list")
    OVERVIEW = "overview", _("Progress: goals and follow-up statistics")
    CONTACTS = "contacts", _("Contacts and interactions")
    CONTACT = "contact", _("One contact")
    FOLLOW_UPS = "follow_ups", _("Follow-ups")
    REPORT = "report", _("Report for a period")


class CoachAccessLogQuerySet(models.QuerySet):
    def recent(self, *, now=None):
        return self.filter(viewed_at__gte=retention_cutoff(now))

    def expired(self, *, now=None):
        return self.filter(viewed_at__lt=retention_cutoff(now))


def retention_cutoff(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=ACCESS_LOG_RETENTION_DAYS)


class CoachAccessLog(models.Model):
    """One row per coach page view about a member: the member's view of what was seen, and when."""

    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_access_log")
    what = models.CharField(_("viewed"), max_length=10, choices=AccessKind.choices)
    contact = models.ForeignKey(Contact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    viewed_at = models.DateTimeField(_("when"), default=timezone.now)

    objects = CoachAccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("coach access log entry")
        verbose_name_plural = _("coach access log")
        ordering = ["-viewed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(what__in=AccessKind.values), name="accounts_coachaccesslog_what_valid"
            ),
        ]
        indexes = [
            # The member's sharing page: their log of the last 90 days, newest first.
            models.Index(fields=["member", "-viewed_at"], name="accounts_coachaccesslog_member"),
            # The purge: every row older than the retention period.
            models.Index(fields=["viewed_at"], name="accounts_coachaccesslog_age"),
        ]

    def __str__(self):
        return f"{self.coach} · {self.get_what_display()} · {self.viewed_at:%Y-%m-%d %H:%M}"


def purge_coach_access_log(*, now=None):
    """Delete access-log rows older than ACCESS_LOG_RETENTION_DAYS; returns how many went."""
    deleted, _by_model = CoachAccessLog.objects.expired(now=now).delete()
    return deleted


# --- Coaching sessions and the coach's private notes ----------------------------------------------


class CoachingSession(models.Model):
    """A meeting between a coach and a client: when, what was discussed, and the actions agreed.

    Both see the same log (the coach on the client's pages, the member on their Coaching page). It
    stays as shared history when the grant ends, like the conversation; the coach no longer sees it.
    """

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="coaching_sessions"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coach"), on_delete=models.CASCADE, related_name="+"
    )
    held_on = models.DateField(_("date of the session"))
    discussed = models.TextField(_("what was discussed"), max_length=4000)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(member=models.F("coach")), name="accounts_coachingsession_not_self"
            ),
        ]
        indexes = [
            # The coach's session log of one client, newest first (and the report's period).
            models.Index(fields=["coach", "member", "-held_on"], name="accounts_session_pair"),
            # The member's session log with all their coaches, newest first.
            models.Index(fields=["member", "-held_on"], name="accounts_session_member"),
        ]

    def __str__(self):
        return f"{self.held_on} · {self.member} · {self.coach}"


class ActionKind(models.TextChoices):
    GOAL = "goal", _("Goal")
    FOLLOW_UP = "follow_up", _("Follow-up")


class ActionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class AgreedAction(models.Model):
    """Something agreed in a session, which the member accepts in one step.

    A goal is proposed through a GoalSuggestion (`suggestion`, made with the action): accepting it
    either here or in the suggestions list creates the goal (services.suggestion_accept) and marks
    both. A follow-up becomes the member's FollowUp (`follow_up`) when accepted.
    """

    session = models.ForeignKey(
        CoachingSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="actions"
    )
    kind = models.CharField(_("kind of action"), max_length=10, choices=ActionKind.choices)
    title = models.CharField(_("agreed action"), max_length=200)
    # Goals only: what the goal counts, and how many.
    goal_kind = models.CharField(_("kind of goal"), max_length=12, choices=GoalKind.choices, default=GoalKind.CUSTOM)
    target = models.PositiveSmallIntegerField(
        _("target"), default=1, validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.PROPOSED)
    suggestion = models.OneToOneField(
        GoalSuggestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="agreed_action"
    )
    follow_up = models.ForeignKey(FollowUp, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ActionKind.values), name="accounts_agreedaction_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ActionStatus.values), name="accounts_agreedaction_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(goal_kind__in=GoalKind.values), name="accounts_agreedaction_goal_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(target__gte=1, target__lte=1000), name="accounts_agreedaction_target_range"
            ),
            # A follow-up needs the day it is due (FollowUp.due_date is required).
            models.CheckConstraint(
                condition=~models.Q(kind="follow_up") | models.Q(due_date__isnull=False),
                name="accounts_agreedaction_follow_up_due",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ActionStatus.PROPOSED, decided_at__isnull=True)
                | (~models.Q(status=ActionStatus.PROPOSED) & models.Q(decided_at__isnull=False)),
                name="accounts_agreedaction_decided_dated",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_goal(self):
        return self.kind == ActionKind.GOAL


class CoachNote(models.Model):
    """A coach's private note about a client: shown to that coach only, in the member's data export
    (their right of access), deleted when the grant ends (services.grant_revoke) or with either account."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coach"), on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="coach_notes_about"
    )
    body = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("private coach note")
        verbose_name_plural = _("private coach notes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(member=models.F("coach")), name="accounts_coachnote_not_self"),
        ]
        indexes = [
            # The coach's notes page for one client, newest first; the revocation's delete.
            models.Index(fields=["coach", "member", "-created_at"], name="accounts_coachnote_pair"),
        ]

    def __str__(self):
        return self.body[:60]
