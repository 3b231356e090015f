"""What makes cached site pages (sitepages/pagecache.py) stale: a change to a site page, or to a
guide (a page's links to guides are resolved for each reader). The one place they are bumped."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article
from sitepages import pagecache as site_pages
from sitepages.models import SitePage


@receiver(post_save, sender=SitePage)
@receiver(post_delete, sender=SitePage)
@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def _site_pages_changed(sender: type, **kwargs: Any) -> None:
    site_pages.GROUP.bump()
