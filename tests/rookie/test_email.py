import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from rookie.lib.email import render_templated_email, send_templated_email

# A template family of its own, so these tests do not depend on any app's e-mails.
TEMPLATES = {
    "mail/hello_subject.txt": (
        '{% load i18n %}{% autoescape off %}\n  {% translate "Swedish" %}\n  & <more>\n{% endautoescape %}'
    ),
    "mail/hello.txt": "Hi {{ name }} ({{ LANGUAGE_CODE }}) {{ site_url }} {{ url }}",
    "mail/hello.html": "<p>Hi {{ name }}</p>",
    "mail/plain_subject.txt": "Plain",
    "mail/plain.txt": "Only text for {{ name }}",
}
LOCMEM_TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
    }
]


@pytest.fixture
def own_templates():
    with override_settings(TEMPLATES=LOCMEM_TEMPLATES):
        yield


def test_it_sends_text_and_html_in_the_recipients_language(own_templates, settings):
    settings.SITE_URL = "https://rookie.example"
    send_templated_email(
        to="Anna@Example.com", language="sv", template="mail/hello", context={"name": "Anna", "url": "/x"}
    )
    [message] = mail.outbox
    assert message.to == ["Anna@Example.com"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    # One line, collapsed, translated, and not HTML-escaped.
    assert message.subject == "svenska & <more>"
    assert message.body == "Hi Anna (sv) https://rookie.example /x"
    assert message.alternatives == [("<p>Hi Anna</p>", "text/html")]


def test_it_sends_text_only_when_there_is_no_html_template(own_templates):
    send_templated_email(
        to=["a@example.com", "b@example.com"], language="en", template="mail/plain", context={"name": "Bo"}
    )
    [message] = mail.outbox
    assert message.to == ["a@example.com", "b@example.com"]
    assert message.body == "Only text for Bo"
    assert message.alternatives == []


def test_it_passes_headers_and_sender(own_templates):
    send_templated_email(
        to="a@example.com",
        language="en",
        template="mail/plain",
        context={},
        headers={"Auto-Submitted": "auto-generated"},
        from_email="Other <other@example.com>",
    )
    [message] = mail.outbox
    assert message.message()["Auto-Submitted"] == "auto-generated"
    assert message.from_email == "Other <other@example.com>"


def test_it_builds_a_callable_context_in_the_recipients_language(own_templates):
    # reverse() adds the active language's prefix: the link must be in the recipient's language.
    with translation.override("en"):
        rendered = render_templated_email(
            language="fi", template="mail/hello", context=lambda: {"name": "Aino", "url": reverse("home")}
        )
        assert translation.get_language() == "en"
    assert rendered.text.endswith(" /fi/")
    assert "(fi)" in rendered.text


def test_a_caller_value_wins_over_the_defaults(own_templates):
    rendered = render_templated_email(
        language="da", template="mail/hello", context={"name": "x", "site_url": "https://other.example"}
    )
    assert "https://other.example" in rendered.text


def test_it_renders_the_projects_own_templates():
    rendered = render_templated_email(
        language="sv",
        template="email/account_deleted",
        context={"name": "Anna", "evaluations_kept": False, "contact": "security@rookie.example"},
    )
    assert rendered.subject == "Ditt Rookie-konto är raderat"
    assert "Anna" in rendered.text
    assert rendered.html is not None
