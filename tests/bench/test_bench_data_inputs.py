"""`bench_data` on an empty database: it refuses bad input and missing criteria, and a seed repeats."""

import pytest
from django.core.management import CommandError
from django.db import transaction

from accounts.models import Contact, FollowUp, User
from networks.models import Criterion, Evaluation, Network
from tests.bench.command import bench_data

pytestmark = pytest.mark.django_db


def test_it_needs_the_five_criteria(db):
    Criterion.objects.filter(order__gt=1).delete()
    with pytest.raises(CommandError, match="5 checklist criteria"):
        bench_data(scale=0.002, verbosity=0)
    assert not User.objects.filter(email__endswith="@bench.rookie.test").exists()


@pytest.mark.parametrize("scale", ["0", "-1", "abc", "101"])
def test_it_refuses_a_bad_scale(db, scale):
    with pytest.raises(CommandError, match="--scale"):
        bench_data("--scale", scale, verbosity=0)


def test_the_same_seed_gives_the_same_data(db):
    def fingerprint():
        with transaction.atomic():
            bench_data(scale=0.002, seed=7, verbosity=0)
            rows = (
                list(Contact.objects.order_by("owner__email", "id").values_list("owner__email", "name", "company")),
                list(FollowUp.objects.order_by("owner__email", "id").values_list("title", "due_date")),
                list(Evaluation.objects.order_by("member__email", "id").values_list("member__email", "comment")),
                list(Network.objects.order_by("slug").values_list("slug", "score_average")),
            )
            transaction.set_rollback(True)
        return rows

    assert fingerprint() == fingerprint()
