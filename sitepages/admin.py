"""Editors write and translate the site pages here: a tab per language, Markdown text."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from sitepages.models import Kind, SitePage


@admin.register(SitePage)
class SitePageAdmin(TabbedTranslationAdmin):
    list_display = ("kind", "title", "language_versions", "updated_at")
    readonly_fields = ("updated_at",)
    fields = ("kind", "title", "body", "updated_at")

    @admin.display(description=_("languages"))
    def language_versions(self, obj):
        return " · ".join(code.upper() for code in obj.languages) or "—"

    def get_readonly_fields(self, request, obj=None):
        # A page's kind is its address (/pages/<kind>/): it is chosen once, when the page is added.
        if obj is not None:
            return ("kind", *self.readonly_fields)
        return self.readonly_fields

    def has_add_permission(self, request):
        # One page per kind: once all exist, there is nothing to add (the constraint would refuse it).
        return super().has_add_permission(request) and SitePage.objects.count() < len(Kind.values)
