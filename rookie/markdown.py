"""The one Markdown renderer: Python-Markdown (extra, sane_lists, toc, smarty), then nh3.

Guide pages, the admin preview and the importer all go through `render_markdown`, so what an
editor previews is exactly what a reader gets. Python-Markdown passes raw HTML and attribute lists
through untouched; nh3 (an HTML5 parser, not a regular expression) then keeps only the tags and
attributes below and only http(s)/mailto URLs, so no script, event handler, `javascript:` or
`data:` URL, iframe, style, form or object survives, however it is spelled.

Links are rewritten while nh3 walks the tree (see `_LinkPolicy`): a one-segment path such as
`/chamber-of-commerce` (or `/guides/chamber-of-commerce`) names a guide and is resolved by the
caller; links to app sections get the reader's language prefix; a guide link that resolves to
nothing loses its `<a>` and stays plain text.
"""

import html
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

EXTENSIONS = ["extra", "sane_lists", "toc", "smarty"]

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

# First path segments that are app sections: a link to one gets the reader's language prefix.
APP_SECTIONS = frozenset({"guides", "networks", "me", "accounts"})
# Root paths that are neither sections nor guides; links to them are left alone.
ROOT_PATHS = frozenset({"admin", "media", "static", "i18n", "markdownx", "sitemap.xml", "healthz", "readyz"})
_SLUG_RE = re.compile(r"^[-\w]+$")
# An anchor nh3 left without an href (only rel/title, which nh3 always writes with double quotes).
_UNLINKED_ANCHOR_RE = re.compile(r'<a(?:\s+(?:rel|title)="[^"]*")*>(.*?)</a>', re.DOTALL)
_WORD_RE = re.compile(r"\w+")
WORDS_PER_MINUTE = 200

# Given the guide slugs a body links to, returns {slug: URL of the guide in the reader's
# language}; a slug missing from the answer (or mapped to None) is a broken link.
GuideResolver = Callable[[Collection[str]], Mapping[str, str | None]]


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    name: str
    children: tuple["Heading", ...] = ()


@dataclass(frozen=True)
class Rendered:
    html: SafeString
    toc: tuple[Heading, ...]
    word_count: int
    guide_links: tuple[str, ...] = ()  # guide slugs the body links to, in order of appearance
    broken_links: tuple[str, ...] = ()  # the ones that resolve to no guide the reader may see

    @property
    def reading_minutes(self):
        return reading_minutes(self.word_count)


def reading_minutes(word_count):
    return max(1, round(word_count / WORDS_PER_MINUTE))


def render_markdown(text, *, language=None, resolve_guides=None):
    """Markdown → sanitized HTML, its table of contents and its word count.

    `language` is the reader's language (for link prefixes; default: the active one).
    `resolve_guides` maps linked guide slugs to URLs (see GuideResolver); without it, guide
    links point at /<language>/guides/<slug>/ unverified.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, _ExternalLinkExtension()],
        extension_configs={
            "extra": {
                # align="…" rather than style="text-align: …", which nh3 strips (no style at all).
                "tables": {"use_align_attribute": True},
                "footnotes": {"BACKLINK_TITLE": _("Back to footnote %d in the text")},
            },
        },
        output_format="html",
    )
    raw_html = md.convert(text or "")
    policy = _LinkPolicy(language)
    slugs = policy.collect_guide_slugs(raw_html)
    if resolve_guides is None:
        resolved = {slug: policy.default_guide_url(slug) for slug in slugs}
    else:
        resolved = dict(resolve_guides(slugs)) if slugs else {}
    policy.resolved = resolved
    clean = nh3.clean(
        raw_html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
        attribute_filter=policy.filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        id_prefix=ID_PREFIX,
        strip_comments=True,
    )
    # A link whose href was refused (a missing guide, a dangerous URL) is left as an <a> without
    # href: unwrap it so readers get plain text, not a dead link. nh3's output is well-formed
    # and anchors never nest, so this pattern only ever matches whole attribute-less anchors.
    clean = _UNLINKED_ANCHOR_RE.sub(r"\1", clean)
    text_only = nh3.clean(clean, tags=set())
    return Rendered(
        html=mark_safe(clean),
        toc=tuple(_headings(md.toc_tokens)),
        word_count=len(_WORD_RE.findall(html.unescape(text_only))),
        guide_links=tuple(slugs),
        broken_links=tuple(slug for slug in slugs if not resolved.get(slug)),
    )


def markdown_to_html(text, **kwargs):
    return render_markdown(text, **kwargs).html


def guide_slug_from_href(href):
    """The guide slug a link names (`/slug`, `/guides/slug`, with optional slash), or None."""
    href = (href or "").strip()
    if not href.startswith("/") or href.startswith("//"):
        return None
    parts = urlsplit(href)
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) == 2 and segments[0] == "guides":
        candidate = segments[1]
    elif len(segments) == 1 and segments[0] not in APP_SECTIONS and segments[0] not in ROOT_PATHS:
        candidate = segments[0]
    else:
        return None
    if candidate in _language_codes() or not _SLUG_RE.match(candidate):
        return None
    return candidate


def _language_codes():
    return {code for code, _name in settings.LANGUAGES}


class _LinkPolicy:
    def __init__(self, language):
        self.language = language
        self.resolved = {}

    def default_guide_url(self, slug):
        return f"/{self.language}/guides/{slug}/"

    def collect_guide_slugs(self, raw_html):
        # Only gathers candidates for one look-up; nh3 decides what is a link when it cleans.
        slugs = []
        for match in re.finditer(r"""href\s*=\s*["']?([^"'\s>]+)""", raw_html, re.IGNORECASE):
            slug = guide_slug_from_href(html.unescape(match.group(1)))
            if slug and slug not in slugs:
                slugs.append(slug)
        return slugs

    def filter_attribute(self, tag, attribute, value):
        # nh3 has already refused unsafe schemes; every value returned here is built from a safe
        # pattern, since nh3 does not check this function's output again.
        if tag == "a" and attribute == "href":
            return self.rewrite_href(value)
        if tag == "a" and attribute == "rel":
            return EXTERNAL_REL
        return value

    def rewrite_href(self, href):
        href = href.strip()
        if href.startswith("#"):
            return "#" + ID_PREFIX + href[1:]
        lowered = href.lower()
        if lowered.startswith(("http://", "https://", "mailto:")):
            return href
        if not href.startswith("/") or href.startswith("//"):
            # Relative links ("../x") and protocol-relative ones are not something guides need.
            return None
        slug = guide_slug_from_href(href)
        if slug is not None:
            url = self.resolved.get(slug)
            if not url:
                return None
            fragment = urlsplit(href).fragment
            return f"{url}#{ID_PREFIX}{fragment}" if fragment else url
        first = href.lstrip("/").split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        if first in APP_SECTIONS:
            return f"/{self.language}{href}"
        return href


class _ExternalLinkTreeprocessor(Treeprocessor):
    def run(self, root: Element):
        for element in root.iter("a"):
            href = (element.get("href") or "").strip().lower()
            if href.startswith(("http://", "https://")):
                element.set("rel", EXTERNAL_REL)


class _ExternalLinkExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's API)
        md.treeprocessors.register(_ExternalLinkTreeprocessor(md), "rookie_external_links", 0)


def _headings(tokens):
    for token in tokens:
        yield Heading(
            level=token["level"],
            id=ID_PREFIX + token["id"],
            name=html.unescape(nh3.clean(token["name"], tags=set())),
            children=tuple(_headings(token.get("children", []))),
        )
