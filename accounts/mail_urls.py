"""Included by accounts/urls.py under mail/ (names in the accounts namespace)."""

from django.urls import path

from accounts import mail_views

urlpatterns = [
    # The one-click link of every repeated e-mail (accounts/mail_preferences.py); no log-in.
    path("off/<str:token>/", mail_views.mail_off, name="mail_off"),
    # The profile's "E-mails" settings.
    path("settings/", mail_views.mail_settings, name="mail_settings"),
]
