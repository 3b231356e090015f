"""EXPLAIN (ANALYZE, BUFFERS) of the slowest queries of each page `make bench` measures.

Renders each page once with the page caches bypassed (a cleared cache before every page), captures
its queries, and prints the plans of the slowest SELECTs. Run it against the bench database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rookie_bench DEBUG=0 SECRET_KEY=x \\
        ALLOWED_HOSTS=127.0.0.1 SECURE_COOKIES=0 .venv/bin/python scripts/bench_explain.py [N]

N (default 3) is how many queries per page. What we found is in docs/PERFORMANCE.md.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rookie.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from articles.models import Article  # noqa: E402
from networks.models import Network  # noqa: E402

MEMBER = os.environ.get("BENCH_MEMBER", "bench-member@bench.rookie.test")
COACH = os.environ.get("BENCH_COACH", "bench-coach@bench.rookie.test")


def pages():
    guide = Article.objects.published().exclude(slug_en="").newest_first().first()
    network = Network.objects.published().order_by("-evaluation_count", "pk").first()
    return [
        ("home", "/en/", None),
        ("a guide", f"/en/guides/{guide.slug_en}/", None),
        ("guides list", "/en/guides/", None),
        ("catalogue", "/en/networks/?kind=professional&language=sv&sort=evaluations", None),
        ("a network's page", f"/en/networks/{network.slug}/", None),
        ("dashboard", "/en/me/", MEMBER),
        ("coach page", "/en/coach/", COACH),
    ]


def main():
    per_page = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for label, url, email in pages():
        client = Client(HTTP_HOST="127.0.0.1")
        if email:
            client.force_login(User.objects.get(email=email))
        client.get(url)  # warm PostgreSQL's buffers and Django's own caches
        cache.clear()  # but not the page caches: render the page for real
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        selects = [q for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
        total = sum(float(q["time"]) for q in captured.captured_queries)
        print(f"\n===== {label} {url}: {response.status_code}, {len(captured)} queries, {total * 1000:.1f} ms in SQL")
        for query in sorted(selects, key=lambda q: -float(q["time"]))[:per_page]:
            print(f"\n--- {float(query['time']) * 1000:.1f} ms: {query['sql'][:400]}")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
