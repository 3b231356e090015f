"""The languages a member reads (User.reading_languages: set on the profile, started at sign-up from
the browser's Accept-Language), and the interface language kept apart from the preferred language
(e-mails, the calendar): switching the interface changes the interface only."""

import re

import pytest
from django.core import mail
from django.db import DataError, IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.forms import USE_FOR_EMAILS
from accounts.models import User
from accounts.signup import PendingSignup, signup_token_make, signup_token_read

pytestmark = pytest.mark.django_db

SIGN_UP = {"email": "new.member@example.com", "display_name": "Aino Virtanen", "preferred_language": "fi"}
PASSWORD = "a-long-enough-passphrase"
PROFILE = {
    "display_name": "Alice Andersson",
    "preferred_language": "sv",
    "field_of_work": "",
    "career_stage": "",
    "elevator_pitch": "",
}


def _sign_up(form_accept, confirm_accept):
    client = Client(headers={"accept-language": form_accept}) if form_accept else Client()
    assert client.post("/fi/accounts/signup/", SIGN_UP).status_code == 302
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+)", mail.outbox[-1].body).group(1)
    confirm = Client(headers={"accept-language": confirm_accept}) if confirm_accept else Client()
    response = confirm.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    return User.objects.get(email=SIGN_UP["email"])


def test_sign_up_starts_the_list_from_the_browser_that_filled_in_the_form():
    user = _sign_up("fi-FI,fi;q=0.9,de;q=0.85,en-GB;q=0.8", confirm_accept="sv")
    assert user.reading_languages == "fi,en"
    assert user.reading_language_list == ["fi", "en"]
    assert user.preferred_language == "fi"


def test_sign_up_without_a_header_on_the_form_takes_the_one_that_opens_the_link():
    assert _sign_up(None, confirm_accept="da, sv;q=0.5").reading_languages == "da,sv"


def test_sign_up_with_no_language_of_ours_leaves_the_list_empty():
    assert _sign_up("de-DE", confirm_accept="de-DE").reading_languages == ""


def test_the_link_carries_the_list_and_refuses_one_that_is_not_a_list():
    pending = PendingSignup("a@example.com", "A", "fi", ("fi", "en"))
    assert signup_token_read(signup_token_make(pending)) == pending
    assert signup_token_read(signup_token_make(PendingSignup("a@example.com", "A", "fi", ("fi", "fi")))) is None
    # A link made before the list existed is still good.
    assert signup_token_read(signup_token_make(PendingSignup("a@example.com", "A", "fi"))).reading_languages == ()


@pytest.mark.parametrize("value", ["fi,fi", "de", "fi,", "fi en", "en,sv,da,fi,en"])
def test_the_database_refuses_anything_but_an_ordered_list_of_distinct_site_languages(alice, value):
    # PostgreSQL refuses the too long value for its length (DataError), SQLite by the constraint.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        User.objects.filter(pk=alice.pk).update(reading_languages=value)


# --- The profile ---------------------------------------------------------------------------------


def _selected(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    chosen = re.search(r'<option value="(\w*)" selected>', select)
    return chosen.group(1) if chosen else ""


def test_the_profile_offers_one_labelled_select_per_position(alice_client, alice):
    alice.reading_languages = "sv,en"
    alice.save()
    html = alice_client.get("/en/accounts/profile/").content.decode()
    for position, label in enumerate(["First language", "Second language", "Third language", "Fourth language"], 1):
        assert f'<label for="id_reading_{position}">{label}:</label>' in html
    assert [_selected(html, f"reading_{n}") for n in range(1, 5)] == ["sv", "en", "", ""]
    assert "<legend>Languages you read, best first</legend>" in html
    assert "Language for e-mails and the calendar" in html


def test_a_member_who_never_chose_starts_from_their_browser(alice_client, alice):
    assert alice.reading_languages == ""
    html = alice_client.get("/en/accounts/profile/", headers={"accept-language": "da, en;q=0.5"}).content.decode()
    assert [_selected(html, f"reading_{n}") for n in range(1, 5)] == ["da", "en", "", ""]


def test_the_profile_saves_the_order(alice_client, alice):
    data = {**PROFILE, "reading_1": "fi", "reading_2": "en", "reading_3": "", "reading_4": ""}
    response = alice_client.post("/en/accounts/profile/", data)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.reading_languages == "fi,en"
    # Emptied again: the browser's list applies.
    alice_client.post("/en/accounts/profile/", {**PROFILE, "reading_1": ""})
    alice.refresh_from_db()
    assert alice.reading_languages == ""


@pytest.mark.parametrize(
    ("positions", "field", "message"),
    [
        (["fi", "fi"], "reading_2", "This language is already chosen above."),
        (["fi", "en", "", "sv"], "reading_4", "Choose the languages in order, without leaving a position empty above."),
        (["", "en"], "reading_2", "Choose the languages in order, without leaving a position empty above."),
        (["xx"], "reading_1", None),
    ],
)
def test_a_bad_order_is_a_form_error_and_changes_nothing(alice_client, alice, positions, field, message):
    alice.reading_languages = "sv"
    alice.save()
    data = {**PROFILE, **{f"reading_{n}": code for n, code in enumerate(positions, 1)}}
    response = alice_client.post("/en/accounts/profile/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    if message:
        assert errors[field] == [message]
        assert message in response.content.decode()
    alice.refresh_from_db()
    assert alice.reading_languages == "sv"


# --- The interface language and the preferred language -------------------------------------------


def test_switching_the_interface_language_leaves_the_preferred_language(alice_client, alice):
    response = alice_client.post(reverse("set_language"), {"language": "fi", "next": "/sv/accounts/profile/"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/profile/"
    assert response.cookies["rookie_language"].value == "fi"
    alice.refresh_from_db()
    assert alice.preferred_language == "sv"


def test_the_profile_offers_the_interface_language_for_emails_when_they_differ(alice_client, alice):
    with translation.override("fi"):
        offer = str(USE_FOR_EMAILS["fi"])
    html = alice_client.get("/fi/accounts/profile/").content.decode()
    assert '<button type="submit" name="use_language" value="fi"' in html
    assert offer in html
    response = alice_client.post("/fi/accounts/profile/", {"use_language": "fi"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/profile/"
    alice.refresh_from_db()
    assert alice.preferred_language == "fi"
    # Now they are the same: no offer.
    assert 'name="use_language"' not in alice_client.get("/fi/accounts/profile/").content.decode()


def test_no_offer_when_the_interface_is_already_the_preferred_language(alice_client):
    assert 'name="use_language"' not in alice_client.get("/sv/accounts/profile/").content.decode()


def test_a_forged_language_in_the_offer_is_a_400(alice_client, alice):
    assert alice_client.post("/fi/accounts/profile/", {"use_language": "xx"}).status_code == 400
    alice.refresh_from_db()
    assert alice.preferred_language == "sv"
