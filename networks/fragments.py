"""Pieces of the networks pages that are the same for every reader of a language: a network's
card in the catalogue, a page of results (the number of matching networks and the page's ids), the
filter form and its cities, a network's page (its public part, found by its address, with what the
view needs to check who may see it and to finish it, so that a kept page costs no query).

They are kept, when settings.FRAGMENT_CACHE is on (with a cache all processes share, like the
page cache), in the shared cache under the networks group's generation (networks/pagecache.py),
which networks/signals.py bumps whenever anything they show changes (a network, an evaluation and
so the aggregates, a criterion, a place, a member's display name): a change shows at once. Each
entry records the generation it was rendered under, so one get_many reads the generation and every
piece a page needs. What is personal (a member's fit, their membership status, their evaluation)
is never in a piece: the views put it between the pieces (see `slot` and `cut`).

The page cache (rookie/lib/pagecache.py) stores whole anonymous pages; these pieces are what
pages rendered without it (members' pages, PAGE_CACHE off, a search) reuse.

Each process also holds the pieces it has read or rendered (a bounded number, the least recently
used dropped first), with the generation each belongs to; a request reads the generation once,
with its first pieces, and then takes what the process holds for that generation, asking the
shared cache only for the rest. A catalogue page asked the shared cache five times (cities, count,
ranking, cards, filter form); now once when the process holds its pieces. The rule is unchanged:
a piece is used only under the generation it was rendered under, so a change shows at once in
every process. Changes made during a request (generation_bumped) make it read the number again.
"""

import functools
import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.signals import request_finished, request_started, setting_changed
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

from networks import pagecache as network_pages
from rookie.lib.cache_guard import tolerant_cache as cache
from rookie.lib.counters import generation_read
from rookie.lib.pagecache import fragments_on, generation_bumped

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# A day: pieces of a network nobody looks at are dropped; a generation bump makes them stale anyway.
FRAGMENT_SECONDS = 24 * 60 * 60


@functools.cache
def _code_version() -> str:
    """A digest of what renders the pieces (templates, code, translations): after a deploy that
    changes any of it, pieces rendered by the old code are not used."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    sources = [
        *(root / "templates" / "networks").rglob("*.html"),
        *(root / "networks").rglob("*.py"),
        *(root / "rookie" / "templatetags").glob("*.py"),
        *(root / "locale").rglob("*.mo"),
    ]
    for path in sorted(sources):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _reader() -> str:
    # The reader's language and time zone (dates, a comment's, are shown in it), with the code's
    # version: what every key of a call shares.
    language = translation.get_language() or settings.LANGUAGE_CODE
    return f"{_code_version()}|{language}|{timezone.get_current_timezone_name()}"


def _key(name: str, part: object, reader: str) -> str:
    raw = f"{reader}|{part!r}"
    return f"networks:fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"


# --- What this process holds ------------------------------------------------------------------------

# Enough for every card of a large catalogue in the four languages, and the rest of its pieces.
HELD_ENTRIES = 10_000
_MISSING = object()


class _Held:
    """Pieces by key, each with the generation it was rendered under; bounded, least recently used
    out first. Shared by the process's threads."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[int, object]] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def get(self, key: str, generation: int) -> object:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != generation:
                return _MISSING
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, generation: int, value: object) -> None:
        with self._lock:
            self._entries[key] = (generation, value)
            self._entries.move_to_end(key)
            while len(self._entries) > HELD_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_held = _Held()
# The generation this thread's request has read (None: not yet, or not in a request).
_request = threading.local()


@receiver(request_started, dispatch_uid="networks_fragments_request_started")
def _request_starts(**kwargs: object) -> None:
    _request.active, _request.generation = True, None


@receiver(request_finished, dispatch_uid="networks_fragments_request_finished")
def _request_ends(**kwargs: object) -> None:
    # Outside a request (a command, a worker) the number is read on every call.
    _request.active, _request.generation = False, None


@receiver(generation_bumped, dispatch_uid="networks_fragments_generation_bumped")
def _generation_moved(**kwargs: object) -> None:
    _request.generation = None


@receiver(setting_changed, dispatch_uid="networks_fragments_settings_changed")
def _settings_changed(**kwargs: object) -> None:
    _held.clear()  # a test's other cache or settings: nothing held under the old ones is used


def _fetch(keys: list[str], with_generation: bool) -> tuple[int | None, dict[str, object]]:
    """The shared cache's entries for `keys`, and the generation when asked for (one round trip)."""
    generation_key = network_pages.GROUP.generation_key
    asked = [generation_key, *keys] if with_generation else keys
    found = cache.get_many(asked) if asked else {}
    if not with_generation:
        return None, found
    generation = generation_read(generation_key, cache=cache, known=found.get(generation_key))
    # 0: the cache did not answer. Nothing is then held or used from what is held: changes made
    # while it is away could not move the number on.
    if getattr(_request, "active", False):
        _request.generation = generation or None
    return generation, found


def fragments(name: str, parts: Iterable[K], render: Callable[[list[K]], dict[K, V]]) -> dict[K, V]:
    """{part: value} for the pieces called `name` identified by `parts` (within the reader's
    language and time zone); render(missing parts) gives those missing or stale, which are stored.
    A value holds rendered HTML (a str, or the parts `cut` makes of it; the caller marks it safe)
    or data every reader shares. A part render() leaves out (gone meanwhile) is left out."""
    if not fragments_on():
        # A per-process cache would keep serving what another process's change made stale.
        wanted = list(dict.fromkeys(parts))
        rendered = render(wanted)
        return {part: rendered[part] for part in wanted if part in rendered}
    reader = _reader()
    keys = {part: _key(name, part, reader) for part in dict.fromkeys(parts)}
    known = getattr(_request, "generation", None)
    # One round trip for what the process does not hold (with the generation, on a request's first
    # call); a second only for what it holds under an older generation (after a change).
    asked = [key for key in keys.values() if key not in _held]
    read, found = _fetch(asked, with_generation=known is None)
    generation = known if known is not None else read
    values: dict[K, V] = {}
    if generation:
        for part, key in keys.items():
            held = _held.get(key, generation)
            if held is not _MISSING:
                values[part] = held  # type: ignore[assignment]
    asked_set = set(asked)
    stale = [key for part, key in keys.items() if part not in values and key not in asked_set]
    if stale:
        found = {**found, **_fetch(stale, with_generation=False)[1]}
    for part, key in keys.items():
        entry = found.get(key)
        if part not in values and entry is not None and entry[0] == generation:
            values[part] = entry[1]
            if generation:
                _held.put(key, generation, entry[1])
    missing = [part for part in keys if part not in values]
    if missing:
        rendered = render(missing)
        for part in missing:
            if part in rendered:
                # Stored under the generation read before rendering: a change made meanwhile wins.
                cache.set(keys[part], (generation, rendered[part]), FRAGMENT_SECONDS)
                if generation:
                    _held.put(keys[part], generation, rendered[part])
        values.update(rendered)
    return {part: values[part] for part in keys if part in values}


def fragment(name: str, part: Hashable, render: Callable[[], V]) -> V:
    """One piece (see fragments)."""
    return fragments(name, [part], lambda _missing: {part: render()})[part]


# Marks where a piece leaves room for what is personal. Random per process, so no content (a
# network's name, a comment) can contain one; pieces are cut at them before they are stored.
_SLOT = f"\x00slot-{secrets.token_hex(8)}-"


def slot(name: str) -> SafeString:
    """Render this into a piece where a personal part goes; `cut` splits the piece there."""
    return mark_safe(f"{_SLOT}{name}\x00")  # noqa: S308 (a marker without markup)


def cut(html: str, names: Iterable[str]) -> tuple[str, ...]:
    """The rendered piece cut at its slots, in order: one part more than there are names."""
    parts = [str(html)]
    for name in names:
        head, marker, tail = parts.pop().partition(f"{_SLOT}{name}\x00")
        if not marker:
            raise ValueError(f"the piece has no slot {name!r}")
        parts += [head, tail]
    return tuple(parts)
