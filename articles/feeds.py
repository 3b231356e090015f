"""An RSS feed of published guides per language: /sv/guides/feed/ lists what a Swedish reader gets."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.models import Article

FEED_LENGTH = 20


class LatestGuidesFeed(Feed):
    def title(self):
        return _("Rookie guides")

    def description(self):
        return _("New guides on building your professional network.")

    def link(self):
        return reverse("articles:list")

    def feed_url(self):
        return reverse("articles:feed")

    def items(self):
        language = get_language()
        articles = Article.objects.published().for_listing().newest_first()[:FEED_LENGTH]
        return [article.version(language) for article in articles]

    def item_title(self, version):
        if version.is_fallback:  # "Välj rätt nätverk (In Swedish)", in the feed's language
            return f"{version.title} ({version.language_label})"
        return version.title

    def item_description(self, version):
        return version.description

    def item_link(self, version):
        return version.url

    def item_guid(self, version):
        return version.canonical_url

    def item_pubdate(self, version):
        return version.article.published_at

    def item_updateddate(self, version):
        return version.article.updated_at

    def item_author_name(self, version):
        return version.article.author_name or None

    def item_categories(self, version):
        return [version.category_name] if version.category_name else []
