from unittest import mock

import pytest
from django.db import OperationalError

from tests.factories import UserFactory


def test_healthz_answers_without_the_database(client):
    with mock.patch("rookie.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("down")
        response = client.get("/healthz")
    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_answers_200_when_the_database_does(client):
    assert client.get("/readyz").status_code == 200


def test_readyz_answers_503_when_the_database_cannot_be_reached(client):
    with mock.patch("rookie.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("could not connect to server")
        response = client.get("/readyz")
    assert response.status_code == 503


def test_health_probes_are_outside_the_language_prefix(client):
    assert client.get("/en/healthz").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path, status", [("/healthz", 200), ("/readyz", 503)])
def test_probes_do_not_load_the_session_of_a_signed_in_client(client, path, status):
    # A browser or load balancer that carries a session cookie must not turn an outage into a 500:
    # the probes never read the session (or the user) from the database that may be down.
    client.force_login(UserFactory())
    down = OperationalError("could not connect to server")
    with (
        mock.patch("rookie.views.connection") as connection,
        mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=down),
    ):
        connection.cursor.side_effect = down
        response = client.get(path)
    assert response.status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_over_plain_http_with_the_https_redirect_on(client, settings, path):
    # `curl -f` and load balancers ask on the container's port over HTTP; a 301 would count as healthy.
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(path).status_code == 200
    assert client.get("/en/").status_code == 301  # everything else still goes to HTTPS


def test_readyz_over_plain_http_reports_the_database_down_with_the_https_redirect_on(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    with mock.patch("rookie.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("could not connect to server")
        response = client.get("/readyz")
    assert response.status_code == 503
