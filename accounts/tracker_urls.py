"""The member's private tracker, under /<lang>/me/ (goals, contacts, follow-ups)."""

from django.urls import path

from accounts import tracker_views

app_name = "tracker"

urlpatterns = [
    path("", tracker_views.dashboard, name="dashboard"),
]
