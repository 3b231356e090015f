"""Which translations of a guide lag behind their source.

A guide has a source language (`Article.source_language`, by default the first language it was
written in, in the order en, sv, da, fi). Every save records a digest of the source version's
title and text (`source_digest`) and keeps that text (`SourceText`, one row per distinct text) so
a later change can be shown as a diff. Each other language version records the digest of the
source it was translated from (`translated_from[code]`): set when that version is created, when its
own title or text changes in a save, and when an editor marks it updated; left alone otherwise.

A version is stale when its recorded digest differs from the current one: computed, never stored.
Texts are compared with line endings normalised (a browser sends CRLF) and outer whitespace
stripped, so saving the admin form unchanged changes nothing.
"""

import difflib
import hashlib
from dataclasses import dataclass, field

from rookie.lib.languages import LANGUAGE_CODES

SOURCE, CURRENT, STALE, MISSING = "source", "current", "stale", "missing"
# Lines of context around each change in a diff.
DIFF_CONTEXT = 1


def normalized(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def text_digest(language: str, title: str | None, body: str | None) -> str:
    data = "\n".join((language, normalized(title), normalized(body))).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def text_fields() -> list[str]:
    """What `track_translations` compares with the stored guide."""
    return [f"{name}_{code}" for name in ("title", "body") for code in LANGUAGE_CODES] + ["source_language"]


@dataclass(frozen=True)
class TranslationState:
    language: str
    status: str  # SOURCE, CURRENT, STALE or MISSING
    diff: tuple[str, ...] = field(default=())  # for STALE: the source's changes since (unified diff)
    diff_known: bool = True  # False: the source text it was translated from was not kept

    @property
    def is_stale(self) -> bool:
        return self.status == STALE


class TranslationTracking:
    """Mixed into Article (articles/models.py); relies on its fields and `source_texts`."""

    def default_source_language(self) -> str:
        return next((code for code in LANGUAGE_CODES if self.has_version(code)), "")

    def source_body(self) -> str:
        return normalized(getattr(self, f"body_{self.source_language}", ""))

    def track_translations(self, previous: dict | None) -> None:
        """Before a save: the source digest and each version's record. `previous` holds the
        stored titles and texts (None for a new guide)."""
        if not self.source_language or not self.has_version(self.source_language):
            self.source_language = self.default_source_language()
        source = self.source_language
        if not source:
            self.source_digest, self.translated_from = "", {}
            return
        self.source_digest = text_digest(
            source, getattr(self, f"title_{source}", ""), getattr(self, f"body_{source}", "")
        )
        records = {code: value for code, value in (self.translated_from or {}).items() if code in self.languages}
        if previous is not None and previous.get("source_language") not in ("", None, source):
            # Another language became the source: the records compared with the old one mean
            # nothing now; every version counts as translated from the new source as it is.
            records = {}
        records.pop(source, None)
        for code in self.languages:
            if code == source:
                continue
            edited = previous is None or any(
                normalized(previous.get(f"{name}_{code}")) != normalized(getattr(self, f"{name}_{code}", ""))
                for name in ("title", "body")
            )
            if code not in records or edited:
                records[code] = self.source_digest
        self.translated_from = records

    def keep_source_text(self) -> None:
        """After a save: the source text under its digest, for later diffs."""
        if self.source_digest:
            self.source_texts.get_or_create(
                digest=self.source_digest,
                defaults={"language": self.source_language, "body": self.source_body()},
            )

    def translation_states(self, *, with_diffs: bool = False) -> list[TranslationState]:
        states = []
        kept = {}
        if with_diffs:
            wanted = set((self.translated_from or {}).values()) - {self.source_digest}
            kept = dict(self.source_texts.filter(digest__in=wanted).values_list("digest", "body")) if wanted else {}
        for code in LANGUAGE_CODES:
            if code == self.source_language:
                states.append(TranslationState(code, SOURCE))
            elif not self.has_version(code):
                states.append(TranslationState(code, MISSING))
            elif (self.translated_from or {}).get(code, self.source_digest) == self.source_digest:
                states.append(TranslationState(code, CURRENT))
            elif not with_diffs:
                states.append(TranslationState(code, STALE))
            else:
                recorded = self.translated_from[code]
                if recorded in kept:
                    states.append(TranslationState(code, STALE, source_diff(kept[recorded], self.source_body())))
                else:
                    states.append(TranslationState(code, STALE, diff_known=False))
        return states

    def stale_languages(self) -> list[str]:
        return [state.language for state in self.translation_states() if state.is_stale]

    def missing_languages(self) -> list[str]:
        return [state.language for state in self.translation_states() if state.status == MISSING]


def source_diff(before: str, after: str) -> tuple[str, ...]:
    """What changed in the source text, as unified-diff lines (shown escaped, never as HTML)."""
    lines = difflib.unified_diff(
        normalized(before).split("\n"), normalized(after).split("\n"), lineterm="", n=DIFF_CONTEXT
    )
    # Blank lines between paragraphs carry no change a translator needs to see.
    return tuple(line for line in lines if not line.startswith(("---", "+++")) and line[1:].strip())
