"""sitemap.xml entries for guides: each version at its own address, with hreflang alternates for the
versions that exist (a fallback page is not listed; its canonical link points at the original)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.translation import get_language

from articles.models import Article


class GuideSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return list(Article.objects.published().for_listing().newest_first())

    def get_languages_for_item(self, item):
        return item.languages

    def location(self, item):
        return item.version(get_language()).canonical_url

    def lastmod(self, item):
        return item.updated_at


class GuideListSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return ["articles:list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"guides": GuideSitemap, "guide-lists": GuideListSitemap}
