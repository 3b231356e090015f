"""Editors (the Editors group: staff, not superusers) write and translate the site pages in the
admin; staff without the permissions cannot; deleting a page is a superuser's decision."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.roles import EDITORS_GROUP
from sitepages.models import SitePage
from sitepages.permissions import grant_editor_permissions

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:sitepages_sitepage_changelist")
LANGUAGES = ("en", "sv", "da", "fi")


def _change(page):
    return reverse("admin:sitepages_sitepage_change", args=[page.pk])


def _form_data(page, **overrides):
    data = {f"{name}_{code}": getattr(page, f"{name}_{code}") or "" for name in ("title", "body") for code in LANGUAGES}
    data.update(overrides)
    return data


def _editors_codenames():
    group = Group.objects.get(name=EDITORS_GROUP)
    return set(group.permissions.filter(content_type__app_label="sitepages").values_list("codename", flat=True))


def test_it_gives_the_editors_group_the_site_page_permissions_on_a_fresh_database():
    assert _editors_codenames() == {"add_sitepage", "change_sitepage", "view_sitepage"}


def test_it_grants_them_again_after_a_flush():
    # What a transactional test's flush leaves: no group, no permission rows (post_migrate runs this).
    Group.objects.all().delete()
    Permission.objects.filter(content_type__app_label="sitepages").delete()
    grant_editor_permissions(apps)
    assert _editors_codenames() == {"add_sitepage", "change_sitepage", "view_sitepage"}


def test_editors_see_the_pages_and_their_languages(editor_client):
    response = editor_client.get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    for page in SitePage.objects.all():
        assert _change(page) in html
    assert "EN · SV · DA · FI" in html


def test_the_change_page_has_a_field_per_language(editor_client):
    page = SitePage.objects.get(kind="privacy")
    response = editor_client.get(_change(page))
    assert response.status_code == 200
    html = response.content.decode()
    for code in LANGUAGES:
        assert f'name="title_{code}"' in html and f'name="body_{code}"' in html
    assert 'name="kind"' not in html  # shown, not editable


def test_an_editor_changes_a_page_in_one_language(editor_client):
    page = SitePage.objects.get(kind="contact")
    response = editor_client.post(
        _change(page), _form_data(page, title_sv="Kontakta oss", body_sv="Skriv till **oss**: info@example.se")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    page.refresh_from_db()
    assert page.body_sv == "Skriv till **oss**: info@example.se"
    assert page.kind == "contact"  # read-only once the page exists: its address stays
    assert "info@example.se" in editor_client.get("/sv/pages/contact/").content.decode()


def test_the_kind_cannot_be_changed(editor_client):
    page = SitePage.objects.get(kind="contact")
    editor_client.post(_change(page), _form_data(page, kind="privacy"))
    page.refresh_from_db()
    assert page.kind == "contact"


def test_a_title_without_a_text_is_a_form_error(editor_client):
    page = SitePage.objects.get(kind="terms")
    before = page.title_da
    response = editor_client.post(_change(page), _form_data(page, title_da="Vilkår", body_da=""))
    assert response.status_code == 200
    assert "body_da" in response.context["adminform"].form.errors
    page.refresh_from_db()
    assert page.title_da == before


def test_a_page_left_in_no_language_is_refused(editor_client):
    page = SitePage.objects.get(kind="terms")
    empty = dict.fromkeys(_form_data(page), "")
    response = editor_client.post(_change(page), empty)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert SitePage.objects.get(kind="terms").title_en


def test_editors_cannot_add_a_fourth_page_or_delete_one(editor_client):
    page = SitePage.objects.get(kind="privacy")
    assert editor_client.get(reverse("admin:sitepages_sitepage_add")).status_code == 403
    assert (
        editor_client.post(reverse("admin:sitepages_sitepage_delete", args=[page.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert SitePage.objects.filter(pk=page.pk).exists()


def test_editors_add_a_page_that_was_removed(editor_client):
    SitePage.objects.filter(kind="terms").delete()
    data = {"kind": "terms", **{f"{name}_{code}": "" for name in ("title", "body") for code in LANGUAGES}}
    data.update(title_en="Terms", body_en="Be kind.")
    response = editor_client.post(reverse("admin:sitepages_sitepage_add"), data)
    assert response.status_code == 302
    assert SitePage.objects.get(kind="terms").title_en == "Terms"


def test_staff_without_the_permissions_cannot_see_or_change_them(staff_client):
    page = SitePage.objects.get(kind="privacy")
    assert staff_client.get(CHANGELIST).status_code == 403
    assert staff_client.get(_change(page)).status_code == 403
    response = staff_client.post(_change(page), _form_data(page, title_en="Hijacked"))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title_en != "Hijacked"


def test_a_superuser_may_delete_a_page(superuser_client):
    page = SitePage.objects.get(kind="privacy")
    response = superuser_client.post(reverse("admin:sitepages_sitepage_delete", args=[page.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not SitePage.objects.filter(kind="privacy").exists()


def test_members_are_sent_to_the_admin_log_in(alice_client):
    response = alice_client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
