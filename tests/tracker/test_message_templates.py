"""The ready-to-send messages name the contact's company and role and carry the member's own
elevator pitch where it fits, in whichever of the four languages the contact writes."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tracker import message_templates
from accounts.tracker.message_templates import CONNECTION_NOTE_LIMIT, messages_for
from tests.factories import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "sv", "da", "fi"]
PITCH = "Nyutexaminerad ingenjör som söker en traineeplats inom energi."


@pytest.fixture
def tagged_gettext(monkeypatch):
    """Mark each translated sentence with the language active when it was translated."""
    real = message_templates.gettext
    monkeypatch.setattr(message_templates, "gettext", lambda text: f"[{translation.get_language()}] {real(text)}")


def _member(alice, language):
    alice.preferred_language = language
    alice.elevator_pitch = f"  {PITCH}\n"
    alice.save()
    return alice


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_names_the_company_and_role_and_adds_the_pitch_in_the_contacts_language(alice, tagged_gettext, language):
    member = _member(alice, language)
    event = EventFactory(owner=alice, name="Slush")
    contact = ContactFactory(
        owner=alice,
        name="Päivi Jääskeläinen",
        company="Nordlys AB",
        role="HR-chef",
        language=language,
        met_at_event=event,
    )
    with translation.override("en"):
        connection, thanks = messages_for(contact, member)["items"]
    # Every sentence is in the contact's language, and each translation keeps its placeholders: a
    # catalogue entry that dropped %(company)s would silently drop the company.
    assert connection.text.startswith(f"[{language}] ")
    assert "Nordlys AB" in connection.text
    assert PITCH not in connection.text  # LinkedIn's 300 characters have no room for it
    assert not connection.too_long
    greeting, middle, about_me, hope, closing = thanks.text.split("\n\n")
    for paragraph in (greeting, middle, about_me, hope, closing):
        assert paragraph.startswith(f"[{language}] ")
    assert "Päivi" in greeting
    assert "Slush" in middle and "Nordlys AB" in middle and "HR-chef" in middle
    assert about_me.endswith(PITCH)
    assert closing.endswith("\nAlice Andersson")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("company", "role"), [("Nordlys AB", ""), ("", "HR-chef"), ("", "")])
def test_it_leaves_out_what_it_does_not_know(alice, language, company, role):
    member = _member(alice, language)
    contact = ContactFactory(owner=alice, name="Åsa Berg", company=company, role=role, language=language)
    connection, thanks = messages_for(contact, member)["items"]
    for value in ("Nordlys AB", "HR-chef"):
        assert (value in thanks.text) == (value in (company, role))
    assert ("Nordlys AB" in connection.text) == bool(company)
    assert "HR-chef" not in connection.text
    assert "%(" not in connection.text + thanks.text
    assert "()" not in thanks.text  # no empty brackets or "at ." where a value would have been
    assert " ." not in thanks.text and " ," not in thanks.text


def test_it_keeps_a_pitch_out_of_a_message_in_another_language(alice):
    member = _member(alice, "sv")
    contact = ContactFactory(owner=alice, company="Nordlys AB", language="fi")
    _connection, thanks = messages_for(contact, member)["items"]
    assert PITCH not in thanks.text
    assert len(thanks.text.split("\n\n")) == 4


def test_it_adds_no_about_me_paragraph_without_a_pitch(alice):
    alice.elevator_pitch = ""
    alice.save()
    contact = ContactFactory(owner=alice, language=alice.preferred_language)
    _connection, thanks = messages_for(contact, alice)["items"]
    assert len(thanks.text.split("\n\n")) == 4


def test_it_gives_up_the_company_before_the_connection_note_gets_too_long(alice):
    event = EventFactory(owner=alice, name="Nordic Sustainable Energy Careers Conference " * 3)
    company = "Scandinavian Renewable Power and Grid Infrastructure Consultancy AB"
    contact = ContactFactory(owner=alice, name="Åsa Berg", company=company, language="en", met_at_event=event)
    connection, thanks = messages_for(contact, alice)["items"]
    assert company not in connection.text
    assert len(connection.text) <= CONNECTION_NOTE_LIMIT
    assert company in thanks.text  # the thank-you note has no limit


def test_it_escapes_nothing_itself_and_the_page_escapes_the_values(alice_client, alice):
    # The texts are plain text for a textarea: the template escapes them, once.
    alice.elevator_pitch = "I <3 grids & <b>power</b>"
    alice.preferred_language = "en"
    alice.save()
    contact = ContactFactory(owner=alice, company="Ström & Co <AB>", role="Chef", language="en")
    _connection, thanks = messages_for(contact, alice)["items"]
    assert "Ström & Co <AB>" in thanks.text and "I <3 grids & <b>power</b>" in thanks.text
    body = alice_client.get(reverse("tracker:contact_detail", args=[contact.pk])).content.decode()
    assert "Ström &amp; Co &lt;AB&gt;" in body
    assert "<b>power</b>" not in body
