"""Cached site pages (rookie/lib/pagecache.py): the privacy notice, terms and contact page are one
group, made stale by sitepages/signals.py."""

from rookie.lib.pagecache import PageGroup, cache_anonymous_page

GROUP = PageGroup("sitepages")

cache = cache_anonymous_page(GROUP)
