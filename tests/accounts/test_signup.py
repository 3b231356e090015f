"""Sign-up in two steps: the form answers the same for every address; the e-mail differs.

A new address gets a link to choose a password (the account is created then, and logged in); an
address with an account gets a note to its owner, in the owner's language. An outside observer
sees the same redirect either way.
"""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts import signup
from accounts.models import User
from accounts.signup import PendingSignup, signup_token_make

pytestmark = pytest.mark.django_db

GOOD = {"email": "new.member@example.com", "display_name": "Åsa Öberg", "preferred_language": "sv"}
PASSWORD = "a-long-enough-passphrase"


def _link(message):
    return re.search(r"http://127\.0\.0\.1:8000(/\S+)", message.body).group(1)


def _observable(response):
    """What someone who does not read the address's mail can see of a sign-up's answer."""
    return (
        response.status_code,
        response.get("Location"),
        sorted(response.cookies),
        response.content,
        sorted(key for key in response.headers if key.lower() not in {"date"}),
    )


def test_a_new_address_gets_a_link_and_the_account_is_made_when_the_password_is_chosen(client):
    response = client.post("/en/accounts/signup/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_sent")
    assert not User.objects.exists()
    assert "_auth_user_id" not in client.session
    assert client.get(response["Location"]).status_code == 200

    (message,) = mail.outbox
    assert message.to == ["new.member@example.com"]
    with translation.override("sv"):
        assert message.subject == gettext("Finish signing up to Rookie")
    link = _link(message)
    assert link.startswith("/sv/accounts/signup/confirm/")

    page = client.get(link)
    assert page.status_code == 200
    assert "new.member@example.com" in page.content.decode()
    done = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    user = User.objects.get()
    assert (user.email, user.display_name, user.preferred_language) == ("new.member@example.com", "Åsa Öberg", "sv")
    assert user.role == User.Role.MEMBER
    assert user.check_password(PASSWORD)
    # The new member lands on their tracker's overview in their own language, logged in.
    assert done.status_code == 302
    assert done["Location"] == "/sv/me/"
    assert client.get("/sv/me/").context["user"] == user


def test_an_address_with_an_account_gets_the_same_answer_and_its_owner_an_email(alice):
    new = Client().post("/en/accounts/signup/", GOOD)
    existing = Client().post("/en/accounts/signup/", {**GOOD, "email": "ALICE@Example.com"})
    assert _observable(existing) == _observable(new)
    assert User.objects.count() == 1

    to_owner = [message for message in mail.outbox if message.to == ["alice@example.com"]]
    (message,) = to_owner
    # In the owner's language (alice prefers Swedish), whatever the form said.
    with translation.override("sv"):
        assert message.subject == gettext("Someone tried to sign up to Rookie with your address")
    assert "http://127.0.0.1:8000/sv/accounts/login/" in message.body
    assert "http://127.0.0.1:8000/sv/accounts/password/reset/" in message.body
    assert "/signup/confirm/" not in message.body
    alice.refresh_from_db()
    assert alice.display_name == "Alice Andersson"


def test_an_inactive_account_gets_the_same_answer_and_no_email(alice):
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    response = Client().post("/en/accounts/signup/", {**GOOD, "email": alice.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_sent")
    assert mail.outbox == []


def test_the_link_stores_the_address_in_its_canonical_form(client):
    client.post("/en/accounts/signup/", {**GOOD, "email": "New.Member@Example.COM"})
    client.post(_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert User.objects.get().email == "new.member@example.com"


@pytest.mark.parametrize(
    "email",
    [
        "new.member@example.ſe",  # long s: PostgreSQL's UPPER() makes it S
        "tım@example.com",  # dotless i: UPPER() makes it I
        "new.member@exampl\u212a.com",  # the Kelvin sign, which NFKC makes K
        "new.member@räksmörgås.se",  # another script in the domain: its xn-- form is asked for
    ],
)
def test_it_refuses_an_address_that_is_not_plain_ascii(client, email):
    response = client.post("/en/accounts/signup/", {**GOOD, "email": email})
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["email"]] == ["not_plain"]
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": ""}, "email"),
        ({"email": "x" * 250 + "@example.com"}, "email"),
        ({"email": "a@b.se\x00"}, "email"),
        ({"display_name": ""}, "display_name"),
        ({"display_name": "A" * 81}, "display_name"),
        ({"display_name": "<script>alert(1)</script>"}, "display_name"),
        ({"display_name": "Tab\there\x00"}, "display_name"),
        ({"preferred_language": "de"}, "preferred_language"),
    ],
)
def test_it_rejects_bad_input_without_writing_or_sending(client, changes, field):
    response = client.post("/en/accounts/signup/", {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("password1", "password2", "field"),
    [
        (PASSWORD, "something-else-entirely", "password2"),
        ("short", "short", "password1"),
        ("1234567890123", "1234567890123", "password1"),
        ("new.member@example.com", "new.member@example.com", "password1"),  # too like the address
        ("", "", "password1"),
    ],
)
def test_the_link_refuses_a_bad_password_without_writing(client, password1, password2, field):
    link = reverse("accounts:signup_confirm", kwargs={"token": signup_token_make(PendingSignup(**_pending()))})
    response = client.post(link, {"password1": password1, "password2": password2})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.exists()


def _pending():
    return {"email": "new.member@example.com", "display_name": "Åsa Öberg", "preferred_language": "sv"}


# Named ids: a signed token carries the second it was made, and every xdist worker must collect the
# same test names.
@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signup_token_make(PendingSignup(**_pending()))[:-2] + "xx",  # the signature no longer matches
        signup_token_make(PendingSignup(**{**_pending(), "preferred_language": "de"})),
    ],
    ids=["nonsense", "tampered", "unknown-language"],
)
def test_a_bad_link_is_a_400_and_writes_nothing(client, token):
    link = reverse("accounts:signup_confirm", kwargs={"token": token})
    assert client.get(link).status_code == 400
    assert client.post(link, {"password1": PASSWORD, "password2": PASSWORD}).status_code == 400
    assert not User.objects.exists()


def test_an_expired_link_is_a_400(client, monkeypatch):
    link = reverse("accounts:signup_confirm", kwargs={"token": signup_token_make(PendingSignup(**_pending()))})
    monkeypatch.setattr(signup, "SIGNUP_LINK_MAX_AGE", datetime.timedelta(seconds=-1))
    assert client.post(link, {"password1": PASSWORD, "password2": PASSWORD}).status_code == 400
    assert not User.objects.exists()


def test_a_used_link_makes_no_second_account_and_changes_no_password(client, alice, password):
    link = reverse(
        "accounts:signup_confirm",
        kwargs={"token": signup_token_make(PendingSignup(alice.email, "Someone Else", "en"))},
    )
    assert client.get(link).status_code == 200
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200
    assert response.context["used"]
    assert User.objects.count() == 1
    alice.refresh_from_db()
    assert alice.check_password(password)
    assert "_auth_user_id" not in client.session


def test_sign_up_emails_are_limited_per_address_in_any_spelling(client):
    spellings = ["new.member@example.com", "NEW.MEMBER@example.com", "new.member@Example.COM"]
    statuses = [
        client.post("/en/accounts/signup/", {**GOOD, "email": spellings[n % 3]}, REMOTE_ADDR=f"10.0.0.{n}").status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


def test_it_accepts_unicode_and_emoji_in_the_name(client):
    client.post("/en/accounts/signup/", {**GOOD, "display_name": "Søren Bæk 🙂"})
    client.post(_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert User.objects.get().display_name == "Søren Bæk 🙂"


def test_the_database_refuses_a_duplicate_email_in_other_case(alice):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        # bulk_create skips save(), which would store the canonical form: the constraint itself holds.
        User.objects.bulk_create([User(email="Alice@Example.com", display_name="Copy")])


@pytest.mark.parametrize(
    ("language", "zone"), [("fi", "Europe/Helsinki"), ("da", "Europe/Copenhagen"), ("sv", "Europe/Stockholm")]
)
def test_a_new_account_starts_in_the_time_zone_of_its_language(client, language, zone):
    pending = PendingSignup(**{**_pending(), "preferred_language": language})
    link = reverse("accounts:signup_confirm", kwargs={"token": signup_token_make(pending)})
    client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert User.objects.get().time_zone == zone
