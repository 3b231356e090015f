"""Every link a person is shown leads to a page they may see: no 403, 404 or 500 one click away.

The demo data (seed_demo) is crawled as each kind of visitor, each in another language, from the
pages they start on, following the site's own links (GET only) breadth-first; log-out and every
other change is a POST form, never a link. Downloads, feeds and the admin are not crawled.
This found a coach's dashboard linking to the member-only Coaching page.
"""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

from accounts.models import User
from tests.conftest import rows_for_the_module

pytestmark = pytest.mark.django_db

# Enough to reach every kind of page in the demo data (a full crawl is 50–150 pages a role).
MAX_PAGES = 70
NOT_PAGES = re.compile(r"\.(csv|vcf|ics|xml)$|/feed/$|^/media/|^/static/|^/admin/")
DEMO = "@demo.rookie.test"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _links(path, html):
    parser = _Links()
    parser.feed(html)
    for href in parser.hrefs:
        parts = urlsplit(urljoin(path, href))
        if parts.scheme in ("", "http") and parts.netloc in ("", "testserver") and parts.path.startswith("/"):
            # One page of each list is enough: ?page=N shows the same kinds of links.
            query = "" if "page=" in parts.query else parts.query
            yield parts.path + (f"?{query}" if query else "")


def _crawl(client, starts):
    seen, queue, found_on, broken = set(), list(starts), {}, []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code == 302 and path.startswith("/") and not response["Location"].startswith("http"):
            # Redirects within the site are fine (a list with a default filter, say): follow them.
            queue.append(response["Location"])
            continue
        if response.status_code != 200:
            broken.append(f"{path} answered {response.status_code} (linked from {found_on.get(path, 'the start')})")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in _links(path, response.content.decode()):
            if link not in seen and link not in queue and not NOT_PAGES.search(link):
                found_on[link] = path
                queue.append(link)
    return seen, broken


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    # Written once for the module's crawls; each test's own changes are undone after it.
    with rows_for_the_module(django_db_blocker):
        call_command("seed_demo", force=True, stdout=io.StringIO())
        yield


@pytest.mark.parametrize(
    ("email", "language", "starts"),
    [
        (None, "en", ["/en/", "/en/guides/", "/en/networks/"]),
        (f"member{DEMO}", "sv", ["/sv/", "/sv/me/", "/sv/coach/sharing/"]),
        (f"coach{DEMO}", "da", ["/da/", "/da/coach/", "/da/me/"]),
        (f"editor{DEMO}", "fi", ["/fi/", "/fi/me/", "/fi/guides/"]),
        (f"client2{DEMO}", "en", ["/en/me/", "/en/me/contacts/", "/en/networks/compare/"]),
    ],
    ids=["anonymous", "member", "coach", "editor", "client"],
)
def test_every_link_a_visitor_is_shown_leads_to_a_page_they_may_see(client, demo, email, language, starts):
    if email:
        client.force_login(User.objects.get(email=email))
    seen, broken = _crawl(client, starts)
    assert len(seen) >= 15, f"the crawl found too few pages to mean anything: {sorted(seen)}"
    assert any(path.startswith(f"/{language}/") for path in seen if path not in starts)
    assert not broken, "\n".join(broken)
