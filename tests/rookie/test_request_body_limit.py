"""rookie.middleware.RequestBodyLimitMiddleware: a body over MAX_REQUEST_BODY_BYTES is a 413, unread."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from accounts.models import Contact

pytestmark = pytest.mark.django_db

IMPORT = "/{lang}/me/contacts/import/"


def _csv(size):
    header = b"First Name,Last Name,Email Address\n"
    return SimpleUploadedFile("big.csv", header + b"Anna,Andersson,anna@example.com\n" * (size // 32), "text/csv")


@pytest.fixture
def small_limit(settings):
    settings.MAX_REQUEST_BODY_BYTES = 4096
    return settings.MAX_REQUEST_BODY_BYTES


def test_an_upload_over_the_limit_is_refused_before_the_view_sees_it(alice_client, small_limit):
    response = alice_client.post(IMPORT.format(lang="en"), {"file": _csv(2 * small_limit), "format": "auto"})
    assert response.status_code == 413
    assert "That upload is too large" in response.content.decode()
    assert "4.0\xa0KB" in response.content.decode()  # the limit, in the reader's units
    assert "pending_import" not in str(dict(alice_client.session))
    assert Contact.objects.count() == 0


def test_the_page_speaks_the_readers_language_and_keeps_the_site_around_it(alice_client, small_limit):
    response = alice_client.post(IMPORT.format(lang="sv"), {"file": _csv(2 * small_limit), "format": "auto"})
    assert response.status_code == 413
    html = response.content.decode()
    with translation.override("sv"):
        assert translation.gettext("That upload is too large") in html
    assert 'lang="sv"' in html
    assert 'action="/sv/accounts/logout/"' in html  # base.html: the member is still signed in


def test_a_body_under_the_limit_reaches_the_view(alice_client, small_limit):
    response = alice_client.post(IMPORT.format(lang="en"), {"file": _csv(small_limit // 2), "format": "auto"})
    assert response.status_code == 302  # to the preview: the import form accepted the file


def test_anonymous_visitors_get_the_413_too_without_a_database_write(client, small_limit):
    response = client.post("/en/accounts/login/", {"username": "x" * (2 * small_limit), "password": "y"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("length", "status"),
    # An absent or unreadable length means no body (the log-in form, shown again); a huge one is refused.
    [("", 200), ("abc", 200), ("-5", 200), ("99999999999999999999999", 413)],
)
def test_a_missing_or_odd_content_length_is_never_a_500(client, small_limit, length, status):
    response = client.generic("POST", "/en/accounts/login/", b"", CONTENT_LENGTH=length)
    assert response.status_code == status


def test_the_default_limit_leaves_room_for_the_largest_accepted_upload(settings):
    assert settings.MAX_REQUEST_BODY_BYTES >= 2 * settings.IMAGE_UPLOAD_MAX_BYTES
