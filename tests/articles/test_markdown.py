"""rookie/lib/markdown.py: the one renderer (Python-Markdown, then nh3) and its link policy."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.links import guide_link_rules
from rookie.lib.markdown import reading_minutes, render_markdown, slug_from_href
from tests.articles.safety import HOSTILE, active_content
from tests.examples import examples


def test_it_renders_the_extensions_guides_use():
    text = (
        "# Title\n\n"
        "## Step one\n\n"
        'Some *emphasis*, a "quote" and a footnote.[^1]\n\n'
        "1. first\n2. second\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        "```\ncode <b>here</b>\n```\n\n"
        "[^1]: The note.\n"
    )
    html = render_markdown(text, language="en").html
    assert '<h2 id="md-step-one">Step one</h2>' in html
    assert "<em>emphasis</em>" in html
    assert "&ldquo;quote&rdquo;" in html or "“quote”" in html  # smarty
    assert '<td align="right">2</td>' in html
    assert "code &lt;b&gt;here&lt;/b&gt;" in html
    assert 'href="#md-fn:1"' in html and 'id="md-fn:1"' in html
    assert active_content(html) == []


def test_it_builds_a_table_of_contents_matching_the_heading_ids():
    rendered = render_markdown("## First & foremost\n\ntext\n\n### Detail\n\nmore\n\n## Last\n", language="en")
    assert [(h.name, h.id) for h in rendered.toc] == [("First & foremost", "md-first-foremost"), ("Last", "md-last")]
    assert [(h.name, h.level) for h in rendered.toc[0].children] == [("Detail", 3)]
    for heading in (rendered.toc[0], rendered.toc[0].children[0], rendered.toc[1]):
        assert f'id="{heading.id}"' in rendered.html


def test_it_counts_words_for_the_reading_time():
    rendered = render_markdown("word " * 450, language="en")
    assert rendered.word_count == 450
    assert rendered.reading_minutes == 2
    assert reading_minutes(0) == 1


@pytest.mark.parametrize(("name", "text"), HOSTILE, ids=[name for name, _text in HOSTILE])
def test_it_renders_hostile_markdown_inert(name, text):
    html = render_markdown(text, language="en").html
    assert active_content(html) == [], html


def test_it_keeps_the_text_of_a_refused_link():
    html = render_markdown("[click me](javascript:alert(1)) and [site](https://example.com)", language="en").html
    assert "click me" in html
    assert "<a>" not in html
    assert '<a href="https://example.com" rel="noopener nofollow">site</a>' in html


@pytest.mark.parametrize(
    ("href", "slug"),
    [
        ("/chamber-of-commerce", "chamber-of-commerce"),
        ("/chamber-of-commerce/", "chamber-of-commerce"),
        ("/guides/btob", "btob"),
        ("/guides/btob/#part", "btob"),
        ("/guides/", None),
        ("/networks/", None),
        ("/networks", None),
        ("/me/", None),
        ("/sv", None),
        ("/sv/guides/x/", None),
        ("/media/guides/images/a.png", None),
        ("/admin", None),
        ("https://example.com/x", None),
        ("//example.com/x", None),
        ("relative", None),
    ],
)
def test_it_recognises_links_to_guides(href, slug):
    assert slug_from_href(href, guide_link_rules()) == slug


def test_it_resolves_guide_links_and_prefixes_sections_with_the_readers_language():
    text = (
        "[a](/chamber-of-commerce) [b](/guides/follow-up#how) [c](/networks/) [d](/me/goals/) "
        "[e](/guides/) [f](/missing) [g](/sv/guides/x/) [h](https://example.com) [i](mailto:a@example.com) [j](#top)"
    )
    resolved = {"chamber-of-commerce": "/fi/guides/kauppakamari/", "follow-up": "/fi/guides/seuranta/"}
    asked = []

    def resolve(slugs):
        asked.append(list(slugs))
        return resolved

    rendered = render_markdown(text, language="fi", links=guide_link_rules(), resolve_slugs=resolve)
    html = rendered.html
    assert asked == [["chamber-of-commerce", "follow-up", "missing"]]  # one look-up for all links
    assert '<a href="/fi/guides/kauppakamari/">a</a>' in html
    assert '<a href="/fi/guides/seuranta/#md-how">b</a>' in html
    assert '<a href="/fi/networks/">c</a>' in html
    assert '<a href="/fi/me/goals/">d</a>' in html
    assert '<a href="/fi/guides/">e</a>' in html
    assert " f " in html and 'href="/missing"' not in html  # plain text, not a dead link
    assert '<a href="/sv/guides/x/">g</a>' in html
    assert 'href="https://example.com" rel="noopener nofollow"' in html
    assert 'href="mailto:a@example.com"' in html
    assert 'href="#md-top"' in html
    assert rendered.slug_links == ("chamber-of-commerce", "follow-up", "missing")
    assert rendered.broken_links == ("missing",)


def test_it_resolves_guide_links_in_raw_html_too():
    html = render_markdown(
        '<p><a href="/known">k</a> <a href="/unknown" title="t">u</a></p>',
        language="sv",
        links=guide_link_rules(),
        resolve_slugs=lambda slugs: {"known": "/sv/guides/kand/"},
    ).html
    assert '<a href="/sv/guides/kand/">k</a>' in html
    assert "/unknown" not in html and " u" in html


def test_it_points_guide_links_at_the_readers_language_without_a_resolver():
    html = render_markdown("[x](/some-guide)", language="da", links=guide_link_rules()).html
    assert '<a href="/da/guides/some-guide/">x</a>' in html


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "script",
                "img",
                "src=",
                "onerror=",
                "javascript:",
                "data:",
                '"',
                "'",
                "{:",
                "}",
                "[x](",
                ")",
                "```",
                "\n",
                " ",
                "&#",
                "x6A;",
                "<a href=",
                "<iframe",
                "style=",
                "#",
                "*",
                "`",
                "<svg",
                "onload=",
                "\t",
                "/",
                "=",
                "alert(1)",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_it_never_lets_active_content_through(text):
    assert active_content(render_markdown(text, language="en").html) == []
