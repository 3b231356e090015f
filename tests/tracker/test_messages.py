"""Message templates in the contact's language, and pages that work under a strict CSP."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tracker import message_templates
from accounts.tracker.message_templates import CONNECTION_NOTE_LIMIT, messages_for
from tests.factories import ContactFactory, EventFactory, FollowUpFactory, GoalFactory, InteractionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_gettext(monkeypatch):
    """Mark each translated text with the language active when it was translated."""
    real = message_templates.gettext
    monkeypatch.setattr(message_templates, "gettext", lambda text: f"[{translation.get_language()}] {real(text)}")


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_writes_the_texts_in_the_contacts_language(alice, tagged_gettext, language):
    contact = ContactFactory(owner=alice, name="Päivi Jääskeläinen", language=language)
    with translation.override("en"):
        result = messages_for(contact, alice)
    connection, thanks = result["items"]
    assert connection.text.startswith(f"[{language}] ")
    assert thanks.text.startswith(f"[{language}] ")
    # ... while the titles are in the member's (active) language.
    assert connection.title.startswith("[en] ")


def test_it_fills_in_both_names_and_the_event(alice):
    event = EventFactory(owner=alice, name="Slush")
    contact = ContactFactory(owner=alice, name="Søren Ærø Kierkegaard", language="da", met_at_event=event)
    connection, thanks = messages_for(contact, alice)["items"]
    for message in (connection, thanks):
        assert "Søren" in message.text
        assert "Kierkegaard" not in message.text  # first name only, as people write
        assert "Alice Andersson" in message.text
        assert "Slush" in message.text
    assert connection.limit == CONNECTION_NOTE_LIMIT
    assert not connection.too_long


def test_it_warns_when_the_connection_note_is_too_long_for_linkedin(alice):
    event = EventFactory(owner=alice, name="E" * 200)
    contact = ContactFactory(owner=alice, met_at_event=event)
    connection, _thanks = messages_for(contact, alice)["items"]
    assert connection.too_long


def test_it_shows_the_texts_in_readonly_textareas_with_a_copy_button(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Åsa <Berg>", language="sv")
    body = alice_client.get(reverse("tracker:contact_detail", args=[contact.pk])).content.decode()
    assert re.search(r'<textarea id="message-connection" readonly[^>]*lang="sv">[^<]*Åsa[^<]*Alice Andersson', body)
    assert 'data-copy-target="message-connection"' in body
    assert 'data-copy-target="message-thanks"' in body
    assert "Åsa &lt;Berg&gt;" in body
    assert "<Berg>" not in body
    assert re.search(r'<script src="[^"]*js/tracker[.a-z0-9]*\.js" defer></script>', body)


def _csp_problems(body):
    problems = []
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body):
        problems.append("inline <script>")
    if re.search(r"\sstyle=", body):
        problems.append("style attribute")
    if re.search(r"\son[a-z]+=", body):
        problems.append("on* handler")
    return problems


def test_it_uses_no_inline_script_style_or_handlers(alice_client, alice):
    event = EventFactory(owner=alice)
    contact = ContactFactory(owner=alice, met_at_event=event)
    interaction = InteractionFactory(contact=contact)
    goal = GoalFactory(owner=alice, event=event)
    follow_up = FollowUpFactory(owner=alice, contact=contact)
    urls = [
        reverse(name)
        for name in (
            "tracker:dashboard",
            "tracker:goal_list",
            "tracker:goal_add",
            "tracker:goal_templates",
            "tracker:contact_list",
            "tracker:contact_add",
            "tracker:interaction_list",
            "tracker:interaction_add",
            "tracker:followup_list",
            "tracker:followup_add",
            "tracker:event_list",
            "tracker:event_add",
        )
    ] + [
        reverse("tracker:goal_detail", args=[goal.pk]),
        reverse("tracker:contact_detail", args=[contact.pk]) + "?thanks=1",
        reverse("tracker:interaction_edit", args=[interaction.pk]),
        reverse("tracker:followup_edit", args=[follow_up.pk]),
        reverse("tracker:event_detail", args=[event.pk]),
        reverse("tracker:event_during", args=[event.pk]),
        reverse("tracker:event_debrief", args=[event.pk]),
    ]
    for url in urls:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert _csp_problems(response.content.decode()) == [], url
