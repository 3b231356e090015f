"""factory_boy factories for the networks app (users come from tests/factories.py)."""

from decimal import Decimal

import factory

from networks.models import Criterion, Membership, Network, Priority
from networks.services import evaluation_save
from tests.factories import UserFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Network {n:03d}")
    slug = factory.Sequence(lambda n: f"network-{n:03d}")
    summary = factory.LazyAttribute(lambda o: f"What {o.name} is about.")
    summary_en = factory.SelfAttribute("summary")
    kind = Network.Kind.MEETUP
    scope = Network.Scope.LOCAL
    city = "Stockholm"
    country = Network.Country.SWEDEN
    languages = "sv,en"
    fee_amount = Decimal("0")
    meets_in_person = True
    status = Network.Status.APPROVED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    member = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
    status = Membership.Status.JOINED
    hours_per_month = Decimal("2")
    yearly_cost = Decimal("0")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    member = factory.SubFactory(UserFactory)
    criterion = factory.Iterator(Criterion.objects.all())
    weight = 3


def evaluate(member, network, scores, comment="", notes=None):
    """Evaluate through the service, scores given in checklist order, e.g. [5, 4, 3, 2, 1]."""
    criteria = list(Criterion.objects.order_by("order"))
    notes = notes or [""] * len(criteria)
    evaluation, _created = evaluation_save(
        member=member,
        network=network,
        scores={criterion.pk: (score, note) for criterion, score, note in zip(criteria, scores, notes, strict=True)},
        comment=comment,
    )
    return evaluation


def evaluation_post(criteria, values, **extra):
    """The evaluation form's POST data, scores in checklist order."""
    data = {f"score_{criterion.key}": str(value) for criterion, value in zip(criteria, values, strict=True)}
    data.update(extra)
    return data
