from django.urls import path

from bench import views

# Outside the language prefix (rookie/urls.py), like the health probes: no redirect, no language.
urlpatterns = [
    path("bench/baseline/", views.baseline, name="bench_baseline"),
]
