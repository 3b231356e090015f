"""A view that loses the database answers 503 with Retry-After (rookie/middleware.py), in the
reader's language, without loading the signed-in user; other errors stay 500s."""

import logging
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

pytestmark = pytest.mark.django_db

DOWN = OperationalError("server closed the connection unexpectedly")


def test_an_anonymous_page_answers_503_in_the_readers_language(client):
    with mock.patch("rookie.views.latest_versions", side_effect=DOWN):
        response = client.get("/sv/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert '<html lang="sv">' in text
    assert "Strax tillbaka" in text  # "Back in a moment"


def test_a_signed_in_members_page_answers_503(alice_client):
    with mock.patch("accounts.tracker.queries.dashboard_for", side_effect=InterfaceError("connection already closed")):
        response = alice_client.get("/en/me/")
    assert response.status_code == 503
    assert "Back in a moment" in response.content.decode()


def test_the_outage_is_logged_with_its_traceback(client, caplog):
    with (
        caplog.at_level(logging.ERROR, logger="rookie.database"),
        mock.patch("rookie.views.latest_versions", side_effect=DOWN),
    ):
        client.get("/en/")
    (record,) = [r for r in caplog.records if r.name == "rookie.database"]
    assert "GET /en/" in record.getMessage()
    assert record.exc_info[1] is DOWN


def test_any_other_error_is_still_a_500(client):
    client.raise_request_exception = False
    with mock.patch("rookie.views.latest_versions", side_effect=ValueError("a bug")):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response
