from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

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
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("guides/", include("articles.urls")),
    path("networks/", include("networks.urls")),
    path("me/", include("accounts.tracker_urls")),
)

# Uploaded images are served by Django itself (re-encoded by us, sent with nosniff); a deployment
# with object storage serves them from there instead (docs/DEPLOYMENT.md).
urlpatterns += [
    path(settings.MEDIA_URL.lstrip("/") + "<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
]
