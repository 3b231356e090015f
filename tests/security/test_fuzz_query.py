"""Odd query strings on every page, as every kind of visitor: never a 5xx.

The pages are those of tests/security/test_url_access.py that answer GET (so a new URL is fuzzed as
soon as it has its access entry), with the objects of its `world`. The parameter names come from
the code (every name read through rookie.lib.querystring, every field of the catalogue's filter form,
the one form bound to request.GET), a few common names, and whatever a page is seen reading.

Each page first gets every name at once. The names it read in that request (recorded on the
QueryDict) then get every odd value in turn: the values rotate over the names, so each name carries
each value once, every other name repeated (`?page=1&page=²`: get() sees the odd value, getlist()
both). A page that read nothing cannot depend on the values, so it is spared the rotation. Last, a
NUL byte under every name. One world, one client per visitor.

test_views_read_the_query_string_only_through_one_helper keeps it that way: a view that reads
request.GET by hand (where "²".isdigit() is true and int("²") fails) is named.
"""

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from networks.forms import CatalogueFilterForm
from tests.conftest import client_for
from tests.security.test_url_access import GET, MEDIA_PATTERN, PARAM_URLS, PLAIN_URLS

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
APPS = ("accounts", "articles", "networks", "rookie", "sitepages")
HELPER = ROOT / "rookie" / "lib" / "querystring.py"

# Nobody, the owner, a stranger, a coach with a "progress and contacts" grant, an editor.
ROLES = ("anonymous", "alice", "charlie", "fiona", "editor")
COMMON_NAMES = ("page", "q", "contact", "goal", "network", "next", "lang", "sort", "tag", "period", "weights", "id")
ODD_VALUES = (
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",  # Arabic-Indic digits: int() reads them
    "５",  # a fullwidth digit: int() reads it too
    str(10**30),  # wider than any integer column
    "-1",
    "9" * 10_000,  # more digits than int() converts
    "",
)


def _source_files():
    for app in APPS:
        yield from (path for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts)


_HELPER_CALL = re.compile(r"query_(?:int|text|texts|choice|flag)\(\s*request\s*,\s*\"(\w+)\"")


def parameter_names():
    names = set(COMMON_NAMES) | set(CatalogueFilterForm.base_fields)
    for path in _source_files():
        names.update(_HELPER_CALL.findall(path.read_text(encoding="utf-8")))
    return names


def _get_pages(world):
    """(label, url) of every GET pattern, with the objects the access tables name."""
    pages = []
    for key, entries in {**PARAM_URLS, **PLAIN_URLS}.items():
        for access in entries if isinstance(entries, list) else [entries]:
            if GET not in access.methods:
                continue
            kwargs = {name: world[source] for name, source in access.kwargs.items()}
            if key == MEDIA_PATTERN:
                url = f"/{MEDIA_PATTERN.split('<')[0]}{kwargs['path']}"
            else:
                url = reverse(key, kwargs=kwargs)
            pages.append((key, url))
    return pages


def _query(names, shift):
    """Each name with ODD_VALUES[its position + shift], every other one after a "1"."""
    pairs = []
    for number, name in enumerate(names):
        value = ODD_VALUES[(number + shift) % len(ODD_VALUES)]
        pairs += [(name, value)] if (number + shift) % 2 else [(name, "1"), (name, value)]
    return urlencode(pairs)


@pytest.fixture
def reads(monkeypatch):
    """The names looked up in a non-empty QueryDict (on a GET request, only request.GET has any)."""
    names = set()

    def spy(original):
        def read(self, key, *args, **kwargs):
            if len(self):
                names.add(key)
            return original(self, key, *args, **kwargs)

        return read

    for method in ("get", "getlist", "__getitem__"):
        monkeypatch.setattr(QueryDict, method, spy(getattr(MultiValueDict, method)))
    return names


def test_it_knows_the_parameters_the_views_read():
    names = parameter_names()
    # The names read through the helper and the catalogue form's are found, not only the common ones.
    for name in ("contact", "status", "show", "kind", "thanks", "category", "n", "scope", "fee", "meets"):
        assert name in names, name


@pytest.mark.parametrize("role", ROLES)
def test_no_query_string_makes_a_page_fail(world, role, reads):
    client = client_for(world, role)
    client.raise_request_exception = False  # a 500 is collected with the others, not raised
    known = sorted(parameter_names())
    nul = urlencode([(name, "1\x00") for name in known])
    failures = []
    for key, url in _get_pages(world):
        reads.clear()
        queries = [_query(known, 0)]
        sent = 0
        while sent < len(queries):
            response = client.get(f"{url}?{queries[sent]}")
            sent += 1
            if response.status_code >= 500:
                failures.append(f"{key} {url}?{queries[sent - 1][:100]}… as {role}: {response.status_code}")
                break
            if sent == 1 and reads:
                names = sorted(set(known) | reads)
                queries += [_query(names, shift) for shift in range(0 if names != known else 1, len(ODD_VALUES))]
        if client.get(f"{url}?{nul}").status_code >= 500:
            failures.append(f"{key} {url} with a NUL byte as {role}")
    assert not failures, "\n".join(failures)


def test_it_ignores_a_superscript_contact_id_when_adding_a_follow_up(alice_client):
    response = alice_client.get("/en/me/follow-ups/add/?contact=%C2%B2")
    assert response.status_code == 200
    assert response.context["form"].initial.get("contact") is None


_DIRECT_READ = re.compile(r"request\.GET\s*(?:\.\s*get\b|\.\s*getlist\b|\[)")


def test_views_read_the_query_string_only_through_one_helper():
    offenders = []
    for path in _source_files():
        if path == HELPER:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _DIRECT_READ.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, (
        "Read query parameters through rookie.lib.querystring (or a form bound to request.GET):\n"
        + "\n".join(offenders)
    )
