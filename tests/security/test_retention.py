"""purge_expired: expired sessions, contact imports past a day, coach access-log rows past 90 days,
log-in records past 30 days."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from accounts.models import AccessKind, CoachAccessLog
from accounts.models.tracker import ContactImport
from accounts.tracker.transfers.importing import PENDING_MAX_AGE

pytestmark = pytest.mark.django_db


def _session(expires_in_days, **data):
    store = SessionStore()
    store.update(data)
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(days=expires_in_days)
    )
    return store.session_key


def _aged(model, days, **fields):
    row = model.objects.create(**fields)
    model.objects.filter(pk=row.pk).update(
        **{
            "attempt_time" if model is not CoachAccessLog else "viewed_at": (
                timezone.now() - datetime.timedelta(days=days)
            )
        }
    )
    return row


def _axes_fields(**extra):
    return {"user_agent": "pytest", "ip_address": "192.0.2.1", "username": "alice@example.com",
            "http_accept": "*/*", "path_info": "/en/accounts/login/", **extra}  # fmt: skip


def test_it_purges_what_has_expired_and_keeps_the_rest(alice, bob, capsys):
    expired = _session(-1)
    live = _session(7)
    # A contact import older than any preview may be goes; a fresh one stays.
    ContactImport.objects.create(owner=alice, pending={"id": "x"}, updated_at=timezone.now() - PENDING_MAX_AGE * 2)
    fresh_import = ContactImport.objects.create(owner=bob, result={"rows": []})
    _aged(CoachAccessLog, 91, coach=bob, member=alice, what=AccessKind.OVERVIEW)
    recent_view = _aged(CoachAccessLog, 89, coach=bob, member=alice, what=AccessKind.OVERVIEW)
    attempt = _axes_fields(get_data="", post_data="", failures_since_start=1)
    old_records = [
        _aged(AccessAttempt, 31, **attempt),
        _aged(AccessFailureLog, 31, **_axes_fields()),
        _aged(AccessLog, 31, **_axes_fields()),
    ]
    new_records = [
        _aged(AccessAttempt, 29, **{**attempt, "user_agent": "other"}),
        _aged(AccessFailureLog, 29, **_axes_fields()),
        _aged(AccessLog, 29, **_axes_fields()),
    ]

    call_command("purge_expired")

    assert capsys.readouterr().out.strip() == (
        "purge_expired: sessions=1, contact_imports=1, coach_access_log=1, login_records=3"
    )
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert not Session.objects.filter(session_key=expired).exists()
    assert list(ContactImport.objects.values_list("pk", flat=True)) == [fresh_import.pk]
    assert list(CoachAccessLog.objects.values_list("pk", flat=True)) == [recent_view.pk]
    for row in old_records:
        assert not type(row).objects.filter(pk=row.pk).exists()
    for row in new_records:
        assert type(row).objects.filter(pk=row.pk).exists()


def test_running_it_twice_deletes_nothing_more(capsys):
    call_command("purge_expired")
    call_command("purge_expired")
    assert capsys.readouterr().out.strip().splitlines()[-1] == (
        "purge_expired: sessions=0, contact_imports=0, coach_access_log=0, login_records=0"
    )


def test_the_axes_retention_follows_the_setting(settings, alice):
    settings.AXES_RECORD_RETENTION_DAYS = 5
    row = _aged(AccessLog, 6, **_axes_fields())
    call_command("purge_expired")
    assert not AccessLog.objects.filter(pk=row.pk).exists()
