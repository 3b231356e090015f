"""accounts/coaching/access.py: what a coach or a member may look up by id; anything else is a 404
exactly like a missing id (bob: progress scope, fiona: full scope, rita: revoked, dave: never shared)."""

import pytest
from django.http import Http404

from accounts.coaching import access
from tests.factories import CommentFactory, ContactFactory, SuggestionFactory

pytestmark = pytest.mark.django_db


def test_a_coach_reaches_a_client_only_through_an_active_grant(alice, bob, bob_grant, rita, rita_grant, dave):
    assert access.get_grant_for_coach(bob, alice.pk) == bob_grant
    for coach in (rita, dave):
        with pytest.raises(Http404):
            access.get_grant_for_coach(coach, alice.pk)


def test_contacts_need_the_full_scope(alice, bob, bob_grant, fiona, fiona_grant):
    contact = ContactFactory(owner=alice)
    assert access.get_client_contact(access.get_grant_for_coach(fiona, alice.pk, contacts=True), contact.pk) == contact
    with pytest.raises(Http404):
        access.get_grant_for_coach(bob, alice.pk, contacts=True)
    with pytest.raises(Http404):
        access.get_client_contact(bob_grant, contact.pk)


def test_a_clients_contact_is_looked_up_among_that_clients_only(alice, charlie, fiona, fiona_grant):
    with pytest.raises(Http404):
        access.get_client_contact(fiona_grant, ContactFactory(owner=charlie).pk)


def test_a_coach_replies_only_to_their_own_threads(alice, bob, bob_grant, fiona, fiona_grant):
    bobs = CommentFactory(member=alice, coach=bob)
    assert access.get_comment_for_coach(bob_grant, bobs.pk) == bobs
    with pytest.raises(Http404):
        access.get_comment_for_coach(fiona_grant, bobs.pk)


def test_a_member_reaches_only_their_own_grants_comments_and_suggestions(alice, charlie, bob, bob_grant):
    comment = CommentFactory(member=alice, coach=bob)
    suggestion = SuggestionFactory(member=alice, coach=bob)
    assert access.get_grant_for_member(alice, bob_grant.pk) == bob_grant
    assert access.get_comment_for_member(alice, comment.pk) == comment
    assert access.get_suggestion_for_member(alice, suggestion.pk) == suggestion
    for lookup, pk in (
        (access.get_grant_for_member, bob_grant.pk),
        (access.get_comment_for_member, comment.pk),
        (access.get_suggestion_for_member, suggestion.pk),
    ):
        with pytest.raises(Http404):
            lookup(charlie, pk)


def test_an_invitation_is_found_only_while_it_is_pending(alice, bob, bob_grant, ivan, ivan_invitation):
    assert access.get_invitation_for_coach(ivan, ivan_invitation.pk) == ivan_invitation
    with pytest.raises(Http404):
        access.get_invitation_for_coach(bob, bob_grant.pk)
