import pytest

pytestmark = pytest.mark.django_db


def test_it_logs_in_with_email_in_any_case_and_uses_the_preferred_language(client, alice, password):
    response = client.post("/en/accounts/login/", {"username": "ALICE@example.com", "password": password})
    # alice prefers Swedish: she lands on her tracker's overview in Swedish, and the cookie remembers it.
    assert response.status_code == 302
    assert response["Location"] == "/sv/me/"
    assert response.cookies["rookie_language"].value == "sv"


def test_it_keeps_the_next_page_in_the_preferred_language(client, alice, password):
    response = client.post(
        "/en/accounts/login/?next=/en/accounts/profile/",
        {"username": alice.email, "password": password, "next": "/en/accounts/profile/"},
    )
    assert response["Location"] == "/sv/accounts/profile/"


def test_it_refuses_an_offsite_next(client, alice, password):
    response = client.post(
        "/en/accounts/login/", {"username": alice.email, "password": password, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/sv/me/"


def test_a_wrong_password_is_a_form_error(client, alice):
    response = client.post("/en/accounts/login/", {"username": alice.email, "password": "wrong-password"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_logout_refuses_get(alice_client):
    assert alice_client.get("/en/accounts/logout/").status_code == 405
    assert "_auth_user_id" in alice_client.session


def test_logout_by_post(alice_client):
    response = alice_client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in alice_client.session
