from django.urls import path
from django.views.decorators.http import require_safe

from articles import views
from articles.feeds import LatestGuidesFeed

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/", require_safe(LatestGuidesFeed()), name="feed"),  # "feed" is a reserved slug (models.RESERVED_SLUGS)
    path("<slug:slug>/", views.article_detail, name="detail"),
]
