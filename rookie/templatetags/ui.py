"""Interface pieces every template uses: icons from the one SVG sprite and initials avatars.

`{% icon "name" %}` draws `static/img/icons.svg#i-name` (vendored Lucide icons). An icon only
decorates: it is hidden from assistive technology, so the link or button it sits in must carry
its own text (visible, or visually hidden).

`{% avatar person %}` draws one or two initials from a person's name (a user's display name, a
contact's name) on one of six background colours chosen from the name, so the same person keeps
the same colour on every page. The colours are classes in rookie.css (no style attribute under
the CSP), each at AA contrast with its text in light and dark mode. The avatar is decorative too:
the name is always written beside it.
"""

import re
import zlib

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

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
        static("img/icons.svg"),
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
