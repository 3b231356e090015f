from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.forms import email_new_clean
from accounts.models import (
    CalendarFeed,
    CoachAccessLog,
    CoachComment,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalProgress,
    GoalSuggestion,
    Interaction,
    ReminderLog,
    User,
)
from accounts.tracker.services import contact_touch_recompute


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name", "role"]

    def clean_username(self):  # Django's form checks a username field that we do not have.
        return None

    def clean_email(self):
        # Plain ASCII, canonical and not taken (accounts/forms.py): no look-alike of another account.
        return email_new_clean(self.cleaned_data["email"])


class UserChangeAdminForm(UserChangeForm):
    # Django 6 reads a scheme-less address as https; say so now (no warning, the same field).
    linkedin_url = forms.URLField(label=_("LinkedIn profile"), required=False, max_length=300, assume_scheme="https")

    class Meta:
        model = User
        fields = "__all__"

    def clean_email(self):
        if "email" not in self.changed_data:
            return self.instance.email
        return email_new_clean(self.cleaned_data["email"], instance=self.instance)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "preferred_language", "is_staff", "is_active"]
    list_filter = ["role", "preferred_language", "time_zone", "is_staff", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "display_name",
                    "preferred_language",
                    "time_zone",
                    "field_of_work",
                    "career_stage",
                    "elevator_pitch",
                    "phone",
                    "linkedin_url",
                ]
            },
        ),
        (
            _("Role and permissions"),
            {"fields": ["role", "is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "role", "usable_password", "password1", "password2"],
            },
        ),
    ]


# --- Tracker ------------------------------------------------------------------------------------
# Members' private data: only superusers (or staff explicitly granted these permissions) see it.
# Editors hold the guide permissions only, so these pages stay hidden from them.


class GoalProgressInline(admin.TabularInline):
    model = GoalProgress
    extra = 0
    fields = ["recorded_on", "progress"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "kind", "progress", "target", "status", "due_date"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "owner__email"]
    raw_id_fields = ["owner", "event", "network"]
    list_select_related = ["owner"]
    inlines = [GoalProgressInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "date", "people_to_meet", "debriefed_at"]
    search_fields = ["name", "owner__email"]
    raw_id_fields = ["owner"]
    list_select_related = ["owner"]
    date_hierarchy = "date"


class InteractionInline(admin.TabularInline):
    model = Interaction
    extra = 0
    fields = ["kind", "occurred_on", "notes"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "company", "language", "last_contacted_on", "next_touch_due"]
    list_filter = ["language"]
    search_fields = ["name", "company", "email", "owner__email"]
    raw_id_fields = ["owner", "met_at_event", "met_at_network"]
    readonly_fields = ["next_touch_due", "created_at", "updated_at"]
    list_select_related = ["owner"]
    inlines = [InteractionInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_formset(self, request, form, formset, change):
        # Interactions added or edited inline belong to the contact's owner, and move its timer.
        instances = formset.save(commit=False)
        for instance in instances:
            instance.owner_id = form.instance.owner_id
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()
        if formset.model is Interaction:
            contact_touch_recompute(form.instance)


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ["contact", "owner", "kind", "occurred_on"]
    list_filter = ["kind"]
    search_fields = ["contact__name", "owner__email"]
    raw_id_fields = ["owner", "contact"]
    list_select_related = ["owner", "contact"]
    date_hierarchy = "occurred_on"


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "contact", "due_date", "done_at"]
    list_filter = [("done_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "owner__email", "contact__name"]
    raw_id_fields = ["owner", "contact"]
    list_select_related = ["owner", "contact"]
    date_hierarchy = "due_date"


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["owner", "sent_on", "follow_up_count", "nudge_count"]
    raw_id_fields = ["owner"]
    list_select_related = ["owner"]
    date_hierarchy = "sent_on"


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["owner", "reminders_enabled", "created_at"]
    list_filter = ["reminders_enabled"]
    raw_id_fields = ["owner"]
    list_select_related = ["owner"]
    # The token is a password to the feed: never shown, regenerated by the member.
    exclude = ["token"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Coaching rows record a member's consent and what a coach saw: staff may look (and delete
    abusive comments), never create or rewrite them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CoachGrant)
class CoachGrantAdmin(ReadOnlyAdmin):
    list_display = ["member", "coach", "scope", "status", "created_at", "accepted_at", "ended_at"]
    list_filter = ["status", "scope"]
    search_fields = ["member__email", "coach__email"]
    list_select_related = ["member", "coach"]


@admin.register(CoachComment)
class CoachCommentAdmin(ReadOnlyAdmin):
    list_display = ["member", "coach", "author", "goal", "created_at"]
    search_fields = ["member__email", "coach__email", "body"]
    list_select_related = ["member", "coach", "author", "goal"]


@admin.register(GoalSuggestion)
class GoalSuggestionAdmin(ReadOnlyAdmin):
    list_display = ["title", "member", "coach", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["title", "member__email", "coach__email"]
    list_select_related = ["member", "coach"]


@admin.register(CoachAccessLog)
class CoachAccessLogAdmin(ReadOnlyAdmin):
    list_display = ["coach", "member", "what", "viewed_at"]
    list_filter = ["what"]
    search_fields = ["member__email", "coach__email"]
    list_select_related = ["member", "coach"]
    date_hierarchy = "viewed_at"
