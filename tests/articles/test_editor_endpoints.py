"""The Markdown editor's preview and upload endpoints (articles/editor_views.py), which replace
django-markdownx's own views: staff who may write guides only, sanitized, real images only."""

import json

import pytest
from django.conf import settings
from django.urls import reverse

from tests.articles.images import HTML_AS_GIF, SVG, image_bytes, upload
from tests.articles.safety import HOSTILE, active_content
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

PREVIEW = settings.MARKDOWNX_URLS_PATH
UPLOAD = settings.MARKDOWNX_UPLOAD_URLS_PATH


def test_it_serves_the_paths_the_widget_posts_to():
    assert reverse("markdownx_markdownify") == PREVIEW
    assert reverse("markdownx_upload") == UPLOAD


def test_it_never_mounts_markdownx_own_views():
    from django.urls import get_resolver

    views = {getattr(p.callback, "__module__", "") for p in get_resolver().url_patterns if hasattr(p, "callback")}
    assert "markdownx.views" not in views
    assert get_resolver().resolve(PREVIEW).func.__module__ == "articles.editor_views"


@pytest.mark.parametrize("path", [PREVIEW, UPLOAD])
def test_it_forbids_staff_without_the_guide_permissions(client, path):
    client.force_login(UserFactory(is_staff=True))
    assert client.post(path, {"content": "# hi"}).status_code == 403


def test_it_previews_markdown_for_an_editor(editor_client):
    ArticleFactory(key="follow-up", slug_en="follow-up")
    response = editor_client.post(PREVIEW, {"content": "## Hello\n\n[next](/follow-up) [gone](/nowhere)"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="md-hello">Hello</h2>' in html
    assert '<a href="/en/guides/follow-up/">next</a>' in html
    assert "gone" in html and "/nowhere" not in html


def test_it_previews_through_the_same_sanitizer(editor_client):
    for name, text in HOSTILE:
        html = editor_client.post(PREVIEW, {"content": text}).content.decode()
        assert active_content(html) == [], name


def test_it_refuses_a_huge_preview(editor_client):
    assert editor_client.post(PREVIEW, {"content": "x" * 200_001}).status_code == 400


def test_it_stores_an_uploaded_image_under_its_real_format(editor_client, media_root):
    response = editor_client.post(UPLOAD, {"image": upload("holiday.jpg", image_bytes("PNG"))})
    assert response.status_code == 200
    code = json.loads(response.content)["image_code"]
    assert code.startswith("![") and "](/media/guides/images/" in code and code.endswith(".png)")
    stored = list((media_root / "guides" / "images").iterdir())
    assert len(stored) == 1 and stored[0].suffix == ".png" and "holiday" not in stored[0].name


@pytest.mark.parametrize(
    ("name", "data"),
    [("drawing.svg", SVG), ("cat.gif", HTML_AS_GIF), ("notes.txt", "åäö 🎉".encode())],
)
def test_it_refuses_anything_but_a_real_image(editor_client, media_root, name, data):
    response = editor_client.post(UPLOAD, {"image": upload(name, data, "image/gif")})
    assert response.status_code == 400
    assert json.loads(response.content)["image"]
    assert not (media_root / "guides" / "images").exists()


def test_it_answers_400_without_a_file(editor_client):
    response = editor_client.post(UPLOAD, {})
    assert response.status_code == 400


def test_it_refuses_an_image_over_the_size_cap(editor_client, media_root, settings):
    data = image_bytes("PNG", size=(64, 64))
    settings.IMAGE_UPLOAD_MAX_BYTES = len(data) - 1
    assert editor_client.post(UPLOAD, {"image": upload("big.png", data)}).status_code == 400
