"""The catalogues follow docs/glossary.md.

The glossary's "Key terms" table gives, for a msgid (in backticks), its msgstr in sv, da and fi;
its "Words not to use" table lists words no msgstr in that language may contain (an anglicism such
as Swedish "tracker", or an odd word such as "Sällskapsklubb"). The .po files are parsed here (no
polib in the venv); the compiled .mo is read through Django's gettext, so a stale .mo fails too.
"""

import re
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LANGUAGES = ("sv", "da", "fi")
NOT_CHECKED = "—"

# The key terms, each of which must have a checked row (tracker, follow-up, event, network,
# checklist, goal, coach, keep in touch) — plus the byline, which was wrong in Danish.
REQUIRED_TERMS = {
    "Tracker",
    "My tracker",
    "Follow-up",
    "Follow-ups",
    "Event",
    "Events",
    "Networks",
    "My networks",
    "The checklist",
    "Goals",
    "Coach",
    "Coaching",
    "Keep in touch",
    "You",
}


def _table(text, heading):
    """The rows (lists of cells) of the first Markdown table after `## heading`."""
    section = text.split(f"## {heading}\n", 1)[1]
    rows = []
    for line in section.splitlines():
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-: "):
            continue  # the |---| separator
        rows.append(cells)
    return rows[1:]  # without the header row


def glossary():
    """({msgid: {lang: msgstr}}, {lang: [forbidden word, ...]}) from docs/glossary.md."""
    text = GLOSSARY.read_text(encoding="utf-8")
    terms = {}
    for term, _en, sv, da, fi, *_why in _table(text, "Key terms"):
        match = re.fullmatch(r"`(.+)`", term)
        if match:
            terms[match.group(1)] = {
                lang: cell for lang, cell in zip(LANGUAGES, (sv, da, fi), strict=True) if cell != NOT_CHECKED
            }
    forbidden = {lang: [] for lang in LANGUAGES}
    for lang, word, _instead in _table(text, "Words not to use"):
        forbidden[lang].append(word)
    return terms, forbidden


def _unescape(text):
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def parse_po(text):
    """Entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr (list of forms), header."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        entry, current = {}, None
        for line in block.splitlines():
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                entry[current] = match.group(2)
            elif line.startswith('"') and current:
                entry[current] += line[1:-1]
        if "msgid" not in entry:
            continue
        forms = [value for key, value in sorted(entry.items()) if key.startswith("msgstr")]
        entries.append(
            {
                "msgctxt": _unescape(entry["msgctxt"]) if "msgctxt" in entry else None,
                "msgid": _unescape(entry["msgid"]),
                "msgid_plural": _unescape(entry.get("msgid_plural", "")),
                "msgstr": [_unescape(form) for form in forms],
            }
        )
    return entries


def catalogue(lang):
    return parse_po((ROOT / "locale" / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8"))


PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def forbidden_words_in(entries, words):
    """(msgid, word, msgstr) for each msgstr that uses one of `words` as a whole word, any case."""
    if not words:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")\b", re.IGNORECASE)
    found = []
    for entry in entries:
        if not entry["msgid"]:
            continue  # the header
        for msgstr in entry["msgstr"]:
            # "%(event)s" is a placeholder, not the English word.
            match = pattern.search(PLACEHOLDER.sub(" ", msgstr))
            if match:
                found.append((entry["msgid"], match.group(1), msgstr))
    return found


def test_the_glossary_has_the_key_terms_and_words_for_every_language():
    terms, forbidden = glossary()
    assert set(terms) >= REQUIRED_TERMS, REQUIRED_TERMS - set(terms)
    for term in REQUIRED_TERMS:
        assert set(terms[term]) == set(LANGUAGES), term
    for lang in LANGUAGES:
        assert "tracker" in forbidden[lang]
        assert "deadline" in forbidden[lang]
        assert "event" in forbidden[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_term_is_translated_with_the_glossarys_word(lang):
    terms, _forbidden = glossary()
    entries = {entry["msgid"]: entry for entry in catalogue(lang) if entry["msgctxt"] is None}
    wrong = {}
    for msgid, words in terms.items():
        if lang not in words:
            continue
        assert msgid in entries, f"{msgid!r} is in the glossary but not in the {lang} catalogue"
        if entries[msgid]["msgstr"] != [words[lang]]:
            wrong[msgid] = (entries[msgid]["msgstr"], words[lang])
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_says_the_same(lang):
    terms, _forbidden = glossary()
    with translation.override(lang):
        said = {msgid: translation.gettext(msgid) for msgid, words in terms.items() if lang in words}
    assert said == {msgid: words[lang] for msgid, words in terms.items() if lang in words}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_msgstr_uses_a_word_the_glossary_rules_out(lang):
    _terms, forbidden = glossary()
    assert forbidden_words_in(catalogue(lang), forbidden[lang]) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_are_those_of_the_language(lang):
    entries = catalogue(lang)
    header = entries[0]
    assert header["msgid"] == ""
    # Swedish, Danish and Finnish: one form for exactly one, another for everything else (0 too).
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"][0]
    for entry in entries[1:]:
        if entry["msgid_plural"]:
            assert len(entry["msgstr"]) == 2 and all(entry["msgstr"]), entry["msgid"]


def test_the_check_catches_an_english_word_reintroduced():
    """The scan itself: "Min tracker" is caught, a placeholder named like a forbidden word is not."""
    _terms, forbidden = glossary()
    entries = parse_po(
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "My tracker"\nmsgstr "Min tracker"\n\n'
        'msgid "Meet %(count)s new person at %(event)s"\nmsgid_plural "Meet %(count)s new people at %(event)s"\n'
        'msgstr[0] "Träffa %(count)s ny person på %(event)s"\n'
        'msgstr[1] "Träffa %(count)s nya personer på %(event)s"\n\n'
        'msgid "Due date"\nmsgstr "Deadline"\n'
    )
    found = forbidden_words_in(entries, forbidden["sv"])
    assert [(msgid, word.lower()) for msgid, word, _msgstr in found] == [
        ("My tracker", "tracker"),
        ("Due date", "deadline"),
    ]
