"""An editor cannot tell from the admin whether an id exists that they may not see
(rookie/lib/admin_access.py): for every registered model, each per-object page answers a missing id
exactly as it answers an existing object the editor may not see or change."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from accounts.models import CalendarFeed, CoachAccessLog, ReminderLog, User
from accounts.models.coaching import AccessKind
from accounts.roles import make_editor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MISSING_ID = 987654321


def _view(model_admin):
    return model_admin.has_view_or_change_permission


def _change(model_admin):
    return model_admin.has_change_permission


def _delete(model_admin):
    return model_admin.has_delete_permission


# (method, URL, the permission the page needs): "view on site" is the admin's /admin/r/ redirect.
PAGES = [
    ("GET", "{changelist}{pk}/change/", _view),
    ("POST", "{changelist}{pk}/change/", _change),
    ("GET", "{changelist}{pk}/delete/", _delete),
    ("POST", "{changelist}{pk}/delete/", _delete),
    ("GET", "{changelist}{pk}/history/", _view),
    ("GET", "/admin/r/{content_type}/{pk}/", _view),
]


def _rows_the_demo_lacks(user):
    """One row of each registered model that the demo data does not create."""
    ReminderLog.objects.create(owner=user, sent_on=timezone.localdate())
    CalendarFeed.objects.get_or_create(owner=user)
    CoachAccessLog.objects.create(
        coach=User.objects.filter(role=User.Role.COACH).first(), member=user, what=AccessKind.OVERVIEW
    )
    fields = {"user_agent": "test", "ip_address": "127.0.0.1", "username": user.email, "http_accept": "*/*"}
    AccessAttempt.objects.create(**fields, path_info="/", get_data="", post_data="", failures_since_start=1)
    AccessLog.objects.create(**fields, path_info="/")
    AccessFailureLog.objects.create(**fields, path_info="/")


@pytest.fixture
def seeded_editor(client):
    call_command("seed_demo", force=True, stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123 (discarded output)
    _rows_the_demo_lacks(User.objects.get(email="member@demo.rookie.test"))
    editor = UserFactory(email="probing-editor@example.com")
    make_editor(editor)
    client.force_login(editor)
    return client


def _answer(client, method, url):
    response = client.get(url) if method == "GET" else client.post(url, {})
    return response.status_code, response.get("Location")


def test_every_per_object_admin_page_answers_alike_for_a_missing_and_a_hidden_object(seeded_editor, rf):
    request = rf.get("/admin/")
    request.user = User.objects.get(email="probing-editor@example.com")
    checked, differences = 0, []
    for model, model_admin in admin.site._registry.items():
        existing = model._default_manager.order_by("pk").first()
        assert existing is not None, f"{model._meta.label}: add a row in _rows_the_demo_lacks, or it is not checked"
        changelist = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        content_type = ContentType.objects.get_for_model(model).pk
        for method, template, permission in PAGES:
            if permission(model_admin)(request, existing):
                continue  # the editor may use this page on this object: a missing one may differ
            present, missing = (
                _answer(seeded_editor, method, template.format(changelist=changelist, content_type=content_type, pk=pk))
                for pk in (existing.pk, MISSING_ID)
            )
            checked += 1
            if present != missing:
                differences.append(f"{method} {template} of {model._meta.label}: {present}, a missing id {missing}")
    assert not differences, "\n".join(differences)
    assert checked > 50  # most models and pages are out of an editor's reach
