"""Interface pieces every template uses: icons from the one SVG sprite and initials avatars.

`{% icon "name" %}` draws `static/img/icons.svg#i-name` (vendored Lucide icons). An icon only
decorates: it is hidden from assistive technology, so the link or button it sits in must carry
its own text (visible, or visually hidden).

`{% memo "name" key… %}…{% endmemo %}` renders its content once per process for each language and
key (rookie/lib/memo.py): the page shell's header, menu, language switcher and footer are the same
for every reader of a language who is signed in (or not) the same way, and rendering them (URLs,
static files, translations) was most of what every page cost. The content may differ by what the
key holds and by two things per request only: the CSRF token (each `{% csrf_token %}` inside) and
the language switcher's `next` (`language_switch_next`, else the page's path), which are filled in
on each request. Blocks a child template overrides and anything else that depends on the request
or the reader stay outside, and a memo's content sets nothing the rest of the page reads (an
`{% url … as name %}` inside is gone when the memo comes from memory).

`{% avatar person %}` draws one or two initials from a person's name (a user's display name, a
contact's name) on one of six background colours chosen from the name, so the same person keeps
the same colour on every page. The colours are classes in rookie.css (no style attribute under
the CSP), each at AA contrast with its text in light and dark mode. The avatar is decorative too:
the name is always written beside it.
"""

import re
import zlib

from django import template
from django.conf import settings
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from rookie.lib.memo import remembered, static_url

register = template.Library()

AVATAR_COLOURS = 6
_ICON_NAME = re.compile(r"^[a-z0-9-]+$")


@register.simple_tag
def icon(name, extra_class=""):
    if not _ICON_NAME.match(str(name)):
        raise template.TemplateSyntaxError(f"icon names are lower-case words joined by hyphens, not {name!r}")
    classes = f"icon {extra_class}".strip()
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#i-{}"></use></svg>',
        classes,
        static_url("img/icons.svg"),
        name,
    )


def person_name(person) -> str:
    """The name a person is shown by: a user's display name (else e-mail), a contact's name."""
    if person is None:
        return ""
    if isinstance(person, str):
        return person
    for attribute in ("display_name", "name"):
        value = getattr(person, attribute, "")
        if value:
            return str(value)
    return str(getattr(person, "email", "") or person)


def initials(name: str) -> str:
    """One or two letters: the first letters of the first and the last word ("Anna-Karin
    Lindqvist" → "AL", "Björk" → "B", "åsa öberg" → "ÅÖ"). Words without a letter or digit
    (an emoji, "&") are skipped; a name with none at all gives "?"."""
    words = [w for w in (re.sub(r"[^\w]", "", part) for part in name.split()) if w]
    words = [w.lstrip("_") for w in words if w.strip("_")]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def avatar_colour(name: str) -> int:
    # crc32, not hash(): hash() of a str changes between processes, the colour must not.
    return zlib.crc32(name.strip().casefold().encode("utf-8")) % AVATAR_COLOURS


@register.simple_tag
def avatar(person, size=""):
    name = person_name(person)
    classes = f"avatar avatar--c{avatar_colour(name)}"
    if size:
        classes += f" avatar--{size}"
    return format_html('<span class="{}" aria-hidden="true">{}</span>', classes, initials(name))


# Stand-ins for the per-request values while the shared markup is rendered: NUL never reaches a
# page from a request (query strings with NUL are refused, rookie/middleware.py) nor from a template.
_CSRF_STAND_IN = "\x00memo-csrf\x00"
_NEXT_STAND_IN = "\x00memo-next\x00"


def _hashable(value: object) -> object:
    # A list or a dict as a key (goal keys, say) by its content.
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


class MemoNode(template.Node):
    # Its content is not walked when a child template looks for the parent's blocks (on each render
    # of an {% extends %}, the whole parent): a memo holds no block (checked when it is parsed).
    child_nodelists = ()

    def __init__(self, nodelist: template.NodeList, name: str, keys: list[template.base.FilterExpression]):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        csrf_token = context.get("csrf_token")
        # Without a request (an e-mail) or a token the output is not the shared one; while developing
        # (DEBUG) templates change under a running process.
        if request is None or not csrf_token or csrf_token == "NOTPROVIDED" or settings.DEBUG:
            return self.nodelist.render(context)
        key = (
            "memo",
            self.origin.name if self.origin else "",
            self.name,
            get_language(),
            get_script_prefix(),
            *(_hashable(key.resolve(context)) for key in self.keys),
        )

        def shared() -> str:
            with context.push(csrf_token=_CSRF_STAND_IN, language_switch_next=_NEXT_STAND_IN):
                return self.nodelist.render(context)

        html = remembered(key, shared)
        if _CSRF_STAND_IN in html:
            html = html.replace(_CSRF_STAND_IN, str(csrf_token))
        if _NEXT_STAND_IN in html:
            next_url = context.get("language_switch_next") or request.get_full_path()
            html = html.replace(_NEXT_STAND_IN, conditional_escape(next_url))
        return mark_safe(html)


@register.tag
def memo(parser: template.base.Parser, token: template.base.Token) -> MemoNode:
    """{% memo "name" key1 key2 … %}…{% endmemo %}: see the module's docstring."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("memo takes a quoted name, then the values its content depends on")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        # A child template's block would be rendered once for every page that shares the memo.
        raise template.TemplateSyntaxError("a memo cannot hold a {% block %}: end the memo before it")
    return MemoNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
