"""accounts.auth_backend.ModelBackend loads the signed-in user as Django's ModelBackend does."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.utils import timezone

from accounts.auth_backend import ModelBackend
from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_it_loads_the_user_with_every_field_as_the_orm_does():
    user = UserFactory(
        display_name="Åsa Öberg",
        preferred_language="fi",
        time_zone="Europe/Helsinki",
        is_staff=True,
        last_login=timezone.now() - datetime.timedelta(days=3),
    )
    loaded = ModelBackend().get_user(user.pk)
    expected = DjangoModelBackend().get_user(user.pk)
    assert isinstance(loaded, User)
    for field in User._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
    assert isinstance(loaded.last_login, datetime.datetime)
    assert loaded.last_login.tzinfo is not None
    assert not loaded._state.adding
    assert loaded._state.db == "default"


def test_it_refuses_an_inactive_or_missing_user():
    inactive = UserFactory(is_active=False)
    assert ModelBackend().get_user(inactive.pk) is None
    assert ModelBackend().get_user(inactive.pk + 1000) is None


def test_a_member_signed_in_through_the_form_is_loaded_by_it(client):
    UserFactory(email="maja@example.com")
    response = client.post("/en/accounts/login/", {"username": "maja@example.com", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_backend"] == "accounts.auth_backend.ModelBackend"
    assert client.get("/en/me/").status_code == 200
    assert int(client.session[SESSION_KEY]) == User.objects.get(email="maja@example.com").pk
