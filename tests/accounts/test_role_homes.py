"""Each role's home: where log-in and sign-up lead when no safe `next` names another page
(accounts/roles.py: home_url_for)."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.roles import home_url_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_member(db):
    return UserFactory(email="erik@example.com", display_name="Erik Ek", preferred_language="en")


def _log_in(client, user, password, **data):
    return client.post("/en/accounts/login/", {"username": user.email, "password": password, **data})


def test_each_role_has_its_own_home(alice, bob, editor, superuser):
    assert home_url_for(alice) == reverse("tracker:dashboard")
    assert home_url_for(bob) == reverse("coaching:clients")
    assert home_url_for(editor) == reverse("admin:articles_article_changelist")
    # A superuser keeps the member role unless given another: the tracker, like any member.
    assert home_url_for(superuser) == reverse("tracker:dashboard")


def test_a_member_lands_on_the_tracker_overview(client, english_member, password):
    response = _log_in(client, english_member, password)
    assert response.status_code == 302
    assert response["Location"] == "/en/me/"
    assert client.get(response["Location"]).status_code == 200


def test_a_coach_lands_on_the_clients_page(client, bob, password):
    response = _log_in(client, bob, password)
    assert response["Location"] == "/en/coach/"
    assert client.get(response["Location"]).status_code == 200


def test_an_editor_lands_on_the_guides_in_the_admin(client, editor, password):
    response = _log_in(client, editor, password)
    assert response["Location"] == "/admin/articles/article/"
    assert client.get(response["Location"]).status_code == 200


def test_the_home_is_in_the_members_own_language(client, alice, bob, password):
    bob.preferred_language = "fi"
    bob.save(update_fields=["preferred_language"])
    assert _log_in(client, alice, password)["Location"] == "/sv/me/"
    client.post("/sv/accounts/logout/")
    assert _log_in(client, bob, password)["Location"] == "/fi/coach/"


@pytest.mark.parametrize("user_fixture", ["english_member", "bob", "editor"])
def test_a_safe_next_wins_over_the_home(request, client, password, user_fixture):
    user = request.getfixturevalue(user_fixture)
    response = _log_in(client, user, password, next="/en/guides/")
    assert response["Location"] == "/en/guides/"


@pytest.mark.parametrize(
    "unsafe",
    ["https://evil.example/", "//evil.example/me/", "http://testserver.evil.example/", "javascript:alert(1)"],
)
@pytest.mark.parametrize(("user_fixture", "home"), [("english_member", "/en/me/"), ("bob", "/en/coach/")])
def test_an_unsafe_next_is_refused_and_the_home_is_used(request, client, password, unsafe, user_fixture, home):
    user = request.getfixturevalue(user_fixture)
    response = _log_in(client, user, password, next=unsafe)
    assert response.status_code == 302
    assert response["Location"] == home


def test_an_unsafe_next_in_the_query_string_is_refused_too(client, english_member, password):
    response = client.post(
        "/en/accounts/login/?next=https://evil.example/",
        {"username": english_member.email, "password": password},
    )
    assert response["Location"] == "/en/me/"


def test_opening_the_log_in_page_when_signed_in_leads_home(client, bob):
    client.force_login(bob)
    response = client.get("/en/accounts/login/")
    assert response.status_code == 302
    assert response["Location"] == "/en/coach/"


def test_a_wrong_password_still_lands_nowhere(client, english_member):
    response = _log_in(client, english_member, "not-the-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_new_member_lands_on_the_tracker_overview_after_choosing_a_password(client):
    client.post(
        "/en/accounts/signup/",
        {"email": "new.member@example.com", "display_name": "Nina Ny", "preferred_language": "da"},
    )
    (message,) = mail.outbox
    link = next(word for word in message.body.split() if "/accounts/signup/confirm/" in word)
    link = link[link.index("/da/") :]
    done = client.post(link, {"password1": "a-long-enough-passphrase", "password2": "a-long-enough-passphrase"})
    assert done.status_code == 302
    assert done["Location"] == "/da/me/"
    page = client.get(done["Location"])
    assert page.context["user"] == User.objects.get(email="new.member@example.com")
