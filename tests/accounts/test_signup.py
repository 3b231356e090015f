import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "new.member@example.com",
    "display_name": "Åsa Öberg",
    "preferred_language": "sv",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def test_it_creates_a_member_and_logs_them_in(client):
    response = client.post(reverse("accounts:signup"), GOOD)
    user = User.objects.get()
    assert user.email == "new.member@example.com"
    assert user.role == User.Role.MEMBER
    assert user.check_password(GOOD["password1"])
    # The new member lands on the home page in their own language, logged in.
    assert response.status_code == 302
    assert response["Location"] == "/sv/"
    assert client.get("/sv/").context["user"] == user


def test_it_stores_email_lower_case(client):
    client.post(reverse("accounts:signup"), {**GOOD, "email": "New.Member@Example.COM"})
    assert User.objects.get().email == "new.member@example.com"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": ""}, "email"),
        ({"email": "x" * 250 + "@example.com"}, "email"),
        ({"display_name": ""}, "display_name"),
        ({"display_name": "A" * 81}, "display_name"),
        ({"display_name": "<script>alert(1)</script>"}, "display_name"),
        ({"display_name": "Tab\there\x00"}, "display_name"),
        ({"password2": "something-else-entirely"}, "password2"),
        ({"password1": "short", "password2": "short"}, "password1"),
        ({"password1": "1234567890123", "password2": "1234567890123"}, "password1"),
        ({"preferred_language": "de"}, "preferred_language"),
    ],
)
def test_it_rejects_bad_input_without_writing(client, changes, field):
    response = client.post(reverse("accounts:signup"), {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.exists()


def test_it_rejects_a_duplicate_email_in_other_letter_case(client, alice):
    response = client.post(reverse("accounts:signup"), {**GOOD, "email": "ALICE@Example.com"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.count() == 1


def test_it_accepts_unicode_and_emoji_in_the_name(client):
    client.post(reverse("accounts:signup"), {**GOOD, "display_name": "Søren Bæk 🙂"})
    assert User.objects.get().display_name == "Søren Bæk 🙂"


def test_the_database_refuses_a_duplicate_email_in_other_case(alice):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        # Bypass the manager's normalisation to prove the constraint itself holds.
        User(email="Alice@Example.com", display_name="Copy").save()
