"""The one search over a member's contacts, shared by the contact list (?q=) and the contact field
(contact_picker.py and its JSON endpoint): "soren" finds "Søren", "jyvaskyla" "Jyväskylä", "ΑΘΗΝΑ"
"Αθήνα", "asa" "Åsa", on every database.

Each contact stores its name, company and e-mail folded (Contact.search_text, set by Contact.save()
and by the import, which bypasses save()), so a search folds only the query and asks for every word
as a plain substring of that column: LIKE '%word%', which a trigram GIN index serves on PostgreSQL
(migration 0016) and SQLite runs as a plain scan. Matching a regular expression over the unfolded
fields instead had PostgreSQL spend 1.5 ms on 3,000 contacts.

This module imports no model: the model imports it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

from django.db.models import BooleanField, Model, QuerySet
from django.db.models.expressions import RawSQL

# Longer is no name, company or address anyone types.
MAX_QUERY_LENGTH = 100
# Every word must match somewhere ("berg acme"); more words than this are ignored.
MAX_WORDS = 5

# Letters that decomposition leaves alone but a searcher types without their stroke or ligature.
_EXTRA = {
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ς": "σ",
}


def _fold_table() -> dict[str, str]:
    """Lower-case letter → its base letters, for Latin and Greek; combining marks → nothing."""
    table = {}
    for code in (*range(0xC0, 0x250), *range(0x370, 0x400)):
        char = chr(code)
        if char != char.lower():
            continue  # folding starts from lower()
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        base = _EXTRA.get(char, base)
        if base and base != char and base.isalpha():
            table[char] = base
    table.update(_EXTRA)
    return table


FOLD_TABLE = _fold_table()
# Text stored decomposed ("e" + U+0301) carries combining marks after its letters.
_COMBINING = "".join(chr(code) for code in range(0x300, 0x370))
_TRANSLATION = str.maketrans({**FOLD_TABLE, **dict.fromkeys(_COMBINING)})


def fold(text: str | None) -> str | None:
    """`text` as searched: lower case, without accents, strokes or ligatures ("Øre Ærø" → "ore aero")."""
    return None if text is None else text.lower().translate(_TRANSLATION)


# Between the fields in the stored text: no query word holds one (whitespace splits words), so a
# word never matches across two fields.
SEPARATOR = "\n"


def search_text(name: str | None, company: str | None, email: str | None) -> str:
    """What Contact.search_text stores for these fields."""
    return SEPARATOR.join(fold(value or "") or "" for value in (name, company, email))


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalize_query(raw: str | None) -> str:
    """The query as searched: control characters gone, whitespace collapsed, at most MAX_QUERY_LENGTH."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:MAX_QUERY_LENGTH]


def query_words(raw: str | None) -> list[str]:
    """The distinct folded words of a query, at most MAX_WORDS; none for an empty query."""
    return list(dict.fromkeys((fold(normalize_query(raw)) or "").split()))[:MAX_WORDS]


# One condition per word, written out rather than built by the ORM (a `contains` lookup per word):
# the contact field's endpoint runs it as raw SQL, where building the query cost more CPU than
# PostgreSQL takes to run it. LIKE with an explicit escape reads the same on both databases; the
# text and the words are folded, so LIKE's own (ASCII-only, on SQLite) case folding plays no part.
_WORD = "{column} LIKE %s ESCAPE '\\'"


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def condition_sql(words: list[str], table: str) -> tuple[str, list[str]]:
    """SQL true for a row of `table` (Contact's) whose search text holds every word, and its parameters."""
    column = f'"{table}"."search_text"'
    return " AND ".join([_WORD.format(column=column)] * len(words)), [_like_pattern(word) for word in words]


_Model = TypeVar("_Model", bound=Model)


def matching(contacts: QuerySet[_Model], raw: str | None) -> QuerySet[_Model]:
    """`contacts` narrowed to those matching every word of the query; all of them for an empty query."""
    words = query_words(raw)
    if not words:
        return contacts
    sql, params = condition_sql(words, contacts.model._meta.db_table)
    # The words travel as parameters; the SQL holds only the model's own table name.
    return contacts.filter(RawSQL(sql, params, output_field=BooleanField()))  # noqa: S611
