"""The writing desk in the guide admin (articles/admin.py, articles/desk.py): publication state in
the list in the editor's zone, the scheduled message, previews in the previewed language, the form
opening on the source language, and the image library."""

import datetime
import json
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ImageAsset, Status
from tests.articles.images import SVG, image_bytes, upload
from tests.factories import ArticleFactory, UserFactory, article_in

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")
PREVIEW = reverse("admin:articles_article_desk_preview")
LIBRARY = reverse("admin:articles_article_desk_images")
UPLOAD = reverse("admin:articles_article_desk_upload")

# 07:00 UTC on a winter day: 08:00 in Stockholm, 09:00 in Helsinki.
IN_2030 = datetime.datetime(2030, 1, 15, 7, 0, tzinfo=datetime.UTC)


def _row(html, title):
    rows = re.findall(r"<tr.*?</tr>", html, flags=re.S)
    matching = [row for row in rows if title in row]
    assert len(matching) == 1, f"{title!r} in {len(matching)} rows"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", matching[0]))


def _change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


# --- The list and the scheduled message ---------------------------------------------------------


@pytest.mark.parametrize(("zone", "shown"), [("Europe/Helsinki", "09:00"), ("Europe/Stockholm", "08:00")])
def test_the_list_shows_a_scheduled_guide_with_its_time_in_the_editors_zone(editor, editor_client, zone, shown):
    editor.time_zone = zone
    editor.save(update_fields=["time_zone"])
    ArticleFactory(title_en="Later", status=Status.PUBLISHED, published_at=IN_2030)
    ArticleFactory(title_en="Live now")
    ArticleFactory(title_en="Not yet", draft=True)

    html = editor_client.get(CHANGELIST).content.decode()

    later = _row(html, "Later")
    assert "Scheduled" in later and "Published" not in later
    assert f"15 Jan 2030, {shown}" in later
    live = _row(html, "Live now")
    assert "Published" in live and "Scheduled" not in live
    assert re.search(r"Published \d{1,2} \w{3} \d{4}, \d\d:\d\d", live)
    assert "Draft" in _row(html, "Not yet")


def test_a_scheduled_guide_is_listed_as_published_once_its_time_has_come(editor_client):
    article = ArticleFactory(title_en="Soon", scheduled=True)
    assert "Scheduled" in _row(editor_client.get(CHANGELIST).content.decode(), "Soon")
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - datetime.timedelta(minutes=1))
    assert "Published" in _row(editor_client.get(CHANGELIST).content.decode(), "Soon")


@pytest.mark.parametrize(
    ("value", "listed"),
    [
        ("draft", {"Not yet"}),
        ("scheduled", {"Later"}),
        ("published", {"Live now"}),
        (None, {"Not yet", "Later", "Live now"}),
    ],
)
def test_the_list_filters_draft_scheduled_and_published_guides(editor_client, value, listed):
    ArticleFactory(title_en="Later", scheduled=True)
    ArticleFactory(title_en="Live now")
    ArticleFactory(title_en="Not yet", draft=True)

    response = editor_client.get(CHANGELIST, {"publication": value} if value else {})

    assert {str(article) for article in response.context["cl"].result_list} == listed


def _scheduled_post(article):
    local = timezone.localtime(IN_2030, datetime.timezone(datetime.timedelta(hours=2)))  # Helsinki in winter
    return {
        **{
            f"{name}_{code}": getattr(article, f"{name}_{code}") or ""
            for name in ("title", "slug", "description", "body")
            for code in ("en", "sv", "da", "fi")
        },
        **{f"keywords_{code}": "" for code in ("en", "sv", "da", "fi")},
        "status": Status.PUBLISHED,
        "published_at_0": local.date().isoformat(),
        "published_at_1": local.time().isoformat(),
        "category": "",
        "author_name": "Rookie",
        "key": article.key,
        "image_url": "",
        "source_language": "",
    }


# Each language's long date with the time as the locale writes it (no "a.m." anywhere).
SCHEDULED_TIMES = {
    "en": "15 January 2030, 09:00",
    "sv": "15 januari 2030 09:00",
    "da": "15. januar 2030 09:00",
    "fi": "15. tammikuuta 2030 klo 9.00",
}


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_saving_a_scheduled_guide_says_when_in_the_locales_format(editor, editor_client, language):
    editor.time_zone = "Europe/Helsinki"
    editor.save(update_fields=["time_zone"])
    article = ArticleFactory(title_en="Coffee chats", draft=True)

    response = editor_client.post(
        _change(article), _scheduled_post(article), follow=True, HTTP_ACCEPT_LANGUAGE=language
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.is_scheduled and article.published_at == IN_2030
    messages = [str(message) for message in response.context["messages"]]
    scheduled = [text for text in messages if "Coffee chats" in text and "2030" in text]
    assert len(scheduled) == 1, messages
    assert SCHEDULED_TIMES[language] in scheduled[0]
    assert ".." not in scheduled[0] and "a.m" not in scheduled[0]


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_the_scheduled_banner_on_the_guide_has_no_double_full_stop(editor_client, language):
    article = ArticleFactory(
        status=Status.PUBLISHED,
        published_at=datetime.datetime(2030, 1, 15, 8, 0, tzinfo=datetime.UTC),
        **{f"title_{language}": "Banner", f"slug_{language}": "banner"},
    )
    response = editor_client.get(f"/{language}/guides/banner/")
    assert response.status_code == 200
    banner = re.search(r'<div class="notice draft-banner".*?</div>', response.content.decode(), flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", banner.group(0)).split())
    assert "2030" in text
    assert ".." not in text and "a.m" not in text
    assert article.is_scheduled


def test_the_publication_time_says_it_is_in_the_editors_zone(editor, editor_client):
    editor.time_zone = "Europe/Helsinki"
    editor.save(update_fields=["time_zone"])
    html = editor_client.get(_change(ArticleFactory())).content.decode()
    assert "In your time zone (Europe/Helsinki)" in html


# --- Previews link within the previewed language -------------------------------------------------


def test_the_preview_of_a_swedish_body_links_to_swedish_pages(editor_client):
    article_in(["en", "sv"], key="follow-up")
    content = "[Följ upp](/guides/follow-up-sv) och [nätverken](/networks/)"

    swedish = editor_client.post(f"{PREVIEW}?language=sv", {"content": content}).content.decode()
    english = editor_client.post(f"{PREVIEW}?language=en", {"content": content}).content.decode()

    assert 'href="/sv/guides/follow-up-sv/"' in swedish
    assert 'href="/sv/networks/"' in swedish
    assert "/en/" not in swedish
    assert 'href="/en/guides/follow-up-en/"' in english
    assert 'href="/en/networks/"' in english


def test_each_body_field_previews_in_its_own_language(editor_client):
    html = editor_client.get(_change(article_in(["sv", "fi"]))).content.decode()
    for code in ("en", "sv", "da", "fi"):
        textarea = re.search(rf'<textarea[^>]*id="id_body_{code}"[^>]*>', html).group(0)
        assert f'data-markdownx-urls-path="{PREVIEW}?language={code}"' in textarea
        assert 'data-markdownx-editor-resizable="False"' in textarea  # bounded, not as long as the text


def test_the_preview_stays_staff_only(client):
    client.force_login(UserFactory(is_staff=True))  # staff without the guide permissions
    assert client.post(f"{PREVIEW}?language=sv", {"content": "hi"}).status_code == 403
    client.force_login(UserFactory())
    response = client.post(f"{PREVIEW}?language=sv", {"content": "hi"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- The form opens on the source language -------------------------------------------------------


def _source_language_attribute(html):
    return re.search(r'id="desk-languages"[^>]*data-source-language="(\w*)"', html).group(1)


def test_a_swedish_only_guide_opens_on_swedish(editor_client):
    html = editor_client.get(_change(article_in(["sv"]))).content.decode()
    assert _source_language_attribute(html) == "sv"


def test_the_form_opens_on_the_chosen_source_language(editor_client):
    article = article_in(["en", "sv", "da"], source_language="da")
    assert _source_language_attribute(editor_client.get(_change(article)).content.decode()) == "da"


def test_one_language_bar_per_form_with_every_language(editor_client):
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert html.count('id="desk-languages"') == 1
    assert _source_language_attribute(html) == "en"
    assert re.findall(r'class="button desk-language" data-language="(\w+)"', html) == ["en", "sv", "da", "fi"]
    scripts = re.findall(r'<script src="[^"]*?/(\w[\w-]*)(?:\.\w+)?\.js"', html)
    # After modeltranslation's tabs, which the bar drives.
    assert scripts.index("admin-desk") > scripts.index("tabbed_translation_fields")
    assert re.search(r'href="[^"]*/css/admin-desk(\.\w+)?\.css"', html)


def test_each_body_field_has_an_insert_image_button_and_a_hint(editor_client):
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    for code in ("en", "sv", "da", "fi"):
        assert (
            f'<button type="button" class="button desk-insert-image" data-desk-target="id_body_{code}" hidden>' in html
        )
        assert f'id="id_body_{code}-desk-hint"' in html
        assert re.search(rf'<textarea[^>]*aria-describedby="id_body_{code}-desk-hint"', html)
    assert "drag it onto the text" in html
    assert html.count("<dialog") == 1


# --- The image library ---------------------------------------------------------------------------


def _stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def test_an_upload_with_alt_text_joins_the_library(editor, editor_client, media_root):
    response = editor_client.post(
        UPLOAD, {"image": upload("team.png", image_bytes()), "alt_text": "  The team at a  fika "}
    )

    assert response.status_code == 201
    asset = ImageAsset.objects.get()
    assert (asset.alt_text, asset.uploaded_by) == ("The team at a fika", editor)
    image = response.json()["image"]
    assert image["alt"] == "The team at a fika"
    assert image["markdown"] == f"![The team at a fika]({asset.file.url})"
    assert asset.file.url.startswith("/media/guides/images/")
    assert len(_stored_files(media_root)) == 1


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_an_upload_without_alt_text_is_refused_and_nothing_is_stored(editor_client, media_root, alt_text):
    response = editor_client.post(UPLOAD, {"image": upload("team.png", image_bytes()), "alt_text": alt_text})

    assert response.status_code == 400
    assert response.json()["errors"]["alt_text"] == ["Describe the image: the alt text is required."]
    assert not ImageAsset.objects.exists()
    assert _stored_files(media_root) == []


def test_a_file_that_is_not_an_image_is_refused_by_the_image_check(editor_client, media_root):
    response = editor_client.post(UPLOAD, {"image": upload("x.svg", SVG, "image/svg+xml"), "alt_text": "A logo"})

    assert response.status_code == 400
    assert response.json()["errors"]["image"]
    assert not ImageAsset.objects.exists()
    assert _stored_files(media_root) == []


def test_an_upload_without_a_file_is_a_400(editor_client):
    response = editor_client.post(UPLOAD, {"alt_text": "A logo"})
    assert response.status_code == 400
    assert response.json()["errors"]["image"] == ["Choose an image to upload."]


def test_the_database_refuses_an_image_without_alt_text(editor):
    with pytest.raises(IntegrityError), transaction.atomic():
        ImageAsset.objects.create(file="guides/images/x.png", alt_text="", uploaded_by=editor)


def test_the_library_lists_the_newest_first_and_searches_the_alt_text(editor_client, media_root):
    for alt_text in ("Old photo of a meetup", "A handshake", "Newest meetup banner"):
        assert (
            editor_client.post(UPLOAD, {"image": upload("a.png", image_bytes()), "alt_text": alt_text}).status_code
            == 201
        )

    everything = editor_client.get(LIBRARY).json()["images"]
    assert [image["alt"] for image in everything] == ["Newest meetup banner", "A handshake", "Old photo of a meetup"]
    found = editor_client.get(LIBRARY, {"q": "MEETUP"}).json()["images"]
    assert [image["alt"] for image in found] == ["Newest meetup banner", "Old photo of a meetup"]
    assert editor_client.get(LIBRARY, {"q": "nothing like it"}).json()["images"] == []


def test_the_library_is_for_guide_writers_only(client, media_root):
    client.force_login(UserFactory())  # a member
    for response in (client.get(LIBRARY), client.post(UPLOAD, {"alt_text": "x"})):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(UserFactory(is_staff=True))  # staff without the guide permissions
    assert client.get(LIBRARY).status_code == 403
    response = client.post(UPLOAD, {"image": upload("a.png", image_bytes()), "alt_text": "x"})
    assert response.status_code == 403
    assert not ImageAsset.objects.exists()


def test_the_upload_needs_post_and_a_csrf_token(editor, media_root):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(UPLOAD).status_code == 405
    response = client.post(UPLOAD, {"image": upload("a.png", image_bytes()), "alt_text": "x"})
    assert response.status_code == 403
    assert not ImageAsset.objects.exists()
    assert json.loads(client.get(LIBRARY).content) == {"images": []}
