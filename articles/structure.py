"""The structure of imported documents: what print and word-processor texts mean by their shapes.

The importer (articles/importing.py) reads two kinds of files. Markdown (a file with front
matter, or one that already has `#` headings) is taken as written, apart from the habits of
documents pasted from a word processor: paragraphs starting with an en dash ("– item"), or a
hyphen, one after another are one list; an empty quote line (">") is dropped. A plain text (no
front matter, no `#` headings) gets the rules a reader of the printed page applies without
thinking:

- a short line alone between blank lines (at most SHORT_LINE characters and HEADING_WORDS words,
  starting with a capital or a number, not ending like a sentence), or a line in capitals, is a
  heading (`##`); a numbered one ("1. Where to start") keeps its number in its text;
- a dash line right under a heading ("– a flow of information") is the heading's subtitle: a
  paragraph of its own in italics, never glued to the text below it;
- lines of one paragraph are joined (print breaks lines where the page ended, not where the
  thought did);
- the first lines may name the author ("By …", "Av …", "Af …", "Kirjoittanut …") and a closing
  paragraph about the author ("Isabel Andersson works … Isabel runs …": a name whose first name
  starts a later sentence) names them too; the first paragraph, when short, is the description.

A section headed "Choose the right network" in any of the four languages (CHECKLIST_HEADINGS)
gets the live checklist block (`[[checklist]]`) at its end.
"""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

from rookie.lib.markdown import render_for_storage

SHORT_LINE = 70
HEADING_WORDS = 9
DESCRIPTION_MAX = 300

CHECKLIST_BLOCK = "[[checklist]]"
# The checklist's own heading as the essay and its translations word it, folded (see _fold).
CHECKLIST_HEADINGS = frozenset(
    {"choose the right network", "välj rätt nätverk", "vælg det rigtige netværk", "valitse oikea verkosto"}
)

_DASH_ITEM_RE = re.compile(r"^\s{0,3}[–—•\-*+]\s+\S")
# Marks Markdown does not read as a list; "-", "*" and "+" (and their indentation) are kept.
_DASH_MARK_RE = re.compile(r"^(\s{0,3})[–—•]\s+")
_SUBTITLE_RE = re.compile(r"^\s{0,3}[–—]\s+\S")
_NUMBERED_RE = re.compile(r"^\s{0,3}\d{1,2}[.)]\s+\S")
_ATX_RE = re.compile(r"^\s{0,3}#{1,6}\s")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_BLOCK_RE = re.compile(r"^\s{0,3}([#>|`~<]|[-*+]\s|\d+[.)]\s|\[\[)")
_SENTENCE_END = tuple(".,;:…")
# "By Maria Sjöberg", "Av Maria Sjöberg", "Text: …": a byline names a person (capitalised words).
_AUTHOR_LINE_RE = re.compile(
    r"^\s*(?i:by|av|af|text|tekst|teksti|kirjoittanut|kirjoittaja|författare|forfatter)(?::\s*|\s+)"
    r"(?P<name>[A-ZÅÄÖÆØÜ][\w'’.-]+(?: (?:[A-ZÅÄÖÆØÜ][\w'’.-]+|af|av|von|van|de)){1,3})\s*$"
)
_BIO_RE = re.compile(r"^(?P<first>[A-ZÅÄÖÆØÜ][a-zåäöæøüé]+)(?: [A-ZÅÄÖÆØÜ][\w’'-]+){1,2}(?= )")
_WORD_RE = re.compile(r"\w+")


@dataclass
class Shaped:
    body: str
    author: str = ""
    description: str = ""
    notes: list[str] = field(default_factory=list)


def is_markdown(body: str) -> bool:
    return any(_ATX_RE.match(line) for line in body.split("\n"))


def _fold(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.casefold()))


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks; a fenced code block stays one block, blank lines and all."""
    blocks, current, fenced = [], [], False
    for line in text.split("\n"):
        if _FENCE_RE.match(line):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _is_dash_list(block: str) -> bool:
    return all(_DASH_ITEM_RE.match(line) for line in block.split("\n"))


def _as_list_items(block: str) -> list[str]:
    return [_DASH_MARK_RE.sub(r"\1- ", line, count=1) for line in block.split("\n")]


def join_dash_lists(blocks: list[str]) -> list[str]:
    """Paragraphs that are each a dash item, two or more in a row, become one (tight) list."""
    result: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2 or (run and run[0].count("\n")):
            result.append("\n".join(item for block in run for item in _as_list_items(block)))
        else:
            result.extend(run)
        run.clear()

    for block in blocks:
        if _is_dash_list(block):
            run.append(block)
        else:
            flush()
            result.append(block)
    flush()
    return result


def _drop_empty_quotes(blocks: list[str]) -> list[str]:
    return [block for block in blocks if block.replace(">", "").strip()]


def _is_caps(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def _looks_like_heading(line: str) -> bool:
    line = line.strip()
    if not line or "\n" in line or _BLOCK_RE.match(line) and not _NUMBERED_RE.match(line):
        return False
    if _is_caps(line) and len(line) <= SHORT_LINE:
        return True
    words = line.split()
    return (
        len(line) <= SHORT_LINE
        and len(words) <= HEADING_WORDS
        and (line[0].isupper() or line[0].isdigit())
        and not line.endswith(_SENTENCE_END)
        and not line.endswith(("!", "?"))
    )


def _emphasis(text: str) -> str:
    return f"*{text.strip().replace('*', '')}*"


def _plain_blocks(blocks: list[str]) -> list[str]:
    """The plain-text rules above, on blank-line separated blocks."""
    result: list[str] = []
    for index, block in enumerate(blocks):
        lines = [line.strip() for line in block.split("\n")]
        following = blocks[index + 1] if index + 1 < len(blocks) else ""
        previous_numbered = index > 0 and bool(_NUMBERED_RE.match(blocks[index - 1]))
        if len(lines) == 1 and following and _looks_like_heading(lines[0]):
            # "1. Where to start" above its text is a numbered heading; a run of numbered lines
            # is a list.
            in_a_run = previous_numbered or _NUMBERED_RE.match(following)
            if _NUMBERED_RE.match(lines[0]) and in_a_run:
                result.append(block)
                continue
            result.append("## " + lines[0])
            continue
        if result and result[-1].startswith("## ") and _DASH_ITEM_RE.match(lines[0]):
            # A dash line under a heading is its subtitle; the text glued below it is a paragraph.
            if len(lines) > 1 and not _DASH_ITEM_RE.match(lines[1]):
                result.append(_emphasis(lines[0]))
                result.append(" ".join(lines[1:]))
                continue
            if len(lines) == 1 and not _is_dash_list(following):
                result.append(_emphasis(lines[0]))
                continue
        if _is_dash_list(block) or _BLOCK_RE.match(block):
            result.append(block)
        else:
            result.append(" ".join(line for line in lines if line))
    return result


def _author_from_opening(blocks: list[str]) -> tuple[str, list[str]]:
    for index, block in enumerate(blocks[:3]):
        match = _AUTHOR_LINE_RE.match(block) if "\n" not in block else None
        if match:
            return match.group("name").strip(), blocks[:index] + blocks[index + 1 :]
    return "", blocks


def _author_from_closing(blocks: list[str]) -> str:
    if not blocks:
        return ""
    last = blocks[-1].strip()
    match = _BIO_RE.match(last)
    if match and len(last) <= 600 and re.search(rf"[.!?]\s+{re.escape(match.group('first'))}\s", last):
        return match.group(0)
    return ""


def _plain_text(markdown_text: str) -> str:
    rendered = render_for_storage(markdown_text, language="en", time_budget=1.0)
    return " ".join(html.unescape(nh3.clean(str(rendered.html), tags=set())).split())


def _description_from(blocks: list[str]) -> str:
    for block in blocks[:3]:
        if _BLOCK_RE.match(block):
            continue
        text = _plain_text(block).lstrip("–—- ")
        if text and len(text) <= DESCRIPTION_MAX:
            return text
        return ""
    return ""


def _place_checklist(blocks: list[str]) -> tuple[list[str], bool]:
    """After the section headed like the checklist (its list), the `[[checklist]]` block."""
    if any(block.strip() == CHECKLIST_BLOCK for block in blocks):
        return blocks, False
    for index, block in enumerate(blocks):
        heading = re.match(r"^#{1,6}\s+(.*)$", block)
        if not heading or _fold(heading.group(1)) not in CHECKLIST_HEADINGS:
            continue
        end = index + 1
        while end < len(blocks) and not blocks[end].startswith("#") and _is_dash_list(blocks[end]):
            end += 1
        return [*blocks[:end], CHECKLIST_BLOCK, *blocks[end:]], True
    return blocks, False


def shape(body: str, *, plain: bool, has_description: bool) -> Shaped:
    """The body as Markdown with its structure spelled out, and what its opening and closing
    lines say about its author and description."""
    blocks = _drop_empty_quotes(_paragraphs(body))
    shaped = Shaped(body="")
    blocks = _subtitle_under_title(blocks)
    shaped.author, blocks = _author_from_opening(blocks)
    if plain:
        shaped.author = shaped.author or _author_from_closing(blocks)
        blocks = _plain_blocks(blocks)
    blocks = join_dash_lists(blocks)
    if not has_description:
        shaped.description = _description_from(blocks)
    blocks, placed = _place_checklist(blocks)
    if placed:
        shaped.notes.append(f"{CHECKLIST_BLOCK} placed after the section “choose the right network”")
    shaped.body = "\n\n".join(blocks) + "\n"
    return shaped


def _subtitle_under_title(blocks: list[str]) -> list[str]:
    """A dash line that opens the text (right under the title) is the title's subtitle."""
    lines = blocks[0].split("\n") if blocks else []
    if lines and _SUBTITLE_RE.match(lines[0]) and not (len(lines) > 1 and _DASH_ITEM_RE.match(lines[1])):
        if len(lines) == 1 and len(blocks) > 1 and _is_dash_list(blocks[1]):
            return blocks  # the first item of a list
        rest = [" ".join(line.strip() for line in lines[1:])] if len(lines) > 1 else []
        return [_emphasis(lines[0]), *rest, *blocks[1:]]
    return blocks


# --- The outline a dry run shows ---------------------------------------------------------------------


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0
        self.heading: str | None = None
        self.text: list[str] = []
        self.lists: list[list] = []  # [tag, items]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.heading, self.text = tag, []
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href and not href.startswith("#"):
                self.lines.append(f"{'  ' * (len(self.lists) + 1)}link {href}")
        elif tag == "div" and "block-" in (dict(attrs).get("class") or ""):
            self.lines.append(f"  block [[{(dict(attrs).get('class') or '').split('block-', 1)[1]}]]")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.heading:
            self.lines.append(f"  {tag} {' '.join(''.join(self.text).split())}")
            self.heading = None
        elif tag in ("ul", "ol") and self.lists:
            kind, items = self.lists.pop()
            name = "list" if kind == "ul" else "numbered list"
            self.lines.append(f"{'  ' * (len(self.lists) + 2)}{name}: {items} items")

    def handle_data(self, data: str) -> None:
        if self.heading:
            self.text.append(data)


def outline(stored_html: str) -> list[str]:
    """Headings, lists (with their number of items), links and blocks of a stored body, in order."""
    parser = _Outline()
    parser.feed(stored_html)
    parser.close()
    return parser.lines
