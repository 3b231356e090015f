"""Translation status: each language version records the source text it was translated from; a
change of the source makes the others stale (with a diff) until an editor marks them updated."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from articles.models import Article, SourceText
from articles.translation_status import CURRENT, MISSING, SOURCE, STALE
from tests.articles.test_admin import _form_data
from tests.factories import UserFactory, article_in

pytestmark = pytest.mark.django_db

OVERVIEW = "/admin/articles/article/translations/"


def _mark(article, code):
    return reverse("admin:articles_article_mark_updated", args=[article.pk, code])


def _states(article):
    article.refresh_from_db()
    return {state.language: state.status for state in article.translation_states()}


def _cells(html, article):
    """{language: status} of the guide's row on the overview."""
    link = f'<th scope="row"><a href="/admin/articles/article/{article.pk}/change/">'
    row = re.search(rf"<tr[^>]*>\s*{re.escape(link)}.*?</tr>", html, re.DOTALL)
    if row is None:
        return {}
    statuses = re.findall(r'<td class="translation-(\w+)">', row.group(0))
    return dict(zip(("en", "sv", "da", "fi"), statuses, strict=True))


@pytest.fixture
def guide():
    # Swedish is the source (the first language it has); Danish and Finnish are translations.
    return article_in(["sv", "da", "fi"], body_sv="## Start\n\nFörsta stycket.\n\nAndra stycket.\n")


def test_a_new_guide_records_its_source_and_translations(guide):
    assert guide.source_language == "sv"
    assert _states(guide) == {"en": MISSING, "sv": SOURCE, "da": CURRENT, "fi": CURRENT}
    assert SourceText.objects.filter(article=guide, digest=guide.source_digest).exists()


def test_changing_the_source_marks_both_translations_stale_on_the_overview(editor_client, guide):
    assert _cells(editor_client.get(OVERVIEW).content.decode(), guide)["da"] == "current"
    guide.body_sv = "## Start\n\nFörsta stycket.\n\nEtt nytt stycke <script>alert(1)</script>.\n"
    guide.save()
    assert _states(guide) == {"en": MISSING, "sv": SOURCE, "da": STALE, "fi": STALE}
    html = editor_client.get(OVERVIEW).content.decode()
    assert _cells(html, guide) == {"en": "missing", "sv": "source", "da": "stale", "fi": "stale"}
    # The diff of the source since, escaped.
    assert "<del>-Andra stycket.</del>" in html
    assert "<ins>+Ett nytt stycke &lt;script&gt;alert(1)&lt;/script&gt;.</ins>" in html
    assert "<script>alert(1)" not in html


def test_marking_one_updated_clears_it(editor_client, guide):
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    response = editor_client.post(_mark(guide, "da"), {"next": OVERVIEW})
    assert response.status_code == 302 and response["Location"] == OVERVIEW
    assert _states(guide)["da"] == CURRENT and _states(guide)["fi"] == STALE
    cells = _cells(editor_client.get(OVERVIEW).content.decode(), guide)
    assert cells["da"] == "current" and cells["fi"] == "stale"
    editor_client.post(_mark(guide, "fi"))
    assert _states(guide)["fi"] == CURRENT


def test_editing_a_translation_records_the_source_it_was_made_from(guide):
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    guide.body_fi = "## Alku\n\nUusi teksti.\n"
    guide.save()
    assert _states(guide) == {"en": MISSING, "sv": SOURCE, "da": STALE, "fi": CURRENT}


def test_saving_the_admin_form_unchanged_keeps_the_status(editor_client, guide):
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    data = _form_data(
        title_en="",
        description_en="",
        body_en="",
        keywords_en="",
        **{
            f"{name}_{code}": (getattr(guide, f"{name}_{code}") or "").replace("\n", "\r\n")
            for name in ("title", "slug", "description", "body", "keywords")
            for code in ("sv", "da", "fi")
        },
        status="published",
        published_at_0="2026-01-01",
        published_at_1="10:00",
        key=guide.key,
        source_language="sv",
    )
    response = editor_client.post(reverse("admin:articles_article_change", args=[guide.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _states(guide)["da"] == STALE and _states(guide)["fi"] == STALE


def test_the_change_page_shows_the_status_and_links_to_the_overview(editor_client, guide):
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    html = editor_client.get(reverse("admin:articles_article_change", args=[guide.pk])).content.decode()
    assert html.count("needs updating") == 2 and "<ins>+Ny text.</ins>" in html
    assert f'href="{OVERVIEW}#guide-{guide.pk}"' in html
    # No submit button inside the change form but Django's own: Enter in a field still saves.
    report = html.split('class="translation-report"', 1)[1].split("</fieldset>", 1)[0]
    assert "<button" not in report
    assert f'<tr id="guide-{guide.pk}">' in editor_client.get(OVERVIEW).content.decode()


def test_the_changelist_filters_missing_and_stale_translations(editor_client, guide):
    other = article_in(["sv", "da"])
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    changelist = reverse("admin:articles_article_changelist")

    def listed(query):
        html = editor_client.get(f"{changelist}?translation={query}").content.decode()
        return {article.pk for article in (guide, other) if f"/admin/articles/article/{article.pk}/change/" in html}

    assert listed("stale-da") == {guide.pk}
    assert listed("stale-fi") == {guide.pk}
    assert listed("missing-fi") == {other.pk}
    assert listed("stale-sv") == set()  # the source is never stale
    assert "Stale translation (Finnish)" in editor_client.get(changelist).content.decode()


def test_the_overview_is_for_editors_only(client, guide):
    assert client.get(OVERVIEW).status_code == 302  # → the admin's log-in
    member = UserFactory()
    client.force_login(member)
    assert client.get(OVERVIEW).status_code == 302
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(OVERVIEW).status_code == 403  # staff without the guide permissions
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    assert client.get(OVERVIEW).status_code == 200


def test_marking_updated_needs_post_and_the_change_permission(editor_client, guide):
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    assert editor_client.get(_mark(guide, "da")).status_code == 405
    assert editor_client.post(reverse("admin:articles_article_mark_updated", args=[987654, "da"])).status_code == 404
    assert editor_client.post(_mark(guide, "xx")).status_code == 404
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    viewer = Client()
    viewer.force_login(staff)
    assert viewer.post(_mark(guide, "da")).status_code == 403
    assert viewer.post(reverse("admin:articles_article_mark_updated", args=[987654, "da"])).status_code == 403
    assert _states(guide)["da"] == STALE


def test_existing_guides_start_up_to_date():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("articles.migrations.0006_translation_status")
    article = article_in(["en", "fi"])
    Article.objects.filter(pk=article.pk).update(source_language="", source_digest="", translated_from={})
    SourceText.objects.all().delete()
    migration.start_tracking(apps, None)
    assert _states(article) == {"en": SOURCE, "sv": MISSING, "da": MISSING, "fi": CURRENT}
    assert SourceText.objects.filter(article=article).count() == 1


def test_choosing_another_source_starts_afresh(guide):
    guide.body_sv = "## Start\n\nNy text.\n"
    guide.save()
    guide.source_language = "da"
    guide.save()
    assert _states(guide) == {"en": MISSING, "sv": CURRENT, "da": SOURCE, "fi": CURRENT}
    guide.body_da = "## Start\n\nNy dansk tekst.\n"
    guide.save()
    assert _states(guide) == {"en": MISSING, "sv": STALE, "da": SOURCE, "fi": STALE}
