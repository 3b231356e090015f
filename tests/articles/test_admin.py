"""The guide admin: editors (the Editors group, staff, not superusers) write, translate and publish."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.roles import EDITORS_GROUP
from articles.models import Article, Status
from tests.articles.images import SVG, image_bytes, upload
from tests.factories import ArticleFactory, article_in

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"
ADD = "admin:articles_article_add"


def _change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def _form_data(**overrides):
    data = {
        "title_en": "Coffee chats",
        "slug_en": "",
        "description_en": "Short and useful.",
        "body_en": "## Why\n\nBecause.",
        "keywords_en": "coffee, networking",
        **{
            f"{name}_{code}": ""
            for name in ("title", "slug", "description", "body", "keywords")
            for code in ("sv", "da", "fi")
        },
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "category": "",
        "author_name": "Rookie",
        "key": "",
        "image_url": "",
    }
    data.update(overrides)
    return data


def test_it_gives_the_editors_group_the_guide_permissions_on_a_fresh_database():
    group = Group.objects.get(name=EDITORS_GROUP)
    codenames = set(group.permissions.filter(content_type__app_label="articles").values_list("codename", flat=True))
    assert codenames == {
        f"{action}_{model}" for model in ("article", "category") for action in ("add", "change", "delete", "view")
    }


def test_it_grants_them_again_after_a_flush():
    from django.apps import apps

    from articles.permissions import grant_editor_permissions

    Group.objects.all().delete()
    Permission.objects.filter(content_type__app_label="articles").delete()
    grant_editor_permissions(apps)
    group = Group.objects.get(name=EDITORS_GROUP)
    assert group.permissions.filter(codename="change_article").exists()


def test_it_lets_an_editor_who_is_not_a_superuser_work(editor, editor_client):
    assert not editor.is_superuser
    article = ArticleFactory()
    assert editor_client.get(reverse(CHANGELIST)).status_code == 200
    assert editor_client.get(reverse(ADD)).status_code == 200
    assert editor_client.get(_change(article)).status_code == 200


def test_it_keeps_members_out_of_the_admin(alice_client):
    response = alice_client.get(reverse(CHANGELIST))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_it_has_a_tab_per_language_and_a_live_preview_that_works_offline(editor_client, settings):
    html = editor_client.get(reverse(ADD)).content.decode()
    # jQuery UI from our static files, not a CDN (the admin must work offline and under the CSP).
    assert "/static/vendor/jquery-ui/jquery-ui" in html
    assert "ajax.googleapis.com" not in html and "//cdn" not in html
    assert "tabbed_translation_fields" in html
    for code in ("en", "sv", "da", "fi"):
        assert f'name="body_{code}"' in html
    assert html.count('class="markdownx-preview"') == 4
    # Each body previews in its own language, through the writing desk's admin URL (articles/desk.py).
    preview = reverse("admin:articles_article_desk_preview")
    for code in ("en", "sv", "da", "fi"):
        assert f'data-markdownx-urls-path="{preview}?language={code}"' in html
    assert f'data-markdownx-upload-urls-path="{settings.MARKDOWNX_UPLOAD_URLS_PATH}"' in html
    # Every script is a file: the CSP forbids inline scripts, in the admin too.
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all("src=" in tag for tag in scripts)


def test_it_creates_a_guide_and_fills_in_slug_identifier_and_reading_time(editor_client):
    response = editor_client.post(reverse(ADD), _form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.slug_en == "coffee-chats" and article.key == "coffee-chats"
    assert article.reading_minutes_en == 1
    assert article.languages == ["en"]


def test_it_publishes_now_when_no_time_is_given(editor_client):
    response = editor_client.post(reverse(ADD), _form_data(status=Status.PUBLISHED))
    assert response.status_code == 302
    assert Article.objects.get().is_public


def test_it_schedules_a_guide_for_a_future_time(editor_client):
    response = editor_client.post(
        reverse(ADD), _form_data(status=Status.PUBLISHED, published_at_0="2099-01-01", published_at_1="09:00")
    )
    assert response.status_code == 302
    assert Article.objects.get().is_scheduled


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title_en": "", "body_en": ""}, None),  # no language at all
        ({"title_en": ""}, "title_en"),
        ({"body_en": "   "}, "body_en"),
        ({"title_sv": "Bara en titel"}, "body_sv"),
        ({"slug_en": "has spaces"}, "slug_en"),
        ({"title_en": "x" * 201}, "title_en"),
        ({"body_en": "nul \x00 byte"}, "body_en"),
        ({"image_url": "javascript:alert(1)"}, "image_url"),
        ({"image_url": "http://example.com/a.png"}, "image_url"),
        ({"status": "bogus"}, "status"),
        ({"published_at_0": "not a date", "published_at_1": "12:00"}, "published_at"),
    ],
)
def test_it_refuses_bad_input_with_a_form_error(editor_client, overrides, field):
    response = editor_client.post(reverse(ADD), _form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors
    if field:
        assert field in errors
    assert not Article.objects.exists()


def test_it_refuses_a_slug_another_guide_uses_in_any_language(editor_client):
    article_in(["sv"], key="taken", slug_sv="taken-slug")
    response = editor_client.post(reverse(ADD), _form_data(slug_en="taken-slug"))
    assert response.status_code == 200
    assert "slug_en" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1


def test_it_takes_unicode_and_html_as_text(editor_client):
    response = editor_client.post(
        reverse(ADD), _form_data(title_en="Åäö æøå 🎉 <b>bold</b>", body_en="<script>alert(1)</script> ✨")
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug_en == "aao-aeoa-bbold" or article.slug_en.startswith("aao")


def test_it_checks_an_uploaded_cover_image(editor_client, media_root):
    response = editor_client.post(reverse(ADD), {**_form_data(), "cover_image": upload("cover.svg", SVG)})
    assert response.status_code == 200
    assert "cover_image" in response.context["adminform"].form.errors
    response = editor_client.post(
        reverse(ADD), {**_form_data(), "cover_image": upload("cover.gif", image_bytes("PNG"))}
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.cover_image.name.startswith("guides/covers/") and article.cover_image.name.endswith(".png")


def test_it_refuses_an_upload_and_an_address_together(editor_client, media_root):
    data = {**_form_data(image_url="https://example.com/a.png"), "cover_image": upload("c.png", image_bytes("PNG"))}
    response = editor_client.post(reverse(ADD), data)
    assert response.status_code == 200
    assert "image_url" in response.context["adminform"].form.errors


def test_it_lists_languages_and_filters_by_them(editor_client):
    article_in(["en", "sv"], key="two", title_en="Two languages")
    article_in(["fi"], key="one", title_fi="Yksi kieli")
    html = editor_client.get(reverse(CHANGELIST)).content.decode()
    assert "EN · SV" in html and ">FI<" in html
    html = editor_client.get(reverse(CHANGELIST), {"version": "no-fi"}).content.decode()
    assert "Two languages" in html and "Yksi kieli" not in html
    html = editor_client.get(reverse(CHANGELIST), {"version": "has-fi"}).content.decode()
    assert "Two languages" not in html


def test_it_searches_titles_in_every_language(editor_client):
    article_in(["da"], key="dansk", title_da="Netværk på dansk")
    html = editor_client.get(reverse(CHANGELIST), {"q": "Netværk"}).content.decode()
    assert "Netværk på dansk" in html
    # Any case of a Nordic letter (rookie/lib/lookups.py), on SQLite as on PostgreSQL.
    assert "Netværk på dansk" in editor_client.get(reverse(CHANGELIST), {"q": "NETVÆRK"}).content.decode()


def test_it_publishes_and_unpublishes_with_actions(editor_client):
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(draft=True)
    scheduled.published_at = scheduled.created_at.replace(year=scheduled.created_at.year + 1)
    scheduled.save()
    response = editor_client.post(
        reverse(CHANGELIST), {"action": "publish", "_selected_action": [draft.pk, scheduled.pk]}, follow=True
    )
    assert "2 guides published." in response.content.decode()
    draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert draft.status == Status.PUBLISHED and draft.is_public
    assert scheduled.status == Status.PUBLISHED and scheduled.is_scheduled  # its time stays
    editor_client.post(reverse(CHANGELIST), {"action": "unpublish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_it_lists_broken_internal_links_on_the_change_page(editor_client):
    ArticleFactory(key="exists", slug_en="exists")
    ArticleFactory(key="unpublished", slug_en="unpublished", draft=True)
    article = article_in(
        ["en", "sv"],
        body_en="[ok](/exists) [gone](/chamber-of-commerce)",
        body_sv="[utkast](/guides/unpublished)",
    )
    html = editor_client.get(_change(article)).content.decode()
    assert "<code>/chamber-of-commerce</code> — no guide has this slug" in html
    assert "<code>/unpublished</code> — that guide is not published yet" in html
    assert "<code>/exists</code>" not in html


def test_it_links_to_the_guide_on_the_site(editor_client):
    article = ArticleFactory()
    html = editor_client.get(_change(article)).content.decode()
    assert "View on site" in html
