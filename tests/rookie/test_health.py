from unittest import mock

import pytest
from django.db import OperationalError


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
