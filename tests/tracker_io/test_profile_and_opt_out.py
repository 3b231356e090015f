import pytest

from accounts.models import CalendarFeed
from accounts.tracker.transfers.reminders import opt_out_token
from tests.factories import CalendarFeedFactory

pytestmark = pytest.mark.django_db

PROFILE = "/en/accounts/profile/"
TOGGLE = "/en/me/reminders/"


def _off_url(user):
    return f"/reminders/off/{opt_out_token(user)}/"


def test_it_shows_the_absolute_feed_address_and_the_forms_on_the_profile(alice_client, alice):
    response = alice_client.get(PROFILE)
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(owner=alice)
    page = response.content.decode()
    assert f"https://rookie.example/ics/{feed.token}.ics" in page
    assert f"webcal://rookie.example/ics/{feed.token}.ics" in page
    assert 'action="/en/me/calendar/regenerate/"' in page
    assert 'action="/en/me/reminders/"' in page
    assert "csrfmiddlewaretoken" in page
    assert "Turn reminders off" in page


def test_it_shows_only_the_members_own_token(alice_client, charlie):
    charlie_feed = CalendarFeedFactory(owner=charlie)
    assert charlie_feed.token not in alice_client.get(PROFILE).content.decode()


def test_it_turns_reminders_off_and_on_from_the_profile(alice_client, alice):
    response = alice_client.post(TOGGLE, {"enabled": "0"})
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is False
    assert "Turn reminders on" in alice_client.get(PROFILE).content.decode()
    alice_client.post(TOGGLE, {"enabled": "1"})
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is True


@pytest.mark.parametrize("data", [{}, {"enabled": ""}, {"enabled": "yes"}, {"enabled": "<b>"}, {"enabled": "🚀"}])
def test_it_refuses_bad_toggle_input_and_changes_nothing(alice_client, alice, data):
    CalendarFeedFactory(owner=alice, reminders_enabled=True)
    assert alice_client.post(TOGGLE, data).status_code == 400
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is True


def test_it_asks_before_turning_reminders_off_from_the_mail_link(client, alice):
    response = client.get(_off_url(alice))
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    # Opening the link (a mail scanner does) changes nothing.
    assert not CalendarFeed.objects.filter(owner=alice, reminders_enabled=False).exists()


def test_it_turns_reminders_off_from_the_mail_link_without_logging_in(client, alice):
    response = client.post(_off_url(alice))
    assert response.status_code == 200
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is False
    # Again: still off, still fine.
    assert client.post(_off_url(alice)).status_code == 200


def test_it_accepts_the_one_click_unsubscribe_post_of_mail_programs(client, alice):
    client.handler.enforce_csrf_checks = True
    response = client.post(
        _off_url(alice), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is False


@pytest.mark.parametrize("token", ["nope", "MQ:1abc:forged", "a" * 200])
def test_it_refuses_a_forged_or_damaged_opt_out_link(client, alice, token):
    CalendarFeedFactory(owner=alice)
    for method in (client.get, client.post):
        response = method(f"/reminders/off/{token}/")
        assert response.status_code == 400
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is True


def test_it_turns_off_only_the_member_the_link_was_made_for(client, alice, charlie):
    client.post(_off_url(alice))
    assert CalendarFeed.objects.get(owner=alice).reminders_enabled is False
    assert not CalendarFeed.objects.filter(owner=charlie, reminders_enabled=False).exists()


def test_it_renders_the_opt_out_page_in_the_language_of_the_link(client, alice):
    response = client.get(_off_url(alice))
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()
