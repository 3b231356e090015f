"""Kept pieces of the networks pages (networks/fragments.py), with the page cache off: a network's
card, the filter form and a network page's public part are rendered once per language and reused
by every reader, a change to a network shows at once, and what is a member's own never leaks into
another reader's page."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from networks import fragments
from networks import pagecache as network_pages
from networks.admin import NetworkAdmin
from networks.models import Network, Priority
from rookie.lib.counters import generation_bump
from tests.factories import MembershipFactory, NetworkFactory, UserFactory, evaluate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("criteria")]

CATALOGUE = "/en/networks/?sort=name"
PAGE = "/en/networks/lund-tech-alumni/"


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.PAGE_CACHE = False


@pytest.fixture
def anonymous():
    # Not the `client` fixture: alice_client is that client, logged in.
    return Client()


def _main(response):
    # The page's own content, without the shell's per-request tokens.
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _templates(response):
    return {template.name for template in response.templates}


def test_a_card_is_rendered_once_and_reused_for_every_reader(anonymous, alice_client, network):
    first = anonymous.get(CATALOGUE)
    assert "networks/partials/network_card.html" in _templates(first)
    assert "networks/partials/catalogue_filters.html" in _templates(first)
    again = Client().get(CATALOGUE)
    assert "networks/partials/network_card.html" not in _templates(again)
    assert "networks/partials/catalogue_filters.html" not in _templates(again)
    assert _main(again) == _main(first)
    # A member shares the cards (not the form: theirs offers "best fit for me").
    member = alice_client.get(CATALOGUE)
    assert "networks/partials/network_card.html" not in _templates(member)
    assert "Lund Tech Alumni" in member.content.decode()


def test_a_network_page_is_rendered_once_and_reused(client, network):
    first = client.get(PAGE)
    assert "networks/partials/network_public.html" in _templates(first)
    again = Client().get(PAGE)
    assert "networks/partials/network_public.html" not in _templates(again)
    assert _main(again) == _main(first)


def test_an_edit_shows_at_once(anonymous, alice_client, network):
    anonymous.get(CATALOGUE), anonymous.get(PAGE), alice_client.get(CATALOGUE)
    network.name = "Lund Tech Graduates"
    network.summary_en = "Renamed and refreshed."
    network.save()
    for reader in (anonymous, alice_client):
        catalogue = reader.get(CATALOGUE).content.decode()
        assert "Lund Tech Graduates" in catalogue
        assert "Renamed and refreshed." in catalogue
        assert "Lund Tech Alumni" not in catalogue
        assert "Lund Tech Graduates" in reader.get(PAGE).content.decode()


def test_a_new_evaluation_shows_at_once(anonymous, alice_client, charlie, network):
    assert "Not rated yet" in anonymous.get(CATALOGUE).content.decode()
    assert "Not rated yet" in anonymous.get(PAGE).content.decode()
    alice_client.get(CATALOGUE)
    evaluate(charlie, network, [4, 4, 4, 4, 4], comment="Friendly people")
    catalogue = anonymous.get(CATALOGUE).content.decode()
    assert "4.0 of 5" in catalogue
    assert "(1 evaluation)" in catalogue
    page = anonymous.get(PAGE).content.decode()
    assert "(1 evaluation)" in page
    assert "Friendly people" in page
    # The member's fit follows too: with no priorities it is the overall score.
    assert alice_client.get(CATALOGUE).content.decode().count("4.0 of 5") == 2


def test_unpublishing_shows_at_once(anonymous, alice_client, network):
    NetworkFactory(name="Another network")
    anonymous.get(CATALOGUE), anonymous.get(PAGE), alice_client.get(CATALOGUE)
    network.status = Network.Status.HIDDEN
    network.save()
    assert "Lund Tech Alumni" not in anonymous.get(CATALOGUE).content.decode()
    assert "Lund Tech Alumni" not in alice_client.get(CATALOGUE).content.decode()
    assert anonymous.get(PAGE).status_code == 404


def _names(response):
    return [network.name for network in response.context["page_obj"]]


def test_a_kept_page_of_results_is_ranked_again_after_an_evaluation(anonymous, alice, charlie):
    first = NetworkFactory(name="First")
    second = NetworkFactory(name="Second")
    evaluate(charlie, first, [3, 3, 3, 3, 3])
    evaluate(charlie, second, [2, 2, 2, 2, 2])
    for sort in ("score", "evaluations"):
        assert _names(anonymous.get(f"/en/networks/?sort={sort}")) == ["First", "Second"]
    evaluate(alice, second, [5, 5, 5, 5, 5])
    for sort in ("score", "evaluations"):
        assert _names(anonymous.get(f"/en/networks/?sort={sort}")) == ["Second", "First"]


def test_a_new_network_is_counted_and_its_city_offered_at_once(anonymous, network):
    assert "1 network" in anonymous.get("/en/networks/").content.decode()
    assert ">Turku</option>" not in anonymous.get("/en/networks/").content.decode()
    NetworkFactory(name="Turku Growth Circle", city="Turku", country="FI")
    html = anonymous.get("/en/networks/").content.decode()
    assert "2 networks" in html
    assert "Turku Growth Circle" in html
    assert ">Turku</option>" in html.split('name="city"')[1].split("</select>")[0]


def test_a_members_own_fit_ranking_is_not_kept_for_others(alice, alice_client, charlie, criteria):
    practical = NetworkFactory(name="Practical")
    social = NetworkFactory(name="Social")
    evaluate(charlie, practical, [5, 1, 1, 1, 1])
    evaluate(charlie, social, [1, 1, 1, 5, 5])
    Priority.objects.create(member=alice, criterion=criteria[0], weight=5)
    for criterion in criteria[1:]:
        Priority.objects.create(member=alice, criterion=criterion, weight=0)
    assert _names(alice_client.get("/en/networks/?sort=fit")) == ["Practical", "Social"]
    dave = Client()
    dave.force_login(UserFactory(preferred_language="en"))
    # Without priorities the fit is the overall score: Social (2.6) before Practical (1.8).
    assert _names(dave.get("/en/networks/?sort=fit")) == ["Social", "Practical"]
    assert _names(alice_client.get("/en/networks/?sort=fit")) == ["Practical", "Social"]


def _prefer_the_first_criterion(member, criteria):
    Priority.objects.create(member=member, criterion=criteria[0], weight=5)
    for criterion in criteria[1:]:
        Priority.objects.create(member=member, criterion=criterion, weight=0)


def test_a_fit_ranking_is_shared_by_members_with_the_same_weights(alice, alice_client, charlie, criteria):
    evaluate(charlie, NetworkFactory(name="Practical"), [5, 1, 1, 1, 1])
    evaluate(charlie, NetworkFactory(name="Social"), [1, 1, 1, 5, 5])
    _prefer_the_first_criterion(alice, criteria)
    # Pieces are kept per language and time zone (dates in them are shown in the reader's zone).
    # Dave joins before Alice looks: a new member is a change the networks pages may show.
    dave = UserFactory(preferred_language="en", time_zone=alice.time_zone)
    _prefer_the_first_criterion(dave, criteria)
    reader = Client()
    reader.force_login(dave)
    assert _names(alice_client.get("/en/networks/?sort=fit")) == ["Practical", "Social"]
    with CaptureQueriesContext(connection) as queries:
        response = reader.get("/en/networks/?sort=fit")
    assert _names(response) == ["Practical", "Social"]
    assert not [query for query in queries if " AS fit " in query["sql"]]  # ranked once, for both


def test_a_kept_fit_ranking_follows_a_new_evaluation_and_new_priorities_at_once(alice, alice_client, charlie, criteria):
    practical, social = NetworkFactory(name="Practical"), NetworkFactory(name="Social")
    evaluate(charlie, practical, [4, 5, 1, 1, 1])
    evaluate(charlie, social, [3, 1, 1, 5, 5])
    _prefer_the_first_criterion(alice, criteria)
    assert _names(alice_client.get("/en/networks/?sort=fit")) == ["Practical", "Social"]
    # Social's first criterion now averages 4.0 like Practical's; its overall score breaks the tie.
    evaluate(alice, social, [5, 5, 5, 5, 5])
    assert _names(alice_client.get("/en/networks/?sort=fit")) == ["Social", "Practical"]
    # Only the second criterion matters now: Practical 5.0, Social 3.0.
    Priority.objects.filter(member=alice, criterion=criteria[0]).update(weight=0)
    Priority.objects.filter(member=alice, criterion=criteria[1]).update(weight=5)
    assert _names(alice_client.get("/en/networks/?sort=fit")) == ["Practical", "Social"]


def test_a_bulk_approval_in_the_admin_shows_at_once(client, rf, editor):
    pending = NetworkFactory(name="Waiting Network", status=Network.Status.PENDING)
    NetworkFactory(name="Shown Network")
    assert "Waiting Network" not in client.get(CATALOGUE).content.decode()
    request = rf.post("/admin/networks/network/")
    request.user = editor
    admin = NetworkAdmin(Network, None)
    admin.message_user = lambda *args, **kwargs: None
    admin.approve(request, Network.objects.filter(pk=pending.pk))
    assert "Waiting Network" in client.get(CATALOGUE).content.decode()


def test_a_new_display_name_shows_under_the_comments_at_once(client, charlie, network):
    evaluate(charlie, network, [4, 4, 4, 4, 4], comment="Friendly people")
    assert "Charlie Christensen" in client.get(PAGE).content.decode()
    charlie.display_name = "Charlie C."
    charlie.save()
    page = client.get(PAGE).content.decode()
    assert "Charlie C." in page
    assert "Charlie Christensen" not in page


def test_what_is_a_members_own_stays_on_their_page(anonymous, alice, alice_client, charlie, network, criteria):
    evaluate(charlie, network, [5, 1, 1, 1, 1])
    evaluate(alice, network, [3, 3, 3, 3, 3], notes=["Private note", "", "", "", ""])
    MembershipFactory(member=alice, network=network)
    mine_catalogue = alice_client.get(CATALOGUE).content.decode()
    mine_page = alice_client.get(PAGE).content.decode()
    assert "You: Joined" in mine_catalogue
    assert "Fit for me" in mine_catalogue
    assert "Private note" in mine_page
    assert "Change your evaluation" in mine_page
    dave = Client()
    dave.force_login(UserFactory(display_name="Dave", preferred_language="en"))
    for reader in (anonymous, dave):
        catalogue = reader.get(CATALOGUE).content.decode()
        page = reader.get(PAGE).content.decode()
        assert "You: Joined" not in catalogue
        assert "Private note" not in page
        assert "Change your evaluation" not in page
        assert "Your score" not in page
    assert "Fit for me" not in anonymous.get(CATALOGUE).content.decode()
    assert "Fit for me" in dave.get(CATALOGUE).content.decode()


def test_a_comments_date_is_shown_in_each_readers_time_zone(alice, charlie, network):
    evaluate(charlie, network, [4, 4, 4, 4, 4], comment="Late-night thoughts")
    # 23:30 in UTC is already the next day in Helsinki.
    network.evaluations.update(updated_at=datetime(2026, 3, 14, 23, 30, tzinfo=UTC))
    network.save()  # update() sends no signal; a save stands for the edit that would have come with it
    readers = []
    for zone in ("UTC", "Europe/Helsinki"):
        reader = Client()
        reader.force_login(UserFactory(time_zone=zone, preferred_language="en"))
        readers.append(reader.get(PAGE).content.decode())
    assert 'datetime="2026-03-14T23:30:00+00:00"' in readers[0]
    assert 'datetime="2026-03-15T01:30:00+02:00"' in readers[1]


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_the_pages_work_without_a_cache_that_keeps_anything(anonymous, alice_client, network):
    for reader in (anonymous, alice_client):
        assert "Lund Tech Alumni" in reader.get(CATALOGUE).content.decode()
        assert "Lund Tech Alumni" in reader.get(PAGE).content.decode()


def test_pieces_rendered_by_other_code_are_not_used(anonymous, network, monkeypatch):
    """After a deploy that changes a template, the code or a translation, old pieces are ignored."""
    anonymous.get(CATALOGUE)
    assert "networks/partials/network_card.html" not in _templates(anonymous.get(CATALOGUE))
    monkeypatch.setattr(fragments, "_code_version", lambda: "next-release")
    assert "networks/partials/network_card.html" in _templates(anonymous.get(CATALOGUE))


def test_a_members_fit_ranking_counts_a_new_network_at_once(alice, alice_client, criteria, network):
    Priority.objects.create(member=alice, criterion=criteria[0], weight=5)
    assert "1 network" in alice_client.get("/en/networks/?sort=fit").content.decode()
    NetworkFactory(name="Newcomer Network")
    html = alice_client.get("/en/networks/?sort=fit").content.decode()
    assert "2 networks" in html
    assert "Newcomer Network" in html


def test_a_kept_page_is_shown_only_to_those_who_may_see_it(anonymous, charlie, alice, staff, pending_network):
    # The submitter's visit keeps the page; who may see it is still checked on every request.
    pending = "/en/networks/charlies-pub-night/"
    submitter, member, editor = Client(), Client(), Client()
    submitter.force_login(charlie), member.force_login(alice), editor.force_login(staff)
    assert submitter.get(pending).status_code == 200
    assert anonymous.get(pending).status_code == 404
    assert member.get(pending).status_code == 404
    assert editor.get(pending).status_code == 200
    assert "Charlie" in _main(editor.get(pending))


def test_a_new_address_shows_at_once(anonymous, network):
    assert anonymous.get(PAGE).status_code == 200
    network.slug = "lund-tech-alumni-network"
    network.save()
    assert anonymous.get(PAGE).status_code == 404
    assert "Lund Tech Alumni" in _main(anonymous.get("/en/networks/lund-tech-alumni-network/"))


def test_a_sign_up_leaves_the_kept_pieces_as_they_are(anonymous, network):
    anonymous.get(CATALOGUE)
    UserFactory(display_name="Newcomer")
    assert "networks/partials/network_card.html" not in _templates(anonymous.get(CATALOGUE))


# --- What a process holds (networks/fragments.py) -----------------------------------------------------


def _shared_cache_reads(monkeypatch):
    calls = []
    real = fragments.cache.get_many

    def counted(keys):
        calls.append(list(keys))
        return real(keys)

    monkeypatch.setattr(fragments.cache, "get_many", counted)
    return calls


def test_a_page_whose_pieces_the_process_holds_asks_the_shared_cache_once(anonymous, network, monkeypatch):
    anonymous.get(CATALOGUE)
    reads = _shared_cache_reads(monkeypatch)
    html = anonymous.get(CATALOGUE).content.decode()
    assert "Lund Tech Alumni" in html
    assert reads == [[network_pages.GROUP.generation_key]]  # the generation; every piece held


def test_a_change_made_by_another_process_shows_at_once(anonymous, network):
    assert "Lund Tech Alumni" in anonymous.get(CATALOGUE).content.decode()
    # Another process renames it: this one gets no signal, only the shared generation moves on.
    Network.objects.filter(pk=network.pk).update(name="Lund Tech Graduates")
    generation_bump(network_pages.GROUP.generation_key, cache=fragments.cache)
    response = anonymous.get(CATALOGUE)
    assert _names(response) == ["Lund Tech Graduates"]
    assert ">Lund Tech Graduates</a>" in response.content.decode()


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_a_cache_that_answers_nothing_is_held(anonymous, network):
    # No generation can be read, so none could tell a held piece stale: each page is rendered anew.
    assert "Lund Tech Alumni" in anonymous.get(CATALOGUE).content.decode()
    Network.objects.filter(pk=network.pk).update(name="Lund Tech Graduates")
    assert "Lund Tech Graduates" in anonymous.get(CATALOGUE).content.decode()


def test_a_change_during_a_request_is_read_by_the_rest_of_it(network):
    # The receivers themselves: sending request_started by hand would also run Django's
    # close_old_connections on the test's open transaction. The test client's requests above use them.
    fragments._request_starts()
    try:
        first = fragments.fragment("probe", "part", lambda: "before")
        network_pages.GROUP.bump()
        assert fragments.fragment("probe", "part", lambda: "after") == "after" != first
    finally:
        fragments._request_ends()
