"""Page groups are declared by the apps that own the pages (rookie/lib/pagecache.py: PageGroup)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from rookie.lib.pagecache import PageGroup, cache_anonymous_page, cache_member_page

pytestmark = pytest.mark.django_db

# Declared once per test run, as an app declares its groups once at import.
SHOWN_TO_MEMBERS = PageGroup("test-shown-to-members", shown_on_member_pages=True)
PUBLIC_ONLY = PageGroup("test-public-only")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True
    cache.clear()


def _counting_view(decorator):
    calls = []

    @decorator
    def view(request):
        calls.append(1)
        return HttpResponse(f"render {len(calls)}")

    return view, calls


def _get(user):
    request = RequestFactory().get("/x/")
    request.user = user
    request.session = {}
    return request


def test_a_group_is_declared_once():
    assert PageGroup("test-shown-to-members", shown_on_member_pages=True) == SHOWN_TO_MEMBERS
    with pytest.raises(ValueError):
        PageGroup("test-shown-to-members")  # the same name with other rules


def test_bumping_a_group_makes_its_anonymous_pages_stale():
    view, calls = _counting_view(cache_anonymous_page(PUBLIC_ONLY))
    view(_get(AnonymousUser()))
    view(_get(AnonymousUser()))
    assert len(calls) == 1
    PUBLIC_ONLY.bump()
    assert view(_get(AnonymousUser())).content == b"render 2"


def test_a_member_page_goes_stale_with_the_groups_shown_on_member_pages(alice):
    view, calls = _counting_view(cache_member_page())
    view(_get(alice))
    view(_get(alice))
    assert len(calls) == 1
    PUBLIC_ONLY.bump()  # not shown on members' pages
    view(_get(alice))
    assert len(calls) == 1
    SHOWN_TO_MEMBERS.bump()
    assert view(_get(alice)).content == b"render 2"


def test_members_pages_show_guides_and_networks():
    # Members' cached pages (the dashboard, the coach page) go stale when guides or networks change.
    from articles.pagecache import GROUP as GUIDES
    from networks.pagecache import GROUP as NETWORKS

    assert GUIDES.shown_on_member_pages
    assert NETWORKS.shown_on_member_pages
