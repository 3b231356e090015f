"""Every benchmarked page runs the same number of queries whatever the amount of data.

The data comes from `bench_data` at two small scales; a count that grows with the scale is an N+1.
Each scale is generated inside a savepoint that is rolled back, so both start from the same empty
database. Before each measured request the page is fetched once (per-process caches warm up the
same way at both scales) and the cache is cleared, so both measurements are cache misses.
"""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from articles.models import Article
from bench import data
from networks.models import Network
from tests.bench.command import bench_data

pytestmark = pytest.mark.django_db

# Both have at least two guides, so the guide page has links to resolve at both (one query more).
SMALL, LARGER = 0.03, 0.08


def _pages():
    """{page: (URL, e-mail of the account to log in as, or None)} for the data now in the database."""
    guide = Article.objects.published().order_by("key").first()
    network = Network.objects.published().order_by("-evaluation_count", "slug").first()
    return {
        "home": ("/en/", None),
        "guides list": ("/en/guides/", None),
        "guide": (f"/en/guides/{guide.slug_en}/", None),
        # Filtered on the busiest network's kind, so the page is never empty, and sorted.
        "catalogue": (f"/en/networks/?kind={network.kind}&sort=evaluations", None),
        "network": (f"/en/networks/{network.slug}/", None),
        "dashboard": ("/en/me/", data.MEMBER_EMAIL),
        "coach page": ("/en/coach/", data.COACH_EMAIL),
    }


def _query_counts(scale):
    counts = {}
    with transaction.atomic():
        bench_data(scale=scale, verbosity=0)
        for page, (url, email) in _pages().items():
            client = Client()
            if email:
                client.force_login(User.objects.get(email=email))
            assert client.get(url).status_code == 200, page
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, page
            counts[page] = len(queries)
        transaction.set_rollback(True)
    return counts


def test_each_page_runs_the_same_number_of_queries_at_two_scales():
    small = _query_counts(SMALL)
    larger = _query_counts(LARGER)
    assert list(small) == ["home", "guides list", "guide", "catalogue", "network", "dashboard", "coach page"]
    assert small == larger


def test_the_larger_scale_really_has_more_to_show():
    # Guards the test above: two scales with equal data would prove nothing.
    assert data.Plan.for_scale(LARGER).networks > data.Plan.for_scale(SMALL).networks
    assert data.Plan.for_scale(LARGER).guides > data.Plan.for_scale(SMALL).guides
    assert data.Plan.for_scale(LARGER).evaluations > data.Plan.for_scale(SMALL).evaluations
