"""Factories for coaching rows, and small tracker rows for a client's data (owner defaults to a new member)."""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import (
    CoachComment,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalKind,
    GoalSuggestion,
    GrantScope,
    GrantStatus,
    Interaction,
    InteractionKind,
)
from tests.factories import CoachFactory, UserFactory


class GrantFactory(factory.django.DjangoModelFactory):
    """An ACTIVE grant unless told otherwise (status=..., with the matching dates)."""

    class Meta:
        model = CoachGrant

    member = factory.SubFactory(UserFactory)
    coach = factory.SubFactory(CoachFactory)
    scope = GrantScope.PROGRESS
    status = GrantStatus.ACTIVE
    accepted_at = factory.LazyAttribute(lambda grant: timezone.now() if grant.status == GrantStatus.ACTIVE else None)
    ended_at = factory.LazyAttribute(
        lambda grant: timezone.now() if grant.status in (GrantStatus.DECLINED, GrantStatus.REVOKED) else None
    )


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachComment

    member = factory.SubFactory(UserFactory)
    coach = factory.SubFactory(CoachFactory)
    author = factory.SelfAttribute("coach")
    body = factory.Sequence(lambda n: f"Comment {n}")


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalSuggestion

    member = factory.SubFactory(UserFactory)
    coach = factory.SubFactory(CoachFactory)
    title = factory.Sequence(lambda n: f"Suggested goal {n}")
    kind = GoalKind.INTERVIEWS
    target = 2


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Meetup {n}")
    date = factory.LazyFunction(timezone.localdate)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")
    kind = GoalKind.MEET
    target = 3
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    company = "Nordlys AB"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    owner = factory.SelfAttribute("contact.owner")
    contact = factory.SubFactory(ContactFactory)
    kind = InteractionKind.FIKA
    occurred_on = factory.LazyFunction(timezone.localdate)


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Follow up {n}")
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=2))


def make_network(name, status="approved"):
    """A network with the fields we rely on (name, slug, status); the networks app owns the rest, so
    every other choice field without a valid default gets its first choice."""
    from networks.models import Network

    values = {"name": name, "slug": slugify(name), "status": status}
    for field in Network._meta.concrete_fields:
        if field.name in values or field.primary_key or not field.choices:
            continue
        valid = [value for value, _label in field.flatchoices]
        if field.get_default() not in valid:
            values[field.name] = valid[0]
    return Network.objects.create(**values)
