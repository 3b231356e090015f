"""Invitations both ways, the member's agreement, scope changes, revocation, and bad input."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.coaching.forms import LOOKUP_MISSES_PER_HOUR, CoachInviteForm, MemberInviteForm
from accounts.models import CoachGrant, GrantScope, GrantStatus
from tests.examples import examples
from tests.factories import CoachFactory, GrantFactory, UserFactory

pytestmark = pytest.mark.django_db

SHARING = "/en/coach/sharing/"
SHARING_INVITE = "/en/coach/sharing/invite/"
COACH_INVITE = "/en/coach/invite/"


@pytest.fixture(autouse=True)
def _fresh_lookup_counter():
    cache.clear()
    yield
    cache.clear()


def _errors(response, field="email"):
    return response.context["invite_form"].errors.get(field, [])


# --- A member invites a coach --------------------------------------------------------------------


def test_it_lets_a_member_invite_a_coach_who_then_accepts(alice_client, alice, bob, client):
    response = alice_client.post(SHARING_INVITE, {"email": " BOB@Example.com ", "scope": "full"})
    assert response.status_code == 302
    grant = CoachGrant.objects.get(member=alice, coach=bob)
    assert (grant.status, grant.scope) == (GrantStatus.AWAITING_COACH, GrantScope.FULL)
    # Nothing is shared yet: the member has agreed, the coach has not accepted.
    client.force_login(bob)
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 404

    response = client.post(f"/en/coach/invitations/{grant.pk}/accept/")
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.ACTIVE
    assert grant.accepted_at is not None
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 200
    assert client.get(f"/en/coach/clients/{alice.pk}/contacts/").status_code == 200


def test_it_lets_a_coach_decline_a_members_invitation(client, alice, bob):
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_COACH)
    client.force_login(bob)
    assert client.post(f"/en/coach/invitations/{grant.pk}/decline/").status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.DECLINED
    assert grant.ended_at is not None
    # Declined is final: accepting afterwards does nothing.
    client.post(f"/en/coach/invitations/{grant.pk}/accept/")
    grant.refresh_from_db()
    assert grant.status == GrantStatus.DECLINED


def test_it_lets_the_member_withdraw_an_invitation_before_the_coach_answers(alice_client, alice, bob, client):
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_COACH)
    assert alice_client.post(f"/en/coach/sharing/{grant.pk}/revoke/").status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.REVOKED
    client.force_login(bob)
    assert client.post(f"/en/coach/invitations/{grant.pk}/accept/").status_code == 404


# --- A coach invites a member --------------------------------------------------------------------


def test_it_shares_nothing_until_the_member_accepts_a_coachs_invitation(client, alice, bob):
    client.force_login(bob)
    assert client.post(COACH_INVITE, {"email": "alice@example.com"}).status_code == 302
    grant = CoachGrant.objects.get(member=alice, coach=bob)
    assert grant.status == GrantStatus.AWAITING_MEMBER
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 404
    # The coach cannot accept on the member's behalf.
    assert client.post(f"/en/coach/invitations/{grant.pk}/accept/").status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.AWAITING_MEMBER

    client.force_login(alice)
    assert client.post(f"/en/coach/sharing/{grant.pk}/accept/", {"scope": "progress"}).status_code == 302
    grant.refresh_from_db()
    assert (grant.status, grant.scope) == (GrantStatus.ACTIVE, GrantScope.PROGRESS)
    client.force_login(bob)
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 200
    assert client.get(f"/en/coach/clients/{alice.pk}/contacts/").status_code == 404


def test_it_lets_a_member_decline_a_coachs_invitation(alice_client, alice, bob):
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER)
    assert alice_client.post(f"/en/coach/sharing/{grant.pk}/decline/").status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.DECLINED


def test_it_lets_a_coach_withdraw_an_unanswered_invitation(client, alice, bob):
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER)
    client.force_login(bob)
    assert client.post(f"/en/coach/invitations/{grant.pk}/withdraw/").status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.REVOKED


def test_it_asks_for_a_valid_scope_when_accepting(alice_client, alice, bob):
    grant = GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER)
    for bad in ({}, {"scope": "everything"}, {"scope": "<script>"}, {"scope": "😀"}):
        response = alice_client.post(f"/en/coach/sharing/{grant.pk}/accept/", bad)
        assert response.status_code == 200
        grant.refresh_from_db()
        assert grant.status == GrantStatus.AWAITING_MEMBER


# --- Scope and revocation take effect at once ----------------------------------------------------


def test_it_applies_a_narrower_scope_on_the_coachs_next_request(client, alice, fiona_grant, alice_contact):
    coach = fiona_grant.coach
    client.force_login(coach)
    contact_url = f"/en/coach/clients/{alice.pk}/contacts/{alice_contact.pk}/"
    assert client.get(contact_url).status_code == 200

    client.force_login(alice)
    assert client.post(f"/en/coach/sharing/{fiona_grant.pk}/scope/", {"scope": "progress"}).status_code == 302
    client.force_login(coach)
    assert client.get(contact_url).status_code == 404
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 200


def test_it_applies_a_revocation_on_the_coachs_next_request(client, alice, bob_grant):
    bob = bob_grant.coach
    client.force_login(bob)
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 200
    assert alice.display_name in client.get("/en/coach/").content.decode()

    client.force_login(alice)
    assert client.post(f"/en/coach/sharing/{bob_grant.pk}/revoke/").status_code == 302

    client.force_login(bob)  # the same coach, a new request: no cached permission survives
    assert client.get(f"/en/coach/clients/{alice.pk}/").status_code == 404
    assert client.post(f"/en/coach/clients/{alice.pk}/comments/", {"body": "Hello"}).status_code == 404
    assert alice.display_name not in client.get("/en/coach/").content.decode()
    bob_grant.refresh_from_db()
    assert bob_grant.status == GrantStatus.REVOKED
    assert bob_grant.ended_at is not None


def test_it_lets_a_member_invite_the_same_coach_again_after_revoking(alice_client, alice, bob_grant):
    alice_client.post(f"/en/coach/sharing/{bob_grant.pk}/revoke/")
    response = alice_client.post(SHARING_INVITE, {"email": "bob@example.com", "scope": "progress"})
    assert response.status_code == 302
    assert CoachGrant.objects.filter(member=alice, coach=bob_grant.coach).count() == 2


def test_it_cannot_reopen_a_revoked_grant(alice_client, alice, bob_grant):
    alice_client.post(f"/en/coach/sharing/{bob_grant.pk}/revoke/")
    alice_client.post(f"/en/coach/sharing/{bob_grant.pk}/scope/", {"scope": "full"})
    alice_client.post(f"/en/coach/sharing/{bob_grant.pk}/accept/", {"scope": "full"})
    bob_grant.refresh_from_db()
    assert (bob_grant.status, bob_grant.scope) == (GrantStatus.REVOKED, GrantScope.PROGRESS)


# --- Bad input on the invitation forms -----------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "This field is required."),
        ("not-an-address", "Enter a valid email address."),
        ("x" * 250 + "@example.com", "at most 254 characters"),
        ("nobody@example.com", "There is no career coach on Rookie with this e-mail address."),
        ("charlie@example.com", "There is no career coach on Rookie with this e-mail address."),
        ("alice@example.com", "That is your own address"),
        ("ALICE@EXAMPLE.COM", "That is your own address"),
        ("<script>@example.com", "Enter a valid email address."),
        ("åsa@example.com", "Enter a valid email address."),
        ("asa@exämple.com", "There is no career coach"),
        ("🚀@example.com", "Enter a valid email address."),
    ],
)
def test_it_explains_a_bad_coach_address_to_a_member(alice_client, alice, charlie, email, message):
    response = alice_client.post(SHARING_INVITE, {"email": email, "scope": "progress"})
    assert response.status_code == 200
    assert any(message in error for error in _errors(response)), _errors(response)
    assert not CoachGrant.objects.exists()


def test_it_gives_one_answer_for_an_unknown_address_and_a_member_address(alice_client, charlie):
    unknown = _errors(alice_client.post(SHARING_INVITE, {"email": "nobody@example.com", "scope": "progress"}))
    member = _errors(alice_client.post(SHARING_INVITE, {"email": charlie.email, "scope": "progress"}))
    assert unknown == member


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (GrantStatus.ACTIVE, "This coach already sees your progress."),
        (GrantStatus.AWAITING_COACH, "You have already invited this coach"),
        (GrantStatus.AWAITING_MEMBER, "This coach has already invited you"),
    ],
)
def test_it_refuses_a_duplicate_invitation_to_a_coach(alice_client, alice, bob, status, message):
    GrantFactory(member=alice, coach=bob, status=status)
    response = alice_client.post(SHARING_INVITE, {"email": "bob@example.com", "scope": "full"})
    assert response.status_code == 200
    assert any(message in error for error in _errors(response))
    assert CoachGrant.objects.count() == 1


def test_it_refuses_a_bad_scope_on_the_members_invitation(alice_client, bob):
    response = alice_client.post(SHARING_INVITE, {"email": "bob@example.com", "scope": "all"})
    assert response.status_code == 200
    assert response.context["invite_form"].errors["scope"]
    assert not CoachGrant.objects.exists()


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "This field is required."),
        ("nobody@example.com", "There is no member on Rookie with this e-mail address."),
        ("dave@example.com", "There is no member on Rookie with this e-mail address."),
        ("bob@example.com", "That is your own address"),
        ("<b>x</b>", "Enter a valid email address."),
    ],
)
def test_it_explains_a_bad_member_address_to_a_coach(client, bob, dave, email, message):
    client.force_login(bob)
    response = client.post(COACH_INVITE, {"email": email})
    assert response.status_code == 200
    assert any(message in error for error in _errors(response)), _errors(response)
    assert not CoachGrant.objects.exists()


def test_it_refuses_a_duplicate_invitation_to_a_member(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    response = client.post(COACH_INVITE, {"email": "alice@example.com"})
    assert "This member already shares their progress with you." in _errors(response)
    assert CoachGrant.objects.count() == 1


def test_it_refuses_an_inactive_coach(alice_client):
    CoachFactory(email="gone@example.com", is_active=False)
    response = alice_client.post(SHARING_INVITE, {"email": "gone@example.com", "scope": "progress"})
    assert any("no career coach" in error for error in _errors(response))


def test_it_stops_looking_up_addresses_after_too_many_misses(alice_client, bob):
    for n in range(LOOKUP_MISSES_PER_HOUR):
        alice_client.post(SHARING_INVITE, {"email": f"guess{n}@example.com", "scope": "progress"})
    response = alice_client.post(SHARING_INVITE, {"email": "bob@example.com", "scope": "progress"})
    assert any("too many addresses" in error for error in _errors(response))
    assert not CoachGrant.objects.exists()


def test_it_keeps_one_open_grant_per_pair_even_if_two_invitations_race(alice, bob):
    """The form's check can be passed by two requests at once; the database constraint still holds."""
    from accounts.coaching import services

    services.grant_invite_coach(member=alice, coach=bob, scope=GrantScope.PROGRESS)
    with pytest.raises(services.DuplicateGrant):
        services.grant_invite_member(coach=bob, member=alice)
    assert CoachGrant.objects.count() == 1


def test_it_shows_a_form_error_when_the_race_is_lost_in_the_view(alice_client, alice, bob, monkeypatch):
    # The form's own check saw nothing (another request got there first): the constraint answers.
    monkeypatch.setattr(MemberInviteForm, "_existing", lambda self, coach: None)
    GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_COACH)
    response = alice_client.post(SHARING_INVITE, {"email": "bob@example.com", "scope": "progress"})
    assert response.status_code == 200
    assert any("already an invitation" in error for error in _errors(response))
    assert CoachGrant.objects.count() == 1


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(email=st.text(max_size=300))
def test_it_never_fails_on_any_text_as_an_address(alice, email):
    form = MemberInviteForm({"email": email, "scope": "progress"}, user=alice)
    assert form.is_valid() is False  # no coach exists here: always a clean form error, never an exception
    coach_form = CoachInviteForm({"email": email}, user=UserFactory.build(pk=0, email="coach@example.com"))
    assert coach_form.is_valid() is False


def test_it_shows_the_sharing_page_with_a_pending_invitation(alice_client, alice, bob):
    GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER)
    body = alice_client.get(SHARING).content.decode()
    assert "Bob Berg" in body
    assert "Accept and share" in body
    assert reverse("coaching:sharing_decline", kwargs={"pk": CoachGrant.objects.get().pk}) in body
