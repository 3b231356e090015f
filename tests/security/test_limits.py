"""Every "at most N" rule holds when the requests arrive together, not only one after the other.

Each rule is checked where it is written: the member's row is locked, then the rows are counted,
then the new one is written, in one transaction (networks.services.suggestion_save,
accounts.tracker.services.owner_lock), or the count is taken before the work in one atomic cache
step (the coach invitation look-ups). The simultaneous tests only race on PostgreSQL (see
tests/tracker/concurrency.py); each rule also has a test of the plain sequence, on both databases.

Covered elsewhere: one evaluation per member and network (tests/networks/test_concurrency.py),
one contact import per preview (tests/tracker_io/test_import_once.py), one open coaching grant per
pair (a constraint; tests/coaching/test_invitations.py).
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.coaching.forms import LOOKUP_MISSES_PER_HOUR, MemberInviteForm
from accounts.models import Contact, FollowUp
from networks.models import Network
from networks.services import MAX_PENDING_SUGGESTIONS, SuggestionRefused, suggestion_save
from tests.factories import CoachFactory, ContactFactory, NetworkFactory, UserFactory
from tests.tracker.concurrency import run_together

SUGGESTIONS_AT_ONCE = 30
DOUBLE_SUBMISSIONS = 4
LOOKUPS_AT_ONCE = 30

SUGGESTION = {
    "website": "robotics.example.org",
    "summary": "Robot builders meet once a month.",
    "purpose": "Share projects.",
    "kind": "meetup",
    "scope": "local",
    "city": "Västerås",
    "country": "SE",
    "languages": ["sv"],
    "formality": "informal",
    "fee_amount": "0",
    "fee_currency": "SEK",
    "fee_period": "year",
    "organiser": "Two engineers",
    "audience": "Engineers",
}
CONTACT = {"name": "Åsa Öberg", "email": "asa@example.se", "language": "sv"}


def _clients(user, count):
    """Signed-in clients, one per simultaneous request (their sessions are saved before the race)."""
    clients = []
    for _number in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


# --- Pending network suggestions: at most MAX_PENDING_SUGGESTIONS per member -----------------------


@pytest.mark.django_db(transaction=True)
def test_simultaneous_suggestions_stop_at_the_cap():
    member = UserFactory()
    clients = _clients(member, SUGGESTIONS_AT_ONCE)
    url = reverse("networks:suggest")
    run_together(
        [
            lambda c=client, n=number: c.post(url, {**SUGGESTION, "name": f"Robotics Meetup {n}"}).status_code
            for number, client in enumerate(clients)
        ]
    )
    assert Network.objects.filter(submitted_by=member, status=Network.Status.PENDING).count() == MAX_PENDING_SUGGESTIONS


@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_suggestion_is_saved_once():
    member = UserFactory()
    url = reverse("networks:suggest")
    statuses = run_together(
        [
            lambda c=client: c.post(url, {**SUGGESTION, "name": "Robotics Meetup"}).status_code
            for client in _clients(member, DOUBLE_SUBMISSIONS)
        ]
    )
    assert Network.objects.filter(name="Robotics Meetup").count() == 1
    assert sorted(statuses) == [200] * (DOUBLE_SUBMISSIONS - 1) + [302]


@pytest.mark.django_db
def test_the_suggestion_cap_is_checked_where_the_suggestion_is_written(alice):
    for number in range(MAX_PENDING_SUGGESTIONS - 1):
        NetworkFactory(status=Network.Status.PENDING, submitted_by=alice, name=f"Mine {number}")
    suggestion_save(member=alice, network=NetworkFactory.build(name="The tenth"))
    with pytest.raises(SuggestionRefused) as refused:
        suggestion_save(member=alice, network=NetworkFactory.build(name="The eleventh"))
    assert (refused.value.reason, refused.value.count) == (SuggestionRefused.TOO_MANY, MAX_PENDING_SUGGESTIONS)
    assert not Network.objects.filter(name="The eleventh").exists()
    # Approved suggestions no longer wait for review, so they leave room.
    Network.objects.filter(name="The tenth").update(status=Network.Status.APPROVED)
    eleventh = suggestion_save(member=alice, network=NetworkFactory.build(name="The eleventh"))
    assert (eleventh.status, eleventh.submitted_by) == (Network.Status.PENDING, alice)


@pytest.mark.django_db
def test_the_name_is_checked_again_where_the_suggestion_is_written(alice):
    NetworkFactory(name="Robotics Meetup")
    with pytest.raises(SuggestionRefused) as refused:
        suggestion_save(member=alice, network=NetworkFactory.build(name="robotics meetup"))
    assert refused.value.reason == SuggestionRefused.DUPLICATE_NAME
    assert Network.objects.count() == 1


# --- Contacts: one per e-mail address (and LinkedIn profile) of a member --------------------------


@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_contact_is_added_once():
    member = UserFactory()
    url = reverse("tracker:contact_add")
    run_together([lambda c=client: c.post(url, CONTACT).status_code for client in _clients(member, DOUBLE_SUBMISSIONS)])
    assert Contact.objects.filter(owner=member).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_contacts_edited_at_once_to_one_address_keep_it_unique():
    member = UserFactory()
    contacts = [ContactFactory(owner=member, email=f"other{n}@example.se") for n in range(DOUBLE_SUBMISSIONS)]
    jobs = [
        lambda c=client, pk=contact.pk: c.post(reverse("tracker:contact_edit", args=[pk]), CONTACT).status_code
        for client, contact in zip(_clients(member, DOUBLE_SUBMISSIONS), contacts, strict=True)
    ]
    run_together(jobs)
    assert Contact.objects.filter(owner=member, email=CONTACT["email"]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_thank_you_adds_one_follow_up():
    member = UserFactory()
    contact = ContactFactory(owner=member)
    url = reverse("tracker:contact_thank_you", args=[contact.pk])
    data = {"title": "Thank Åsa for the fika", "due_date": "2030-01-15"}
    run_together([lambda c=client: c.post(url, data).status_code for client in _clients(member, DOUBLE_SUBMISSIONS)])
    assert FollowUp.objects.filter(contact=contact, done_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_a_second_contact_with_the_same_address_is_refused(alice_client, alice):
    url = reverse("tracker:contact_add")
    assert alice_client.post(url, CONTACT).status_code == 302
    response = alice_client.post(url, {**CONTACT, "email": "ASA@example.se"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert Contact.objects.filter(owner=alice).count() == 1


# --- Coach invitations: at most LOOKUP_MISSES_PER_HOUR unknown addresses an hour ------------------


def _lookup(member, email):
    form = MemberInviteForm({"email": email, "scope": "progress"}, user=member)
    form.is_valid()
    return form.errors.get("email", [""])[0]


@pytest.mark.django_db(transaction=True)
def test_simultaneous_invitations_look_up_at_most_the_hours_allowance():
    member = UserFactory()
    answers = run_together(
        [lambda n=number: _lookup(member, f"guess{n}@example.com") for number in range(LOOKUPS_AT_ONCE)]
    )
    looked_up = [answer for answer in answers if "no career coach" in answer]
    assert len(looked_up) == LOOKUP_MISSES_PER_HOUR
    assert len(answers) - len(looked_up) == sum("too many addresses" in answer for answer in answers)


@pytest.mark.django_db
def test_a_look_up_that_finds_a_coach_is_not_a_miss(alice):
    coach = CoachFactory(email="coach@example.com")
    for _number in range(LOOKUP_MISSES_PER_HOUR + 2):
        assert _lookup(alice, coach.email) == ""
    for number in range(LOOKUP_MISSES_PER_HOUR):
        assert "no career coach" in _lookup(alice, f"guess{number}@example.com")
    assert "too many addresses" in _lookup(alice, "one-more@example.com")
    assert "too many addresses" in _lookup(alice, coach.email)
    cache.clear()  # the hour is over
    assert _lookup(alice, coach.email) == ""
