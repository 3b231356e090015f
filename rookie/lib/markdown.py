"""The one Markdown renderer: Python-Markdown (extra, sane_lists, toc, smarty), then nh3.

Guide pages, the admin preview and the importer all go through this module, so what an editor
previews is exactly what a reader gets. Python-Markdown passes raw HTML and attribute lists
through untouched; nh3 (an HTML5 parser, not a regular expression) then keeps only the tags and
attributes below and only http(s)/mailto URLs, so no script, event handler, `javascript:` or
`data:` URL, iframe, style, form or object survives, however it is spelled.

Two steps, so that readers never pay for Markdown:
- `render_for_storage` (when a guide is saved): Markdown → sanitized HTML, its table of contents
  and word count. Links inside the site stay as the editor wrote them (`/chamber-of-commerce`).
- `resolve_links` (on every page view): one nh3 pass over that stored HTML rewrites those links
  for the reader (see `_ReaderLinks`), following the `LinkRules` the caller passes: a link that
  names a page by its slug (say `/chamber-of-commerce`, or `/guides/chamber-of-commerce`) is
  resolved by the caller; links to sections under the language prefix get the reader's language
  prefix; a slug link that resolves to nothing loses its `<a>` and stays plain text.
`render_markdown` does both (the preview).

Python-Markdown is quadratic on some inputs (a run of `[` rescans the rest of the paragraph from
every bracket). Link texts may hold at most MAX_LINK_NESTING nested brackets and link targets
MAX_LINK_TARGET characters, footnote labels are bounded, deeply nested HTML is refused, and every
step of the conversion checks a time budget: a text that still takes too long raises
MarkdownTooComplex, which callers turn into a form error or a 400, never a hung worker.
"""

import bisect
import html
import re
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, SubElement

import markdown
import nh3
from django.conf import settings
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.md_in_html import HTMLExtractorExtra
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from rookie.lib.languages import LANGUAGE_CODES

EXTENSIONS = ["extra", "sane_lists", "toc", "smarty"]
T = TypeVar("T")

# The longest guide text (per language) and preview. Real guides are under 9,000 characters
# (the seed essays); this leaves room for a long one and keeps the worst case bounded.
MAX_MARKDOWN_CHARACTERS = 60_000
# CPU seconds one conversion may take, counted on the converting thread (_Deadline): a busy machine
# or a thread waiting for the GIL must not turn a real text away, only the text's own cost may. A
# 60,000-character guide of ordinary prose takes about 0.2 s.
PREVIEW_SECONDS = 1.0
# Saving is rarer than previewing, and the editor waits for it anyway: room for any real guide.
SAVE_SECONDS = 3.0
# Open elements inside each other (nh3's HTML5 parser is quadratic in depth). Real guides stay
# under 10: a list in a list in a quote.
MAX_NESTING = 100
# `[` inside a link text, and characters between `(` and `)` of a link target.
MAX_LINK_NESTING = 32
MAX_LINK_TARGET = 2_048
MAX_FOOTNOTE_LABEL = 100

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "em", "b", "i", "code", "pre", "kbd", "mark", "del", "ins", "sub", "sup", "small",
        "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "abbr",
        "a", "img", "figure", "figcaption",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        "div", "span",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
    # Heading ids for the table of contents, footnote ids for their links; all prefixed (ID_PREFIX)
    # so a heading called "Main" cannot clash with the page's own ids.
    **{f"h{level}": {"id"} for level in range(1, 7)},
    "li": {"id"},
    "sup": {"id"},
}
# Classes are allowed only from this list (nh3 wants them here, not in ALLOWED_ATTRIBUTES).
ALLOWED_CLASSES = {"div": {"footnote"}, "a": {"footnote-ref", "footnote-backref"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
ID_PREFIX = "md-"
EXTERNAL_REL = "noopener nofollow"

_SLUG_RE = re.compile(r"^[-\w]+$")
# An anchor nh3 left without an href (only rel/title, which nh3 always writes with double quotes).
_UNLINKED_ANCHOR_RE = re.compile(r'<a(?:\s+(?:rel|title)="[^"]*")*>(.*?)</a>', re.DOTALL)
_WORD_RE = re.compile(r"\w+")
WORDS_PER_MINUTE = 200
# What a browser ignores or rewrites in a URL before reading it (WHATWG URL standard): tabs and
# newlines anywhere, C0 controls and spaces at either end, and `\` read as `/`.
_URL_IGNORED_RE = re.compile(r"[\t\n\r]")
_URL_EDGES = "".join(chr(code) for code in range(0x21))
_HTML_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Elements that never hold others, or that the next sibling closes: they add no depth.
_FLAT_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option",
        "optgroup", "rb", "rt", "rp", "colgroup", "caption",
    }
)  # fmt: skip
_BRACKET_RE = re.compile(r"[\[\]]")
# "1. ", "2) ", "3.1 ", "IV. ": a heading numbered by its writer.
_OWN_NUMBER_RE = re.compile(r"^\s*(\d+[.):]|\d+(\.\d+)+\.?|[IVXLC]+[.)])\s")

# Given the page slugs a body links to, returns {slug: URL of the page in the reader's
# language}; a slug missing from the answer (or mapped to None) is a broken link.
SlugResolver = Callable[[Collection[str]], Mapping[str, str | None]]


@dataclass(frozen=True)
class LinkRules:
    """How the links inside the site of one kind of text are read; given by the app rendering it.

    slug_section: `/<slug_section>/<slug>` names a page by its slug (resolved by the caller).
    bare_slugs: `/<slug>` names a page too, unless that segment is a section, a root path or a
    language code.
    sections: first path segments served under the language prefix: a link to one gets the
    reader's language prefix. root_paths: first segments of paths outside it, left alone.
    The default rules name no page and prefix nothing: links stay as written.
    """

    slug_section: str | None = None
    bare_slugs: bool = False
    sections: frozenset[str] = frozenset()
    root_paths: frozenset[str] = frozenset()

    def default_url(self, slug: str, language: str) -> str | None:
        """Where a slug link points when the caller resolves nothing (an unverified guess)."""
        if self.slug_section is None:
            return None
        return f"/{language}/{self.slug_section}/{slug}/"


NO_LINK_RULES = LinkRules()


class MarkdownTooComplex(Exception):
    """The text would take too long to convert (or nests too deeply): refuse it."""


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    name: str
    children: tuple["Heading", ...] = ()

    @property
    def numbered(self) -> bool:
        """Whether the heading carries its own number ("1. Start where you are"): a table of
        contents lists such headings without numbering them again."""
        return bool(_OWN_NUMBER_RE.match(self.name))

    def as_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "id": self.id,
            "name": self.name,
            "children": [child.as_json() for child in self.children],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Heading":
        return cls(
            level=int(data["level"]),
            id=str(data["id"]),
            name=str(data["name"]),
            children=tuple(cls.from_json(child) for child in data.get("children", ())),
        )


@dataclass(frozen=True)
class Rendered:
    html: SafeString
    toc: tuple[Heading, ...]
    word_count: int
    # Filled by render_markdown: the page slugs the body links to, in order of appearance, and
    # the ones that resolve to no page the reader may see.
    slug_links: tuple[str, ...] = ()
    broken_links: tuple[str, ...] = ()

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)


def reading_minutes(word_count: int) -> int:
    return max(1, round(word_count / WORDS_PER_MINUTE))


def render_markdown(
    text: str,
    *,
    language: str | None = None,
    links: LinkRules = NO_LINK_RULES,
    resolve_slugs: SlugResolver | None = None,
    time_budget: float | None = PREVIEW_SECONDS,
    blocks: Collection[str] = (),
) -> Rendered:
    """Markdown → sanitized HTML with links resolved for a reader: what a page shows.

    `language` is the reader's language (for link prefixes; default: the active one).
    `links` says which links name pages and sections (LinkRules); `resolve_slugs` maps linked
    slugs to URLs (see SlugResolver); without it, slug links point at `links.default_url`
    unverified. `blocks`: the block names the caller fills in (see render_for_storage).
    Raises MarkdownTooComplex.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    stored = render_for_storage(text, language=language, time_budget=time_budget, blocks=blocks)
    slugs = tuple(slug_links_in(stored.html, links))
    html_for_reader, resolved = _resolve(stored.html, language, links, resolve_slugs, blocks)
    return replace(
        stored,
        html=html_for_reader,
        slug_links=slugs,
        broken_links=tuple(slug for slug in slugs if not resolved.get(slug)),
    )


def render_for_storage(
    text: str, *, language: str, time_budget: float | None = SAVE_SECONDS, blocks: Collection[str] = ()
) -> Rendered:
    """Markdown → sanitized HTML, its table of contents and word count, for one language version.

    Links inside the site are kept as written; `resolve_links` adapts them to each reader.
    `time_budget` (seconds, None for no limit) bounds the conversion; raises MarkdownTooComplex.
    `blocks`: names of blocks the caller fills in after sanitizing; a paragraph that is only
    `[[name]]`, for one of them, becomes the empty placeholder `block_placeholder(name)`. Other
    `[[…]]` stay text. The library knows no block: the app rendering the text fills them.
    """
    deadline = _Deadline(time_budget)
    with translation.override(language):
        md = markdown.Markdown(
            extensions=[*EXTENSIONS, _ExternalLinkExtension(), _BoundedExtension(deadline), _BlockExtension(blocks)],
            extension_configs={
                "extra": {
                    # align="…" rather than style="text-align: …", which nh3 strips (no style at all).
                    "tables": {"use_align_attribute": True},
                    "footnotes": {"BACKLINK_TITLE": _("Back to footnote %d in the text")},
                },
            },
            output_format="html",
        )
        _check_every_step(md, deadline)
        try:
            raw_html = md.convert(text or "")
        except RecursionError as error:  # lists or quotes nested thousands deep
            raise MarkdownTooComplex from error
    _check_nesting(raw_html)
    deadline.check()
    clean = nh3.clean(
        raw_html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes=_allowed_classes(blocks),
        attribute_filter=_stored_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        id_prefix=ID_PREFIX,
        strip_comments=True,
    )
    clean = _unwrap_unlinked(clean)
    text_only = nh3.clean(clean, tags=set())
    return Rendered(
        html=mark_safe(clean),
        toc=tuple(_headings(md.toc_tokens)),
        word_count=len(_WORD_RE.findall(html.unescape(text_only))),
    )


def resolve_links(
    stored_html: str,
    *,
    language: str,
    links: LinkRules = NO_LINK_RULES,
    resolve_slugs: SlugResolver | None = None,
    blocks: Collection[str] = (),
) -> SafeString:
    """HTML from `render_for_storage` with its links inside the site rewritten for a reader
    (`blocks`: the block names it was rendered with, whose placeholders stay)."""
    return _resolve(stored_html, language, links, resolve_slugs, blocks)[0]


def slug_links_in(stored_html: str, links: LinkRules) -> list[str]:
    """The page slugs that HTML from `render_for_storage` links to, in order, once each."""
    slugs: list[str] = []
    # Only gathers candidates for one look-up; nh3 decides what is a link when it cleans.
    for match in re.finditer(r"""href\s*=\s*["']?([^"'\s>]+)""", stored_html, re.IGNORECASE):
        slug = slug_from_href(html.unescape(match.group(1)), links)
        if slug and slug not in slugs:
            slugs.append(slug)
    return slugs


def slug_from_href(href: str | None, links: LinkRules) -> str | None:
    """The page slug a link names under `links` (`/slug`, `/<section>/slug`, optional slash), or None."""
    href = _browser_form(href or "")
    if not href.startswith("/") or _leaves_site(href):
        return None
    parts = urlsplit(href)
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) == 2 and links.slug_section is not None and segments[0] == links.slug_section:
        candidate = segments[1]
    elif (
        len(segments) == 1
        and links.bare_slugs
        and segments[0] not in links.sections
        and segments[0] not in links.root_paths
    ):
        candidate = segments[0]
    else:
        return None
    if candidate in LANGUAGE_CODES or not _SLUG_RE.match(candidate):
        return None
    return candidate


def _unwrap_unlinked(clean: str) -> str:
    # A link whose href was refused (a missing guide, a dangerous URL) is left as an <a> without
    # href: unwrap it so readers get plain text, not a dead link. nh3's output is well-formed
    # and anchors never nest, so this pattern only ever matches whole attribute-less anchors.
    return _UNLINKED_ANCHOR_RE.sub(r"\1", clean)


# --- URLs ------------------------------------------------------------------------------------------


def _browser_form(url: str) -> str:
    """The URL as a browser reads it: tabs and newlines dropped, ends trimmed, `\\` as `/`."""
    return _URL_IGNORED_RE.sub("", url).strip(_URL_EDGES).replace("\\", "/")


def _leaves_site(url: str) -> bool:
    """Whether a URL without a scheme points at another host (`//host`, `/\\host`, `/%5Chost`…).

    Checked on the browser's reading and again after percent-decoding, for any server or proxy
    on the way that decodes a path before redirecting to it."""
    decoded = _browser_form(unquote(url))
    return url.startswith("//") or decoded.startswith("//")


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _stored_attribute(tag: str, attribute: str, value: str) -> str | None:
    # nh3 has already refused unsafe schemes; every value returned here is built from a safe
    # pattern, since nh3 does not check this function's output again.
    if tag == "a" and attribute == "href":
        return _stored_href(value)
    if tag == "a" and attribute == "rel":
        return EXTERNAL_REL
    if tag == "img" and attribute == "src":
        return _stored_src(value)
    return value


def _stored_href(href: str) -> str | None:
    href = _browser_form(href)
    if href.startswith("#"):
        return "#" + ID_PREFIX + href[1:]
    if _is_web_url(href) or href.lower().startswith("mailto:"):
        return href
    if not href.startswith("/") or _leaves_site(href):
        # Relative links ("../x") are not something guides need; a path that a browser reads as
        # another host is not a path inside the site.
        return None
    return href


def _stored_src(src: str) -> str | None:
    src = _browser_form(src)
    if _leaves_site(src):
        return None  # a protocol-relative image: neither http(s) nor on this site
    return src


class _ReaderLinks:
    """Rewrites the links inside the site in stored HTML for one reader; leaves the rest alone."""

    def __init__(self, language: str, links: LinkRules, resolved: Mapping[str, str | None]) -> None:
        self.language = language
        self.links = links
        self.resolved = resolved

    def filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "a" and attribute == "href":
            return self.rewrite_href(value)
        return value

    def rewrite_href(self, href: str) -> str | None:
        if not href.startswith("/"):
            return href  # an anchor or an absolute URL, settled when the text was saved
        if _leaves_site(href):
            return None
        slug = slug_from_href(href, self.links)
        if slug is not None:
            url = self.resolved.get(slug)
            if not url:
                return None
            fragment = urlsplit(href).fragment
            return f"{url}#{ID_PREFIX}{fragment}" if fragment else url
        first = href.lstrip("/").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        if first in self.links.sections:
            return f"/{self.language}{href}"
        return href


def _resolve(
    stored_html: str,
    language: str,
    links: LinkRules,
    resolve_slugs: SlugResolver | None,
    blocks: Collection[str] = (),
) -> tuple[SafeString, dict[str, str | None]]:
    slugs = slug_links_in(stored_html, links)
    resolved: dict[str, str | None]
    if resolve_slugs is None:
        resolved = {slug: links.default_url(slug, language) for slug in slugs}
    else:
        resolved = dict(resolve_slugs(slugs)) if slugs else {}
    if 'href="/' not in stored_html:
        return mark_safe(stored_html), resolved
    # The same allow-list again: the stored HTML passes unchanged but for the hrefs rewritten.
    clean = nh3.clean(
        stored_html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes=_allowed_classes(blocks),
        attribute_filter=_ReaderLinks(language, links, resolved).filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return mark_safe(_unwrap_unlinked(clean)), resolved


# --- Bounding the work ---------------------------------------------------------------------------


class _Deadline:
    """A budget of this thread's CPU time (time.thread_time), not of the clock's."""

    def __init__(self, seconds: float | None) -> None:
        self.at = None if seconds is None else time.thread_time() + seconds

    def check(self) -> None:
        if self.at is not None and time.thread_time() > self.at:
            raise MarkdownTooComplex


def _checked(method: Callable[..., T], deadline: _Deadline) -> Callable[..., T]:
    def call(*args: Any, **kwargs: Any) -> T:
        deadline.check()
        return method(*args, **kwargs)

    return call


def _check_every_step(md: markdown.Markdown, deadline: _Deadline) -> None:
    """Check the deadline before each step of every processor: the slow inputs are slow because
    some processor runs thousands of times, each run scanning the rest of the text."""
    for processor in md.preprocessors:
        processor.run = _checked(processor.run, deadline)
    for processor in md.parser.blockprocessors:
        processor.test = _checked(processor.test, deadline)
        processor.run = _checked(processor.run, deadline)
    for processor in md.treeprocessors:
        processor.run = _checked(processor.run, deadline)
        # The inline processor runs once for the whole tree; its per-text step is private.
        if hasattr(processor, "_InlineProcessor__handleInline"):
            processor._InlineProcessor__handleInline = _checked(processor._InlineProcessor__handleInline, deadline)
    for processor in md.inlinePatterns:
        processor.handleMatch = _checked(processor.handleMatch, deadline)
    for processor in md.postprocessors:
        processor.run = _checked(processor.run, deadline)


def _check_nesting(raw_html: str) -> None:
    depth = deepest = 0
    for match in _HTML_TAG_RE.finditer(raw_html):
        if match.group(2).lower() in _FLAT_ELEMENTS:
            continue
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            raise MarkdownTooComplex


class _LinkText:
    """The text between `[` and its `]`, for every link pattern of one conversion.

    Python-Markdown scans from each `[` to its matching `]` one character at a time, and tries six
    link patterns at each `[`: a run of unmatched brackets costs the square of its length. Here
    each scan steps from bracket to bracket (their positions found once per string), gives up past
    MAX_LINK_NESTING open brackets (no real link text nests that deep; the brackets stay text),
    and is done once per string and position.
    """

    def __init__(self) -> None:
        self.data: str | None = None
        self.found: dict[int, tuple[str, int, bool]] = {}
        self.brackets: list[int] | None = None

    def get_text(self, data: str, index: int) -> tuple[str, int, bool]:
        if data is not self.data:
            self.data, self.found, self.brackets = data, {}, None
        if index not in self.found:
            self.found[index] = self._scan(data, index)
        return self.found[index]

    def _scan(self, data: str, index: int) -> tuple[str, int, bool]:
        # The text of a bracket that never closes is not used: no need to copy the rest of the data.
        close = data.find("]", index)
        if close == -1:
            return "", len(data), False
        if data.find("[", index, close) == -1:
            return data[index:close], close + 1, True
        if self.brackets is None:
            self.brackets = [match.start() for match in _BRACKET_RE.finditer(data)]
        depth = 1
        for number in range(bisect.bisect_left(self.brackets, index), len(self.brackets)):
            position = self.brackets[number]
            depth += 1 if data[position] == "[" else -1
            if depth == 0:
                return data[index:position], position + 1, True
            if depth > MAX_LINK_NESTING:
                return "", position + 1, False
        return "", len(data), False


LinkScan = tuple[str | None, str | None, int, bool]


def _bounded_get_link(get_link: Callable[[str, int], LinkScan]) -> Callable[[str, int], LinkScan]:
    def bounded(data: str, index: int) -> LinkScan:
        if data[index : index + 1] != "(":
            return "", None, index, False
        # The original scans to the end of the text for a `(` never closed: look no further than
        # any real link target (with its title) would reach.
        href, title, end, handled = get_link(data[index : index + MAX_LINK_TARGET], 0)
        return href, title, index + end, handled

    return bounded


# Python-Markdown ships no type information: its classes are Any to the type checker.
class _CheckedHTMLExtractor(HTMLExtractorExtra):  # type: ignore[misc]
    """md_in_html's raw-HTML extractor, checking the deadline at every tag: the standard library's
    parser rescans the rest of the text for each unfinished tag such as `<a `."""

    def __init__(self, md: markdown.Markdown, deadline: _Deadline) -> None:
        self.deadline = deadline
        super().__init__(md)

    def updatepos(self, i: int, j: int) -> int:
        self.deadline.check()
        return int(super().updatepos(i, j))

    def parse_starttag(self, i: int) -> int:
        self.deadline.check()
        return int(super().parse_starttag(i))


class _CheckedHtmlBlockPreprocessor(Preprocessor):  # type: ignore[misc]
    def __init__(self, md: markdown.Markdown, deadline: _Deadline) -> None:
        super().__init__(md)
        self.deadline = deadline

    def run(self, lines: list[str]) -> list[str]:
        parser = _CheckedHTMLExtractor(self.md, self.deadline)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


class _BoundedExtension(Extension):  # type: ignore[misc]
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        link_text = _LinkText()
        for name in ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref"):
            if name in md.inlinePatterns:
                processor = md.inlinePatterns[name]
                processor.getText = link_text.get_text
                processor.getLink = _bounded_get_link(processor.getLink)
        if "footnote" in md.inlinePatterns:
            # `[^` repeated: the original `[^\]]*` makes each search try every start to the end.
            md.inlinePatterns["footnote"].compiled_re = re.compile(
                rf"\[\^([^\]]{{1,{MAX_FOOTNOTE_LABEL}}}+)\]", re.DOTALL | re.UNICODE
            )
        if "html_block" in md.preprocessors:
            md.preprocessors.register(_CheckedHtmlBlockPreprocessor(md, self.deadline), "html_block", 20)


# --- Blocks ----------------------------------------------------------------------------------------

_BLOCK_NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
_BLOCK_LINE_RE = re.compile(r"^\s*\[\[([a-z][a-z0-9-]{0,39})\]\]\s*$")


def block_placeholder(name: str) -> str:
    """The element `[[name]]` leaves in the stored HTML, exactly as nh3 writes it."""
    if not _BLOCK_NAME_RE.match(name):
        raise ValueError(f"not a block name: {name!r}")
    return f'<div class="block-{name}"></div>'


def _allowed_classes(blocks: Collection[str]) -> dict[str, set[str]]:
    classes = {tag: set(names) for tag, names in ALLOWED_CLASSES.items()}
    classes.setdefault("div", set()).update(f"block-{name}" for name in blocks if _BLOCK_NAME_RE.match(name))
    return classes


class _BlockProcessor(BlockProcessor):  # type: ignore[misc]
    def __init__(self, parser: Any, names: frozenset[str]) -> None:
        super().__init__(parser)
        self.names = names

    def test(self, parent: Element, block: str) -> bool:
        match = _BLOCK_LINE_RE.match(block)
        return bool(match and match.group(1) in self.names)

    def run(self, parent: Element, blocks: list[str]) -> None:
        match = _BLOCK_LINE_RE.match(blocks.pop(0))
        assert match is not None
        SubElement(parent, "div", {"class": f"block-{match.group(1)}"})


class _BlockExtension(Extension):  # type: ignore[misc]
    def __init__(self, names: Collection[str]) -> None:
        super().__init__()
        self.names = frozenset(name for name in names if _BLOCK_NAME_RE.match(name))

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        if self.names:
            # Above the paragraph processor (10), below everything that starts a block by its mark.
            md.parser.blockprocessors.register(_BlockProcessor(md.parser, self.names), "rookie_blocks", 15)


class _ExternalLinkTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: Element) -> None:
        for element in root.iter("a"):
            if _is_web_url(_browser_form(element.get("href") or "")):
                element.set("rel", EXTERNAL_REL)


class _ExternalLinkExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        md.treeprocessors.register(_ExternalLinkTreeprocessor(md), "rookie_external_links", 0)


def _headings(tokens: Iterable[Mapping[str, Any]]) -> Iterator[Heading]:
    for token in tokens:
        yield Heading(
            level=token["level"],
            id=ID_PREFIX + token["id"],
            name=html.unescape(nh3.clean(token["name"], tags=set())),
            children=tuple(_headings(token.get("children", []))),
        )
