"""The tracker's navigation is rendered once per language and section ({% memo %}): each page still
marks its own section, in its own language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _nav(client, path):
    html = client.get(path).content.decode()
    return re.search(r'<nav class="tr-nav".*?</nav>', html, re.S).group(0)


def _current(nav):
    return re.findall(r'<a href="([^"]+)" aria-current="page">', nav)


def test_each_page_marks_its_own_section_in_its_own_language(alice_client):
    for path in ("/en/me/", "/en/me/goals/", "/en/me/contacts/", "/en/me/"):
        assert _current(_nav(alice_client, path)) == [path]
    swedish = _nav(alice_client, "/sv/me/goals/")
    assert _current(swedish) == ["/sv/me/goals/"]
    assert "</svg>Översikt</a>" in swedish
    assert "</svg>Overview</a>" in _nav(alice_client, "/en/me/goals/")
