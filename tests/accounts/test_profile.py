import pytest

pytestmark = pytest.mark.django_db

GOOD = {
    "display_name": "Alice A.",
    "preferred_language": "fi",
    "field_of_work": "Engineering",
    "career_stage": "graduate",
    "elevator_pitch": "I build bridges and want to meet people in infrastructure.",
}


def test_it_saves_the_profile_and_keeps_the_interface_language(alice_client, alice):
    # The preferred language is for e-mails and the calendar; the pages stay in English.
    response = alice_client.post("/en/accounts/profile/", GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    assert "rookie_language" not in response.cookies
    alice.refresh_from_db()
    assert alice.preferred_language == "fi"
    assert alice.career_stage == "graduate"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"display_name": ""}, "display_name"),
        ({"display_name": "x" * 81}, "display_name"),
        ({"display_name": "<b>Alice</b>"}, "display_name"),
        ({"field_of_work": "x" * 101}, "field_of_work"),
        ({"elevator_pitch": "x" * 601}, "elevator_pitch"),
        ({"career_stage": "retired"}, "career_stage"),
        ({"preferred_language": "xx"}, "preferred_language"),
    ],
)
def test_it_rejects_bad_input_and_changes_nothing(alice_client, alice, changes, field):
    response = alice_client.post("/en/accounts/profile/", {**GOOD, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.display_name == "Alice Andersson"
    assert alice.preferred_language == "sv"


def test_it_accepts_nordic_letters_and_emoji(alice_client, alice):
    alice_client.post("/en/accounts/profile/", {**GOOD, "display_name": "Ærøskøbing Åsa 🚀"})
    alice.refresh_from_db()
    assert alice.display_name == "Ærøskøbing Åsa 🚀"
