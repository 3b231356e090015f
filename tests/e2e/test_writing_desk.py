"""The writing desk in a browser: an editor uploads an image with "Insert image" (alt text required),
reuses it from the library in another guide, writes at the end of a long text with the preview
beside it and in view, schedules the guide and finds it listed as "Scheduled"."""

import datetime
import re

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import make_editor
from articles.models import Article, ImageAsset, Status
from tests.articles.images import image_bytes
from tests.e2e.conftest import assert_accessible, watch_for_problems
from tests.e2e.test_journey_editor import THIRD_PARTY_ADMIN_MARKUP
from tests.factories import TEST_PASSWORD, ArticleFactory, UserFactory, article_in

pytestmark = pytest.mark.django_db(transaction=True)

WIDE = {"width": 1280, "height": 800}
ALT = "Two people talking over coffee"
LONG_TEXT = "\n\n".join(
    f"## Part {n}\n\nA paragraph about meeting people, number {n}, long enough to wrap onto a second line."
    for n in range(1, 80)
)


@pytest.fixture
def uploaded_files():
    """The files the journey uploads land where the live server serves /media/ from: removed after."""
    yield
    for asset in ImageAsset.objects.all():
        default_storage.delete(asset.file.name)


def _log_in(page, live_server, editor):
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.locator("#id_username").fill(editor.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def _open(page, live_server, article):
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#desk-languages")).to_be_visible()


def _language(page, name):
    return page.locator("#desk-languages").get_by_role("button", name=name)


def _insert_image_button(page, language):
    return page.locator(f'.desk-insert-image[data-desk-target="id_body_{language}"]')


def test_an_editor_uploads_reuses_previews_and_schedules(page, live_server, uploaded_files):
    page.set_viewport_size(WIDE)
    editor = UserFactory(email="eva.editor@example.com", time_zone="Europe/Helsinki")
    make_editor(editor)
    swedish = article_in(["sv"], key="fika-guide", status=Status.DRAFT, published_at=None)
    english = ArticleFactory(title_en="Meeting people", body_en=LONG_TEXT, draft=True)
    problems = watch_for_problems(page, live_server)
    _log_in(page, live_server, editor)

    # A Swedish-only guide opens on Swedish: one bar for the form, no tab list per field.
    _open(page, live_server, swedish)
    expect(_language(page, "Swedish")).to_have_attribute("aria-pressed", "true")
    expect(_language(page, "English")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#id_body_sv")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_hidden()
    expect(page.locator(".ui-tabs-nav:visible")).to_have_count(0)
    expect(page.locator("#id_body_sv-desk-hint")).to_contain_text("drag it onto the text")
    assert_accessible(page, ignore=THIRD_PARTY_ADMIN_MARKUP)

    # Upload with the button: without alt text the dialog says so and keeps the file chosen.
    body_sv = page.locator("#id_body_sv")
    body_sv.click()
    body_sv.press("Control+End")
    _insert_image_button(page, "sv").click()
    dialog = page.get_by_role("dialog", name="Insert image")
    expect(dialog).to_be_visible()
    assert_accessible(page, ignore=THIRD_PARTY_ADMIN_MARKUP)
    dialog.get_by_label("Image file").set_input_files(
        {"name": "fika.png", "mimeType": "image/png", "buffer": image_bytes(size=(40, 30))}
    )
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog.locator(".desk-errors")).to_have_text("Describe the image: the alt text is required.")
    expect(dialog.get_by_label("Alt text (required)")).to_be_focused()
    expect(dialog.get_by_label("Alt text (required)")).to_have_attribute("aria-invalid", "true")
    assert not ImageAsset.objects.exists()
    dialog.get_by_label("Alt text (required)").fill(ALT)
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog).to_be_hidden()
    asset = ImageAsset.objects.get()
    expect(body_sv).to_have_value(re.compile(re.escape(f"![{ALT}]({asset.file.url})") + r"\n$"))
    expect(body_sv).to_be_focused()
    preview_sv = page.locator("#id_body_sv").locator("xpath=..").locator(".markdownx-preview")
    expect(preview_sv.get_by_role("img", name=ALT)).to_be_visible()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    swedish.refresh_from_db()
    assert f"![{ALT}]({asset.file.url})" in swedish.body_sv

    # Reuse it from the library in another guide, found by its alt text.
    _open(page, live_server, english)
    expect(_language(page, "English")).to_have_attribute("aria-pressed", "true")
    body_en = page.locator("#id_body_en")
    body_en.click()
    body_en.press("Control+End")
    _insert_image_button(page, "en").click()
    dialog.get_by_label("Search by alt text").fill("coffee")
    dialog.get_by_role("button", name=ALT).click()
    expect(dialog).to_be_hidden()
    expect(body_en).to_have_value(re.compile(re.escape(f"![{ALT}]({asset.file.url})") + r"\n$"))
    assert ImageAsset.objects.count() == 1  # reused, not uploaded again

    # Typing at the end of a long text: the preview is beside the textarea and in view.
    body_en.press("Control+End")
    page.keyboard.type("The closing line of a long guide.")
    preview_en = page.locator("#id_body_en").locator("xpath=..").locator(".markdownx-preview")
    expect(preview_en).to_contain_text("The closing line of a long guide.")
    text_box, preview_box = body_en.bounding_box(), preview_en.bounding_box()
    assert preview_box["x"] >= text_box["x"] + text_box["width"], (text_box, preview_box)
    assert text_box["height"] < WIDE["height"]  # bounded, not as long as the text
    assert preview_box["y"] >= 0 and preview_box["y"] + preview_box["height"] <= WIDE["height"], preview_box
    assert preview_box["x"] + preview_box["width"] <= WIDE["width"], preview_box

    # Schedule it a week ahead and find it listed as "Scheduled" with the time, in the editor's zone.
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    page.locator("#id_status").select_option("published")
    page.locator("#id_published_at_0").fill(next_week.isoformat())
    page.locator("#id_published_at_1").fill("09:00:00")
    expect(page.locator(".field-published_at")).to_contain_text("In your time zone (Europe/Helsinki)")
    # Where the browser's zone differs from the editor's, the admin adds a "behind server time" note:
    # it stays hidden, the help text names the zone instead.
    expect(page.locator(".timezonewarning:visible")).to_have_count(0)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))
    expect(page.locator(".messagelist")).to_contain_text("is scheduled: it will be published on")
    row = page.locator("#result_list tr").filter(has_text="Meeting people")
    expect(row).to_contain_text("Scheduled")
    expect(row).to_contain_text(", 09:00")
    expect(row).not_to_contain_text("Published")
    assert_accessible(page, ignore=THIRD_PARTY_ADMIN_MARKUP)
    english.refresh_from_db()
    assert english.is_scheduled
    assert timezone.localtime(english.published_at, datetime.timezone(datetime.timedelta(hours=2))).hour == 9
    assert Article.objects.get(pk=english.pk).body_en.endswith("The closing line of a long guide.")

    assert problems == []
