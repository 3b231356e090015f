"""Cached guide pages (rookie/lib/pagecache.py) and scheduled publication.

The home page, the guide list and the guide pages are one group; members' own cached pages show
guides too. What makes the group stale is in articles/signals.py.

A scheduled guide becomes public when its time comes, without a save that would bump the
generation. So each save records when the next scheduled guide goes public, and cached guide
pages (home, list, guide) are not served past that moment. When the cache cannot be reached,
that moment is unknown (rookie/lib/cache_guard.py), and nothing is stored anyway.
"""

import time

from django.db.models import Min
from django.utils import timezone

from articles.models import Article, Status
from rookie.lib.cache_guard import tolerant_cache as cache
from rookie.lib.pagecache import PageGroup

GROUP = PageGroup("guides", shown_on_member_pages=True)
NEXT_PUBLICATION_KEY = "pagecache:guides:next-publication"
# When the next publication time is unknown (the cache lost it), cached pages live this long.
UNKNOWN_NEXT_PUBLICATION_SECONDS = 60


def refresh_next_publication() -> float:
    """Record the Unix time the next scheduled guide goes public (0: none is scheduled)."""
    now = timezone.now()
    upcoming = Article.objects.filter(status=Status.PUBLISHED, published_at__gt=now).aggregate(
        next=Min("published_at")
    )["next"]
    value = upcoming.timestamp() if upcoming else 0
    cache.set(NEXT_PUBLICATION_KEY, value, timeout=None)
    return value


def valid_until() -> float | None:
    """For cache_anonymous_page: cached guide pages must not outlive the next scheduled publication."""
    value = cache.get(NEXT_PUBLICATION_KEY)
    if value is None:
        return time.time() + UNKNOWN_NEXT_PUBLICATION_SECONDS
    if value and value <= time.time():
        value = refresh_next_publication()  # that guide is public now; look for the one after it
    return value or None
