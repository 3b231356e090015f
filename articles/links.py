"""How links inside the site are read in a guide's body (rookie/lib/markdown.py: LinkRules).

`/<slug>` and `/guides/<slug>` name a guide; a link to any other part of the site served under
the language prefix (the guides, the networks, the tracker…) gets the reader's language prefix.
Both come from the URLconf, so a new section is covered as soon as it is mounted.
"""

import functools

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from rookie.lib.markdown import LinkRules


def _first_segment(route: str) -> str:
    return route.lstrip("^/").split("/", 1)[0]


def _segments(entries: list[URLPattern | URLResolver], sections: set[str], root_paths: set[str]) -> None:
    for entry in entries:
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            sections.update(_first_segment(str(inner.pattern)) for inner in entry.url_patterns)
        elif isinstance(entry, URLResolver) and not _first_segment(str(entry.pattern)):
            _segments(entry.url_patterns, sections, root_paths)  # included at the root
        else:
            root_paths.add(_first_segment(str(entry.pattern)))


@functools.cache
def guide_link_rules() -> LinkRules:
    sections: set[str] = set()
    root_paths: set[str] = set()
    _segments(get_resolver().url_patterns, sections, root_paths)
    # Served outside the URLconf (WhiteNoise, or object storage for uploads).
    root_paths.update(_first_segment(url) for url in (settings.STATIC_URL, settings.MEDIA_URL) if url)
    with translation.override(settings.LANGUAGE_CODE):
        guides = reverse("articles:list").strip("/").split("/")[-1]  # "/en/guides/" → "guides"
    return LinkRules(
        slug_section=guides,
        bare_slugs=True,
        sections=frozenset(sections - {""}),
        root_paths=frozenset(root_paths - {""}),
    )
