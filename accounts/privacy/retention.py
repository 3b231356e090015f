"""How long Rookie keeps records that are only needed for a while, and the purge that enforces it.

`python manage.py purge_expired` (daily) runs `purge_expired()`:
- sessions past their expiry (Django's clearsessions);
- contact imports (a preview waiting for confirmation, or a result) older than a pending import may
  be (PENDING_MAX_AGE, 24 hours; accounts/tracker/transfers/importing.py);
- coach access-log rows older than ACCESS_LOG_RETENTION_DAYS (90; accounts.models.coaching);
- django-axes' log-in records older than AXES_RECORD_RETENTION_DAYS (30; settings).
"""

import datetime
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

from accounts.models import purge_coach_access_log
from accounts.models.tracker import ContactImport
from accounts.tracker.transfers.importing import PENDING_MAX_AGE

DEFAULT_AXES_RECORD_RETENTION_DAYS = 30


def axes_retention_days():
    return getattr(settings, "AXES_RECORD_RETENTION_DAYS", DEFAULT_AXES_RECORD_RETENTION_DAYS)


def purge_sessions():
    """Expired sessions (what clearsessions does); returns how many went, where the store can tell."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if hasattr(store_class, "get_model_class"):
        expired = store_class.get_model_class().objects.filter(expire_date__lt=timezone.now())
        count = expired.count()
        store_class.clear_expired()
        return count
    store_class.clear_expired()  # the cache expires its own entries; file stores are swept here
    return 0


def purge_axes_records(*, now=None):
    """Log-in attempts, failures and log-in records older than the retention period."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=axes_retention_days())
    deleted = 0
    # An AccessAttempt's cool-off is minutes long: one untouched for 30 days locks nobody out.
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        _total, by_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += by_model.get(model._meta.label, 0)
    return deleted


def purge_contact_imports(*, now=None):
    """Previews and results of contact imports too old to be confirmed or looked at again."""
    cutoff = (now or timezone.now()) - PENDING_MAX_AGE
    _total, by_model = ContactImport.objects.filter(updated_at__lt=cutoff).delete()
    return by_model.get(ContactImport._meta.label, 0)


def purge_expired(*, now=None):
    """Run every purge; returns {what: rows deleted}."""
    return {
        "sessions": purge_sessions(),
        "contact_imports": purge_contact_imports(now=now),
        "coach_access_log": purge_coach_access_log(now=now),
        "login_records": purge_axes_records(now=now),
    }
