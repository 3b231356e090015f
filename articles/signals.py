"""Rendered guide HTML is cached (articles/rendering.py); any change to a guide makes every cached
body stale, since a body's links depend on other guides' slugs and status."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article
from articles.rendering import bump_generation


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
def _guides_changed(sender, **kwargs):
    bump_generation()
