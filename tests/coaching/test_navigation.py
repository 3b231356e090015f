"""The navigation item, and the pages a role that is neither member nor coach gets."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_it_shows_coaches_their_clients_and_members_their_coaching_page(client, alice, bob):
    client.force_login(bob)
    body = client.get("/en/").content.decode()
    assert '<a href="/en/coach/">Clients</a>' in body
    assert "/en/coach/sharing/" not in body
    client.force_login(alice)
    body = client.get("/en/").content.decode()
    assert '<a href="/en/coach/sharing/">Coaching</a>' in body


def test_it_gives_an_editor_no_coaching_pages(client):
    editor = UserFactory(role="editor")
    client.force_login(editor)
    assert client.get("/en/coach/").status_code == 403
    assert client.get("/en/coach/sharing/").status_code == 403
    assert "/en/coach/" not in client.get("/en/").content.decode()


@pytest.mark.parametrize("role", ["coach", "editor"])
def test_a_coach_or_editor_tracker_dashboard_offers_no_member_coaching(client, role):
    # They may keep a tracker of their own, but the member's Coaching page would be a 403 for them.
    client.force_login(UserFactory(role=role))
    body = client.get("/en/me/").content.decode()
    assert "/en/coach/sharing/" not in body
    assert 'id="coaching-feedback-heading"' not in body


def test_a_members_dashboard_invites_them_to_share_with_a_coach(client, alice):
    client.force_login(alice)
    body = client.get("/en/me/").content.decode()
    assert 'id="coaching-feedback-heading"' in body
    assert '/en/coach/sharing/#invite"' in body


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/sv/coach/sharing/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/accounts/login/?next=/sv/coach/sharing/")
