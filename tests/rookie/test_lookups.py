"""rookie/lib/lookups.py: `icontains` folds the case of every alphabet on SQLite and PostgreSQL alike."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.models import Contact
from tests.examples import examples
from tests.factories import ContactFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory()


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Örebro universitet", "örebro"),
        ("Åbo Akademi", "ÅBO"),
        ("Ærø Rødder", "ærø rødder"),
        ("Jyväskylän yliopisto", "JYVÄSKYLÄN"),
        ("Δίκτυο", "δίκτυο"),
        ("plain ASCII", "ASCII"),
    ],
)
def test_it_matches_any_case_of_any_letter(owner, stored, query):
    contact = ContactFactory(owner=owner, name=stored)
    assert list(Contact.objects.filter(name__icontains=query)) == [contact]


def test_it_treats_like_wildcards_in_the_text_as_plain_characters(owner):
    ContactFactory(owner=owner, name="100% Nordic")
    ContactFactory(owner=owner, name="100 Nordic")
    ContactFactory(owner=owner, name="a_b")
    ContactFactory(owner=owner, name="axb")
    assert [c.name for c in Contact.objects.filter(name__icontains="100%")] == ["100% Nordic"]
    assert [c.name for c in Contact.objects.filter(name__icontains="a_b")] == ["a_b"]
    assert [c.name for c in Contact.objects.filter(name__icontains="\\")] == []


def test_it_finds_nothing_in_an_empty_or_missing_value(owner):
    ContactFactory(owner=owner, name="Anna", company="")
    assert not Contact.objects.filter(company__icontains="a").exists()


def _simple_case(text):
    """Letters whose upper and lower case are one letter each and map to each other (not ß → SS,
    nor ı → I → i, nor ϴ → θ → Θ): the case mapping that PostgreSQL's UPPER() and Python's lower()
    agree on. Nordic, Latin, Greek and Cyrillic letters all have it."""
    return "\x00" not in text and all(
        len(c.upper()) == len(c.lower()) == 1 and c.upper().lower() == c.lower() and c.lower().upper() == c.upper()
        for c in text
    )


@settings(max_examples=examples(40), deadline=None)
# Latin, Greek and Cyrillic: case mappings that no recent Unicode version changed.
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x52F), min_size=1, max_size=12).filter(_simple_case))
def test_any_text_finds_itself_in_either_case(text):
    # One row per example, found by its own upper- and lower-cased text; never an error.
    # (NUL is left out: PostgreSQL refuses it in text, and the search forms strip it first.)
    owner = UserFactory()
    contact = ContactFactory(owner=owner, name=f"x{text}y")
    mine = Contact.objects.filter(owner=owner)
    for query in (text, text.lower(), text.upper()):
        assert contact in mine.filter(name__icontains=query), query
