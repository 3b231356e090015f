"""The site's own pages: the privacy notice, the terms of use and the contact page.

One row per kind (a database constraint keeps it so), each with a title and a Markdown body per
language (sitepages/translation.py). Editors change them in the admin; readers get them at
/<lang>/pages/<kind>/ (sitepages/urls.py), the language the page is missing in falling back along
the project's chain with a notice (docs/site-pages.md).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rookie.lib.languages import LANGUAGE_CODES
from rookie.lib.markdown import MAX_MARKDOWN_CHARACTERS, SAVE_SECONDS, MarkdownTooComplex, render_for_storage


class Kind(models.TextChoices):
    PRIVACY = "privacy", _("Privacy notice")
    TERMS = "terms", _("Terms of use")
    CONTACT = "contact", pgettext_lazy("site page", "Contact")


# The same words as a guide's (articles/models.py), so the catalogues hold one translation.
TOO_COMPLEX = _(
    "This text is too complex to convert (for example a long run of [ or lists and quotes nested very deeply). "
    "Simplify it and save again."
)

# Whole sentences per language, as for guides (articles/languages.py): the language names inflect.
NOT_AVAILABLE_IN = {
    "en": _("This page is not yet available in English."),
    "sv": _("This page is not yet available in Swedish."),
    "da": _("This page is not yet available in Danish."),
    "fi": _("This page is not yet available in Finnish."),
}


class SitePage(models.Model):
    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices)
    # Translated (one column per language); an empty title or body means "not written in that language".
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(
        _("text"),
        blank=True,
        # A validator, not max_length: a textarea's maxlength would cut a pasted text silently.
        validators=[MaxLengthValidator(MAX_MARKDOWN_CHARACTERS)],
        help_text=_("Markdown. Links inside the site are written without the language, e.g. /pages/contact/."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind"], name="sitepages_sitepage_kind_unique"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="sitepages_sitepage_kind_valid"),
        ]

    def __str__(self):
        return str(self.get_kind_display())

    def get_absolute_url(self):
        return reverse(f"sitepages:{self.kind}")

    def has_version(self, language):
        return bool(
            (getattr(self, f"title_{language}", "") or "").strip()
            and (getattr(self, f"body_{language}", "") or "").strip()
        )

    @property
    def languages(self):
        """The languages this page is written in, in the order of settings.LANGUAGES."""
        return [code for code in LANGUAGE_CODES if self.has_version(code)]

    def version(self, chain, requested):
        """The first version on `chain` (best first) that is written, as a reader of `requested`
        sees it; None when the page is written in no language at all."""
        code = next((code for code in chain if self.has_version(code)), None)
        return None if code is None else PageVersion(self, code, requested)

    def clean(self):
        # Refuse here what a reader's page could not render in time (rookie/lib/markdown.py).
        errors = {}
        for code in LANGUAGE_CODES:
            title = (getattr(self, f"title_{code}", "") or "").strip()
            body = (getattr(self, f"body_{code}", "") or "").strip()
            if title and not body:
                errors[f"body_{code}"] = _("This language version needs a text.")
            elif body and not title:
                errors[f"title_{code}"] = _("This language version needs a title.")
            elif len(body) <= MAX_MARKDOWN_CHARACTERS:  # a longer one already has its error
                try:
                    render_for_storage(body, language=code, time_budget=SAVE_SECONDS)
                except MarkdownTooComplex:
                    errors[f"body_{code}"] = TOO_COMPLEX
        if not errors and not self.languages:
            errors["__all__"] = _("Write the page in at least one language.")
        if errors:
            raise ValidationError(errors)


class PageVersion:
    """One language version of a site page, as a reader of `requested` sees it."""

    def __init__(self, page, language, requested):
        self.page = page
        self.language = language
        self.requested = requested

    @property
    def title(self):
        return getattr(self.page, f"title_{self.language}")

    @property
    def body(self):
        return getattr(self.page, f"body_{self.language}")

    @property
    def is_fallback(self):
        return self.language != self.requested

    @property
    def fallback_notice(self):
        """ "This page is not yet available in Finnish. Showing the Swedish version." (reader's language)"""
        from articles.languages import SHOWING_VERSION

        with translation.override(self.requested):
            return f"{NOT_AVAILABLE_IN[self.requested]} {SHOWING_VERSION[self.language]}"
