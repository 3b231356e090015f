"""With REDIS_URL set and Redis unreachable, Rookie keeps what it can (docs/DEPLOYMENT.md).

Reading pages and the health probe work; sessions stay in the database and keep working; rate
limits fail closed with a translated 503 page instead of counting nothing; /readyz says the cache
is down so the instance leaves the load balancer's rotation.

The cache is a real Redis client pointed at a port nothing listens on, so every call fails the way
it does in production (a refused connection), on the real views.
"""

import re
from unittest import mock

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.cache import cache, caches
from redis.exceptions import ConnectionError as RedisConnectionError

from accounts.models import CoachGrant, User
from rookie.lib.cache_guard import tolerant_cache
from tests.factories import TEST_PASSWORD, ArticleFactory, NetworkFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "redis://127.0.0.1:1/0"
SIGNED_IN = 'action="/sv/accounts/logout/"'  # the log-out button every page shows a signed-in member
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def redis_down(settings):
    """The settings production derives from REDIS_URL, with a Redis nobody answers for."""
    settings.REDIS_URL = UNREACHABLE
    settings.CACHES = {
        "default": {
            "BACKEND": "rookie.lib.redis_cache.RedisCache",
            "LOCATION": UNREACHABLE,
            "KEY_PREFIX": "rookie",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.SESSION_ENGINE = "rookie.lib.sessions"
    settings.PAGE_CACHE = True


def test_the_cache_really_is_unreachable_in_these_tests(redis_down):
    with pytest.raises(RedisConnectionError):
        cache.set("anything", 1)


def test_the_home_page_is_served(client, redis_down):
    ArticleFactory(title_en="Meet three people")
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Meet three people" in response.content.decode()


def test_a_guide_is_served(client, redis_down):
    guide = ArticleFactory(key="say-hello", title_en="Say hello")
    response = client.get(f"/en/guides/{guide.slug_en}/")
    assert response.status_code == 200
    assert "Say hello to three new people." in response.content.decode()


def test_the_catalogue_and_a_network_are_served(client, redis_down):
    NetworkFactory(name="Lund Tech Alumni", slug="lund-tech-alumni")
    catalogue = client.get("/en/networks/?scope=local")
    assert catalogue.status_code == 200
    assert "Lund Tech Alumni" in catalogue.content.decode()
    assert client.get("/en/networks/lund-tech-alumni/").status_code == 200


def test_the_log_in_page_is_served(client, redis_down):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert CSRF_FIELD.search(response.content.decode())


def test_log_in_fails_closed_with_the_clear_page(client, alice, redis_down):
    # The failed-log-in counter per client address (accounts/auth_logging.py) cannot be read: the
    # log-in is refused before any password is checked, with the page that says to try again.
    response = client.post("/en/accounts/login/", {"username": alice.email, "password": TEST_PASSWORD})
    assert response.status_code == 503
    assert "try again in a moment" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_new_session_is_started_and_read_back_from_the_database(client, alice, redis_down):
    # force_login makes a new session key (exists() asks the cache first) and saves it.
    client.force_login(alice)
    dashboard = client.get("/sv/me/")
    assert dashboard.status_code == 200
    assert SIGNED_IN in dashboard.content.decode()


def test_a_signed_in_member_can_write_and_read_their_tracker(alice_client, alice, redis_down):
    response = alice_client.post("/en/me/contacts/add/", {"name": "Åsa Öberg", "language": "sv"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert alice.contacts.filter(name="Åsa Öberg").exists()
    assert "Åsa Öberg" in alice_client.get("/en/me/contacts/").content.decode()


def test_log_out_refuses_while_the_cache_is_down_and_the_member_stays_signed_in(alice_client, alice, redis_down):
    # The session's cached copy cannot be deleted: ending the session in the database alone would
    # let the cached copy sign the member back in as soon as Redis answers again.
    response = alice_client.post("/en/accounts/logout/")
    assert response.status_code == 503
    assert "try again in a moment" in response.content.decode()
    assert alice_client.get("/en/me/").status_code == 200


def test_sign_up_fails_closed_with_a_translated_503(client, redis_down):
    response = client.post(
        "/sv/accounts/signup/",
        {
            "email": "new@example.com",
            "display_name": "New Member",
            "preferred_language": "sv",
            "password1": "a-long-enough-pass-2026",
            "password2": "a-long-enough-pass-2026",
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert '<html lang="sv">' in text
    assert "Strax tillbaka" in text  # "Back in a moment"
    assert not User.objects.filter(email="new@example.com").exists()


def test_password_reset_fails_closed_without_sending_mail(client, alice, redis_down):
    response = client.post("/en/accounts/password/reset/", {"email": alice.email})
    assert response.status_code == 503
    assert "try again in a moment" in response.content.decode()
    assert mail.outbox == []


def test_readyz_answers_503_naming_the_cache(client, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content.decode() == "cache unavailable"


def test_healthz_answers_200(client, redis_down):
    assert client.get("/healthz").status_code == 200


def test_readyz_answers_200_when_the_configured_cache_answers(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    settings.CACHES = {"default": {"BACKEND": "rookie.lib.redis_cache.RedisCache", "LOCATION": settings.REDIS_URL}}
    assert client.get("/readyz").status_code == 200


def test_after_a_failure_reading_code_skips_the_cache_for_a_few_seconds(redis_down):
    # An unreachable Redis may take a connect timeout per call; a page must not wait once per call.
    assert tolerant_cache.get("some-key", "miss") == "miss"
    with mock.patch.object(caches["default"], "get", side_effect=AssertionError("the cache was asked again")):
        assert tolerant_cache.get("some-key", "miss") == "miss"


def test_a_members_data_export_fails_closed(alice_client, redis_down):
    response = alice_client.post("/en/accounts/privacy/export/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")


def test_a_coachs_invitation_fails_closed(client, bob, alice, redis_down):
    # The form counts unknown addresses per coach in the cache (accounts/coaching/forms.py).
    client.force_login(bob)
    response = client.post("/en/coach/invite/", {"email": alice.email})
    assert response.status_code == 503
    assert not CoachGrant.objects.exists()
