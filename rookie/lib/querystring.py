"""Ids, numbers, choices and short texts from the query string, read one way in every view.

Anyone can type a query string, so a view must not trust one: `"²".isdigit()` is true yet
`int("²")` raises; `int("５")` is 5; `int()` of a few thousand digits raises; a huge id overflows
the database's integer column. These functions answer None (or the default) for anything
unexpected instead of raising, so a bad parameter is ignored rather than a 500.

Every view reads query parameters through these functions or through a Django form bound to
request.GET (networks.forms.CatalogueFilterForm); tests/security/test_fuzz_query.py collects the
names read here and sends odd values of each to every page.
"""

import re

from django.http import HttpRequest

# ASCII digits only (\d would accept every script's digits); 18 digits stay inside a signed 64-bit
# integer, the widest id column on PostgreSQL and SQLite.
_ASCII_NUMBER = re.compile(r"[0-9]{1,18}")

MAX_TEXT_LENGTH = 100


def query_int(request: HttpRequest, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """The parameter as a non-negative int within [minimum, maximum]; None when missing or anything else."""
    value = request.GET.get(name, "")
    if not _ASCII_NUMBER.fullmatch(value):
        return None
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return None
    return number


def query_text(request: HttpRequest, name: str, *, max_length: int = MAX_TEXT_LENGTH) -> str:
    """The parameter with surrounding white space removed, cut to max_length; "" when missing."""
    return request.GET.get(name, "").strip()[:max_length]


def query_choice(request: HttpRequest, name: str, choices: list[str] | set[str], default: str = "") -> str:
    """The parameter if it is one of `choices` exactly, else `default`."""
    value = request.GET.get(name, "")
    return value if value in choices else default


def query_flag(request: HttpRequest, name: str) -> bool:
    """True when the parameter is present with a value (`?thanks=1`)."""
    return bool(request.GET.get(name, ""))


def query_texts(request: HttpRequest, name: str, *, max_count: int, max_length: int = MAX_TEXT_LENGTH) -> list[str]:
    """The distinct non-empty values of a repeated parameter (`?n=a&n=b`), in order, each cut to
    max_length; at most max_count + 1 of them, so a caller can tell "too many" without reading thousands."""
    values = []
    for value in request.GET.getlist(name):
        value = value.strip()[:max_length]
        if value and value not in values:
            values.append(value)
            if len(values) > max_count:
                break
    return values
