"""Imports keep a document's structure: plain-text headings, dash lists, numbered headings
(numbered once in the contents), subtitles, print line breaks, front matter of either kind, and
the author and description from the front matter or the opening and closing lines.

The project's own documents in tests/articles/data/structure have the shapes of the real ones; the
real ones in ../shared/seeds/ are imported too when that folder exists (read there, never copied).
"""

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.importing import parse_file
from articles.models import Article
from rookie.lib.markdown import Heading

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "structure"
SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
# The seeds' languages, by the number their names start with; any other seed is read as Swedish.
SEED_LANGUAGES = {"000": "sv", "001": "da", "002": "sv", "003": "fi", "004": "sv"}
_OWN_NUMBER = re.compile(r"^\s*\d+[.)]\s")


def run(*args):
    out = io.StringIO()
    call_command("import_articles", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def _imported(path, language="sv"):
    run("--publish", "--lang", language, path)
    return Article.objects.latest("pk")


def _page(client, article, language="sv"):
    response = client.get(f"/{language}/guides/{getattr(article, f'slug_{language}')}/")
    assert response.status_code == 200
    return response.content.decode()


def _guide_body(page):
    return page.split('<div class="guide-body">', 1)[1].split("</article>", 1)[0]


class _Lists(HTMLParser):
    """Each <li>'s own text (nested lists apart), with the kind of list it is in."""

    def __init__(self):
        super().__init__()
        self.lists, self.open, self.items = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self.open.append((self.lists[-1] if self.lists else None, []))

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "li" and self.open:
            kind, text = self.open.pop()
            self.items.append((kind, "".join(text).strip()))

    def handle_data(self, data):
        if self.open:
            self.open[-1][1].append(data)


def _lists(html):
    parser = _Lists()
    parser.feed(html)
    return parser


def _toc(page):
    match = re.search(r'<nav class="guide-toc".*?</nav>', page, re.DOTALL)
    return match.group(0) if match else ""


def assert_no_doubled_numbers(page):
    """No table-of-contents entry that carries its own number sits in a numbered list."""
    for kind, text in _lists(_toc(page)).items:
        if _OWN_NUMBER.match(text):
            assert kind == "ul", f"“{text}” is numbered twice in the contents"


def assert_dash_lists_are_lists(body_html):
    """No two dash paragraphs in a row: those are items of a list left as text. (One alone may
    be a subtitle or a quote's attribution.)"""
    pair = re.search(r"<p>[–-]\s[^<]*</p>\s*<p>[–-]\s", body_html)
    assert pair is None, f"dash items left as paragraphs: {pair and pair.group(0)[:80]}"


# --- The project's own documents ---------------------------------------------------------------------


def test_it_finds_headings_subtitles_and_paragraphs_in_plain_text(client):
    article = _imported(DATA / "plain_essay.txt")
    body = _guide_body(_page(client, article))
    body = re.sub(r'<section class="guide-checklist.*?</section>', "", body, flags=re.DOTALL)  # test_blocks.py
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", body)
    assert headings == ["Föreningar som fungerar", "VÄLJ RÄTT NÄTVERK!"]
    # The subtitle stays under its heading, on its own, not glued to the text below it.
    assert "<p><em>– en plats att lära och att ge</em></p>\n<p>Bra föreningar har" in body
    # Print breaks (mid-sentence across a blank line) are one paragraph.
    assert "efter dina egna mål och din tid." in body
    assert "lokalt eller nationellt, och ibland bådadera." in body
    assert [kind for kind, _text in _lists(body).items] == ["ul"] * 5
    assert article.author_name == "Karin Lund"  # from the closing lines about the author
    assert article.description_sv.startswith("Många tror att fler medlemskap")


def test_it_shows_the_author_and_description_it_found(client):
    article = _imported(DATA / "plain_essay.txt")
    assert "Karin Lund" in _page(client, article)
    assert article.description_sv in client.get("/sv/guides/").content.decode()


def test_it_makes_one_list_of_dash_paragraphs(client):
    article = _imported(DATA / "highlights.md")
    body = _guide_body(_page(client, article))
    items = _lists(body).items
    assert [kind for kind, _text in items] == ["ul"] * 4
    assert items[0][1] == "Föreningar finns på de flesta orter."
    assert body.count("<ul>") == 1
    assert_dash_lists_are_lists(body)
    assert "<blockquote>\n</blockquote>" not in body and body.count("<blockquote>") == 1


def test_it_reads_unquoted_front_matter_with_a_colon():
    source = parse_file(DATA / "highlights.md", language="sv")
    assert source.title == "Föreningar: en första guide"
    assert source.description == "Så hittar du en förening som passar dig."
    assert source.keywords == "föreningar, kontakter"


def test_it_keeps_heading_numbers_in_the_text_and_not_twice_in_the_contents(client):
    article = _imported(DATA / "numbered.md")
    page = _page(client, article)
    assert re.search(r"<h3[^>]*>1\. Börja där du är</h3>", _guide_body(page))
    toc = _lists(_toc(page)).items
    assert ("ul", "1. Börja där du är") in toc and ("ol", "Så börjar du") in toc, toc
    assert_no_doubled_numbers(page)
    assert "Olle Testsson" in page
    assert "Kontakter kommer inte av sig själva." in client.get("/sv/guides/").content.decode()


def test_it_reads_a_subtitle_and_a_byline_under_the_title(client):
    article = _imported(DATA / "byline.txt")
    assert article.title_sv == "Att följa upp ett möte"
    assert article.author_name == "Sara Exempel"
    assert article.description_sv == "det som gör skillnaden"
    body = _guide_body(_page(client, article))
    assert "Av Sara Exempel" not in body
    assert body.startswith("<p><em>– det som gör skillnaden</em></p>")
    # Numbered lines above their own text are headings, each keeping its number.
    assert re.findall(r"<h2[^>]*>(.*?)</h2>", body) == ["1. Tacka för samtalet", "2. Föreslå nästa steg"]
    assert "<ol>" not in body


def test_it_leaves_a_run_of_numbered_lines_a_list():
    source = parse_file(DATA / "byline.txt", language="sv")
    assert "## 1. Tacka" in source.body
    from articles.structure import shape

    shaped = shape("Intro här.\n\n1. Ett\n\n2. Två\n\nSlut här.\n", plain=True, has_description=False)
    assert "## " not in shaped.body and "1. Ett" in shaped.body


def test_a_dry_run_shows_the_outline():
    output = run("--dry-run", "--lang", "sv", DATA / "numbered.md", "--lang", "sv", DATA / "plain_essay.txt")
    assert not Article.objects.exists()
    assert "author: Olle Testsson" in output and "author: Karin Lund" in output
    lines = [line.strip() for line in output.splitlines()]
    for expected in ("h2 Så börjar du", "h3 1. Börja där du är", "h2 VÄLJ RÄTT NÄTVERK!", "list: 5 items"):
        assert expected in lines


def test_it_marks_own_numbers_on_headings():
    assert Heading(3, "x", "1. Börja där du är").numbered
    assert Heading(2, "x", "2.3 Detaljer").numbered
    assert not Heading(2, "x", "2024 i korthet").numbered
    assert not Heading(2, "x", "Höjdpunkter").numbered


# --- The real documents, when they are there ----------------------------------------------------------


def _seeds():
    if not SEEDS.is_dir():
        return []
    return sorted(path for path in SEEDS.iterdir() if path.suffix in (".txt", ".md"))


def _front_matter_value(path, name):
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return ""
    block = text.split("---\n", 2)[1]
    match = re.search(rf"^{name}:\s*(.+)$", block, re.MULTILINE)
    return match.group(1).strip().strip("'\"") if match else ""


def test_it_imports_each_seed_with_its_structure(client):
    # The seeds sit next to the project on a developer's machine and in CI; without them this test
    # runs the same checks on the project's own documents.
    seeds = _seeds()
    paths = seeds or sorted(DATA.iterdir())
    plain_texts = 0
    for path in paths:
        language = SEED_LANGUAGES.get(path.name[:3], "sv")
        article = _imported(path, language)
        page = _page(client, article, language)
        body = _guide_body(page)
        assert_dash_lists_are_lists(body)
        assert_no_doubled_numbers(page)
        has_front_matter = path.read_text(encoding="utf-8").startswith("---")
        if not has_front_matter and len(body) > 2000:  # the essay
            plain_texts += 1
            own_text = re.sub(r'<section class="guide-checklist.*?</section>', "", body, flags=re.DOTALL)
            assert len(re.findall(r"<h2[\s>]", own_text)) >= 2, path.name
            assert 'class="guide-checklist' in body, path.name  # it is the checklist essay
        author = _front_matter_value(path, "author") or article.author_name
        if author:
            assert article.author_name == author and author in page, path.name
        description = _front_matter_value(path, "description") or getattr(article, f"description_{language}")
        if description:
            assert getattr(article, f"description_{language}") == description, path.name
            listing = client.get(f"/{language}/guides/").content.decode()
            assert description[:40] in listing.replace("&#x27;", "'"), path.name
    if seeds:
        assert plain_texts >= 1  # the seeds' essay, the checklist, is plain text


@pytest.mark.parametrize(
    ("opening", "author"),
    [
        ("Av Sara Exempel", "Sara Exempel"),
        ("By Maria Testdottir", "Maria Testdottir"),
        ("Text: Anna af Prov", "Anna af Prov"),
        ("Kirjoittanut Matti Koe", "Matti Koe"),
        ("Av och till går jag på event.", ""),
        ("By the way", ""),
    ],
)
def test_it_takes_the_author_only_from_a_byline_naming_a_person(opening, author):
    from articles.structure import shape

    shaped = shape(f"{opening}\n\nEn text här.\n\nOch en till.\n", plain=True, has_description=False)
    assert shaped.author == author
    assert (opening in shaped.body) == (not author)
