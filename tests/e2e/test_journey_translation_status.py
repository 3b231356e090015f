"""An editor changes a guide's Swedish source in the admin; the Danish and Finnish translations show
as needing an update on the translation status page, with what changed; marking the Danish one
updated clears it and leaves the Finnish one waiting (articles/translation_status.py)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.roles import make_editor
from tests.e2e.conftest import watch_for_problems
from tests.e2e.test_journey_editor import LANGUAGE_NAMES, _assert_admin_accessible
from tests.factories import TEST_PASSWORD, UserFactory, article_in

pytestmark = pytest.mark.django_db(transaction=True)

ADDED = "Ett nytt stycke om att tacka inom två dagar."


def test_a_changed_source_marks_its_translations_stale_until_an_editor_updates_them(page, live_server):
    guide = article_in(["sv", "da", "fi"], key="thanks", body_sv="## Tacka\n\nSkriv ett kort tack.\n")
    assert guide.source_language == "sv"
    editor = UserFactory(email="eva.editor@example.com", display_name="Eva Editor")
    make_editor(editor)
    problems = watch_for_problems(page, live_server)
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.locator("#id_username").fill(editor.email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # Every translation is current; the page lists the guide for its missing English version only.
    overview = live_server.url + "/admin/articles/article/translations/"
    page.goto(overview)
    row = page.locator(f"#guide-{guide.pk}")
    expect(row.locator("td.translation-missing")).to_have_count(1)
    expect(row.locator("td.translation-stale")).to_have_count(0)

    # The editor adds a paragraph to the Swedish text (the form opens on the source language).
    page.goto(live_server.url + f"/admin/articles/article/{guide.pk}/change/")
    expect(page.locator("#desk-languages").get_by_role("button", name=LANGUAGE_NAMES["sv"])).to_be_visible()
    body = page.locator("#id_body_sv")
    expect(body).to_be_visible()
    body.fill(body.input_value() + "\n" + ADDED + "\n")
    page.locator("input[name=_save]").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))

    # Danish and Finnish now need updating, each with the source's change shown.
    page.goto(overview)
    expect(row.locator("td.translation-stale")).to_have_count(2)
    expect(row.locator("td.translation-stale").first).to_contain_text(ADDED)
    _assert_admin_accessible(page)

    # Marking the Danish one updated clears it; the Finnish one still waits.
    danish = row.locator("td.translation-stale").nth(0)
    danish.get_by_role("button").click()
    expect(page).to_have_url(overview)
    expect(row.locator("td.translation-stale")).to_have_count(1)
    expect(row.locator("td.translation-current")).to_have_count(1)
    guide.refresh_from_db()
    assert guide.stale_languages() == ["fi"]
    _assert_admin_accessible(page)
    assert not problems, problems
