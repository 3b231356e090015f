"""Uploads and downloads: every way in has a size and a type limit; what goes out is sent with nosniff,
and personal downloads as attachments.

UPLOAD_FIELDS lists every FileField of every model with the check its form runs; a model that
gains a file field without one fails `test_every_file_field_of_every_model_is_checked`.
"""

import io
import time
import uuid
from unittest import mock

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from PIL import Image

from accounts.models import Contact
from articles.admin import ArticleAdminForm
from tests.articles.images import animated_gif
from tests.conftest import served_media_root
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# "app.Model.field" → the form (or endpoint) whose clean step re-encodes or refuses the upload.
UPLOAD_FIELDS = {
    "articles.Article.cover_image": "articles.admin.ArticleAdminForm.clean_cover_image → rookie.lib.images.clean_image",
    "articles.ImageAsset.file": "articles.desk.upload → rookie.lib.images.clean_image",
    "networks.Network.logo": "networks.admin.NetworkAdminForm.clean_logo → rookie.lib.images.clean_image",
}

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
HTML_AS_GIF = b"GIF89a<html><script>alert(document.cookie)</script></html>"


def _png(size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def _oversized_png():
    # A valid PNG padded past the limit: refused for its size, before Pillow is asked.
    return _png() + b"\0" * (settings.IMAGE_UPLOAD_MAX_BYTES + 1)


def test_every_file_field_of_every_model_is_checked():
    fields = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }
    assert fields == set(UPLOAD_FIELDS), (
        "A model's file field has no entry in UPLOAD_FIELDS (tests/security/test_uploads.py): give its form a "
        "clean step through rookie.lib.images.clean_image (or a size and type check) and list it: "
        + ", ".join(sorted(fields - set(UPLOAD_FIELDS)))
    )


def _cover_form(data, name):
    form = ArticleAdminForm(
        data={"key": "cover-test", "title_en": "Cover", "status": "draft"},
        files={"cover_image": SimpleUploadedFile(name, data, content_type="image/png")},
    )
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("data", "name"),
    [(SVG, "cover.svg"), (SVG, "cover.png"), (HTML_AS_GIF, "cover.gif"), (b"", "cover.png")],
)
def test_a_cover_image_must_be_a_real_image(data, name):
    assert "cover_image" in _cover_form(data, name).errors


def test_a_cover_image_has_a_size_limit():
    assert "cover_image" in _cover_form(_oversized_png(), "cover.png").errors


def test_a_cover_image_is_re_encoded_under_a_name_of_its_real_format():
    form = _cover_form(_png(), "holiday.jpg")
    assert "cover_image" not in form.errors
    cleaned = form.cleaned_data["cover_image"]
    assert cleaned.name.endswith(".png") and "holiday" not in cleaned.name


@pytest.fixture
def uploader(db):
    """A client for staff with only the permission to add guides (not a full editor)."""
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("data", [SVG, HTML_AS_GIF, b"", None])
def test_the_editor_upload_refuses_anything_but_an_image(uploader, data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    payload = {} if data is None else {"image": SimpleUploadedFile("x.png", data, content_type="image/png")}
    response = uploader.post(settings.MARKDOWNX_UPLOAD_URLS_PATH, payload)
    assert response.status_code == 400
    assert not any(tmp_path.rglob("*.*"))


def test_the_editor_upload_has_a_size_limit(uploader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("big.png", _oversized_png(), content_type="image/png")
    assert uploader.post(settings.MARKDOWNX_UPLOAD_URLS_PATH, {"image": upload}).status_code == 400
    assert not any(tmp_path.rglob("*.*"))


def test_the_import_refuses_files_over_one_megabyte_and_binary_files(alice_client, alice):
    big = SimpleUploadedFile("contacts.csv", b"First Name,Last Name\r\n" + b"a" * (1024 * 1024), "text/csv")
    binary = SimpleUploadedFile("contacts.csv", _png(), "text/csv")
    for upload in (big, binary):
        response = alice_client.post("/en/me/contacts/import/", {"file": upload, "format": "auto"})
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
    assert not Contact.objects.filter(owner=alice).exists()


def test_the_request_body_has_a_size_limit(alice_client):
    # Beyond DATA_UPLOAD_MAX_MEMORY_SIZE of form fields Django refuses the request outright.
    response = alice_client.post(
        "/en/accounts/profile/", {"elevator_pitch": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    )
    assert response.status_code == 400


@pytest.fixture
def served_image():
    name = f"security-tests/{uuid.uuid4().hex}.png"
    path = served_media_root() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_png())
    yield name
    path.unlink(missing_ok=True)


def test_media_is_served_with_nosniff_and_its_real_type(client, served_image):
    response = client.get(f"/{settings.MEDIA_URL.lstrip('/')}{served_image}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["../rookie/settings.py", "..%2Frookie%2Fsettings.py", "/etc/passwd", "%2e%2e/manage.py"]
)
def test_media_cannot_reach_outside_its_folder(client, path):
    response = client.get(f"/{settings.MEDIA_URL.lstrip('/')}{path}")
    assert response.status_code in (400, 404)


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/en/accounts/privacy/export/"),
        ("get", "/en/me/contacts/export/contacts.csv"),
        ("get", "/en/me/contacts/export/contacts.vcf"),
    ],
)
def test_personal_downloads_are_attachments_with_nosniff(alice_client, method, url):
    response = getattr(alice_client, method)(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_calendar_feed_is_sent_with_nosniff(client, alice):
    from accounts.tracker.transfers.calendar import feed_for

    response = client.get(f"/ics/{feed_for(alice).token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["X-Content-Type-Options"] == "nosniff"


# --- Animated decompression bombs, on every path that takes an image --------------------------


def test_the_editor_upload_refuses_an_animated_bomb_quickly(uploader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    started = time.monotonic()
    response = uploader.post(settings.MARKDOWNX_UPLOAD_URLS_PATH, {"image": _bomb()})
    assert time.monotonic() - started < 2
    assert response.status_code == 400
    assert response.json() == {"image": ["The image has too many pixels."]}
    assert not any(tmp_path.rglob("*.*"))


def test_a_cover_image_refuses_an_animated_bomb_quickly():
    started = time.monotonic()
    form = _cover_form(_bomb().read(), "cover.gif")
    assert time.monotonic() - started < 2
    assert form.errors["cover_image"] == ["The image has too many pixels."]


def _bomb():
    # 20 frames of 6000 × 6000 in about 540 KB: 720 million pixels to decode.
    return SimpleUploadedFile("party.gif", animated_gif(20, (6000, 6000)), content_type="image/gif")


# --- Storage that refuses to write -----------------------------------------------------------


def _storage_fails():
    return mock.patch.object(FileSystemStorage, "_save", side_effect=PermissionError(13, "Permission denied"))


def test_the_editor_upload_answers_json_when_storage_fails(uploader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with _storage_fails():
        response = uploader.post(settings.MARKDOWNX_UPLOAD_URLS_PATH, {"image": SimpleUploadedFile("a.png", _png())})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"image": ["The image could not be stored. Please try again later."]}


def test_the_cover_image_gets_a_form_error_when_storage_fails_and_the_edit_is_kept(settings, tmp_path):
    from accounts.roles import make_editor
    from articles.models import Article

    settings.MEDIA_ROOT = tmp_path
    user = UserFactory(email="cover-editor@example.com")
    make_editor(user)
    client = Client()
    client.force_login(user)
    data = {
        **{
            f"{name}_{code}": ""
            for name in ("title", "slug", "description", "body", "keywords")
            for code in ("en", "sv", "da", "fi")
        },
        "title_en": "Åsa's coffee chats",
        "body_en": "## Why\n\nA long text the editor must not lose.",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "category": "",
        "author_name": "",
        "key": "",
        "image_url": "",
        "cover_image": SimpleUploadedFile("cover.png", _png(), content_type="image/png"),
    }
    with _storage_fails():
        response = client.post("/admin/articles/article/add/", data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["cover_image"] == ["The image could not be stored. Please try again later."]
    page = response.content.decode()
    assert "A long text the editor must not lose." in page and "Åsa&#x27;s coffee chats" in page
    assert not Article.objects.exists()
