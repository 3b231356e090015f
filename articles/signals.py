"""Cached guide pages for anonymous readers (articles/pagecache.py) go stale when any guide changes
(lists, and the links between guides) and when a category changes (its name is shown)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles import pagecache as guide_pages
from articles.models import Article, Category
from rookie.lib import pagecache


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def _guides_changed(sender, **kwargs):
    pagecache.bump(guide_pages.GROUP)
    guide_pages.refresh_next_publication()


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def _categories_changed(sender, **kwargs):
    # Lists and guide pages show category names.
    pagecache.bump(guide_pages.GROUP)
