"""Factories for coaching rows, and small tracker rows for a client's data (owner defaults to a new member)."""

import factory
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import (
    CoachComment,
    CoachGrant,
    GoalKind,
    GoalSuggestion,
    GrantScope,
    GrantStatus,
)
from tests.factories import CoachFactory, UserFactory

# A client's tracker rows come from the tracker's own factories (re-exported for coaching tests).
from tests.tracker.factories import (  # noqa: F401
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    InteractionFactory,
)


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
