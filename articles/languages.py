"""Which language version of a guide a reader gets (settings.LANGUAGE_FALLBACKS: fi → sv → en,
da → sv → en, sv → en, en → sv), in one place for the pages, the search, the feeds and the link
resolver.

A guide's own page also follows the reader: the languages they read (a member's profile, else the
browser's Accept-Language) come before the configured chain, so a Finnish reader who reads English
gets the English version rather than the Swedish one (reader_chain).
"""

from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

from rookie.lib.languages import LANGUAGE_CODES


def fallback_chain(language: str | None) -> list[str]:
    """The reader's language, its fallbacks, then every other language.

    The tail means a guide written only in, say, Finnish still reaches an English reader (marked as
    a fallback) instead of silently disappearing from their list.
    """
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    chain = [language, *settings.LANGUAGE_FALLBACKS.get(language, [])]
    return list(dict.fromkeys([*chain, *LANGUAGE_CODES]))


def accept_language_codes(header: str) -> list[str]:
    """The site languages an Accept-Language header asks for, best first ("fi-FI, en;q=0.8" → fi, en).

    Regional variants count as their language; languages the site lacks and "*" are left out. A
    malformed header gives none; Django's parser reads at most its first 500 characters.
    """
    codes = []
    for tag, _quality in parse_accept_lang_header(header or ""):  # sorted by q, highest first
        code = tag.split("-")[0].lower()
        if code in LANGUAGE_CODES and code not in codes:
            codes.append(code)
    return codes


def reader_languages(request: HttpRequest) -> list[str]:
    """The languages this reader reads, best first: a member's own list, else their browser's."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.reading_language_list:
        return user.reading_language_list
    return accept_language_codes(request.headers.get("accept-language", ""))


def reader_chain(language: str | None, reading: Iterable[str]) -> list[str]:
    """The versions to try for a reader of `language` who also reads `reading` (best first).

    Their interface language first, then the languages they read, then the configured chain and
    every other language (fallback_chain).
    """
    chain = fallback_chain(language)
    known = [code for code in reading if code in LANGUAGE_CODES]
    return list(dict.fromkeys([chain[0], *known, *chain]))


# Whole sentences per language rather than one sentence with a language name slotted in: Finnish
# and the Scandinavian languages inflect the name ("suomeksi", "den svenske version").
NOT_AVAILABLE_IN: dict[str, Promise] = {
    "en": _("This guide is not yet available in English."),
    "sv": _("This guide is not yet available in Swedish."),
    "da": _("This guide is not yet available in Danish."),
    "fi": _("This guide is not yet available in Finnish."),
}
SHOWING_VERSION: dict[str, Promise] = {
    "en": _("Showing the English version."),
    "sv": _("Showing the Swedish version."),
    "da": _("Showing the Danish version."),
    "fi": _("Showing the Finnish version."),
}
IN_LANGUAGE: dict[str, Promise] = {
    "en": _("In English"),
    "sv": _("In Swedish"),
    "da": _("In Danish"),
    "fi": _("In Finnish"),
}
