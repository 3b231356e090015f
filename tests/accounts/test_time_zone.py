"""Each user's own time zone (User.time_zone): the middleware that shows their dates and times in it
(rookie/timezones.py), the profile's choice (accounts/forms.py), the migration that gives existing
users one, and the database's check.

alice: a member (Swedish interface) who moves her zone around; editor: staff in the Editors group,
whose admin must agree with the browser's clock; the anonymous client: the server's zone.
"""

import datetime
import importlib
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.utils import timezone

from accounts.forms import ProfileForm, time_zone_choices
from accounts.models import User
from accounts.models.time_zones import DEFAULT_TIME_ZONE, TIME_ZONE_NAMES, time_zone_for_language
from rookie.timezones import UserTimeZoneMiddleware
from tests.factories import FollowUpFactory, UserFactory

pytestmark = pytest.mark.django_db

HELSINKI = "Europe/Helsinki"
PROFILE = "/en/accounts/profile/"
PROFILE_FORM = {
    "display_name": "Alice Andersson",
    "preferred_language": "sv",
    "field_of_work": "",
    "career_stage": "",
    "elevator_pitch": "",
}


def _zone_seen_by_view(user):
    """The active zone's name while a view runs for `user`, and the one after the response."""
    seen = []

    def view(request):
        seen.append(timezone.get_current_timezone_name())
        return HttpResponse("ok")

    request = RequestFactory().get("/")
    request.user = user
    UserTimeZoneMiddleware(view)(request)
    return seen[0], timezone.get_current_timezone_name()


# --- The middleware ---------------------------------------------------------------------------------


def test_it_activates_the_signed_in_users_zone_and_deactivates_it_after(alice):
    alice.time_zone = HELSINKI
    during, after = _zone_seen_by_view(alice)
    assert during == HELSINKI
    assert after == settings.TIME_ZONE


def test_it_keeps_the_servers_zone_for_an_anonymous_visitor():
    during, after = _zone_seen_by_view(AnonymousUser())
    assert during == settings.TIME_ZONE == "Europe/Stockholm"
    assert after == settings.TIME_ZONE


def test_a_zone_that_does_not_load_falls_back_to_the_servers(alice):
    # The constraint keeps such a name out of the database; a row changed behind its back must
    # still not break every page.
    alice.time_zone = "Mars/Olympus_Mons"
    assert _zone_seen_by_view(alice) == (settings.TIME_ZONE, settings.TIME_ZONE)


def test_a_failing_view_leaves_no_zone_behind(alice):
    alice.time_zone = HELSINKI
    request = RequestFactory().get("/")
    request.user = alice

    def view(request):
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError):
        UserTimeZoneMiddleware(view)(request)
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE


def test_a_streamed_response_is_rendered_in_the_users_zone(alice):
    # The contacts export streams its rows after the view has returned.
    alice.time_zone = HELSINKI
    request = RequestFactory().get("/")
    request.user = alice

    def view(request):
        return StreamingHttpResponse(timezone.get_current_timezone_name().encode() for _ in range(2))

    response = UserTimeZoneMiddleware(view)(request)
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE
    assert b"".join(response.streaming_content) == HELSINKI.encode() * 2
    assert timezone.get_current_timezone_name() == settings.TIME_ZONE


# --- Pages ----------------------------------------------------------------------------------------


def _admin_offset(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    (offset,) = re.findall(r'data-admin-utc-offset="(-?\d+)"', response.content.decode())
    return int(offset)


def _offset_now(zone):
    return int(datetime.datetime.now(ZoneInfo(zone)).utcoffset().total_seconds())


def test_the_admin_tells_the_browser_the_editors_own_offset(editor, editor_client):
    # DateTimeShortcuts.js warns "You are N hours behind server time" when this offset differs from
    # the browser's; for an editor in Helsinki it is Helsinki's (7200 in winter, 10800 in summer).
    editor.time_zone = HELSINKI
    editor.save(update_fields=["time_zone"])
    assert _admin_offset(editor_client) == _offset_now(HELSINKI)
    editor.time_zone = "Europe/Stockholm"
    editor.save(update_fields=["time_zone"])
    assert _admin_offset(editor_client) == _offset_now("Europe/Stockholm") == _offset_now(HELSINKI) - 3600


# 22:30 UTC on a winter evening: still 14 January in Stockholm (23:30), already 15 January in
# Helsinki (00:30).
EVENING = datetime.datetime(2026, 1, 14, 22, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize(("zone", "overdue"), [(HELSINKI, True), ("Europe/Stockholm", False)])
def test_today_on_the_tracker_is_the_users_today(alice, alice_client, zone, overdue):
    alice.time_zone = zone
    alice.save(update_fields=["time_zone"])
    FollowUpFactory(owner=alice, title="Thank Maria", due_date=datetime.date(2026, 1, 14))
    with mock.patch("django.utils.timezone.now", return_value=EVENING):
        response = alice_client.get("/en/me/follow-ups/")
    assert response.status_code == 200
    assert response.context["today"] == EVENING.astimezone(ZoneInfo(zone)).date()
    assert ("tr-badge-overdue" in response.content.decode()) is overdue


def test_a_time_on_a_page_is_in_the_users_zone(alice, alice_client):
    # The interaction form offers today's date: in Helsinki that is already the next day.
    alice.time_zone = HELSINKI
    alice.save(update_fields=["time_zone"])
    with mock.patch("django.utils.timezone.now", return_value=EVENING):
        response = alice_client.get("/en/me/interactions/add/")
    assert response.status_code == 200
    assert 'value="2026-01-15"' in response.content.decode()


# --- The profile ----------------------------------------------------------------------------------


def test_it_saves_a_valid_zone(alice, alice_client):
    response = alice_client.post(PROFILE, {**PROFILE_FORM, "time_zone": "America/New_York"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.time_zone == "America/New_York"


@pytest.mark.parametrize(
    "value",
    [
        "Mars/Olympus_Mons",
        "europe/helsinki",  # IANA names are case-sensitive, and the constraint compares exactly
        "US/Eastern",  # a legacy alias, not offered
        "Europe/Helsinki" + "x" * 100,
        "<script>alert(1)</script>",
        "Europe/Malmö🙂",
        "../../etc/passwd",
    ],
)
def test_it_refuses_an_invalid_zone_with_a_form_error(alice, alice_client, value):
    response = alice_client.post(PROFILE, {**PROFILE_FORM, "time_zone": value, "field_of_work": "Bridges"})
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.time_zone == DEFAULT_TIME_ZONE
    assert alice.field_of_work == ""


def test_a_form_without_the_field_keeps_the_zone(alice, alice_client):
    alice.time_zone = HELSINKI
    alice.save(update_fields=["time_zone"])
    response = alice_client.post(PROFILE, {**PROFILE_FORM, "field_of_work": "Bridges"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.time_zone, alice.field_of_work) == (HELSINKI, "Bridges")


def test_the_profile_page_offers_the_nordic_cities_first_in_the_pages_language(alice_client):
    text = alice_client.get("/sv/accounts/profile/").content.decode()
    select = text[text.index('name="time_zone"') :]
    select = select[: select.index("</select>")]
    assert re.search(r"<label[^>]*for=\"id_time_zone\"", text)
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', select)
    assert options[:3] == [
        ("Europe/Stockholm", "Stockholm"),
        ("Europe/Copenhagen", "Köpenhamn"),
        ("Europe/Helsinki", "Helsingfors"),
    ]
    assert 'value="Europe/Stockholm" selected' in select
    assert ("Europe/Vienna", "Österrike (Wien)") in options
    # Every zone the constraint allows is offered once, and nothing else.
    assert sorted(value for value, _label in options) == sorted(TIME_ZONE_NAMES)


@pytest.mark.parametrize(
    ("language", "cities"),
    [
        ("fi", ["Tukholma", "Kööpenhamina", "Helsinki"]),
        ("da", ["Stockholm", "København", "Helsinki"]),
        ("en", ["Stockholm", "Copenhagen", "Helsinki"]),
    ],
)
def test_the_nordic_cities_are_named_in_each_language(language, cities):
    assert [label for _zone, label in time_zone_choices(language)[:3]] == cities


def test_the_other_zones_follow_the_languages_alphabet():
    # Swedish sorts Å, Ä, Ö after Z; Danish Æ, Ø, Å.
    sv = [label for _zone, label in time_zone_choices("sv")[3][1]]
    da = [label for _zone, label in time_zone_choices("da")[3][1]]
    assert sv.index("Zimbabwe (Harare)") < sv.index("Åland (Mariehamn)") < sv.index("Österrike (Wien)")
    assert da.index("Zimbabwe (Harare)") < da.index("Østrig (Wien)") < da.index("Åland (Mariehamn)")
    assert sv.index("Tyskland (Berlin)") < sv.index("USA (Chicago)") < sv.index("USA (New York)")


def test_the_form_alone_refuses_a_zone_not_offered(alice):
    form = ProfileForm({**PROFILE_FORM, "time_zone": "Etc/GMT+5"}, instance=alice)
    assert not form.is_valid()
    assert form.errors["time_zone"]


# --- The model, the migration and the database --------------------------------------------------


def test_a_new_user_starts_in_the_servers_zone():
    assert UserFactory().time_zone == "Europe/Stockholm" == DEFAULT_TIME_ZONE


@pytest.mark.parametrize(
    ("language", "zone"),
    [("fi", "Europe/Helsinki"), ("da", "Europe/Copenhagen"), ("sv", "Europe/Stockholm"), ("en", "Europe/Stockholm")],
)
def test_a_sign_up_language_suggests_a_zone(language, zone):
    assert time_zone_for_language(language) == zone


def test_every_allowed_zone_loads():
    for name in TIME_ZONE_NAMES:
        ZoneInfo(name)


def test_the_database_refuses_a_zone_that_is_not_allowed(alice):
    # Anything that bypasses the form (an update, a script, the shell) meets the check constraint.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=alice.pk).update(time_zone="Mars/Olympus_Mons")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=alice.pk).update(time_zone="")
    User.objects.filter(pk=alice.pk).update(time_zone="Pacific/Auckland")
    alice.refresh_from_db()
    assert alice.time_zone == "Pacific/Auckland"


def test_the_migrations_data_step_follows_the_language():
    migration = importlib.import_module("accounts.migrations.0008_time_zone")
    users = {language: UserFactory(preferred_language=language) for language in ("sv", "da", "fi", "en")}
    migration.set_from_language(django_apps, None)
    zones = dict(
        User.objects.filter(pk__in=[u.pk for u in users.values()]).values_list("preferred_language", "time_zone")
    )
    assert zones == {
        "sv": "Europe/Stockholm",
        "da": "Europe/Copenhagen",
        "fi": "Europe/Helsinki",
        "en": "Europe/Stockholm",
    }


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_users_a_zone():
    # Back to before the field, users as they were, then forward again: all the way, so that the
    # tests after this one in the same process find every later migration's tables and columns.
    before = ("accounts", "0007_first_steps_hidden")
    call_command("migrate", *before, verbosity=0)
    try:
        OldUser = MigrationExecutor(connection).loader.project_state(before).apps.get_model("accounts", "User")
        for language in ("sv", "da", "fi", "en"):
            OldUser.objects.create(email=f"{language}@example.com", display_name=language, preferred_language=language)
    finally:
        call_command("migrate", verbosity=0)
    assert dict(User.objects.values_list("preferred_language", "time_zone")) == {
        "sv": "Europe/Stockholm",
        "da": "Europe/Copenhagen",
        "fi": "Europe/Helsinki",
        "en": "Europe/Stockholm",
    }
