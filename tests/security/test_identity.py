"""One canonical form of an e-mail address (rookie/lib/identity.py) everywhere an address is matched
or counted: the account look-up, django-axes' lock-out, the password-reset limit, staff's forms.

The look-alike spellings: "ſ" (long s) and "ı" (dotless i), which PostgreSQL's UPPER() turns into
S and I while Python's lower() keeps them apart, the Kelvin sign, which NFKC makes K, and a
Cyrillic а. Rate limits count all of them as one address (email_skeleton). Run on
SQLite and on PostgreSQL (DATABASE_URL): the log-in bypass existed only on PostgreSQL.
"""

import importlib

import pytest
from django.apps import apps
from django.core import mail
from hypothesis import given
from hypothesis import strategies as st

from accounts.auth_logging import axes_username
from accounts.models import User
from rookie.lib.identity import canonical_email, email_is_plain
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LONG_S = "ſ"
DOTLESS_I = "ı"
KELVIN = "\u212a"

# An account, and spellings of its address that differ only by look-alike letters.
LOOK_ALIKES = [
    ("name@example.se", f"name@example.{LONG_S}e"),
    ("name@example.se", f"NAME@EXAMPLE.{LONG_S}E"),
    ("tim@example.se", f"t{DOTLESS_I}m@example.se"),
    ("kim@example.se", f"{KELVIN}im@example.se"),
    ("name@example.se", "n\u0430me@example.se"),  # a Cyrillic а
]


def _fail(client, url, email, times=5):
    for _ in range(times):
        client.post(url, {"username": email, "password": "wrong-password"})


@pytest.mark.parametrize(("address", "look_alike"), LOOK_ALIKES)
def test_a_look_alike_spelling_does_not_get_past_the_member_log_in_lock_out(client, address, look_alike):
    UserFactory(email=address)
    _fail(client, "/en/accounts/login/", address)
    response = client.post("/en/accounts/login/", {"username": look_alike, "password": TEST_PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("address", "look_alike"), LOOK_ALIKES)
def test_a_look_alike_spelling_does_not_get_past_the_admin_log_in_lock_out(client, address, look_alike):
    UserFactory(email=address, is_staff=True, is_superuser=True)
    _fail(client, "/admin/login/", address)
    response = client.post("/admin/login/", {"username": look_alike, "password": TEST_PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_look_alike_spellings_share_one_lock_out_counter(client):
    UserFactory(email="name@example.se")
    for spelling in ["name@example.se", f"name@example.{LONG_S}e", "NAME@example.se", "name@exampl\uff45.se"]:
        _fail(client, "/en/accounts/login/", spelling, times=1)
    _fail(client, "/en/accounts/login/", f"Name@Example.{LONG_S}E", times=1)
    response = client.post("/en/accounts/login/", {"username": "name@example.se", "password": TEST_PASSWORD})
    assert response.status_code == 429


def test_the_lock_out_key_is_the_canonical_address(rf):
    request = rf.post("/")
    assert axes_username(request, {"username": f" Name@Example.{LONG_S}E "}) == "name@example.se"
    assert axes_username(request, {"username": f"{KELVIN}im@example.se"}) == "kim@example.se"


def test_a_look_alike_spelling_logs_in_only_as_the_same_canonical_address(client):
    """Without a lock-out: ſ is folded to s (the same address, like a capital letter), while ı stays
    ı, a different address with no account, instead of PostgreSQL's UPPER() finding "tim"."""
    UserFactory(email="tim@example.se")
    response = client.post("/en/accounts/login/", {"username": f"t{DOTLESS_I}m@example.se", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert User.objects.get_by_natural_key(f"TIM@EXAMPLE.{LONG_S}E").email == "tim@example.se"
    with pytest.raises(User.DoesNotExist):
        User.objects.get_by_natural_key(f"t{DOTLESS_I}m@example.se")


@pytest.mark.parametrize(("address", "look_alike"), LOOK_ALIKES)
def test_the_password_reset_limit_counts_look_alike_spellings_together(client, address, look_alike):
    UserFactory(email=address)
    statuses = [client.post("/en/accounts/password/reset/", {"email": address}).status_code for _ in range(5)]
    statuses.append(client.post("/en/accounts/password/reset/", {"email": look_alike}).status_code)
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


def test_a_reset_for_a_different_canonical_address_sends_nothing(client):
    UserFactory(email="tim@example.se")
    response = client.post("/en/accounts/password/reset/", {"email": f"t{DOTLESS_I}m@example.se"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_reset_for_a_look_alike_of_the_same_address_goes_to_the_stored_address(client):
    UserFactory(email="name@example.se")
    client.post("/en/accounts/password/reset/", {"email": f"NAME@EXAMPLE.{LONG_S}E"})
    (message,) = mail.outbox
    assert message.to == ["name@example.se"]


def test_every_way_of_saving_a_user_stores_the_canonical_address():
    user = User.objects.create_user(f" {KELVIN}im@Example.{LONG_S}E ", "x-long-enough-passphrase", display_name="K")
    assert user.email == "kim@example.se"
    other = UserFactory(email="Other@Example.SE")
    other.refresh_from_db()
    assert other.email == "other@example.se"


@given(st.text(max_size=40))
def test_the_canonical_form_is_stable(text):
    once = canonical_email(text)
    assert canonical_email(once) == once


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("name@example.se", True),
        ("Name.Surname+rookie@Example.SE", True),
        (f"name@example.{LONG_S}e", False),
        (f"t{DOTLESS_I}m@example.se", False),
        (f"{KELVIN}im@example.se", False),
        ("nаme@example.se", False),  # a Cyrillic а among Latin letters
        ("name@räksmörgås.se", False),
        ("name@xn--rksmrgs-5wao1o.se", True),
        ("", False),
        ("name@example.se\x00", False),
    ],
)
def test_only_plain_ascii_addresses_are_given_to_new_accounts(value, plain):
    assert email_is_plain(value) is plain


# --- Staff's forms -------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="root@example.se", is_staff=True, is_superuser=True))
    return client


def _add(admin_client, email):
    return admin_client.post(
        "/admin/accounts/user/add/",
        {
            "email": email,
            "display_name": "Someone",
            "role": "member",
            "usable_password": "true",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )


@pytest.mark.parametrize("email", [f"name@example.{LONG_S}e", f"{KELVIN}im@example.se", "NAME@example.se"])
def test_staff_cannot_create_a_look_alike_or_duplicate_of_an_account(admin_client, email):
    UserFactory(email="name@example.se")
    UserFactory(email="kim@example.se")
    before = User.objects.count()
    response = _add(admin_client, email)
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert User.objects.count() == before


def test_staff_create_stores_the_canonical_address(admin_client):
    response = _add(admin_client, "New.Person@Example.SE")
    assert response.status_code == 302
    assert User.objects.filter(email="new.person@example.se").exists()


def test_staff_cannot_change_an_address_to_a_look_alike(admin_client):
    UserFactory(email="name@example.se")
    other = UserFactory(email="other@example.se")
    page = admin_client.get(f"/admin/accounts/user/{other.pk}/change/")
    data = {key: value for key, value in page.context["adminform"].form.initial.items() if value is not None}
    data.update(
        email=f"name@example.{LONG_S}e",
        groups=[],
        user_permissions=[],
        last_login_0="",
        last_login_1="",
        date_joined_0="2026-01-01",
        date_joined_1="12:00:00",
    )
    data.pop("password", None)
    response = admin_client.post(f"/admin/accounts/user/{other.pk}/change/", data)
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    other.refresh_from_db()
    assert other.email == "other@example.se"


# --- The data migration ---------------------------------------------------------------------------


def test_the_migration_canonicalises_stored_addresses_and_leaves_a_clash_alone(capsys):
    migration = importlib.import_module("accounts.migrations.0004_canonical_emails")
    plain = UserFactory(email="name@example.se")
    clash = UserFactory(email="placeholder-1@example.se")
    alone = UserFactory(email="placeholder-2@example.se")
    # Rows written before canonical storage: update() skips save(), as the old code did.
    User.objects.filter(pk=clash.pk).update(email=f"name@example.{LONG_S}e")
    User.objects.filter(pk=alone.pk).update(email=f"{KELVIN}im@Example.se")
    migration.canonicalise(apps, None)
    emails = dict(User.objects.values_list("pk", "email"))
    assert emails[plain.pk] == "name@example.se"
    assert emails[alone.pk] == "kim@example.se"
    assert emails[clash.pk] == f"name@example.{LONG_S}e"  # left for staff; listed
    assert str(clash.pk) in capsys.readouterr().out
