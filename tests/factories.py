"""factory_boy factories shared by every app's tests."""

import factory
from django.contrib.auth.hashers import make_password

from accounts.models import User

TEST_PASSWORD = "correct-horse-battery-42"
# Hashing with Argon2 for every test user is slow; hash once and reuse the result.
_HASHED_TEST_PASSWORD = make_password(TEST_PASSWORD, hasher="pbkdf2_sha256")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = factory.Faker("name")
    preferred_language = "en"
    role = User.Role.MEMBER
    password = _HASHED_TEST_PASSWORD


class CoachFactory(UserFactory):
    role = User.Role.COACH
