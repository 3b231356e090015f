"""The one canonical form of an e-mail address, for storage, look-up, lock-outs and rate limits.

Two spellings that mean the same account must be one string everywhere: the database's look-up,
django-axes' lock-out counter and the rate limits. A case-insensitive query cannot give that:
PostgreSQL's UPPER() turns "ſ" (long s) into "S" and "ı" (dotless i) into "I", while Python's
lower() keeps them apart, so a look-alike spelling found the account but had a counter of its own.
So addresses are compared as exact strings after `canonical_email()`: Unicode NFKC (the Kelvin
sign becomes K, full-width letters plain ones), then case folding (ſ becomes s, ß becomes ss), and
NFKC again because folding can produce characters NFKC would have composed.

New addresses (sign-up, staff creating or changing a user) must also be plain ASCII as typed
(`email_is_plain()`): no look-alike letters, no mixed scripts. Django's validator already refuses
non-ASCII letters in the local part, except ones that IGNORECASE matches against a–z (ſ, ı, K);
a domain with letters such as å or ø is entered in its ASCII (xn--) form.

Rate limits count an address by `email_skeleton()`, broader still: accents dropped and common
look-alike letters (dotless i, Cyrillic and Greek homoglyphs) replaced by the letter they imitate,
so that no spelling gets a fresh counter. It is never used to find an account.
"""

import unicodedata


def canonical_email(value: str | None) -> str:
    """The form an address is stored, looked up and counted in: NFKC, case-folded, stripped."""
    text = unicodedata.normalize("NFKC", value or "")
    return unicodedata.normalize("NFKC", text.casefold()).strip()


def email_is_plain(value: str | None) -> bool:
    """True for an address that may be given to a new account: printable ASCII only, as typed."""
    text = (value or "").strip()
    return bool(text) and text.isascii() and text.isprintable()


# Letters that look like a-z but that neither NFKC nor case folding turn into them.
_HOMOGLYPHS = str.maketrans(
    {
        "\u0131": "i",  # dotless i
        "\u0237": "j",  # dotless j
        "\u0138": "k",  # kra
        "\u0430": "a",  # Cyrillic
        "\u0435": "e",
        "\u043e": "o",
        "\u0440": "p",
        "\u0441": "c",
        "\u0443": "y",
        "\u0445": "x",
        "\u0455": "s",
        "\u0456": "i",
        "\u0458": "j",
        "\u04bb": "h",
        "\u0501": "d",
        "\u03b1": "a",  # Greek
        "\u03b9": "i",
        "\u03ba": "k",
        "\u03bd": "v",
        "\u03bf": "o",
        "\u03c1": "p",
        "\u03c5": "u",
    }
)


def email_skeleton(value: str | None) -> str:
    """What rate limits count an address as: the canonical form without accents and with common
    look-alike letters replaced, so t\u0131m@ (dotless i) and tim@ share a counter. Counting only."""
    text = unicodedata.normalize("NFKD", canonical_email(value))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_HOMOGLYPHS)
