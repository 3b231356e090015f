"""Guide texts cannot tie up a worker: a length limit on every text and the preview, a time budget
on every conversion, the inputs that make Python-Markdown quadratic bounded, and readers never
waiting for Markdown at all (the HTML is stored when the guide is saved).

The timings below are bounds, not benchmarks: before these limits `"[" * 20000` took 52 s.
"""

import time
from unittest import mock

import pytest
from django.urls import reverse

from articles.importing import ImportProblem, collect_sources, import_sources
from articles.models import Article, Status
from rookie.lib import markdown as markdown_library
from rookie.lib.markdown import MAX_MARKDOWN_CHARACTERS, MarkdownTooComplex, render_for_storage, render_markdown
from tests.factories import ArticleFactory

PREVIEW = reverse("markdownx_markdownify")
ADD = "admin:articles_article_add"
BUDGET = 0.2  # seconds: a smaller budget than the real one, to keep the tests quick
# The budget, plus the most one step of the conversion may take after its check, with room for a
# machine busy with other tests.
# The bound is on the CPU time this thread spends, not the wall clock: the property is that the work
# is bounded, and a busy machine (CI, parallel workers) stretches wall time but not CPU time.
BOUND = BUDGET + 1.0

# The shapes found to be slow (quadratic, or worse) in Python-Markdown 3.11, nh3 or html.parser.
SHAPES = [
    "[", "![", "[a", "[^", "[[]", "[](", "\\[", "*", "_", "**a", "*[a]", "`", "``a", "<", "<a ", "<a:b",
    "<a@", "</", "<!--", "&", "\\", ">", "> ", "  - ", "1. ", "<div>", "<ul><li>", "<blockquote>", "<b>",
    "<em><strong>", "[a](b)", "*[a]: b\n", "# [", "| [ |",
]  # fmt: skip


def _form_data(**overrides):
    languages = {
        f"{name}_{code}": ""
        for name in ("title", "slug", "description", "body", "keywords")
        for code in ("en", "sv", "da", "fi")
    }
    return {
        **languages,
        "title_en": "Coffee chats",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "category": "",
        "author_name": "",
        "key": "",
        "image_url": "",
        **overrides,
    }


def _timed(text, **kwargs):
    started = time.thread_time()
    try:
        result = render_markdown(text, language="en", time_budget=BUDGET, **kwargs)
    except MarkdownTooComplex:
        result = None
    return result, time.thread_time() - started


@pytest.mark.parametrize("unit", SHAPES)
def test_a_pathological_text_is_converted_or_refused_within_the_budget(unit):
    text = unit * (20_000 // len(unit))
    _result, elapsed = _timed(text)
    assert elapsed < BOUND, f"{unit!r} × {len(text) // len(unit)} took {elapsed:.1f} s"


@pytest.mark.parametrize("unit", ["[", "<a ", "``a", "> ", "<ul><li>"])
def test_the_longest_text_allowed_is_converted_or_refused_within_the_budget(unit):
    _result, elapsed = _timed(unit * (MAX_MARKDOWN_CHARACTERS // len(unit)))
    assert elapsed < BOUND


@pytest.mark.parametrize("unit", ["[", "![", "[a", "[^", "[[]"])
def test_a_run_of_unmatched_brackets_is_converted_as_text(unit):
    # The class the report found: each bracket rescanned the rest of the paragraph, so four times the
    # brackets took sixteen times as long (52 s at 20,000). Without any budget, the conversion must now
    # grow about linearly: compared as a ratio, so coverage or a slow machine does not change the verdict.
    # The fastest of three runs: a collection or a busy sibling core only ever adds time.
    def cpu_seconds(count):
        times = []
        for _run in range(3):
            started = time.thread_time()
            result = render_markdown(unit * count + " [a link](https://example.com)", time_budget=None)
            times.append(time.thread_time() - started)
            assert '<a href="https://example.com" rel="noopener nofollow">a link</a>' in result.html
        return min(times)

    small, large = cpu_seconds(5_000 // len(unit)), cpu_seconds(20_000 // len(unit))
    assert large < 8 * max(small, 0.01), f"{unit!r}: {small:.2f} s → {large:.2f} s for four times the text"


def test_real_links_still_nest_brackets():
    html = render_markdown("[see [the] [[list]]](https://example.com) [^1]\n\n[^1]: A note.", language="en").html
    assert '<a href="https://example.com" rel="noopener nofollow">see [the] [[list]]</a>' in html
    assert 'id="md-fn:1"' in html


@pytest.mark.parametrize("text", ["  - " * 3000, "1. " * 3000, "> " * 5000, "<div>" * 200])
def test_nesting_too_deep_is_refused_not_a_crash(text):
    # "  - " × 3000 used to raise RecursionError: a 500 on the preview and on save.
    with pytest.raises(MarkdownTooComplex):
        render_for_storage(text, language="en", time_budget=None)


def test_ordinary_nesting_is_fine():
    text = "> quote\n>\n> - list\n>     - inner\n>         1. deeper\n\n<div><div><span>x</span></div></div>"
    html = render_for_storage(text, language="en").html
    assert "<blockquote>" in html and "deeper" in html


# --- The preview endpoint ------------------------------------------------------------------------


def test_the_preview_refuses_a_text_over_the_limit(editor_client):
    response = editor_client.post(PREVIEW, {"content": "x" * (MAX_MARKDOWN_CHARACTERS + 1)})
    assert response.status_code == 400
    assert "too long" in response.content.decode()


def test_the_preview_refuses_a_text_too_complex_within_the_budget(editor_client):
    started = time.thread_time()
    with mock.patch("articles.editor_views.PREVIEW_SECONDS", BUDGET):
        response = editor_client.post(PREVIEW, {"content": "<a " * 20_000})
    assert time.thread_time() - started < BOUND + 0.5
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "too complex" in response.content.decode()


def test_the_preview_converts_a_run_of_brackets(editor_client):
    response = editor_client.post(PREVIEW, {"content": "[" * 20_000})
    assert response.status_code == 200
    assert response.content.decode().count("[") == 20_000


def test_time_off_the_cpu_does_not_count_against_the_budget():
    # The budget is the conversion's own CPU time: time the thread spends off the CPU (asleep here;
    # in life waiting for a busy core or for the GIL) must not turn an ordinary text away.
    check_nesting = markdown_library._check_nesting

    def after_a_wait(raw_html):
        time.sleep(BUDGET * 2)
        check_nesting(raw_html)

    with mock.patch("rookie.lib.markdown._check_nesting", after_a_wait):
        html = render_for_storage("Ordinary *prose*.", language="en", time_budget=BUDGET).html
    assert "<em>prose</em>" in html


# --- Saving a guide ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_refuses_a_text_over_the_limit_with_a_form_error(editor_client):
    response = editor_client.post(reverse(ADD), _form_data(body_en="x" * (MAX_MARKDOWN_CHARACTERS + 1)))
    assert response.status_code == 200
    assert "body_en" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_admin_accepts_a_text_at_the_limit(editor_client):
    body = ("Networking is a skill. " * 3000)[:MAX_MARKDOWN_CHARACTERS]
    response = editor_client.post(reverse(ADD), _form_data(body_en=body))
    assert response.status_code == 302
    assert Article.objects.get().body_html_en.startswith("<p>Networking is a skill.")


@pytest.mark.django_db
def test_the_admin_refuses_a_text_too_complex_with_a_form_error(editor_client):
    with mock.patch("articles.models.SAVE_SECONDS", BUDGET):
        response = editor_client.post(reverse(ADD), _form_data(body_en="<a " * 20_000))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "too complex" in str(errors["body_en"])
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_importer_refuses_a_text_over_the_limit_and_writes_nothing(tmp_path):
    (tmp_path / "long").mkdir()
    (tmp_path / "long" / "en.md").write_text("# Long\n\n" + "x" * (MAX_MARKDOWN_CHARACTERS + 1), encoding="utf-8")
    (tmp_path / "short").mkdir()
    (tmp_path / "short" / "en.md").write_text("# Short\n\nFine.\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="60000"):
        import_sources(collect_sources([tmp_path]))
    assert not Article.objects.exists()


# --- Reading a guide -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_reader_never_waits_for_markdown(client):
    # The report: a published guide of "[" × 8000 took 12 s on its first anonymous view.
    ArticleFactory(key="brackets", slug_en="brackets", status=Status.PUBLISHED, body_en="[" * 8000 + " [x](/networks/)")
    with mock.patch("markdown.Markdown", side_effect=AssertionError("converted Markdown for a reader")):
        response = client.get("/en/guides/brackets/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("[") >= 8000
    assert '<a href="/en/networks/">x</a>' in page
