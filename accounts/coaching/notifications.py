"""E-mails of the coaching feature, in the RECIPIENT's language, as text and HTML.

Links are absolute (settings.SITE_URL) and carry the recipient's language prefix, because
reverse() runs while their language is active.

Comments and suggested goals are e-mailed at most once an hour from one person to another: the
first goes out at once, and what the same person writes in the hour after that e-mail is only on
the page it links to, which always shows everything; the e-mail says so. So a coach writing ten
comments in a row sends one e-mail, not ten, and the next one after the hour is e-mailed again.
Whether a row is e-mailed follows from the rows alone (no counter that could be lost or raced).

A recorded session is e-mailed to the member every time (sessions are days apart, not minutes), with
the actions agreed in it, since they wait for the member's answer. It never carries the coach's
private notes (CoachNote), and not what was discussed either: that stays on the session log, behind
the member's log-in.

Comments, suggested goals and sessions can come again and again, so each kind can be turned off
from the mail itself with one click (accounts/mail_preferences.py adds the signed link and the
RFC 8058 headers, and skips the mail for a recipient who turned it off). A session's mail follows
the coaching suggestions preference: its agreed actions are the coach's suggestions (a goal among
them is a GoalSuggestion). Invitations and acceptances happen once per coach and member and are
always sent.
"""

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse

from accounts.mail_preferences import COACHING_COMMENTS, COACHING_SUGGESTIONS, MailKind, send_member_mail
from accounts.models import CoachComment, GoalSuggestion, GrantStatus, User
from accounts.models.coaching import CoachingSession
from rookie.lib.email import send_templated_email

EMAIL_INTERVAL = datetime.timedelta(hours=1)
# Rows looked at to decide; a longer unbroken run than this counts as starting at its oldest row.
_LOOKBACK_ROWS = 200


def _opens_an_interval(rows: QuerySet, instance: CoachComment | GoalSuggestion) -> bool:
    """Whether `instance` is e-mailed: it is the first of `rows` (one sender to one recipient)
    written at least EMAIL_INTERVAL after the last one e-mailed.

    A row after a quiet EMAIL_INTERVAL is always e-mailed, so only the run of rows since the last
    quiet interval decides; the e-mailed ones among them follow from its oldest, in order.
    """
    up_to_instance = Q(created_at__lt=instance.created_at) | Q(created_at=instance.created_at, pk__lte=instance.pk)
    newest_first = list(
        rows.filter(up_to_instance).order_by("-created_at", "-pk").values_list("created_at", flat=True)[:_LOOKBACK_ROWS]
    )
    run = newest_first[:1]
    for earlier in newest_first[1:]:
        if run[-1] - earlier >= EMAIL_INTERVAL:
            break
        run.append(earlier)
    emailed_at = run[-1]
    emailed = len(run) == 1
    for position in range(len(run) - 2, -1, -1):
        if run[position] - emailed_at >= EMAIL_INTERVAL:
            emailed_at = run[position]
            emailed = position == 0
    return emailed


def comment_is_emailed(comment: CoachComment) -> bool:
    """Whether the other party gets an e-mail about this comment (see the module's docstring)."""
    rows = CoachComment.objects.filter(
        member_id=comment.member_id, coach_id=comment.coach_id, author_id=comment.author_id
    )
    return _opens_an_interval(rows, comment)


def suggestion_is_emailed(suggestion: GoalSuggestion) -> bool:
    rows = GoalSuggestion.objects.filter(member_id=suggestion.member_id, coach_id=suggestion.coach_id)
    return _opens_an_interval(rows, suggestion)


def _send(
    *,
    recipient: User,
    template: str,
    url_name: str,
    url_kwargs: dict[str, Any] | None = None,
    fragment: str = "",
    kind: MailKind | None = None,
    **context: Any,
) -> None:
    def build() -> dict[str, Any]:
        # Built in the recipient's language, so the link carries their language prefix.
        url = f"{settings.SITE_URL}{reverse(url_name, kwargs=url_kwargs)}{fragment}"
        return {**context, "recipient": recipient, "url": url}

    if kind is not None:
        send_member_mail(recipient=recipient, kind=kind, template=f"email/{template}", context=build)
        return
    send_templated_email(
        to=recipient.email, language=recipient.preferred_language, template=f"email/{template}", context=build
    )


def send_invitation(grant):
    if grant.status == GrantStatus.AWAITING_COACH:
        # The member invited a coach: the coach accepts it on their client page.
        _send(
            recipient=grant.coach,
            template="coaching_invitation_to_coach",
            url_name="coaching:clients",
            fragment="#invitations",
            grant=grant,
            member=grant.member,
        )
    else:
        _send(
            recipient=grant.member,
            template="coaching_invitation_to_member",
            url_name="coaching:sharing",
            fragment="#coaches",
            grant=grant,
            coach=grant.coach,
        )


def send_acceptance(grant, by_coach):
    if by_coach:
        _send(
            recipient=grant.member,
            template="coaching_accepted_by_coach",
            url_name="coaching:sharing",
            fragment="#coaches",
            grant=grant,
            coach=grant.coach,
        )
    else:
        _send(
            recipient=grant.coach,
            template="coaching_accepted_by_member",
            url_name="coaching:client",
            url_kwargs={"member_id": grant.member_id},
            grant=grant,
            member=grant.member,
        )


def send_comment(comment):
    if not comment_is_emailed(comment):
        return
    thread = comment.parent_id or comment.pk
    if comment.by_coach:
        _send(
            recipient=comment.member,
            template="coaching_comment",
            kind=COACHING_COMMENTS,
            url_name="coaching:sharing",
            fragment=f"#comment-{thread}",
            comment=comment,
            author=comment.coach,
        )
    else:
        _send(
            recipient=comment.coach,
            template="coaching_comment",
            kind=COACHING_COMMENTS,
            url_name="coaching:client",
            url_kwargs={"member_id": comment.member_id},
            fragment=f"#comment-{thread}",
            comment=comment,
            author=comment.member,
        )


def send_suggestion(suggestion):
    if not suggestion_is_emailed(suggestion):
        return
    _send(
        recipient=suggestion.member,
        template="coaching_suggestion",
        kind=COACHING_SUGGESTIONS,
        url_name="coaching:sharing",
        fragment=f"#suggestion-{suggestion.pk}",
        suggestion=suggestion,
        coach=suggestion.coach,
    )


def send_session(session: CoachingSession) -> None:
    """Tell the member their coach recorded a session, listing the actions agreed in it."""
    _send(
        recipient=session.member,
        template="coaching_session",
        kind=COACHING_SUGGESTIONS,
        url_name="coaching:member_sessions",
        fragment=f"#session-{session.pk}",
        session=session,
        coach=session.coach,
        # Only the actions' own fields: the mail is about this session, not the coach's notes.
        actions=list(session.actions.order_by("pk")),
    )
