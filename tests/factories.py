"""factory_boy factories for every model the tests build, one per model, and the few helpers that
go through a service instead (an evaluation, a guide in several languages, a member's full data).

Each row's owner defaults to a new member; pass owner=alice (member=alice for coaching rows).
"""

import datetime
import functools
import itertools
from decimal import Decimal

import factory
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import (
    AccessKind,
    CalendarFeed,
    CoachAccessLog,
    CoachComment,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    GivingBudget,
    Goal,
    GoalKind,
    GoalProgress,
    GoalSuggestion,
    GrantScope,
    GrantStatus,
    Interaction,
    InteractionKind,
    ReminderLog,
    User,
)
from accounts.models.coaching import ActionKind, AgreedAction, CoachingSession, CoachNote
from accounts.models.tracker import ContactImport
from accounts.roles import make_editor
from articles.models import Article, Category, ImageAsset, Status
from networks.models import Criterion, Membership, Network, Priority, SuggestionAnswer
from networks.services import evaluation_save

TEST_PASSWORD = "correct-horse-battery-42"


@functools.cache
def _hashed_test_password(default_hasher: str) -> str:
    # Hash once per hasher in use and reuse the result: tests run with a fast hasher (tests/conftest.py),
    # the tests of passwords themselves with production's Argon2.
    return make_password(TEST_PASSWORD)


# --- People ---------------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = factory.Faker("name")
    preferred_language = "en"
    role = User.Role.MEMBER
    password = factory.LazyFunction(lambda: _hashed_test_password(settings.PASSWORD_HASHERS[0]))


class CoachFactory(UserFactory):
    role = User.Role.COACH


def editor_make(**fields) -> User:
    """Staff in the Editors group with the editor role, as seed_demo's editor (accounts/roles.py)."""
    user = UserFactory(**fields)
    make_editor(user)
    return user


# --- Guides ---------------------------------------------------------------------------------------

_numbers = itertools.count(1)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug_en = factory.Sequence(lambda n: f"category-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published guide with an English version only; add others with `article_in(...)`."""

    class Meta:
        model = Article

    key = factory.Sequence(lambda n: f"guide-{n}")
    title_en = factory.Sequence(lambda n: f"Guide number {n}")
    slug_en = factory.LazyAttribute(lambda o: o.key)
    description_en = "A short guide for tests."
    body_en = "## First step\n\nSay hello to three new people.\n\n## Second step\n\nFollow up within two days.\n"
    author_name = "Rookie"
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )


def article_in(languages, **kwargs) -> Article:
    """A guide with versions in exactly `languages`: title "<Key> (<code>)", slug "<key>-<code>"."""
    key = kwargs.pop("key", None) or f"translated-guide-{next(_numbers)}"
    fields = {f"{name}_en": "" for name in ("title", "slug", "description", "body")}
    for code in languages:
        fields[f"title_{code}"] = f"{key.replace('-', ' ').capitalize()} ({code})"
        fields[f"slug_{code}"] = f"{key}-{code}"
        fields[f"description_{code}"] = f"Description in {code}."
        fields[f"body_{code}"] = f"## Heading in {code}\n\nText in {code}.\n"
    fields.update(kwargs)
    return ArticleFactory(key=key, **fields)


# --- Networks -------------------------------------------------------------------------------------


class NetworkFactory(factory.django.DjangoModelFactory):
    """An approved network (status=..., submitted_by=... as a test needs)."""

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


def evaluation_post(criteria, values, **extra) -> dict:
    """The evaluation form's POST data, scores in checklist order."""
    data = {f"score_{criterion.key}": str(value) for criterion, value in zip(criteria, values, strict=True)}
    data.update(extra)
    return data


# --- The tracker ----------------------------------------------------------------------------------


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


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    owner = factory.SubFactory(UserFactory)


# --- Coaching -------------------------------------------------------------------------------------


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


# --- One of every personal row (export and deletion) ----------------------------------------------


def personal_data(member, coach, *, n=1, scores=(4, 4, 4, 4, 4)) -> dict:
    """Rows of every kind for `member`, n of each where it matters (to show that query counts do not
    grow with the data); coach: an active FULL grant, a comment, a suggestion, a log row."""
    today = timezone.localdate()
    rows = {"events": [], "goals": [], "contacts": [], "networks": [], "evaluations": []}
    for i in range(n):
        event = EventFactory(owner=member)
        network = NetworkFactory()
        goal = GoalFactory(owner=member, event=event, network=network)
        GoalProgress.objects.create(goal=goal, recorded_on=today - datetime.timedelta(days=1), progress=1)
        contact = ContactFactory(owner=member, met_at_event=event, met_at_network=network)
        InteractionFactory(contact=contact)
        FollowUpFactory(owner=member, contact=contact)
        MembershipFactory(member=member, network=network, status=Membership.Status.JOINED)
        rows["evaluations"].append(evaluate(member, network, list(scores), comment=f"Comment {i}", notes=None))
        suggested = NetworkFactory(submitted_by=member, status=Network.Status.HIDDEN)
        SuggestionAnswer.objects.create(
            network=suggested, member=member, status=Network.Status.HIDDEN, reason="Already listed."
        )
        ReminderLog.objects.create(owner=member, sent_on=today - datetime.timedelta(days=i), follow_up_count=1)
        rows["events"].append(event)
        rows["goals"].append(goal)
        rows["contacts"].append(contact)
        rows["networks"].append(network)
    for criterion in Criterion.objects.all():
        Priority.objects.update_or_create(member=member, criterion=criterion, defaults={"weight": 4})
    CalendarFeed.objects.get_or_create(owner=member)
    GivingBudget.objects.get_or_create(owner=member, defaults={"hours_per_month": 4, "money_per_year": 1200})
    ContactImport.objects.update_or_create(
        owner=member, defaults={"result": {"filename": "Connections.csv", "summary": {"total": 1}, "rows": []}}
    )
    # The file itself is not read by the export: the row is what it lists.
    ImageAsset.objects.create(file="markdownx/desk.png", alt_text="A desk by a window", uploaded_by=member)
    rows["grant"] = GrantFactory(member=member, coach=coach, scope=GrantScope.FULL)
    comment = CommentFactory(member=member, coach=coach, author=coach, goal=rows["goals"][0])
    CommentFactory(member=member, coach=coach, author=member, parent=comment)
    SuggestionFactory(member=member, coach=coach)
    CoachAccessLog.objects.create(coach=coach, member=member, what=AccessKind.OVERVIEW)
    CoachAccessLog.objects.create(coach=coach, member=member, what=AccessKind.CONTACT, contact=rows["contacts"][0])
    # A session with an agreed follow-up, and the coach's private note (export, deletion).
    session = CoachingSession.objects.create(member=member, coach=coach, held_on=today, discussed="Plans")
    AgreedAction.objects.create(session=session, kind=ActionKind.FOLLOW_UP, title="Send the CV", due_date=today)
    CoachNote.objects.create(coach=coach, member=member, body="Private note")
    return rows
