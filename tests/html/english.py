"""Finding English interface text on a Swedish, Danish or Finnish page.

What counts: a piece of an English msgid of the page language's catalogue (ours and Django's own,
form errors included) whose translation differs, found in the page's visible text or in the
attributes a person hears or reads (aria-label, title, placeholder, alt, a button's value). The
pieces are the msgid's text between its placeholders and markup, of at least two words, or one word
of six letters or more; a piece that the language itself writes (it occurs in one of its
translations: "Rookie", "LinkedIn", "online") does not count. Text marked with another language
(`lang="en"` on a guide shown as a fallback, a language's own name in the switcher) is not the
page's language and is left out, as is everything inside <script> and <style>.
"""

import datetime
import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from django.utils.translation import trans_real

ROOT = Path(__file__).resolve().parents[2]
EMAIL_TEMPLATES = ROOT / "templates" / "email"

_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>|\n")
_SPOKEN_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
_SKIPPED_TAGS = {"script", "style", "template"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _pieces(msgid: str) -> list[str]:
    pieces = []
    for piece in _PLACEHOLDER.split(msgid):
        piece = piece.strip(" .,:;!?…()“”\"'–-·/")
        words = piece.split()
        if (len(words) >= 2 and len(piece) >= 10) or (len(words) == 1 and len(piece) >= 6 and piece.isalpha()):
            pieces.append(piece)
    return pieces


@functools.cache
def english_pieces(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(single English words, English phrases) that the catalogue of `language` translates."""
    catalog = trans_real.translation(language)._catalog  # noqa: SLF001 (the merged catalogue: ours and Django's)
    translated = []
    msgids = []
    for key, msgstr in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04", 1)[-1]  # a pgettext key is "context\x04msgid"
        if not msgid or msgstr == msgid:
            continue
        msgids.append(msgid)
        translated.append(msgstr.lower())
    own_text = "\n".join(translated)
    words, phrases = set(), set()
    for msgid in msgids:
        for piece in _pieces(msgid):
            lowered = piece.lower()
            # The plain substring test first: most pieces are not in the translations at all, and
            # compiling a pattern for each of thousands of pieces took seconds per language.
            if lowered in own_text and re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", own_text):
                continue  # the language writes it too
            (phrases if " " in piece else words).add(piece)
    return frozenset(words), tuple(sorted(phrases))


class _VisibleText(HTMLParser):
    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, shown in the page's language)
        self.parts: list[str] = []

    def _shown(self) -> bool:
        return not self.stack or self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        shown = self._shown() and tag not in _SKIPPED_TAGS
        lang = attributes.get("lang")
        if lang is not None and tag != "html":
            shown = shown and lang.split("-")[0] == self.language
        if shown:
            self.parts += [value for name, value in attrs if name in _SPOKEN_ATTRIBUTES and value]
            if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
                self.parts.append(attributes["value"])
        if tag not in _VOID_TAGS:
            self.stack.append((tag, shown))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._shown():
            self.parts.append(data)


def page_language(file: Path) -> str | None:
    match = re.search(r'<html[^>]*\blang="([a-z]{2})', file.read_text(encoding="utf-8")[:500])
    return match.group(1) if match else None


_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+")
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _phrases_with_words(language: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((phrase, frozenset(_WORD.findall(phrase))) for phrase in english_pieces(language)[1])


def english_in_text(text: str, language: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The English interface pieces in `text` (already visible text). E-mail addresses, links and
    `names` (what members and editors named things: networks, people) are content, not interface."""
    words, phrases = english_pieces(language)
    text = _ADDRESSES.sub(" ", " ".join(text.split()))
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text_words = set(re.findall(_WORD, text))
    found = [word for word in text_words if word in words]
    for phrase, phrase_words in _phrases_with_words(language):
        # A phrase standing alone in the text has each of its words as a word of the text: most
        # phrases fail that cheap test, and only the rest are searched for.
        if not phrase_words <= text_words:
            continue
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                found.append(phrase)
                break
            start = text.find(phrase, start + 1)
    return sorted(set(found))


def english_in(file: Path, language: str, names: frozenset[str] = frozenset()) -> list[str]:
    parser = _VisibleText(language)
    parser.feed(file.read_text(encoding="utf-8"))
    return english_in_text(" ".join(parser.parts), language, names)


class _Named(SimpleNamespace):
    # Some e-mails print a variable whole ("write to {{ contact }}"), others its attributes.
    def __str__(self) -> str:
        return str(getattr(self, "name", ""))


def _contexts() -> list[dict]:
    """Every e-mail's variables, once with each branch of its {% if %}s taken and once with none."""
    today = datetime.date(2026, 11, 27)
    contact = _Named(name="Åsa Berg", company="Vattenfall")
    item = SimpleNamespace(title="Tacka för kaffet", contact=contact, due_date=today)
    full = {
        "name": "Åsa",
        "url": "https://rookie.example/x/",
        "site_url": "https://rookie.example",
        "opt_out_url": "https://rookie.example/off/",
        "dashboard_url": "https://rookie.example/me/",
        "reset_url": "https://rookie.example/reset/",
        "login_url": "https://rookie.example/login/",
        "email": "asa@example.se",
        "count": 2,
        "scope": "progress",
        "date": today,
        "title": "Mål",
        "target": 3,
        "contact": contact,
        "suggestion": SimpleNamespace(title="Tre kaffe", note="Prova!", target=3, due_date=today),
        "comment": SimpleNamespace(goal=SimpleNamespace(title="Mål"), parent_id=1, body="Bra jobbat!"),
        "author": SimpleNamespace(display_name="Mikael"),
        "digest": SimpleNamespace(nudges=[contact], due_today=[item], overdue=[item], more_nudges=2, more_follow_ups=2),
        "evaluations_kept": True,
        "owner": SimpleNamespace(preferred_language="sv", display_name="Åsa"),
        "recipient": SimpleNamespace(preferred_language="sv", display_name="Åsa"),
        "approved": True,
        "network": _Named(name="Lunds Teknologer"),
        "answer": SimpleNamespace(reason="Välkommen!"),
        "unsubscribe_url": "https://rookie.example/mail/off/x/",
        "coach": SimpleNamespace(display_name="Mikael"),
        "session": SimpleNamespace(pk=7, held_on=today),
        "actions": [
            SimpleNamespace(is_goal=True, title="Tre kaffe", target=3, due_date=today),
            SimpleNamespace(is_goal=False, title="Tacka Eva", target=1, due_date=today),
        ],
    }
    empty = {
        **full,
        "suggestion": SimpleNamespace(title="Tre kaffe", note="", target=3, due_date=None),
        "comment": SimpleNamespace(goal=None, parent_id=None, body="Bra jobbat!"),
        "digest": SimpleNamespace(nudges=[], due_today=[], overdue=[], more_nudges=0, more_follow_ups=0),
        "evaluations_kept": False,
        "count": 1,
        "approved": False,
        "answer": SimpleNamespace(reason=""),
        "actions": [],
    }
    return [full, empty]


EMAIL_CONTEXTS = _contexts()
