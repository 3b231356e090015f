"""What makes cached guide pages (articles/pagecache.py) stale: any change to a guide (lists, and the
links between guides), to a category (its name is shown) or to a criterion of the checklist (the
`[[checklist]]` block shows them, articles/blocks.py). The one place guide pages are bumped."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles import pagecache as guide_pages
from articles.models import Article, Category
from networks.models import Criterion


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def _guides_changed(sender: type[Article], **kwargs: Any) -> None:
    guide_pages.GROUP.bump()
    guide_pages.refresh_next_publication()


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def _categories_changed(sender: type[Category], **kwargs: Any) -> None:
    guide_pages.GROUP.bump()


@receiver(post_save, sender=Criterion)
@receiver(post_delete, sender=Criterion)
def _checklist_changed(sender: type[Criterion], **kwargs: Any) -> None:
    guide_pages.GROUP.bump()
