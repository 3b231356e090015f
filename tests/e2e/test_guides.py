"""Guides in a browser: an editor writes a translation in the admin's language tabs with the live
preview (vendored jQuery UI, no CDN, under the CSP); a reader gets a fallback on a phone."""

import re

import pytest
from playwright.sync_api import expect

from accounts.roles import make_editor
from tests.e2e.conftest import PHONE, assert_accessible, watch_for_problems
from tests.factories import TEST_PASSWORD, UserFactory, article_in

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in_to_the_admin(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(user.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_it_writes_a_translation_in_a_tab_with_a_live_preview(page, live_server):
    editor = UserFactory(email="tabs.editor@example.com")
    make_editor(editor)
    problems = watch_for_problems(page, live_server)

    _log_in_to_the_admin(page, live_server, editor)
    page.goto(live_server.url + "/admin/articles/article/add/")
    body = page.locator("#id_body_sv")
    # One language bar for the form (the writing desk drives jQuery UI's tab sets, their lists hidden).
    expect(page.locator("#desk-languages")).to_be_visible()
    expect(page.locator(".ui-tabs-nav:visible")).to_have_count(0)
    expect(body).to_be_hidden()  # English is the open language
    page.locator("#desk-languages").get_by_role("button", name="Swedish").click()
    expect(body).to_be_visible()
    body.fill("## Hej\n\nLäs [mer](/nowhere) <script>alert(1)</script>")
    preview = page.locator("#id_body_sv").locator("xpath=..").locator(".markdownx-preview")
    expect(preview.locator("h2")).to_have_text("Hej")
    assert preview.locator("script").count() == 0
    assert problems == []


def test_it_shows_a_fallback_on_a_phone(phone_page, live_server):
    article = article_in(["sv"], key="mobil", body_sv="## Del ett\n\n" + "Text att läsa. " * 40)
    phone_page.goto(live_server.url + f"/fi/guides/{article.slug_sv}/")
    expect(phone_page.locator(".fallback-notice")).to_be_visible()
    expect(phone_page.locator("article.guide")).to_have_attribute("lang", "sv")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone_page)
    phone_page.goto(live_server.url + "/fi/guides/")
    expect(phone_page.get_by_role("link", name=article.title_sv)).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(phone_page)


def test_a_finnish_reader_who_reads_english_keeps_the_english_guide_on_switching_to_finnish(
    browser, request, browser_context_args, live_server
):
    """The issue's reader: reading a guide in English, they switch to Finnish and get the English
    version (their browser reads English before Swedish), not the configured chain's Swedish."""
    article_in(["sv", "en"], key="kaffe", body_en="## Say thanks\n\nWrite a short thank-you.\n")
    # No `locale`: Chromium would send it as Accept-Language on navigations instead of this header.
    headers = {"Accept-Language": "fi, en;q=0.8"}
    context = browser.new_context(**{**browser_context_args, "extra_http_headers": headers})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(live_server.url + "/en/guides/kaffe-en/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Kaffe (en)")
        page.get_by_role("button", name="Suomi").click()
        expect(page).to_have_url(re.compile(r"/fi/guides/kaffe-en/$"))
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        expect(page.get_by_role("heading", level=1)).to_have_text("Kaffe (en)")
        expect(page.locator("article.guide")).to_have_attribute("lang", "en")
        notice = page.locator(".fallback-notice")
        expect(notice).to_be_visible()
        expect(notice.get_by_role("link", name="Svenska")).to_have_attribute("href", "/sv/guides/kaffe-sv/")
        assert_accessible(page)
    finally:
        context.close()
