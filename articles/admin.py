"""Editors write and translate guides here: one change page, a tab per language, a live preview."""

import logging

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget
from modeltranslation.admin import TabbedTranslationAdmin

from accounts.tracker.goal_templates import GOAL_TEMPLATES
from articles.admin_translations import (
    TranslationStatusFilter,
    mark_updated_view,
    overview_view,
    translation_report,
)
from articles.models import Article, Category, Status
from articles.rendering import link_problems
from rookie.lib.images import STORAGE_FAILED, ImageRejected, clean_image
from rookie.lib.languages import LANGUAGE_CODES, language_fields, language_names

logger = logging.getLogger(__name__)


class LanguageVersionFilter(admin.SimpleListFilter):
    title = _("language versions")
    parameter_name = "version"

    def lookups(self, request, model_admin):
        names = language_names()
        choices = []
        for code in LANGUAGE_CODES:
            choices.append((f"has-{code}", _("With %(language)s") % {"language": names[code]}))
            choices.append((f"no-{code}", _("Without %(language)s") % {"language": names[code]}))
        return choices

    def queryset(self, request, queryset):
        kind, _sep, code = (self.value() or "").partition("-")
        if code not in LANGUAGE_CODES:
            return queryset
        written = Q(**{f"title_{code}__gt": ""})
        return queryset.filter(written) if kind == "has" else queryset.exclude(written)


class ArticleAdminForm(forms.ModelForm):
    # https is assumed when the scheme is left out (the model accepts https only; so does the CSP).
    image_url = forms.URLField(
        label=capfirst(Article._meta.get_field("image_url").verbose_name),
        max_length=500,
        required=False,
        assume_scheme="https",
    )

    suggested_goals = forms.MultipleChoiceField(
        label=_("Suggested goals"),
        choices=[(template.key, template.title) for template in GOAL_TEMPLATES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Readers of this guide are offered these goals with an “add to my goals” button."),
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (ArticleAdmin.fieldsets choose the fields; this form only checks)

    def clean_cover_image(self):
        image = self.cleaned_data.get("cover_image")
        if isinstance(image, UploadedFile):  # a new upload, not the file already stored
            try:
                return clean_image(image)
            except ImageRejected as error:
                raise forms.ValidationError(error.messages) from error
        return image

    def _post_clean(self):
        super()._post_clean()
        # A new cover is written to storage now, while the form can still say it failed and show
        # the editor's text again; left to the model's save, a full disk is a 500 and a lost edit.
        cover = self.instance.cover_image
        if self.errors or not cover or cover._committed:
            return
        try:
            cover.save(cover.name, cover.file, save=False)
        except OSError:
            logger.exception("Could not store the cover image of guide %s", self.instance.pk or "(new)")
            self.add_error("cover_image", STORAGE_FAILED)


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    form = ArticleAdminForm
    formfield_overrides = {MarkdownxField: {"widget": AdminMarkdownxWidget}}
    list_display = ("display_title", "language_versions", "category", "status", "published_at", "updated_at")
    list_filter = ("status", "category", LanguageVersionFilter, TranslationStatusFilter)
    list_select_related = ("category",)
    search_fields = (
        "key",
        *(field for name in ("title", "description", "keywords") for field in language_fields(name)),
    )
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("reading_times", "link_report", "translations", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "description", "body", "keywords")}),
        (_("Publishing"), {"fields": ("status", "published_at", "category", "author_name", "key")}),
        (_("Translations"), {"fields": ("source_language", "translations")}),
        (_("Cover image"), {"fields": ("cover_image", "image_url")}),
        (_("Suggested goals"), {"fields": ("suggested_goals",)}),
        (_("Checks"), {"fields": ("link_report", "reading_times", "created_at", "updated_at")}),
    )

    def get_urls(self):
        site = self.admin_site
        return [
            path("translations/", site.admin_view(overview_view(self)), name="articles_article_translations"),
            path(
                "<int:pk>/mark-updated/<str:language>/",
                site.admin_view(mark_updated_view(self)),
                name="articles_article_mark_updated",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("translation status"))
    def translations(self, obj):
        return translation_report(obj)

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return str(obj)

    @admin.display(description=_("languages"))
    def language_versions(self, obj):
        return " · ".join(code.upper() for code in obj.languages) or "—"

    @admin.display(description=_("reading time"))
    def reading_times(self, obj):
        names = language_names()
        rows = [(names[code], getattr(obj, f"reading_minutes_{code}", 0)) for code in obj.languages]
        if not rows:
            return "—"
        return format_html_join(", ", "{}: {}\u00a0min", rows)

    @admin.display(description=_("internal links"))
    def link_report(self, obj):
        if obj is None or not obj.pk:
            return "—"
        problems = link_problems(obj)
        if not problems:
            return _("Every link to another guide works.")
        names = language_names()
        items = format_html_join(
            "",
            "<li>{}: <code>/{}</code> — {}</li>",
            (
                (
                    names[problem.language],
                    problem.slug,
                    _("no guide has this slug; readers see plain text")
                    if problem.missing
                    else _("that guide is not published yet; readers see plain text"),
                )
                for problem in problems
            ),
        )
        return format_html('<ul class="broken-links">{}</ul>', items)

    @admin.action(description=_("Publish the selected guides"), permissions=["change"])
    def publish(self, request, queryset):
        now, count = timezone.now(), 0
        for article in queryset.exclude(status=Status.PUBLISHED):
            article.status = Status.PUBLISHED
            article.published_at = article.published_at or now  # a scheduled time stays scheduled
            article.save(update_fields=["status", "published_at", "updated_at"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d guide published.", "%(count)d guides published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected guides (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for article in queryset.filter(status=Status.PUBLISHED):
            article.status = Status.DRAFT
            article.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d guide unpublished.", "%(count)d guides unpublished.", count) % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "names_in_languages", "slug")
    search_fields = language_fields("name")
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description=_("in each language"))
    def names_in_languages(self, obj):
        # A missing name shows as a dash: readers of that language get a fallback.
        return format_html_join(
            " · ",
            "{}: {}",
            ((code.upper(), getattr(obj, f"name_{code}", "") or "—") for code in LANGUAGE_CODES),
        )
