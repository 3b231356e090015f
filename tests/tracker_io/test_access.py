"""Who may reach what: anonymous → log-in, state changes POST only, nobody sees another member's data."""

import pytest

from tests.tracker_io.factories import CalendarFeedFactory, ContactFactory

pytestmark = pytest.mark.django_db

LOGIN_PAGES = [
    "/en/me/contacts/import/",
    "/en/me/contacts/import/preview/",
    "/en/me/contacts/import/done/",
    "/en/me/contacts/export/",
    "/en/me/contacts/export/contacts.csv",
    "/en/me/contacts/export/contacts.vcf",
]
POST_ONLY = [
    "/en/me/contacts/import/confirm/",
    "/en/me/contacts/import/cancel/",
    "/en/me/calendar/regenerate/",
    "/en/me/reminders/",
]


@pytest.mark.parametrize("url", LOGIN_PAGES + POST_ONLY)
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_sends_anonymous_visitors_to_log_in(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("url", POST_ONLY)
def test_it_answers_405_to_get_where_state_changes(alice_client, url):
    assert alice_client.get(url).status_code == 405


@pytest.mark.parametrize(
    "url", ["/en/me/contacts/export/contacts.csv", "/en/me/contacts/export/contacts.vcf", "/en/me/contacts/export/"]
)
def test_it_answers_405_to_post_on_read_only_pages(alice_client, url):
    assert alice_client.post(url).status_code == 405


def test_it_never_shows_alices_data_to_charlie(charlie_client, alice):
    ContactFactory(owner=alice, name="Alice's contact Åsa", email="asa@example.se")
    feed = CalendarFeedFactory(owner=alice)
    for url in LOGIN_PAGES:
        response = charlie_client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert "Åsa".encode() not in body
        assert feed.token.encode() not in body
    assert feed.token not in charlie_client.get("/en/accounts/profile/").content.decode()
