"""The I/O tests use the tracker's factories; only the calendar feed is theirs alone."""

import factory

from accounts.models import CalendarFeed
from tests.factories import UserFactory
from tests.tracker.factories import ContactFactory, FollowUpFactory, GoalFactory

__all__ = ["CalendarFeedFactory", "ContactFactory", "FollowUpFactory", "GoalFactory"]


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    owner = factory.SubFactory(UserFactory)
