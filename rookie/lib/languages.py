"""The site's language codes, read once from settings.LANGUAGES, so no module keeps its own list."""

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # the stubs' name for a str or a lazy translation; nothing at run time
    from django_stubs_ext import StrOrPromise

# In the order of settings.LANGUAGES: the first is the default interface language.
LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
# (code, name) pairs for a field's choices, the names translated lazily.
LANGUAGE_CHOICES: "tuple[tuple[str, StrOrPromise], ...]" = tuple(settings.LANGUAGES)


def language_names() -> dict[str, str]:
    """{code: name} in the active language, in the order of settings.LANGUAGES."""
    return {code: str(name) for code, name in settings.LANGUAGES}


def is_language(code: object) -> bool:
    """Whether `code` is one of the site's language codes (anything else, None included, is not)."""
    return isinstance(code, str) and code in LANGUAGE_CODES


def other_languages(code: str) -> tuple[str, ...]:
    """Every site language except `code`, in the order of settings.LANGUAGES."""
    return tuple(other for other in LANGUAGE_CODES if other != code)


def language_fields(name: str) -> tuple[str, ...]:
    """The per-language column names of a translated field: ("title_en", "title_sv", ...)."""
    return tuple(f"{name}_{code}" for code in LANGUAGE_CODES)
