"""Editors moderate suggested networks here (status filter; approve and hide actions) and translate
the texts. Approving or hiding a suggested network answers the member who suggested it, with the
"reason for the member" written on the network's page (networks/answers.py). Editors hold
view/change on networks and criteria (migration 0005), not add or delete, and view/add/change on
places (0011): a network's city is picked from them, and a new city's names are translated there."""

import logging

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from networks.answers import suggestion_answers_record
from networks.forms import LanguagesFieldMixin
from networks.models import Criterion, CriterionStats, Evaluation, Membership, Network, Place, Score
from networks.signals import networks_updated
from rookie.lib.images import STORAGE_FAILED, ImageRejected, clean_image
from rookie.lib.languages import language_fields

logger = logging.getLogger(__name__)


class NetworkAdminForm(LanguagesFieldMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")

    class Meta:
        model = Network
        fields = "__all__"  # noqa: DJ007  (NetworkAdmin.fieldsets choose the fields shown)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_languages(required=False)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):  # a new upload, not the file already stored
            try:
                return clean_image(logo)
            except ImageRejected as error:
                raise forms.ValidationError(error.messages) from error
        return logo

    def _post_clean(self):
        super()._post_clean()
        # A new logo is written to storage now, while the form can still say it failed; left to
        # the model's save, a full disk would be a 500 and the editor's changes lost.
        logo = self.instance.logo
        if self.errors or not logo or logo._committed:
            return
        try:
            logo.save(logo.name, logo.file, save=False)
        except OSError:
            logger.exception("Could not store the logo of network %s", self.instance.pk or "(new)")
            self.add_error("logo", STORAGE_FAILED)


def _readable_everywhere():
    """Every language's fallback chain ends in English or Swedish (settings.LANGUAGE_FALLBACKS), so a
    network with a description in either can be shown to everyone."""
    return Q(summary_en__gt="") | Q(summary_sv__gt="")


@admin.register(Network)
class NetworkAdmin(TabbedTranslationAdmin):
    form = NetworkAdminForm
    list_display = [
        "name",
        "status",
        "kind",
        "scope",
        "city",
        "country",
        "evaluation_count",
        "submitted_by",
        "created_at",
    ]
    list_filter = ["status", "kind", "scope", "country"]
    search_fields = ["name", "slug", *(f"city__{field}" for field in language_fields("name")), "city__other_names"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["evaluation_count", "score_average", "submitted_by", "created_at", "updated_at"]
    list_select_related = ["submitted_by", "city"]
    autocomplete_fields = ["city"]
    actions = ["approve", "hide"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "website", "logo"]}),
        (_("Description"), {"fields": ["summary", "purpose", "organiser", "audience"]}),
        (_("Kind and place"), {"fields": ["kind", "scope", "city", "country", "languages", "formality"]}),
        (_("Fee"), {"fields": ["fee_amount", "fee_currency", "fee_period"]}),
        (
            _("How members meet"),
            {"fields": ["meets_in_person", "meets_online", "meets_phone_email", "meets_social_media"]},
        ),
        (
            _("Review"),
            {
                "fields": [
                    "review_reason",
                    "submitted_by",
                    "created_at",
                    "updated_at",
                    "evaluation_count",
                    "score_average",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            # A suggested network approved or hidden here: its suggester is told (once per status).
            suggestion_answers_record(network_ids=[obj.pk])

    @admin.action(description=_("Approve the selected networks"), permissions=["change"])
    def approve(self, request, queryset):
        ready = queryset.filter(_readable_everywhere())
        skipped = queryset.count() - ready.count()
        changing = list(ready.exclude(status=Network.Status.APPROVED).values_list("pk", flat=True))
        updated = Network.objects.filter(pk__in=changing).update(status=Network.Status.APPROVED)
        networks_updated.send(sender=Network)  # update() sends no post_save
        suggestion_answers_record(network_ids=changing)
        self.message_user(
            request,
            ngettext("%(count)d network approved.", "%(count)d networks approved.", updated) % {"count": updated},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d network was not approved: add its short description in English or Swedish first.",
                    "%(count)d networks were not approved: add their short descriptions in English or Swedish first.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Hide the selected networks"), permissions=["change"])
    def hide(self, request, queryset):
        changing = list(queryset.exclude(status=Network.Status.HIDDEN).values_list("pk", flat=True))
        updated = Network.objects.filter(pk__in=changing).update(status=Network.Status.HIDDEN)
        networks_updated.send(sender=Network)  # update() sends no post_save
        suggestion_answers_record(network_ids=changing)
        self.message_user(
            request,
            ngettext("%(count)d network hidden.", "%(count)d networks hidden.", updated) % {"count": updated},
            messages.SUCCESS,
        )


@admin.register(Place)
class PlaceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "country", "other_names"]
    list_filter = ["country"]
    # Also what the network form's city box searches (autocomplete_fields).
    search_fields = [*language_fields("name"), "other_names"]
    ordering = ["country", "name_en"]


@admin.register(Criterion)
class CriterionAdmin(TabbedTranslationAdmin):
    list_display = ["order", "key", "label", "question"]
    list_display_links = ["label"]
    readonly_fields = ["key"]

    def has_add_permission(self, request):
        # The checklist has five points; scores and averages are keyed on them.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "score", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    """Read-only, for answering questions; deleting one (e.g. an abusive comment) updates the averages."""

    list_display = ["network", "member", "updated_at"]
    list_filter = ["network__status"]
    search_fields = ["network__name", "member__email", "comment"]
    list_select_related = ["network", "member"]
    readonly_fields = ["network", "member", "comment", "created_at", "updated_at"]
    inlines = [ScoreInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["network", "member", "status", "hours_per_month", "yearly_cost", "cost_currency"]
    list_filter = ["status"]
    search_fields = ["network__name", "member__email"]
    list_select_related = ["network", "member"]
    raw_id_fields = ["member", "network"]


@admin.register(CriterionStats)
class CriterionStatsAdmin(admin.ModelAdmin):
    """Derived data, shown for checking; only networks.services writes it."""

    list_display = ["network", "criterion", "score_count", "average"]
    list_select_related = ["network", "criterion"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
