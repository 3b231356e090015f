"""Which language version of a guide a reader gets (settings.LANGUAGE_FALLBACKS: fi → sv → en,
da → sv → en, sv → en, en → sv), in one place for the pages, the search, the feeds and the link
resolver."""

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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
