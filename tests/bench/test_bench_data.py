"""`bench_data` writes what a scale asks for, valid rows, correct network aggregates, and only once.

The rows are written once for this module (rows_for_the_module); tests that need an empty database
are in test_bench_data_inputs.py."""

import datetime
import math

import pytest
from django.apps import apps
from django.core.management import CommandError
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from accounts.models import CoachGrant, Contact, FollowUp, Goal, GoalProgress, GrantStatus, Interaction, Role, User
from accounts.tracker.contact_search_text import search_text
from articles.models import Article, Status
from bench import data
from networks.models import Criterion, CriterionStats, Evaluation, Network, Priority, Score
from networks.services import network_stats_refresh
from tests.bench.command import bench_data
from tests.conftest import rows_for_the_module

pytestmark = pytest.mark.django_db

SCALE = 0.05
LANGUAGES = ("en", "sv", "da", "fi")


def _per_scale(base, scale):
    # Half up, and at least one of each kind (bench/data.py documents the rounding).
    return max(1, math.floor(base * scale + 0.5))


def _generated(model, owner_field="owner"):
    """Rows of the generated members (member00001@…), not of the fixed benchmark accounts."""
    return model.objects.filter(**{f"{owner_field}__email__startswith": "member"})


@pytest.fixture(scope="module")
def generated_once(django_db_setup, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        bench_data(scale=SCALE, verbosity=0)
        yield


@pytest.fixture
def generated(generated_once, db):
    """bench_data's rows at SCALE (written once for this module); each test's changes are undone."""


def test_it_writes_the_counts_the_scale_asks_for(generated):
    members = _per_scale(1000, SCALE)
    networks = _per_scale(200, SCALE)
    coaches = _per_scale(5, SCALE)
    # One evaluation per member and network at most, so tiny scales are capped by members × networks.
    evaluations = min(math.floor(20_000 * SCALE + 0.5), members * networks)

    assert User.objects.filter(email__startswith="member", role=Role.MEMBER).count() == members
    assert _generated(Contact).count() == members * 30
    assert _generated(FollowUp).count() == members * 50
    assert _generated(Goal).count() == members * 5
    per_member = _generated(Interaction).values("owner").annotate(n=Count("id")).values_list("n", flat=True)
    assert all(2 <= n <= 8 for n in per_member)

    assert Network.objects.published().count() == networks
    assert Evaluation.objects.count() == evaluations
    assert Score.objects.count() == evaluations * Criterion.objects.count()

    guides = Article.objects.published()
    assert guides.count() == _per_scale(50, SCALE)
    for code in LANGUAGES:
        assert not guides.filter(**{f"title_{code}": ""}).exists()
        assert not guides.filter(**{f"body_{code}": ""}).exists()

    assert User.objects.filter(email__startswith="coach", role=Role.COACH).count() == coaches
    clients_per_coach = min(20, members // coaches)
    generated_grants = CoachGrant.objects.active().filter(coach__email__startswith="coach")
    assert generated_grants.count() == coaches * clients_per_coach
    assert generated_grants.values("member").distinct().count() == coaches * clients_per_coach


def test_the_benchmark_accounts_do_not_depend_on_the_scale(generated):
    member = User.objects.get(email=data.MEMBER_EMAIL)
    assert member.check_password(data.DEFAULT_PASSWORD)
    assert FollowUp.objects.filter(owner=member).count() == data.HEAVY["follow_ups"] == 1000
    assert Contact.objects.filter(owner=member).count() == data.HEAVY["contacts"] == 3000
    assert Interaction.objects.filter(owner=member).count() == data.HEAVY["interactions"] == 5000
    # Priorities on the checklist: the member's catalogue can sort by "fit for me".
    assert Priority.objects.filter(member=member).count() == Criterion.objects.count()
    # A mix of done, overdue, due this week and later.
    today, week_end = timezone.localdate(), timezone.localdate() + datetime.timedelta(days=6)
    open_ones = FollowUp.objects.filter(owner=member, done_at__isnull=True)
    assert FollowUp.objects.filter(owner=member, done_at__isnull=False).exists()
    assert open_ones.filter(due_date__lt=today).exists()
    assert open_ones.filter(due_date__gte=today, due_date__lte=week_end).exists()
    assert open_ones.filter(due_date__gt=week_end).exists()
    assert Goal.objects.filter(owner=member).exists()
    assert Interaction.objects.filter(owner=member).exists()

    coach = User.objects.get(email=data.COACH_EMAIL)
    assert coach.role == Role.COACH
    grants = CoachGrant.objects.filter(coach=coach, status=GrantStatus.ACTIVE)
    assert grants.count() == 30
    assert Contact.objects.filter(owner__in=grants.values("member")).values("owner").distinct().count() == 30


def test_interactions_and_follow_ups_belong_to_their_owners_contacts(generated):
    assert not Interaction.objects.exclude(contact__owner=F("owner")).exists()
    assert not FollowUp.objects.filter(contact__isnull=False).exclude(contact__owner=F("owner")).exists()
    # The contact's "last contact" is its latest interaction, as the tracker keeps it.
    for contact in Contact.objects.filter(interactions__isnull=False).distinct()[:50]:
        latest = contact.interactions.order_by("-occurred_on").first().occurred_on
        assert contact.last_contacted_on == latest
        assert contact.next_touch_due == contact.compute_next_touch_due()
    # Every goal has its history, as services.goal_create starts it.
    assert not Goal.objects.filter(history__isnull=True).exists()
    assert GoalProgress.objects.filter(progress__gt=F("goal__target")).count() == 0


def test_network_aggregates_equal_a_fresh_recompute(generated):
    def snapshot():
        return (
            list(
                Network.objects.order_by("pk").values_list(
                    "pk", "evaluation_count", "score_average", "criterion_averages", "rated_criteria"
                )
            ),
            list(
                CriterionStats.objects.order_by("network", "criterion").values_list(
                    "network", "criterion", "score_count", "score_sum", "average"
                )
            ),
        )

    written = snapshot()
    assert any(count for _pk, count, *_aggregates in written[0])
    with transaction.atomic():
        for network_id in Network.objects.values_list("pk", flat=True):
            network_stats_refresh(network_id=network_id)
    networks, stats = snapshot()
    assert written[1] == stats
    assert [row[:2] for row in written[0]] == [row[:2] for row in networks]
    for (_pk, _count, average, averages, rated), (_pk2, _count2, fresh, fresh_averages, fresh_rated) in zip(
        written[0], networks, strict=True
    ):
        assert average == pytest.approx(fresh)
        assert averages == pytest.approx(fresh_averages)
        assert rated == fresh_rated


WRITTEN_MODELS = [
    "accounts.User",
    "accounts.Contact",
    "accounts.Interaction",
    "accounts.FollowUp",
    "accounts.Goal",
    "accounts.GoalProgress",
    "accounts.Event",
    "accounts.CoachGrant",
    "networks.Network",
    "networks.Evaluation",
    "networks.Score",
    "networks.CriterionStats",
    "articles.Article",
    "articles.Category",
]


def test_what_it_writes_passes_the_models_validation(generated):
    for label in WRITTEN_MODELS:
        model = apps.get_model(label)
        sample = list(model.objects.order_by("pk")[:30]) + list(model.objects.order_by("-pk")[:30])
        assert sample, label
        for obj in sample:
            # full_clean runs field validators, choices, clean() and the model's constraints.
            obj.full_clean()


def test_contacts_are_findable_as_the_sites_own_are(generated):
    # The rows are inserted without Contact.save(): the folded search text must be written too.
    contacts = Contact.objects.values_list("name", "company", "email", "search_text")
    assert contacts
    for name, company, email, stored in contacts:
        assert stored == search_text(name, company, email)


def test_guides_are_published_markdown_with_headings_lists_and_links(generated):
    for guide in Article.objects.filter(key__startswith="bench-"):
        assert guide.status == Status.PUBLISHED and guide.is_public
        for code in LANGUAGES:
            body = getattr(guide, f"body_{code}")
            assert "\n## " in body and "\n- " in body and "](" in body
            assert getattr(guide, f"reading_minutes_{code}") >= 3


def test_dates_are_in_sensible_ranges(generated):
    now = timezone.now()
    today = timezone.localdate()
    assert not FollowUp.objects.filter(done_at__gt=now).exists()
    assert not Interaction.objects.filter(occurred_on__gt=today).exists()
    assert not Contact.objects.filter(last_contacted_on__gt=today).exists()
    assert not Evaluation.objects.filter(updated_at__lt=F("created_at")).exists()
    assert not Evaluation.objects.filter(updated_at__gt=now).exists()
    assert not Article.objects.filter(published_at__gt=now).exists()
    assert not CoachGrant.objects.filter(accepted_at__lt=F("created_at")).exists()
    assert set(Network.objects.values_list("country", flat=True)) <= {"SE", "DK", "FI"}
    assert set(User.objects.values_list("preferred_language", flat=True)) <= set(LANGUAGES)
    assert set(Contact.objects.values_list("language", flat=True)) <= set(LANGUAGES)


def test_a_second_run_is_refused_and_adds_nothing(generated):
    users = User.objects.count()
    with pytest.raises(CommandError, match="already has benchmark data"):
        bench_data(scale=SCALE, verbosity=0)
    assert User.objects.count() == users
