"""The page cache for anonymous readers (rookie/lib/pagecache.py): pages come from it only for visitors
without a session, per language, with each visitor's own CSRF token, and go stale on every change
that shows on them (publish, edit, a new evaluation, a bulk approval, a new display name)."""

import re
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.admin.sites import site
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import rookie.lib.pagecache
from accounts.coaching.services import grant_revoke
from accounts.models import AccessKind, CoachAccessLog
from articles import pagecache as guide_pages
from articles.models import Status
from networks.admin import NetworkAdmin
from networks.models import Network
from networks.services import evaluation_save
from tests.factories import (
    ArticleFactory,
    CoachFactory,
    ContactFactory,
    GoalFactory,
    InteractionFactory,
    NetworkFactory,
    UserFactory,
    article_in,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    # On by default only with a shared cache (REDIS_URL); one test process shares its LocMem cache.
    settings.PAGE_CACHE = True


def test_without_page_cache_every_page_is_rendered(settings, db, django_assert_num_queries):
    settings.PAGE_CACHE = False
    ArticleFactory(title_en="Say hello first", key="say-hello")
    _html(Client(), "/en/guides/say-hello/")
    with django_assert_num_queries(1):  # the guide, with its body stored as HTML
        _html(Client(), "/en/guides/say-hello/")


@pytest.fixture
def guide(db):
    return ArticleFactory(title_en="Say hello first", key="say-hello")


@pytest.mark.parametrize("url", ["/en/", "/en/guides/", "/en/guides/say-hello/"])
def test_a_second_anonymous_reader_gets_the_page_without_a_query(client, guide, django_assert_num_queries, url):
    first = _html(client, url)
    with django_assert_num_queries(0):
        second = _html(Client(), url)
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    assert "Say hello first" in second


def test_each_reader_gets_their_own_working_csrf_token(guide):
    _html(Client(), "/en/guides/")  # stores the page
    reader = Client(enforce_csrf_checks=True)
    html = _html(reader, "/en/guides/")
    token = TOKEN.search(html).group(1)
    assert "rookie-csrf" not in html
    # The language switcher posts with the token of this reader's own cookie, so it works.
    response = reader.post("/i18n/setlang/", {"language": "sv", "next": "/en/guides/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/guides/")
    # Someone else's cached token would not have.
    other = Client(enforce_csrf_checks=True)
    other.get("/en/guides/")
    assert (
        other.post("/i18n/setlang/", {"language": "sv", "next": "/en/", "csrfmiddlewaretoken": "x" * 64}).status_code
        == 403
    )


def test_pages_are_cached_per_language(guide):
    article_in(["sv"], key="hej")
    english = _html(Client(), "/en/guides/")
    swedish = _html(Client(), "/sv/guides/")
    assert 'lang="en"' in english and 'lang="sv"' in swedish
    assert _html(Client(), "/sv/guides/") != _html(Client(), "/en/guides/")


def test_publishing_a_guide_shows_it_at_once(guide):
    draft = ArticleFactory(title_en="Brand new guide", draft=True)
    assert "Brand new guide" not in _html(Client(), "/en/guides/")
    assert "Brand new guide" not in _html(Client(), "/en/")
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Brand new guide" in _html(Client(), "/en/guides/")
    assert "Brand new guide" in _html(Client(), "/en/")


def test_editing_a_guide_shows_the_edit_at_once(guide):
    assert "Say hello first" in _html(Client(), "/en/guides/say-hello/")
    guide.title_en = "Say hello twice"
    guide.save()
    html = _html(Client(), "/en/guides/say-hello/")
    assert "Say hello twice" in html and "Say hello first" not in html


def test_unpublishing_a_guide_takes_it_off_at_once(guide):
    _html(Client(), "/en/guides/say-hello/")
    guide.status = Status.DRAFT
    guide.save()
    assert Client().get("/en/guides/say-hello/").status_code == 404
    assert "Say hello first" not in _html(Client(), "/en/guides/")


def test_a_scheduled_guide_appears_when_its_time_comes(guide, monkeypatch):
    ArticleFactory(title_en="Scheduled for later", published_at=timezone.now() + timedelta(hours=1))
    assert "Scheduled for later" not in _html(Client(), "/en/guides/")
    assert "Scheduled for later" not in _html(Client(), "/en/")
    # Two hours later, without any save: the cached pages must not be served any more.
    later = timezone.now() + timedelta(hours=2)
    clock = SimpleNamespace(time=lambda: later.timestamp(), time_ns=time.time_ns)
    monkeypatch.setattr(timezone, "now", lambda: later)
    # The page cache's clock only: the cache backend's own expiry must not be what drops the pages.
    monkeypatch.setattr(rookie.lib.pagecache, "time", clock)
    monkeypatch.setattr(guide_pages, "time", clock)
    assert "Scheduled for later" in _html(Client(), "/en/guides/")
    assert "Scheduled for later" in _html(Client(), "/en/")


def test_without_a_known_next_publication_pages_live_a_short_while(guide):
    guide_pages.refresh_next_publication()
    assert guide_pages.valid_until() is None  # nothing scheduled: only a change makes pages stale
    cache.delete(guide_pages.NEXT_PUBLICATION_KEY)
    assert guide_pages.valid_until() <= time.time() + guide_pages.UNKNOWN_NEXT_PUBLICATION_SECONDS


def test_signed_in_members_never_get_the_cached_page(guide, alice):
    _html(Client(), "/en/guides/")  # the anonymous page is stored
    member = Client()
    member.force_login(alice)
    html = _html(member, "/en/guides/")
    assert "Log out" in html and "Sign up" not in html


def test_a_signed_in_members_page_is_never_stored(guide, alice):
    member = Client()
    member.force_login(alice)
    _html(member, "/en/guides/say-hello/")
    html = _html(Client(), "/en/guides/say-hello/")
    assert "Log out" not in html and "Sign up" in html


def test_a_visitor_with_a_session_is_rendered_afresh(guide):
    _html(Client(), "/en/")
    visitor = Client()
    visitor.cookies["sessionid"] = "not-a-real-session"
    with CaptureQueriesContext(connection) as queries:
        _html(visitor, "/en/")
    assert len(queries) > 0


def test_a_search_is_rendered_each_time(guide):
    _html(Client(), "/en/guides/", q="hello")
    with CaptureQueriesContext(connection) as queries:
        _html(Client(), "/en/guides/", q="hello")
    assert len(queries) > 0


# --- Networks -------------------------------------------------------------------------------------


def _scores(criteria, value):
    return {criterion.pk: (value, "") for criterion in criteria}


def test_a_new_evaluation_shows_at_once(network, criteria, alice):
    assert "No comments yet" in _html(Client(), "/en/networks/lund-tech-alumni/")
    catalogue = _html(Client(), "/en/networks/", sort="evaluations")
    evaluation_save(member=alice, network=network, scores=_scores(criteria, 5), comment="Friendly people")
    html = _html(Client(), "/en/networks/lund-tech-alumni/")
    assert "Friendly people" in html and "Alice Andersson" in html
    assert _html(Client(), "/en/networks/", sort="evaluations") != catalogue


def test_a_new_display_name_shows_under_comments_at_once(network, criteria, alice):
    evaluation_save(member=alice, network=network, scores=_scores(criteria, 4), comment="Good talks")
    assert "Alice Andersson" in _html(Client(), "/en/networks/lund-tech-alumni/")
    alice.display_name = "Alice A."
    alice.save(update_fields=["display_name"])
    html = _html(Client(), "/en/networks/lund-tech-alumni/")
    assert "Alice A." in html and "Alice Andersson" not in html


def test_approving_networks_in_bulk_shows_them_at_once(network, rf):
    pending = NetworkFactory(name="Malmo Makers", slug="malmo-makers", status=Network.Status.PENDING)
    assert "Malmo Makers" not in _html(Client(), "/en/networks/", kind="meetup")
    request = rf.post("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    request._messages = type("Messages", (), {"add": lambda *args, **kwargs: None})()
    NetworkAdmin(Network, site).approve(request, Network.objects.filter(pk=pending.pk))
    assert "Malmo Makers" in _html(Client(), "/en/networks/", kind="meetup")


def test_editing_a_network_shows_at_once(network):
    assert "Lund Tech Alumni" in _html(Client(), "/en/networks/lund-tech-alumni/")
    network.name = "Lund Tech Graduates"
    network.save()
    assert "Lund Tech Graduates" in _html(Client(), "/en/networks/lund-tech-alumni/")


def test_renaming_a_place_shows_at_once(network):
    assert network.city is not None
    assert str(network.city) in _html(Client(), "/en/networks/")
    network.city.name_en = "Renamed Town"
    network.city.save()
    assert "Renamed Town" in _html(Client(), "/en/networks/")


def test_a_signed_in_member_gets_their_own_catalogue(network, alice):
    _html(Client(), "/en/networks/")
    member = Client()
    member.force_login(alice)
    html = _html(member, "/en/networks/")
    assert "Log out" in html


# --- A member's own pages (cache_member_page): the dashboard and the coach page -------------------


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _met(owner, name):
    """A contact the dashboard names: met today, so among the recent interactions."""
    contact = ContactFactory(owner=owner, name=name)
    InteractionFactory(contact=contact)
    return contact


def test_the_dashboard_comes_from_the_cache_the_second_time(alice, django_assert_num_queries):
    _met(alice, "Greta Garbo")
    member = _signed_in(alice)
    first = _html(member, "/en/me/")
    with django_assert_num_queries(2):  # the session and the user, nothing of the page
        second = _html(member, "/en/me/")
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    assert "Greta Garbo" in second


def test_a_new_follow_up_shows_on_the_dashboard_at_once(alice):
    contact = ContactFactory(owner=alice, name="Greta Garbo")
    member = _signed_in(alice)
    assert "Send the slides" not in _html(member, "/en/me/")
    response = member.post(
        "/en/me/follow-ups/add/",
        {"title": "Send the slides", "contact": contact.pk, "due_date": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assert "Send the slides" in _html(member, "/en/me/")


def test_an_edited_contact_shows_on_the_dashboard_at_once(alice):
    contact = _met(alice, "Greta Garbo")
    member = _signed_in(alice)
    assert "Greta Garbo" in _html(member, "/en/me/")
    contact.name = "Greta Lovisa"
    contact.save()
    html = _html(member, "/en/me/")
    assert "Greta Lovisa" in html and "Greta Garbo" not in html


def test_a_dashboard_is_never_served_to_another_member(alice, charlie):
    _met(alice, "Greta Garbo")
    _met(charlie, "Karl Karlsson")
    assert "Greta Garbo" in _html(_signed_in(alice), "/en/me/")
    html = _html(_signed_in(charlie), "/en/me/")
    assert "Karl Karlsson" in html and "Greta Garbo" not in html
    # Nor to a visitor who is not signed in.
    assert Client().get("/en/me/").status_code == 302


def test_a_message_is_shown_not_hidden_by_the_cache(alice):
    contact = ContactFactory(owner=alice, name="Greta Garbo")
    member = _signed_in(alice)
    _html(member, "/en/me/")  # stored
    response = member.post(
        "/en/me/follow-ups/add/",
        {"title": "Call back", "contact": contact.pk, "due_date": timezone.localdate().isoformat()},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert messages and all(message in response.content.decode() for message in messages)


def test_each_session_gets_its_own_working_csrf_token_on_a_cached_dashboard(alice):
    ContactFactory(owner=alice, name="Greta Garbo")
    _html(_signed_in(alice), "/en/me/")  # stored
    member = Client(enforce_csrf_checks=True)
    member.force_login(alice)
    token = TOKEN.search(_html(member, "/en/me/")).group(1)
    response = member.post("/i18n/setlang/", {"language": "sv", "next": "/en/me/", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_coach_page_shows_a_clients_change_at_once_and_logs_every_view(alice, bob, bob_grant, alice_goal):
    coach = _signed_in(bob)
    assert alice_goal.title in _html(coach, "/en/coach/")
    _html(coach, "/en/coach/")  # from the cache, and logged all the same
    assert CoachAccessLog.objects.filter(coach=bob, member=alice, what=AccessKind.CLIENT_LIST).count() == 2
    GoalFactory(owner=alice, title="Ask for two introductions")
    assert "Ask for two introductions" in _html(coach, "/en/coach/")


def test_a_revoked_client_leaves_the_coach_page_at_once(alice, bob, bob_grant, alice_goal):
    coach = _signed_in(bob)
    assert "Alice Andersson" in _html(coach, "/en/coach/")
    grant_revoke(grant=bob_grant)
    assert "Alice Andersson" not in _html(coach, "/en/coach/")


def test_the_coach_page_is_never_served_to_another_coach(alice, bob, bob_grant, alice_goal):
    _html(_signed_in(bob), "/en/coach/")
    other = CoachFactory(display_name="Olga Other")
    html = _html(_signed_in(other), "/en/coach/")
    assert "Alice Andersson" not in html and alice_goal.title not in html
