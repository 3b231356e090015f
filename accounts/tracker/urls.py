"""The member's private tracker, under /<lang>/me/ (goals, contacts, interactions, follow-ups, events).

Every object URL looks its object up through the signed-in member (someone else's id is a 404).
"""

from django.urls import include, path

from accounts.tracker.views import (
    contact_search,
    contacts,
    dashboard,
    events,
    followups,
    giving,
    goals,
    interactions,
    progress,
    report,
)

app_name = "tracker"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # The member's own charts: activity per week, goals over time, networks evaluated.
    path("progress/", progress.progress, name="progress"),
    # A report of a chosen period, to print or save as PDF (the same page a coach makes of a client).
    path("report/", report.report, name="report"),
    # The time and money the member gives to networks, against what the joined ones ask.
    path("giving/", giving.giving, name="giving"),
    # Goals
    path("goals/", goals.goal_list, name="goal_list"),
    path("goals/add/", goals.goal_add, name="goal_add"),
    path("goals/templates/", goals.goal_templates, name="goal_templates"),
    path("goals/templates/add/", goals.goal_add_template, name="goal_add_template"),
    path("goals/<int:pk>/", goals.goal_detail, name="goal_detail"),
    path("goals/<int:pk>/edit/", goals.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/progress/", goals.goal_progress, name="goal_progress"),
    path("goals/<int:pk>/status/", goals.goal_status, name="goal_status"),
    path("goals/<int:pk>/delete/", goals.goal_delete, name="goal_delete"),
    # Contacts
    path("contacts/", contacts.contact_list, name="contact_list"),
    path("contacts/add/", contacts.contact_add, name="contact_add"),
    # Bulk actions on the list's selection or on every contact its filter matches (POST only).
    path("contacts/bulk/", contacts.contact_bulk, name="contact_bulk"),
    # The contact field's search, as JSON (accounts/tracker/contact_picker.py).
    path("contacts/search/", contact_search.contact_search, name="contact_search"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/edit/", contacts.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/delete/", contacts.contact_delete, name="contact_delete"),
    path("contacts/<int:pk>/thank-you/", contacts.contact_thank_you, name="contact_thank_you"),
    # Interactions
    path("interactions/", interactions.interaction_list, name="interaction_list"),
    path("interactions/add/", interactions.interaction_add, name="interaction_add"),
    path("contacts/<int:contact_pk>/log/", interactions.interaction_add, name="interaction_add_for_contact"),
    path("interactions/<int:pk>/edit/", interactions.interaction_edit, name="interaction_edit"),
    path("interactions/<int:pk>/delete/", interactions.interaction_delete, name="interaction_delete"),
    # Follow-ups
    path("follow-ups/", followups.followup_list, name="followup_list"),
    path("follow-ups/add/", followups.followup_add, name="followup_add"),
    path("follow-ups/<int:pk>/edit/", followups.followup_edit, name="followup_edit"),
    path("follow-ups/<int:pk>/done/", followups.followup_done, name="followup_done"),
    path("follow-ups/<int:pk>/snooze/", followups.followup_snooze, name="followup_snooze"),
    path("follow-ups/<int:pk>/delete/", followups.followup_delete, name="followup_delete"),
    # Event mode: before (detail), during (quick add), after (debrief)
    path("events/", events.event_list, name="event_list"),
    path("events/add/", events.event_add, name="event_add"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", events.event_delete, name="event_delete"),
    path("events/<int:pk>/during/", events.event_during, name="event_during"),
    path("events/<int:pk>/debrief/", events.event_debrief, name="event_debrief"),
    # Contact import/export, calendar feed regeneration, reminders on/off (accounts/tracker/transfers/urls.py).
    path("", include("accounts.tracker.transfers.urls")),
]
