import datetime

import pytest
from axes.models import AccessAttempt
from django.core import mail

pytestmark = pytest.mark.django_db


def _fail(client, email, times, language="en"):
    for _ in range(times):
        client.post(f"/{language}/accounts/login/", {"username": email, "password": "wrong-password"})


def test_it_pauses_log_in_after_five_failures_with_a_429_in_the_users_language(client, alice, password):
    _fail(client, "ALICE@example.com", 3)
    _fail(client, "alice@example.com", 2)  # letter case does not give an attacker fresh attempts
    response = client.post("/sv/accounts/login/", {"username": alice.email, "password": password})
    assert response.status_code == 429
    assert '<html lang="sv">' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_pause_is_per_email_and_ip(client, alice, charlie, password):
    _fail(client, alice.email, 5)
    response = client.post("/en/accounts/login/", {"username": charlie.email, "password": password})
    assert response.status_code == 302  # charlie is not locked out by alice's attacker
    other_ip = client.post(
        "/en/accounts/login/", {"username": alice.email, "password": password}, REMOTE_ADDR="10.9.8.7"
    )
    assert other_ip.status_code == 302  # nor is alice herself on another network


def test_the_pause_ends_after_the_cool_off(client, alice, password):
    _fail(client, alice.email, 5)
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    response = client.post("/en/accounts/login/", {"username": alice.email, "password": password})
    assert response.status_code == 302


def test_password_reset_requests_are_rate_limited_per_address(client, alice):
    statuses = [client.post("/en/accounts/password/reset/", {"email": alice.email}).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


def test_sign_up_is_rate_limited_per_client(client):
    statuses = [
        client.post(
            "/en/accounts/signup/",
            {
                "email": f"person{n}@example.com",
                "display_name": "Person",
                "preferred_language": "en",
                "password1": "a-long-enough-passphrase",
                "password2": "a-long-enough-passphrase",
            },
        ).status_code
        for n in range(11)
    ]
    assert statuses[-1] == 429
    assert statuses.count(302) == 10


def test_failed_logins_are_logged_without_the_password(client, alice, caplog):
    caplog.set_level("WARNING", logger="rookie.auth")
    client.post("/en/accounts/login/", {"username": alice.email, "password": "my-secret-guess"})
    assert "login failed" in caplog.text
    assert "my-secret-guess" not in caplog.text
