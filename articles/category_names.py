"""Category names Rookie's guides use, in every language: what fills in a category that was created
in one language only (by the importer, from a document's `category:`), so it never shows in
Swedish on an English or Finnish page. The data migration 0005 fills existing categories from the
same table; a name not in it stays as written and falls back along the language chain
(Category.name_for).

Each row is one category; a name matches in any of its languages, case-insensitively.
"""

KNOWN_CATEGORY_NAMES = (
    {"en": "Career development", "sv": "Karriärutveckling", "da": "Karriereudvikling", "fi": "Urakehitys"},
    {"en": "Career tips", "sv": "Karriärtips", "da": "Karrieretips", "fi": "Uravinkit"},
    {"en": "Careers", "sv": "Karriär", "da": "Karriere", "fi": "Ura"},
    {"en": "Networking", "sv": "Nätverkande", "da": "Netværk", "fi": "Verkostoituminen"},
    {
        "en": "Networking basics",
        "sv": "Grunderna i nätverkande",
        "da": "Det grundlæggende om netværk",
        "fi": "Verkostoitumisen perusteet",
    },
)


def known_names(name: str) -> dict[str, str]:
    """Every language's name of the known category one of whose names is `name` ({} if none)."""
    folded = name.strip().casefold()
    for row in KNOWN_CATEGORY_NAMES:
        if any(value.casefold() == folded for value in row.values()):
            return dict(row)
    return {}
