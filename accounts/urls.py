from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from accounts import views
from accounts.privacy import views as privacy_views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("login/", views.LoginView.as_view(), name="login"),
    # Django's LogoutView answers only POST (405 on GET), so a link cannot log anyone out.
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("password/change/", views.password_change, name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("accounts:password_reset_complete")),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # Your data: the export (POST only), deleting the account, and the goodbye page after it.
    path("privacy/export/", privacy_views.data_export, name="data_export"),
    path("privacy/delete/", privacy_views.account_delete, name="account_delete"),
    path("privacy/deleted/", privacy_views.account_deleted, name="account_deleted"),
    path("mail/", include("accounts.mail_urls")),  # repeated e-mails: one-click off, the profile's settings
]
