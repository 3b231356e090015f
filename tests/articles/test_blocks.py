"""Blocks that act: `[[checklist]]` in a guide shows the live checklist in the reader's language,
through the one sanitizing renderer (rookie/lib/markdown.py leaves a placeholder, articles/blocks.py
fills it)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from articles import pagecache as guide_pages
from articles.models import Article
from networks.models import Criterion
from rookie.lib.markdown import block_placeholder, render_for_storage
from tests.articles.safety import active_content
from tests.factories import article_in

pytestmark = pytest.mark.django_db

BODY = "## Before you join\n\nAsk five questions.\n\n[[checklist]]\n\nThen decide.\n"
DATA = Path(__file__).parent / "data" / "structure"


def _block(html):
    match = re.search(r'<section class="guide-checklist.*?</section>', html, re.DOTALL)
    assert match, "no checklist block"
    return match.group(0)


def _criteria(language):
    with translation.override(language):
        return [(criterion.label, criterion.question) for criterion in Criterion.objects.all()]


def test_it_shows_the_five_criteria_in_the_readers_language(client):
    article = article_in(["sv", "fi"], body_sv=BODY, body_fi=BODY)
    for code in ("sv", "fi"):
        block = _block(client.get(f"/{code}/guides/{getattr(article, f'slug_{code}')}/").content.decode())
        criteria = _criteria(code)
        assert len(criteria) == 5
        for label, question in criteria:
            assert label in block.replace("&#x27;", "'") and question in block.replace("&#x27;", "'")
        assert f'href="/{code}/networks/checklist/"' in block
        assert f'href="/{code}/networks/"' in block
        assert f'lang="{code}"' in block
    # The block replaces its line; the text around it stays.
    html = client.get(f"/sv/guides/{article.slug_sv}/").content.decode()
    assert html.index("Ask five questions.") < html.index("guide-checklist") < html.index("Then decide.")
    assert "[[checklist]]" not in html


def test_a_fallback_page_shows_the_block_in_the_readers_language(client):
    article = article_in(["sv"], body_sv=BODY)
    response = client.get(f"/fi/guides/{article.slug_sv}/", HTTP_ACCEPT_LANGUAGE="fi")
    block = _block(response.content.decode())
    assert 'lang="fi"' in block
    assert _criteria("fi")[0][0] in block


def test_it_shows_a_changed_criterion_without_saving_the_guide(client):
    article = article_in(["en"], body_en=BODY)
    criterion = Criterion.objects.first()
    criterion.label_en = "Brand new wording"
    criterion.save()
    assert "Brand new wording" in client.get(f"/en/guides/{article.slug_en}/").content.decode()


def test_a_criterion_change_makes_cached_guide_pages_stale(monkeypatch):
    bumped = []

    class Group:
        def bump(self):
            bumped.append(1)

    monkeypatch.setattr(guide_pages, "GROUP", Group())
    Criterion.objects.first().save()
    assert bumped


def test_the_library_leaves_unknown_blocks_as_text():
    assert "[[checklist]]" in render_for_storage("[[checklist]]", language="en").html
    html = render_for_storage("[[nothing]]\n\n[[checklist]]", language="en", blocks={"checklist"}).html
    assert "<p>[[nothing]]</p>" in html and block_placeholder("checklist") in html
    # Only a paragraph that is the block alone becomes one.
    assert "block-" not in render_for_storage("see [[checklist]]", language="en", blocks={"checklist"}).html


def test_a_placeholder_written_as_html_stays_inert(client):
    hostile = '<div class="block-checklist" onclick="alert(1)" style="x"><script>alert(2)</script></div>'
    article = article_in(["en"], body_en=f"Text.\n\n{hostile}\n")
    html = client.get(f"/en/guides/{article.slug_en}/").content.decode()
    assert not active_content(_body(html))


def _body(html):
    return html.split('<div class="guide-body">', 1)[1].split("</article>", 1)[0]


def test_the_preview_shows_the_block(editor_client):
    response = editor_client.post(settings.MARKDOWNX_URLS_PATH, {"content": BODY})
    assert response.status_code == 200
    assert "guide-checklist" in response.content.decode()


def test_the_import_places_the_block_after_the_checklist_section(client):
    call_command("import_articles", "--publish", "--lang", "sv", str(DATA / "plain_essay.txt"))
    article = Article.objects.get()
    assert "- Hur mycket tid har du?\n\n[[checklist]]\n" in article.body_sv
    html = _body(client.get(f"/sv/guides/{article.slug_sv}/").content.decode())
    assert html.index("Hur mycket tid har du?") < html.index("guide-checklist")


def test_the_import_does_not_place_the_block_twice(tmp_path):
    path = tmp_path / "sv.md"
    path.write_text("# Titel\n\n## Välj rätt nätverk\n\n- Ett\n- Två\n\n[[checklist]]\n", encoding="utf-8")
    call_command("import_articles", str(path))
    assert Article.objects.get().body_sv.count("[[checklist]]") == 1
