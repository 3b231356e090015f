from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.static import serve

from accounts.tracker.transfers.views.calendar import calendar_feed
from accounts.tracker.transfers.views.reminders import reminders_off
from articles import editor_views as guide_editor_views
from articles.sitemaps import SITEMAPS
from rookie import views

handler403 = "rookie.views.error_403"
handler404 = "rookie.views.error_404"
handler500 = "rookie.views.error_500"

# Outside the language prefix: probes, the admin and language switching.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # The member's private calendar feed: calendar apps cannot follow a language prefix or log in.
    path("ics/<str:token>.ics", calendar_feed, name="calendar_feed"),
    # The no-login "turn reminders off" link of the reminder e-mails (signed; shown in the member's language).
    path("reminders/off/<str:token>/", reminders_off, name="reminders_off"),
    # Guides: the sitemap (every language, with hreflang alternates) and the Markdown editor's
    # preview and upload endpoints, at the paths its widget posts to (staff only; never markdownx.urls).
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path(settings.MARKDOWNX_URLS_PATH.lstrip("/"), guide_editor_views.markdownify, name="markdownx_markdownify"),
    path(settings.MARKDOWNX_UPLOAD_URLS_PATH.lstrip("/"), guide_editor_views.upload_image, name="markdownx_upload"),
]

# The benchmark's baseline page (bench/views.py), only when `make bench` turns the bench app on.
if settings.BENCH_ENABLED:
    urlpatterns.append(path("", include("bench.urls")))

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("guides/", include("articles.urls")),
    path("pages/", include("sitepages.urls")),
    path("networks/", include("networks.urls")),
    path("me/", include("accounts.tracker.urls")),
    path("coach/", include("accounts.coaching.urls")),
)

# Uploaded images are served by Django itself (re-encoded by us, sent with nosniff); a deployment
# with object storage serves them from there instead (docs/DEPLOYMENT.md). Read-only, like the
# sitemap and the feed: any method but GET and HEAD is a 405.
urlpatterns += [
    path(settings.MEDIA_URL.lstrip("/") + "<path:path>", require_safe(serve), {"document_root": settings.MEDIA_ROOT}),
]
