from django.urls import path

from articles import views
from articles.feeds import LatestGuidesFeed

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/", LatestGuidesFeed(), name="feed"),  # "feed" is a reserved slug (models.RESERVED_SLUGS)
    path("<slug:slug>/", views.article_detail, name="detail"),
]
