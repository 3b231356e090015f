"""Tracker rows for the I/O tests, made directly (the core engineer's views are not needed)."""

import datetime

import factory
from django.utils import timezone

from accounts.models import CalendarFeed, Contact, FollowUp, Goal, GoalStatus
from tests.factories import UserFactory


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    company = "Exempel AB"
    email = factory.Sequence(lambda n: f"contact{n}@example.se")
    language = "sv"


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    owner = factory.SubFactory(UserFactory)
    contact = factory.SubFactory(ContactFactory, owner=factory.SelfAttribute("..owner"))
    title = factory.Sequence(lambda n: f"Send a thank-you note {n}")
    due_date = factory.LazyFunction(timezone.localdate)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Talk to three new people {n}")
    target = 3
    progress = 1
    status = GoalStatus.ACTIVE
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    owner = factory.SubFactory(UserFactory)
