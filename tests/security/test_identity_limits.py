"""Limits on guessing passwords that django-axes' per-address lock-out does not cover.

- Every form that asks for the current password (password change on the site and in the admin,
  account deletion) shares one per-user limit: a stolen session gets CURRENT_PASSWORD_LIMIT guesses
  an hour in all, not that many per form.
- Failed log-ins are counted per client address: many addresses tried from one IP are paused after
  LOGIN_IP_FAILURE_LIMIT failures (member and admin log-in share the count); successes never count.
"""

import pytest
from django.test import Client

from accounts.models import User
from rookie.lib.ratelimit import CURRENT_PASSWORD_LIMIT
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

NEW = "another-long-phrase-42"

# Each form that checks the current password: its URL and a POST with a wrong current password.
CURRENT_PASSWORD_FORMS = {
    "password change": (
        "/en/accounts/password/change/",
        {"old_password": "wrong-guess", "new_password1": NEW, "new_password2": NEW},
    ),
    "admin password change": (
        "/admin/password_change/",
        {"old_password": "wrong-guess", "new_password1": NEW, "new_password2": NEW},
    ),
    "account deletion": ("/en/accounts/privacy/delete/", {"password": "wrong-guess"}),
}


@pytest.mark.parametrize("form", list(CURRENT_PASSWORD_FORMS))
def test_wrong_current_passwords_are_stopped_after_the_limit(superuser_client, superuser, form):
    url, data = CURRENT_PASSWORD_FORMS[form]
    statuses = [superuser_client.post(url, data).status_code for _ in range(CURRENT_PASSWORD_LIMIT + 1)]
    assert 429 not in statuses[:CURRENT_PASSWORD_LIMIT]
    assert statuses[-1] == 429
    # Refused before the password is even checked: the right one does nothing now either.
    url, data = CURRENT_PASSWORD_FORMS[form]
    right = {**data, "old_password": TEST_PASSWORD, "password": TEST_PASSWORD}
    assert superuser_client.post(url, right).status_code == 429
    assert User.objects.filter(pk=superuser.pk).exists()
    superuser.refresh_from_db()
    assert superuser.check_password(TEST_PASSWORD)


def test_the_forms_share_one_count(superuser_client):
    forms = list(CURRENT_PASSWORD_FORMS.values())
    statuses = [superuser_client.post(*forms[n % len(forms)]).status_code for n in range(CURRENT_PASSWORD_LIMIT)]
    assert 429 not in statuses
    for url, data in forms:
        assert superuser_client.post(url, data).status_code == 429


def test_the_count_is_per_user(superuser_client, alice_client):
    url, data = CURRENT_PASSWORD_FORMS["password change"]
    for _ in range(CURRENT_PASSWORD_LIMIT + 1):
        superuser_client.post(url, data)
    response = alice_client.post(url, {**data, "old_password": TEST_PASSWORD})
    assert response.status_code == 302


# --- Failed log-ins per client address ------------------------------------------------------------


@pytest.fixture
def small_ip_limit(settings):
    # The same rule at a size a test can reach quickly (the default is 30 in 15 minutes).
    settings.LOGIN_IP_FAILURE_LIMIT = 4
    settings.AXES_FAILURE_LIMIT = 100
    return settings.LOGIN_IP_FAILURE_LIMIT


def _fail_with_different_addresses(client, url, count, **extra):
    return [
        client.post(url, {"username": f"person{n}@example.com", "password": "wrong"}, **extra).status_code
        for n in range(count)
    ]


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/admin/login/"])
def test_many_addresses_from_one_ip_are_paused(client, superuser, small_ip_limit, url):
    assert 429 not in _fail_with_different_addresses(client, url, small_ip_limit)
    response = client.post(url, {"username": superuser.email, "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another client address is not affected.
    response = client.post(url, {"username": superuser.email, "password": TEST_PASSWORD}, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 302


def test_member_and_admin_log_in_share_the_count(client, superuser, small_ip_limit):
    _fail_with_different_addresses(client, "/en/accounts/login/", small_ip_limit)
    response = client.post("/admin/login/", {"username": superuser.email, "password": TEST_PASSWORD})
    assert response.status_code == 429


def test_the_default_pauses_a_hundred_addresses_from_one_ip(client):
    statuses = _fail_with_different_addresses(client, "/en/accounts/login/", 100)
    assert 429 not in statuses[:30]
    assert set(statuses[30:]) == {429}


def test_successful_log_ins_do_not_count(alice, small_ip_limit):
    # Members behind one NAT: many successes and a few failures from one address stay under the limit.
    client = Client()
    for _ in range(small_ip_limit + 2):
        assert (
            client.post("/en/accounts/login/", {"username": alice.email, "password": TEST_PASSWORD}).status_code == 302
        )
        client.post("/en/accounts/logout/")
    assert 429 not in _fail_with_different_addresses(client, "/en/accounts/login/", small_ip_limit - 1)
    assert client.post("/en/accounts/login/", {"username": alice.email, "password": TEST_PASSWORD}).status_code == 302


def test_log_in_pages_still_answer_get_while_paused(client, small_ip_limit):
    _fail_with_different_addresses(client, "/en/accounts/login/", small_ip_limit)
    assert client.get("/en/accounts/login/").status_code == 200
