"""seed_demo's networks: realistic, in four languages, evaluated, and idempotent."""

import importlib
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from networks.models import Evaluation, Membership, Network, Place, Priority
from tests.conftest import rows_for_the_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        call_command("seed_demo", force=True, stdout=io.StringIO())
        yield


@pytest.fixture
def seeded(seeded_once, db):
    """seed_demo's rows (written once for this module); each test's changes are undone after it."""


def _snapshot():
    return (
        sorted(Network.objects.values_list("slug", "evaluation_count", "score_average", "updated_at")),
        Evaluation.objects.count(),
        Membership.objects.count(),
        Priority.objects.count(),
    )


def test_it_seeds_about_fifteen_approved_networks_of_every_scope_and_fee(seeded):
    approved = Network.objects.published()
    assert 14 <= approved.count() <= 20
    assert set(approved.values_list("scope", flat=True)) == {"local", "national", "international"}
    assert set(approved.values_list("fee_period", flat=True)) >= {"one_off", "month", "year"}
    assert approved.filter(fee_amount=0).exists()
    assert set(approved.values_list("fee_currency", flat=True)) == {"SEK", "DKK", "EUR", "NOK"}
    assert len(set(approved.values_list("kind", flat=True))) >= 7


def test_it_writes_every_approved_description_in_four_languages(seeded):
    for network in Network.objects.published():
        for field in ("summary", "purpose", "organiser", "audience"):
            for code in ("en", "sv", "da", "fi"):
                assert getattr(network, f"{field}_{code}"), (network.slug, field, code)


def test_it_evaluates_the_networks_with_several_raters(seeded):
    for network in Network.objects.published():
        assert network.evaluation_count >= 2
        assert 1 <= network.score_average <= 5
    assert Evaluation.objects.filter(member__email__startswith="rater").values("member").distinct().count() >= 4
    assert Evaluation.objects.exclude(comment="").exists()


def test_it_gives_the_demo_member_networks_a_suggestion_and_priorities(seeded):
    member_email = "member@demo.rookie.test"
    assert Membership.objects.filter(member__email=member_email, status="joined").count() >= 1
    assert Membership.objects.filter(member__email=member_email, status="considering").exists()
    assert Network.objects.filter(submitted_by__email=member_email, status=Network.Status.PENDING).exists()
    assert Priority.objects.filter(member__email=member_email).count() == 5


def test_it_changes_nothing_when_run_again(seeded):
    before = _snapshot()
    call_command("seed_demo", force=True, stdout=io.StringIO())
    assert _snapshot() == before


def test_it_keeps_the_demo_raters_from_logging_in(seeded):
    rater = Evaluation.objects.filter(member__email="rater1@demo.rookie.test").first().member
    assert not rater.has_usable_password()


def test_it_writes_the_pending_suggestion_in_swedish_only(seeded):
    suggestion = Network.objects.get(status=Network.Status.PENDING, submitted_by__email="member@demo.rookie.test")
    assert suggestion.summary_sv
    assert not suggestion.summary_en
    assert not suggestion.summary_fi


def test_its_networks_point_at_the_seeded_places(seeded):
    """The demo's cities are all seeded (migration 0009): seeding adds no place, and each network's
    city is named in the reader's language."""
    seeded_places = importlib.import_module("networks.migrations.0009_seed_places_and_map_cities").PLACES
    assert Place.objects.count() == len(seeded_places)
    with_city = Network.objects.exclude(city=None).select_related("city")
    assert {network.city.name_en for network in with_city} >= {"Gothenburg", "Copenhagen", "Helsinki", "Oslo"}
    copenhagen = with_city.filter(city__name_en="Copenhagen").first()
    with translation.override("fi"):
        assert copenhagen.place == "Kööpenhamina, Tanska"
    with translation.override("sv"):
        assert copenhagen.place == "Köpenhamn, Danmark"
