"""Fixtures of the coaching tests beyond tests/conftest.py's people and grants: a session bob
recorded with alice, with one goal and one follow-up agreed, and private notes; and what the
e-mail tests share (the site's address, the one mail sent, its HTML part)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from accounts.coaching import services
from accounts.models import GoalKind
from accounts.models.coaching import ActionKind, CoachNote

SITE = "https://rookie.example"


@pytest.fixture
def mail_site(settings):
    """Absolute links in e-mails start with SITE."""
    settings.SITE_URL = SITE


def only_mail():
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def html_part(message):
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def session_post(*, held_on=None, discussed="We talked about the fair.", actions=(), prefix="action", rows=3) -> dict:
    """The POST of the session form: the session's fields and `rows` action rows (the given ones first)."""
    data = {
        "held_on": (held_on or timezone.localdate()).isoformat(),
        "discussed": discussed,
        f"{prefix}-TOTAL_FORMS": str(rows),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "3",
    }
    for number, action in enumerate(actions):
        for name, value in action.items():
            data[f"{prefix}-{number}-{name}"] = value
    return data


def in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def bob_session(bob_grant):
    """bob's session with alice: "Meet three new people" (a goal that counts people met) and
    "Thank Eva for the fika" (a follow-up due in two days), both waiting for alice."""
    return services.session_record(
        grant=bob_grant,
        held_on=timezone.localdate(),
        discussed="Plans for the career fair",
        actions=[
            {"kind": ActionKind.GOAL, "title": "Meet three new people", "goal_kind": GoalKind.MEET, "target": 3},
            {
                "kind": ActionKind.FOLLOW_UP,
                "title": "Thank Eva for the fika",
                "due_date": timezone.localdate() + datetime.timedelta(days=2),
            },
        ],
    )


@pytest.fixture
def bob_note(bob_grant):
    return CoachNote.objects.create(coach=bob_grant.coach, member=bob_grant.member, body="Nervous about the fair")
