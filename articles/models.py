"""Guides: an Article exists once and has versions in up to four languages (translation.py).

A language version exists when its title is filled in. Each version's body is converted to
sanitized HTML when the guide is saved (`body_html_<lang>`, with its table of contents in
`body_toc_<lang>`), so a reader never waits for Markdown: the page only adapts the stored HTML's
links to the reader (rookie/lib/markdown.py, articles/rendering.py). modeltranslation adds `title_en`,
`title_sv`, … columns; its own fallback only helps attribute access, while filter() and
order_by() use the active language's column with no fallback. So everything that picks a version
does it explicitly, through `languages.fallback_chain` (Python) or `shown_language_case` (SQL).
"""

import re

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from accounts.tracker.goal_templates import TEMPLATES_BY_KEY
from articles.blocks import GUIDE_BLOCKS
from articles.languages import IN_LANGUAGE, NOT_AVAILABLE_IN, SHOWING_VERSION, fallback_chain
from articles.permissions import can_edit_guides
from articles.translation_status import TranslationTracking, text_fields
from rookie.lib.languages import LANGUAGE_CHOICES, LANGUAGE_CODES
from rookie.lib.markdown import MAX_MARKDOWN_CHARACTERS, SAVE_SECONDS, MarkdownTooComplex, Rendered, render_for_storage

TRANSLATED_ARTICLE_FIELDS = (
    *("title", "slug", "description", "body", "keywords"),
    *("reading_minutes", "body_html", "body_toc"),
)
# What save() derives from each version's title and body.
DERIVED_FIELDS = ("reading_minutes", "body_html", "body_toc")
# The fields an editor writes per language; a version with any of them filled in must be complete.
EDITED_FIELDS = ("title", "slug", "description", "body", "keywords")
_NORDIC = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ä": "a", "Ä": "A",
                         "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "ß": "ss"})  # fmt: skip
TOO_COMPLEX = _(
    "This text is too complex to convert (for example a long run of [ or lists and quotes nested very deeply). "
    "Simplify it and save again."
)
SLUG_MAX_LENGTH = 200
# Paths under /guides/ that are not guides (articles/urls.py).
RESERVED_SLUGS = frozenset({"feed"})


def nordic_slugify(text, max_length=SLUG_MAX_LENGTH):
    """ "Netværk för Ålborg" → "netvaerk-for-alborg" (slugify alone would drop æ, ø)."""
    slug = slugify(str(text).translate(_NORDIC))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def _present(field_name):
    # Translation columns are nullable: NULL and "" both mean "not written in this language".
    return Q(**{f"{field_name}__gt": ""})


def any_slug_q(slug):
    return Q(key=slug) | Q(*[Q(**{f"slug_{code}": slug}) for code in LANGUAGE_CODES], _connector=Q.OR)


def shown_language_case(language):
    """SQL twin of `Article.version(language).language`: the first language of the chain that exists."""
    return Case(
        *[When(_present(f"title_{code}"), then=Value(code)) for code in fallback_chain(language)],
        default=Value(""),
        output_field=models.CharField(),
    )


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class CategoryQuerySet(models.QuerySet):
    def with_published_guides(self):
        # EXISTS, not a join and DISTINCT over every (translated) column: one probe per category.
        return self.filter(Exists(Article.objects.published().filter(category=OuterRef("pk")))).order_by("pk")


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, blank=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=[f"slug_{code}"],
                condition=_present(f"slug_{code}"),
                name=f"articles_category_slug_{code}_unique",
            )
            for code in LANGUAGE_CODES
        ]

    def __str__(self):
        return self.name_for(translation.get_language())

    def save(self, *args, **kwargs):
        for code in LANGUAGE_CODES:
            if getattr(self, f"name_{code}", "") and not getattr(self, f"slug_{code}", ""):
                setattr(self, f"slug_{code}", nordic_slugify(getattr(self, f"name_{code}"), 100))
        super().save(*args, **kwargs)

    def _pick(self, field, language):
        for code in fallback_chain(language):
            value = getattr(self, f"{field}_{code}", "")
            if value:
                return value, code
        return "", language

    def name_for(self, language):
        return self._pick("name", language)[0]

    def slug_for(self, language):
        return self._pick("slug", language)[0]

    def clean(self):
        written = [code for code in LANGUAGE_CODES if getattr(self, f"name_{code}", "")]
        if not written:
            raise ValidationError({NON_FIELD_ERRORS: _("Give the category a name in at least one language.")})
        errors = {}
        for code in written:
            slug = getattr(self, f"slug_{code}") or nordic_slugify(getattr(self, f"name_{code}"), 100)
            setattr(self, f"slug_{code}", slug)
            clash = Category.objects.exclude(pk=self.pk).filter(
                Q(*[Q(**{f"slug_{other}": slug}) for other in LANGUAGE_CODES], _connector=Q.OR)
            )
            if slug and clash.exists():
                errors[f"slug_{code}"] = _("Another category already uses this slug.")
        if errors:
            raise ValidationError(errors)


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(status=Status.PUBLISHED, published_at__lte=now or timezone.now())

    def visible_to(self, user):
        """Editors see drafts and scheduled guides (to preview them); everyone else what is published."""
        return self.all() if can_edit_guides(user) else self.published()

    def with_shown_language(self, language):
        return self.annotate(shown_language=shown_language_case(language))

    def for_listing(self):
        # Lists never show bodies; four languages of them would be most of the row.
        bodies = [f"{name}_{code}" for name in ("body", "body_html", "body_toc") for code in LANGUAGE_CODES]
        return self.select_related("category").defer("body", "body_html", "body_toc", *bodies)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")


class Article(TranslationTracking, models.Model):
    Status = Status

    key = models.SlugField(
        _("identifier"),
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        help_text=_("Stays the same in every language; the importer finds the guide by it. Filled in if left empty."),
    )
    # Translated (translation.py): title, slug, description, body, keywords, reading_minutes.
    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        help_text=_("Part of the address; made from the title if empty."),
    )
    description = models.CharField(
        _("description"), max_length=300, blank=True, help_text=_("One or two sentences for lists and search engines.")
    )
    body = MarkdownxField(
        _("text"),
        blank=True,
        # A validator, not max_length: a textarea's maxlength would cut a pasted text silently.
        validators=[MaxLengthValidator(MAX_MARKDOWN_CHARACTERS)],
        help_text=_("Markdown. Link to another guide with [text](/its-slug)."),
    )
    keywords = models.CharField(_("keywords"), max_length=255, blank=True, help_text=_("Separated by commas."))
    reading_minutes = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=0, editable=False)
    # The body as sanitized HTML (links inside the site as written) and its headings, made by save().
    body_html = models.TextField(_("text as HTML"), blank=True, default="", editable=False)
    body_toc = models.JSONField(_("table of contents"), blank=True, default=list, editable=False)

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    author_name = models.CharField(_("author"), max_length=120, blank=True)
    cover_image = models.ImageField(
        _("cover image"),
        upload_to="guides/covers/",
        blank=True,
        max_length=200,
        help_text=_("PNG, JPEG, WebP or GIF. Or give an image address below, not both."),
    )
    image_url = models.URLField(
        _("cover image address"), max_length=500, blank=True, validators=[URLValidator(schemes=["https"])]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"), null=True, blank=True, help_text=_("A time in the future schedules the guide.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Keys of the tracker's goal templates (accounts/tracker/goal_templates.py) that this guide
    # suggests; the guide page offers each one as "add to my goals". A list on the row, not a table,
    # so the guide page needs no extra query.
    suggested_goals = models.JSONField(_("suggested goals"), default=list, blank=True)
    # Translation status (articles/translation_status.py): the language the others are translated
    # from, a digest of that version's current text, and per other language the digest of the
    # source text it was translated from.
    source_language = models.CharField(
        _("source language"),
        max_length=5,
        blank=True,
        choices=list(LANGUAGE_CHOICES),
        help_text=_("The version the others are translated from. Empty: the first language the guide has."),
    )
    source_digest = models.CharField(_("source text digest"), max_length=16, blank=True, editable=False)
    translated_from = models.JSONField(_("translated from"), default=dict, blank=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="articles_article_status_valid"),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT) | Q(published_at__isnull=False),
                name="articles_article_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(cover_image="") | Q(image_url=""), name="articles_article_one_cover_image"
            ),
            *[
                models.UniqueConstraint(
                    fields=[f"slug_{code}"],
                    condition=_present(f"slug_{code}"),
                    name=f"articles_article_slug_{code}_unique",
                )
                for code in LANGUAGE_CODES
            ],
        ]
        indexes = [
            # List page, home page, feeds, sitemap: published guides up to now, newest first.
            models.Index(fields=["status", "-published_at"], name="articles_article_listing"),
        ]

    def __str__(self):
        return self.version(translation.get_language()).title or self.key

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        texts_change = update_fields is None or any(re.match(r"(title|slug|body)_", name) for name in update_fields)
        if texts_change or (update_fields is not None and "source_language" in update_fields):
            self.fill_derived_fields()
            self.track_translations(self._stored_texts())
            if update_fields is not None:
                derived = [f"{name}_{code}" for name in ("slug", *DERIVED_FIELDS) for code in LANGUAGE_CODES]
                tracking = ("source_language", "source_digest", "translated_from")
                kwargs["update_fields"] = {*update_fields, *derived, *tracking, "key"}
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        self.keep_source_text()

    def get_absolute_url(self):
        return self.version(translation.get_language()).url

    def _stored_texts(self):
        """The titles and texts as stored before this save (None for a new guide): one query."""
        if self.pk is None:
            return None
        return Article.objects.filter(pk=self.pk).values(*text_fields()).first()

    # --- Language versions ----------------------------------------------------------------------

    def has_version(self, code):
        return bool(getattr(self, f"title_{code}", ""))

    @property
    def languages(self):
        return [code for code in LANGUAGE_CODES if self.has_version(code)]

    def version(self, language):
        """The version a reader of `language` gets: their own, else the first fallback that exists."""
        for code in fallback_chain(language):
            if self.has_version(code):
                return ArticleVersion(self, code, language)
        return ArticleVersion(self, language, language)

    @cached_property
    def cover_url(self):
        return self.cover_image.url if self.cover_image else self.image_url

    # --- State ----------------------------------------------------------------------------------

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and self.published_at is not None and self.published_at <= timezone.now()

    @property
    def suggested_goal_templates(self):
        return [TEMPLATES_BY_KEY[key] for key in self.suggested_goals or [] if key in TEMPLATES_BY_KEY]

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.published_at is not None and self.published_at > timezone.now()

    # --- Validation and derived fields ----------------------------------------------------------

    def _written_languages(self):
        return [code for code in LANGUAGE_CODES if any(getattr(self, f"{name}_{code}", "") for name in EDITED_FIELDS)]

    def clean(self):
        written = self._written_languages()
        if not written:
            raise ValidationError({NON_FIELD_ERRORS: _("Write the guide in at least one language.")})
        errors = {}
        for code in written:
            if not getattr(self, f"title_{code}", ""):
                errors[f"title_{code}"] = _("This language version needs a title.")
            body = getattr(self, f"body_{code}", "") or ""
            if not body.strip():
                errors[f"body_{code}"] = _("This language version needs a text.")
            elif len(body) <= MAX_MARKDOWN_CHARACTERS:  # a longer one already has its error
                try:
                    self._rendered(code, body)
                except MarkdownTooComplex:
                    errors[f"body_{code}"] = TOO_COMPLEX
            slug = getattr(self, f"slug_{code}", "") or ""
            if not slug and getattr(self, f"title_{code}", ""):
                slug = self.unique_slug(getattr(self, f"title_{code}"))
                setattr(self, f"slug_{code}", slug)
            if slug and self.slug_taken(slug):
                errors[f"slug_{code}"] = _("Another guide already uses this slug (in some language).")
        if self.key and Article.objects.exclude(pk=self.pk).filter(any_slug_q(self.key)).exists():
            errors["key"] = _("Another guide already uses this identifier or slug.")
        if self.cover_image and self.image_url:
            errors["image_url"] = _("Upload a cover image or give its address, not both.")
        if errors:
            raise ValidationError(errors)
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()  # published now, unless a time was given

    def slug_taken(self, slug):
        """Slugs are unique across languages too: /guides/<slug>/ finds a guide from any of them."""
        if slug in RESERVED_SLUGS:
            return True
        others = Article.objects.exclude(pk=self.pk) if self.pk else Article.objects.all()
        return others.filter(any_slug_q(slug)).exists()

    def unique_slug(self, text):
        base = nordic_slugify(text) or "guide"
        candidate, number = base, 2
        while self.slug_taken(candidate):
            suffix = f"-{number}"
            candidate, number = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix, number + 1
        return candidate

    def _rendered(self, code, body):
        """The stored form of one version's body, converted once per text (clean() then save())."""
        cache = self.__dict__.setdefault("_rendered_bodies", {})
        if cache.get(code, (None,))[0] != body:
            cache[code] = (body, render_for_storage(body, language=code, time_budget=SAVE_SECONDS, blocks=GUIDE_BLOCKS))
        return cache[code][1]

    def fill_derived_fields(self):
        """Slugs, the key and each version's stored HTML. Raises MarkdownTooComplex for a body that
        clean() would have refused."""
        for code in LANGUAGE_CODES:
            title = getattr(self, f"title_{code}", "") or ""
            if title and not getattr(self, f"slug_{code}", ""):
                setattr(self, f"slug_{code}", self.unique_slug(title))
            body = getattr(self, f"body_{code}", "") or ""
            rendered = self._rendered(code, body) if title and body.strip() else None
            for name, value in derived_values(rendered).items():
                setattr(self, f"{name}_{code}", value)
        if not self.key:
            first = next((getattr(self, f"slug_{code}") for code in fallback_chain(settings.LANGUAGE_CODE)
                          if getattr(self, f"slug_{code}", "")), "guide")  # fmt: skip
            self.key = first if not self.slug_taken(first) else self.unique_slug(first)


class SourceText(models.Model):
    """A source version's text as it was under one digest: what a stale translation's diff starts
    from (articles/translation_status.py). One row per distinct source text of a guide."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="source_texts")
    digest = models.CharField(max_length=16)
    language = models.CharField(max_length=5)
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("source text")
        verbose_name_plural = _("source texts")
        constraints = [
            # Also the index for the diff's look-up by guide and digest.
            models.UniqueConstraint(fields=["article", "digest"], name="articles_sourcetext_one_per_digest"),
        ]

    def __str__(self):
        return f"{self.article_id}/{self.language}/{self.digest}"


def derived_values(rendered: Rendered | None) -> dict:
    """reading_minutes, body_html and body_toc of one version (None: no text), as save() stores them."""
    if rendered is None:
        return {"reading_minutes": 0, "body_html": "", "body_toc": []}
    return {
        "reading_minutes": rendered.reading_minutes,
        "body_html": str(rendered.html),
        "body_toc": [heading.as_json() for heading in rendered.toc],
    }


class ArticleVersion:
    """One language version of a guide, as a reader of `requested` sees it."""

    def __init__(self, article, language, requested):
        self.article = article
        self.language = language
        self.requested = requested

    def _get(self, name):
        return getattr(self.article, f"{name}_{self.language}", "") or ""

    title = property(lambda self: self._get("title"))
    slug = property(lambda self: self._get("slug"))
    description = property(lambda self: self._get("description"))
    body = property(lambda self: self._get("body"))
    reading_minutes = property(lambda self: getattr(self.article, f"reading_minutes_{self.language}", 0) or 0)

    @property
    def keywords(self):
        return [word.strip() for word in self._get("keywords").split(",") if word.strip()]

    @property
    def is_fallback(self):
        return self.language != self.requested

    @property
    def fallback_notice(self):
        """ "This guide is not yet available in Finnish. Showing the Swedish version." (reader's language)"""
        with translation.override(self.requested):
            return f"{NOT_AVAILABLE_IN[self.requested]} {SHOWING_VERSION[self.language]}"

    @property
    def language_label(self):
        with translation.override(self.requested):
            return str(IN_LANGUAGE[self.language])

    @property
    def url(self):
        """This version's page for the reader: /fi/guides/<Swedish slug>/ when fi falls back to sv."""
        with translation.override(self.requested):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def canonical_url(self):
        with translation.override(self.language):
            return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def category_name(self):
        category = self.article.category
        return category.name_for(self.requested) if category else ""

    @property
    def category_slug(self):
        category = self.article.category
        return category.slug_for(self.requested) if category else ""

    def alternates(self):
        """(language, URL) for every version that exists, for <link rel="alternate" hreflang>."""
        links = []
        for code in self.article.languages:
            with translation.override(code):
                links.append((code, reverse("articles:detail", kwargs={"slug": getattr(self.article, f"slug_{code}")})))
        return links


class ImageAsset(models.Model):
    """An image uploaded through the writing desk, kept with its alt text so editors can reuse it in
    any guide (articles/desk.py). The file went through rookie/lib/images.py's check on upload."""

    file = models.ImageField(_("file"), upload_to=settings.MARKDOWNX_MEDIA_PATH, max_length=255)
    alt_text = models.CharField(
        _("alt text"), max_length=250, help_text=_("What the image shows, for readers who cannot see it.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="articles_imageasset_alt_text_required"),
        ]

    def __str__(self):
        return self.alt_text

    @property
    def markdown(self):
        # Brackets would end the alt text early; the URL is the storage's own (no spaces, no parentheses).
        alt = " ".join(self.alt_text.replace("[", "(").replace("]", ")").split())
        return f"![{alt}]({self.file.url})"
