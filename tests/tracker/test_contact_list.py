"""The contact list at scale: paging, search in every alphabet, filters, bulk actions.

alice owns the contacts; charlie is a stranger whose contacts alice's requests must never touch.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Contact, FollowUp, Interaction
from accounts.models.coaching import AccessKind, CoachAccessLog
from tests.factories import ContactFactory, EventFactory, FollowUpFactory, InteractionFactory, NetworkFactory

pytestmark = pytest.mark.django_db

LIST = reverse("tracker:contact_list")
BULK = reverse("tracker:contact_bulk")
TODAY = timezone.localdate()


def names(response):
    return [contact.name for contact in response.context["page"]]


def _bulk_contacts(owner, count, **fields):
    Contact.objects.bulk_create(
        [Contact(owner=owner, name=f"Person {n:05}", company=f"Company {n % 7}", **fields) for n in range(count)]
    )


# --- Paging ------------------------------------------------------------------------------------------


def test_it_pages_50_contacts_at_a_time_keeping_the_filter_in_the_links(alice_client, alice):
    _bulk_contacts(alice, 120, tags="alumni")
    first = alice_client.get(LIST, {"tag": "alumni", "q": "person"})
    assert len(first.context["page"]) == 50
    assert first.context["page"].paginator.num_pages == 3
    body = first.content.decode()
    assert 'href="?page=2&amp;q=person&amp;tag=alumni"' in body
    assert "120 contacts" in body
    last = alice_client.get(LIST, {"tag": "alumni", "q": "person", "page": "3"})
    assert names(last) == [f"Person {n:05}" for n in range(100, 120)]
    assert alice_client.get(LIST, {"page": "99"}).context["page"].number == 3


@pytest.mark.parametrize("count", [30, 3000])
def test_it_lists_a_page_in_the_same_number_of_queries_at_any_size(
    alice_client, alice, django_assert_num_queries, count
):
    event = EventFactory(owner=alice)
    network = NetworkFactory()
    _bulk_contacts(alice, count, tags="alumni, fintech", met_at_event=event, met_at_network=network)
    # session, user, the filter's tags, events and networks, count, page
    with django_assert_num_queries(7):
        response = alice_client.get(LIST, {"tag": "alumni", "met_at": f"event-{event.pk}", "losing_touch": ""})
    assert response.context["page"].paginator.count == count
    assert len(response.context["page"]) == min(count, 50)


# --- Search ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("åsa", ["Åsa Öberg"]),
        ("ÖBERG", ["Åsa Öberg"]),
        ("SØREN", ["Søren Ærø"]),
        ("äänekosken", ["Päivi Järvinen"]),
        ("мария", ["Мария Иванова"]),
        ("ΕΛΈΝΗ", ["Ελένη Παπαδοπούλου"]),
        ("@ORSTED.dk", ["Søren Ærø"]),
        ("nordlys", ["Åsa Öberg"]),
    ],
)
def test_it_searches_name_company_and_email_in_every_alphabet(alice_client, alice, charlie, query, expected):
    ContactFactory(owner=alice, name="Åsa Öberg", company="Nordlys AB")
    ContactFactory(owner=alice, name="Søren Ærø", company="", email="soren@orsted.dk")
    ContactFactory(owner=alice, name="Päivi Järvinen", company="Äänekosken Energia")
    ContactFactory(owner=alice, name="Мария Иванова", company="")
    ContactFactory(owner=alice, name="Ελένη Παπαδοπούλου", company="")
    ContactFactory(owner=charlie, name="Åsa Öberg (charlie's)", company="Nordlys AB", email="x@orsted.dk")
    assert names(alice_client.get(LIST, {"q": query})) == expected


# --- Filters -----------------------------------------------------------------------------------------


@pytest.fixture
def varied(alice, charlie):
    event = EventFactory(owner=alice, name="Vårmingel")
    network = NetworkFactory(name="Nordic Women in Tech")
    ContactFactory(owner=alice, name="Anna", tags="alumni, energy", company="Ørsted A/S", met_at_event=event)
    ContactFactory(
        owner=alice,
        name="Bertil",
        tags="alumni-board",
        met_at_network=network,
        keep_in_touch_days=30,
        last_contacted_on=TODAY - datetime.timedelta(days=40),
    )
    ContactFactory(owner=alice, name="Cecilia", company="Energi AB", last_contacted_on=TODAY)
    ContactFactory(owner=charlie, name="Charlie's Anna", tags="alumni", company="Ørsted A/S")
    return event, network


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"tag": "alumni"}, ["Anna"]),
        ({"tag": "ALUMNI"}, ["Anna"]),
        ({"company": "ørsted"}, ["Anna"]),
        ({"met_at": "event"}, ["Anna"]),
        ({"met_at": "network"}, ["Bertil"]),
        ({"losing_touch": "on"}, ["Bertil"]),
        ({"never_contacted": "on"}, ["Anna"]),
        ({"company": "energi", "never_contacted": "on"}, []),
        ({"met_at": "network-987654", "tag": ""}, ["Anna", "Bertil", "Cecilia"]),
        ({"q": "x" * 5000}, []),
    ],
)
def test_it_filters_by_tag_company_where_met_and_touch(alice_client, varied, params, expected):
    event, network = varied
    params = dict(params)
    if params.get("met_at") == "event":
        params["met_at"] = f"event-{event.pk}"
    elif params.get("met_at") == "network":
        params["met_at"] = f"network-{network.pk}"
    assert names(alice_client.get(LIST, params)) == expected


def test_it_offers_only_the_members_own_tags_events_and_networks(alice_client, varied, charlie):
    EventFactory(owner=charlie, name="Charlie's party")
    ContactFactory(owner=charlie, tags="secret-tag")
    body = alice_client.get(LIST).content.decode()
    assert '<option value="alumni">alumni</option>' in body
    assert "Vårmingel" in body
    assert "Nordic Women in Tech" in body
    assert "secret-tag" not in body
    assert "Charlie&#x27;s party" not in body
    # The filter works without JavaScript: a GET form, every field labelled.
    assert 'method="get"' in body
    for field in ("q", "tag", "company", "met_at", "losing_touch", "never_contacted"):
        assert f'for="id_{field}"' in body


def test_a_strangers_event_in_the_filter_finds_nothing_of_theirs(alice_client, alice, charlie):
    theirs = EventFactory(owner=charlie)
    ContactFactory(owner=charlie, met_at_event=theirs)
    ContactFactory(owner=alice, name="Mine")
    assert names(alice_client.get(LIST, {"met_at": f"event-{theirs.pk}"})) == ["Mine"]


# --- Bulk actions ------------------------------------------------------------------------------------


def _ids(*contacts):
    return [str(contact.pk) for contact in contacts]


def test_it_adds_a_tag_to_the_selected_contacts_only(alice_client, alice):
    anna = ContactFactory(owner=alice, name="Anna", tags="")
    bertil = ContactFactory(owner=alice, name="Bertil", tags="alumni, fintech")
    cecilia = ContactFactory(owner=alice, name="Cecilia", tags="alumni-board")
    untouched = ContactFactory(owner=alice, name="David", tags="")
    response = alice_client.post(
        BULK, {"action": "add_tag", "bulk_tag": " Alumni ", "scope": "selected", "ids": _ids(anna, bertil, cecilia)}
    )
    assert response.status_code == 302
    assert response["Location"] == LIST
    tags = dict(Contact.objects.values_list("name", "tags"))
    assert tags == {"Anna": "alumni", "Bertil": "alumni, fintech", "Cecilia": "alumni-board, alumni", "David": ""}
    untouched.refresh_from_db()
    assert untouched.tags == ""
    messages = [str(message) for message in alice_client.get(LIST).context["messages"]]
    assert messages == ["Tag added to 2 contacts."]


def test_it_leaves_out_a_contact_whose_tags_are_full(alice_client, alice):
    full = ContactFactory(owner=alice, tags="x" * 195)
    alice_client.post(BULK, {"action": "add_tag", "bulk_tag": "alumni", "scope": "selected", "ids": _ids(full)})
    full.refresh_from_db()
    assert full.tags == "x" * 195


def test_it_removes_exactly_the_tag(alice_client, alice):
    for name, tags in [
        ("A", "alumni"),
        ("B", "fintech, alumni, energy"),
        ("C", "alumni-board, alumni"),
        ("D", "alumni-board"),
    ]:
        ContactFactory(owner=alice, name=name, tags=tags)
    response = alice_client.post(BULK, {"action": "remove_tag", "bulk_tag": "alumni", "scope": "all"})
    assert response["Location"] == LIST
    assert dict(Contact.objects.values_list("name", "tags")) == {
        "A": "",
        "B": "fintech, energy",
        "C": "alumni-board",
        "D": "alumni-board",
    }


def test_it_sets_keep_in_touch_and_moves_each_next_touch_date(alice_client, alice):
    met = ContactFactory(owner=alice, name="Met", last_contacted_on=datetime.date(2024, 2, 27))
    new = ContactFactory(owner=alice, name="New")
    alice_client.post(BULK, {"action": "keep_in_touch", "keep_in_touch_days": "3", "scope": "all"})
    met.refresh_from_db()
    new.refresh_from_db()
    assert (met.keep_in_touch_days, met.next_touch_due) == (3, datetime.date(2024, 3, 1))
    assert (new.keep_in_touch_days, new.next_touch_due) == (3, new.compute_next_touch_due())
    assert new.next_touch_due == timezone.localdate(new.created_at) + datetime.timedelta(days=3)
    # An empty interval stops the reminders.
    alice_client.post(BULK, {"action": "keep_in_touch", "keep_in_touch_days": "", "scope": "all"})
    timers = Contact.objects.values_list("keep_in_touch_days", "next_touch_due").order_by().distinct()
    assert list(timers) == [(None, None)]


def test_it_sets_the_language(alice_client, alice):
    contacts = ContactFactory.create_batch(3, owner=alice, language="sv")
    alice_client.post(BULK, {"action": "language", "language": "fi", "scope": "selected", "ids": _ids(*contacts[:2])})
    assert sorted(Contact.objects.values_list("language", flat=True)) == ["fi", "fi", "sv"]


@pytest.mark.parametrize(
    ("data", "field_error"),
    [
        ({"action": "add_tag", "bulk_tag": "", "scope": "all"}, "Write the tag."),
        ({"action": "add_tag", "bulk_tag": "a, b", "scope": "all"}, "One tag at a time, without commas."),
        ({"action": "add_tag", "bulk_tag": "x" * 41, "scope": "all"}, None),
        ({"action": "language", "language": "xx", "scope": "all"}, None),
        ({"action": "keep_in_touch", "keep_in_touch_days": "0", "scope": "all"}, None),
        ({"action": "keep_in_touch", "keep_in_touch_days": "abc", "scope": "all"}, None),
        ({"action": "explode", "scope": "all"}, None),
        ({"action": "language", "language": "fi", "scope": "selected"}, "Choose at least one contact"),
        ({"action": "language", "language": "fi", "scope": "everyone"}, None),
    ],
)
def test_it_refuses_bad_input_and_changes_nothing(alice_client, alice, data, field_error):
    ContactFactory(owner=alice, tags="", language="sv", keep_in_touch_days=None)
    response = alice_client.post(BULK, data)
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert list(Contact.objects.values_list("tags", "language", "keep_in_touch_days")) == [("", "sv", None)]
    messages = [str(message) for message in alice_client.get(LIST).context["messages"]]
    assert messages
    if field_error:
        assert any(field_error in message for message in messages)


def test_it_applies_an_action_to_all_matching_contacts_from_the_filter_in_hidden_fields(alice_client, alice, charlie):
    _bulk_contacts(alice, 130, tags="alumni")
    ContactFactory(owner=alice, name="Not alumni", tags="other")
    ContactFactory(owner=charlie, name="Charlie's alumnus", tags="alumni", language="da")
    body = alice_client.get(LIST, {"tag": "alumni"}).content.decode()
    assert '<input type="hidden" name="tag" value="alumni">' in body
    assert "Apply to all 130 matching contacts" in body
    response = alice_client.post(BULK, {"tag": "alumni", "action": "language", "language": "fi", "scope": "all"})
    assert response["Location"] == f"{LIST}?tag=alumni"
    assert Contact.objects.filter(owner=alice, language="fi").count() == 130
    assert Contact.objects.get(name="Not alumni").language != "fi"
    assert Contact.objects.get(name="Charlie's alumnus").language == "da"


@pytest.mark.parametrize("count", [30, 3000])
@pytest.mark.parametrize(
    ("data", "queries"),
    [
        # session, user, the filter's choices (events, networks, tags: the filter is checked as
        # on the list), savepoint (BEGIN outside a test), the member's lock, the UPDATE, the
        # coaches whose pages go stale, release (COMMIT)
        ({"action": "add_tag", "bulk_tag": "new"}, 10),
        ({"action": "remove_tag", "bulk_tag": "alumni"}, 10),
        ({"action": "keep_in_touch", "keep_in_touch_days": "30"}, 10),
        ({"action": "language", "language": "da"}, 10),
        # … with the access log, follow-ups, interactions and contacts each in one statement
        ({"action": "delete", "confirm": "1"}, 13),
    ],
)
def test_each_action_on_every_match_takes_the_same_queries_at_any_size(
    alice_client, alice, django_assert_num_queries, count, data, queries
):
    _bulk_contacts(alice, count, tags="alumni")
    contact = Contact.objects.filter(owner=alice).first()
    InteractionFactory(contact=contact)
    FollowUpFactory(owner=alice, contact=contact)
    with django_assert_num_queries(queries):
        response = alice_client.post(BULK, {"tag": "alumni", "scope": "all", **data})
    assert response.status_code == 302


def test_someone_elses_ids_are_never_touched(alice_client, alice, charlie):
    mine = ContactFactory(owner=alice, tags="", language="sv")
    theirs = ContactFactory(owner=charlie, tags="", language="sv")
    InteractionFactory(contact=theirs)
    for data in [
        {"action": "add_tag", "bulk_tag": "hacked"},
        {"action": "language", "language": "fi"},
        {"action": "keep_in_touch", "keep_in_touch_days": "7"},
        {"action": "delete", "confirm": "1"},
    ]:
        alice_client.post(BULK, {"scope": "selected", "ids": _ids(mine, theirs), **data})
    theirs.refresh_from_db()
    assert (theirs.tags, theirs.language, theirs.keep_in_touch_days) == ("", "sv", None)
    assert Interaction.objects.filter(contact=theirs).exists()
    assert not Contact.objects.filter(pk=mine.pk).exists()
    # Ids that are not ids at all find nothing either (never a 500).
    for junk in ["9" * 30, "²", "-1", "1e3", ""]:
        response = alice_client.post(BULK, {"scope": "selected", "ids": [junk], "action": "language", "language": "fi"})
        assert response.status_code == 302
    assert not Contact.objects.filter(language="fi").exists()
    # Only a stranger's ids: nothing to delete, and the confirmation says so.
    response = alice_client.post(BULK, {"scope": "selected", "ids": _ids(theirs), "action": "delete"})
    assert response.status_code == 200
    assert response.context["count"] == 0
    assert "nothing was deleted" in response.content.decode()


def test_delete_asks_first_listing_how_many_then_deletes_with_interactions_and_follow_ups(
    alice_client, alice, bob, charlie
):
    doomed = ContactFactory.create_batch(3, owner=alice, tags="old")
    kept = ContactFactory(owner=alice, tags="new")
    InteractionFactory(contact=doomed[0])
    FollowUpFactory(owner=alice, contact=doomed[1])
    InteractionFactory(contact=kept)
    log = CoachAccessLog.objects.create(coach=bob, member=alice, contact=doomed[0], what=AccessKind.CONTACT)
    response = alice_client.post(BULK, {"tag": "old", "scope": "all", "action": "delete"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Delete 3 contacts?" in body
    assert '<input type="hidden" name="confirm" value="1">' in body
    assert '<input type="hidden" name="tag" value="old">' in body
    for contact in doomed:
        assert contact.name in body
    assert Contact.objects.count() == 4  # nothing deleted yet
    response = alice_client.post(BULK, {"tag": "old", "scope": "all", "action": "delete", "confirm": "1"})
    assert response["Location"] == f"{LIST}?tag=old"
    assert list(Contact.objects.all()) == [kept]
    assert list(Interaction.objects.values_list("contact", flat=True)) == [kept.pk]
    assert not FollowUp.objects.exists()
    log.refresh_from_db()
    assert log.contact is None
    messages = [str(message) for message in alice_client.get(LIST).context["messages"]]
    assert messages == ["3 contacts deleted, with their interactions and follow-ups."]


def test_the_selection_form_posts_ids_and_works_without_javascript(alice_client, alice):
    contacts = ContactFactory.create_batch(2, owner=alice)
    body = alice_client.get(LIST).content.decode()
    assert f'action="{BULK}"' in body
    for contact in contacts:
        assert f'name="ids" value="{contact.pk}" id="pick-{contact.pk}"' in body
        assert f'<label for="pick-{contact.pk}" class="visually-hidden">Select {contact.name}</label>' in body
    assert 'name="scope" value="selected"' in body
    assert 'name="scope" value="all"' in body
    # "Select all on this page" needs the static script, so it starts hidden; no inline script.
    assert 'data-select-all hidden><input type="checkbox" id="contact-select-all">' in body
    assert "/js/contact-bulk" in body
    assert "<script>" not in body


def test_bulk_is_post_only(alice_client):
    assert alice_client.get(BULK).status_code == 405
