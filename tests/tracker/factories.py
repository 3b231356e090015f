"""Factories for the tracker's rows. Each row's owner defaults to a new member; pass owner=alice."""

import datetime

import factory
from django.utils import timezone

from accounts.models import Contact, Event, FollowUp, Goal, GoalKind, Interaction, InteractionKind
from tests.factories import UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Career fair {n}")
    date = factory.LazyFunction(timezone.localdate)
    location = "Campus"
    people_to_meet = 3


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
    language = "sv"


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


def make_network(name, status, submitted_by=None):
    """A network with only the stable fields (name, slug, status) chosen; the networks app owns the
    rest, so every other choice field that has no valid default gets its first choice."""
    from django.utils.text import slugify

    from networks.models import Network

    values = {"name": name, "slug": slugify(name), "status": status, "submitted_by": submitted_by}
    for field in Network._meta.concrete_fields:
        if field.name in values or field.primary_key or not field.choices:
            continue
        valid = [value for value, _label in field.flatchoices]
        if field.get_default() not in valid:
            values[field.name] = valid[0]
    return Network.objects.create(**values)
