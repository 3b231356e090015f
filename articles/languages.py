"""Which language version of a guide a reader gets (DESIGN.md: fi → sv → en, da → sv → en, sv → en,
en → sv), in one place for the pages, the search, the feeds and the link resolver."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def fallback_chain(language):
    """The reader's language, its fallbacks, then every other language.

    The tail means a guide written only in, say, Finnish still reaches an English reader (marked as
    a fallback) instead of silently disappearing from their list.
    """
    codes = language_codes()
    if language not in codes:
        language = settings.LANGUAGE_CODE
    chain = [language, *settings.LANGUAGE_FALLBACKS.get(language, [])]
    return list(dict.fromkeys([*chain, *codes]))


# Whole sentences per language rather than one sentence with a language name slotted in: Finnish
# and the Scandinavian languages inflect the name ("suomeksi", "den svenske version").
NOT_AVAILABLE_IN = {
    "en": _("This guide is not yet available in English."),
    "sv": _("This guide is not yet available in Swedish."),
    "da": _("This guide is not yet available in Danish."),
    "fi": _("This guide is not yet available in Finnish."),
}
SHOWING_VERSION = {
    "en": _("Showing the English version."),
    "sv": _("Showing the Swedish version."),
    "da": _("Showing the Danish version."),
    "fi": _("Showing the Finnish version."),
}
IN_LANGUAGE = {
    "en": _("In English"),
    "sv": _("In Swedish"),
    "da": _("In Danish"),
    "fi": _("In Finnish"),
}
