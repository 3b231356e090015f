"""Editors write and translate guides here: one change page with one language tab bar for every
translated field, and the writing desk (articles/desk.py): a live preview in the field's language
beside the text, an image library."""

import logging

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.urls import path
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from markdownx.models import MarkdownxField
from modeltranslation.admin import TabbedTranslationAdmin

from accounts.tracker.goal_templates import GOAL_TEMPLATES
from articles import desk
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


def _local_time(value, format_name):
    """A time in the editor's zone, in the interface language's named format: the locale's own
    punctuation ("9 December 2026, 09:00"), never a fixed pattern with "a.m." before a full stop."""
    return formats.date_format(timezone.localtime(value), format_name)


class PublicationFilter(admin.SimpleListFilter):
    """Draft, scheduled or published as readers see it: a scheduled guide's status is "published"."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("draft", _("Draft")), ("scheduled", _("Scheduled")), ("published", _("Published"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "draft":
            return queryset.filter(status=Status.DRAFT)
        if self.value() == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=now)
        if self.value() == "published":
            return queryset.published(now)
        return queryset


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
    formfield_overrides = {MarkdownxField: {"widget": desk.DeskMarkdownxWidget}}
    list_display = ("display_title", "language_versions", "category", "publication", "updated_at")
    list_filter = (PublicationFilter, "category", LanguageVersionFilter, TranslationStatusFilter)
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

    class Media:
        css = {"all": ("css/admin-desk.css",)}
        # After modeltranslation's tabs (the desk's language bar drives them): Media keeps this order.
        js = ("modeltranslation/js/tabbed_translation_fields.js", "js/admin-desk.js")

    def get_urls(self):
        site = self.admin_site
        return [
            path("desk/preview/", site.admin_view(desk.preview), name="articles_article_desk_preview"),
            path("desk/images/", site.admin_view(desk.library), name="articles_article_desk_images"),
            path("desk/images/upload/", site.admin_view(desk.upload), name="articles_article_desk_upload"),
            path("translations/", site.admin_view(overview_view(self)), name="articles_article_translations"),
            path(
                "<int:pk>/mark-updated/<str:language>/",
                site.admin_view(mark_updated_view(self)),
                name="articles_article_mark_updated",
            ),
            *super().get_urls(),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "published_at" and field is not None:
            # Times are entered and shown in the editor's own zone (rookie/timezones.py), not the server's.
            field.help_text = _("In your time zone (%(zone)s). A time in the future schedules the guide.") % {
                "zone": timezone.get_current_timezone_name()
            }
        return field

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        names = language_names()
        written = obj.languages if obj is not None and obj.pk else []
        source = (obj.source_language if obj is not None else "") or (written[0] if written else "")
        context.update(
            desk_languages=[(code, names[code]) for code in LANGUAGE_CODES],
            desk_source_language=source if source in LANGUAGE_CODES else LANGUAGE_CODES[0],
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.is_scheduled:
            self.message_user(
                request,
                _("“%(title)s” is scheduled: it will be published on %(when)s.")
                % {"title": obj, "when": _local_time(obj.published_at, "DATETIME_FORMAT")},
                messages.INFO,
            )

    @admin.display(description=_("publication"), ordering="published_at")
    def publication(self, obj):
        """Scheduled (with the time, in the editor's zone), Published once live, else Draft."""
        if obj.is_scheduled:
            return format_html(
                '<span class="desk-state desk-state-scheduled">{}</span> {}',
                _("Scheduled"),
                _local_time(obj.published_at, "SHORT_DATETIME_FORMAT"),
            )
        if obj.is_public:
            return format_html(
                '<span class="desk-state desk-state-published">{}</span> {}',
                _("Published"),
                _local_time(obj.published_at, "SHORT_DATETIME_FORMAT"),
            )
        return format_html('<span class="desk-state desk-state-draft">{}</span>', _("Draft"))

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
