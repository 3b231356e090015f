"""Small pieces of the networks pages written in Python: they appear dozens of times on a page
(every card, every row of a breakdown), where an included template costs far more than the HTML."""

import functools
import html
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import localize, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext


def escape(value: object) -> str:
    # What django.utils.html.escape writes (it always escapes, like this), without its wrapper for
    # lazy strings, which cost more than the escaping on a catalogue of twenty cards.
    return html.escape(str(value))


def _one_decimal(value: float, language: str | None = None) -> str:
    # What {{ value|floatformat:1 }} writes (half up, the locale's decimal mark), at a fraction of
    # its cost: a member's catalogue writes twenty of these.
    tenths = Decimal(repr(value)).quantize(_TENTH, ROUND_HALF_UP)
    return _formatted_tenths(language or get_language(), tenths)


@functools.lru_cache(maxsize=64)
def _phrases(language: str | None) -> tuple[str, str, str]:
    # Our own translations, fixed for the life of the process: looked up once per language rather
    # than for each of a page's twenty cards (a gettext call reads the active language each time).
    # The caller passes the active language, which is what gettext here reads.
    return escape(gettext("Not rated yet")), gettext("%(score)s of 5"), escape(gettext("Fit for me"))


@functools.lru_cache(maxsize=1024)
def _formatted_tenths(language: str | None, tenths: Decimal) -> str:
    # Scores are averages on the 1–5 scale: some forty numbers per language, each formatted once.
    # The language is part of the key because number_format reads the active one's decimal mark.
    return number_format(tenths, 1)


_TENTH = Decimal("0.1")


def score_html(value: float | None, count: int | None = None, label_id: str = "") -> SafeString:
    """An average on the 1–5 scale as a <meter> with the number beside it, and the number of
    evaluations when `count` is given; "Not rated yet" without a value. The meter's value is not
    localised: "3,8" is not a number to the browser."""
    language = get_language()
    not_rated, out_of_five, _fit = _phrases(language)
    if value is None:
        return mark_safe(f'<span class="meta">{not_rated}</span>')  # noqa: S308 (escaped in _phrases)
    shown = escape(_one_decimal(value, language))
    labelled_by = f' aria-labelledby="{escape(label_id)}"' if label_id else ""
    # The translations are ours; only what goes into them is escaped (as blocktranslate does).
    number = out_of_five % {"score": shown}
    evaluations = ""
    if count is not None:
        counted = ngettext("%(count)s evaluation", "%(count)s evaluations", count) % {"count": escape(localize(count))}
        evaluations = f' <span class="meta">({counted})</span>'
    return mark_safe(  # noqa: S308 (every value above escaped)
        f'<span class="score"><meter min="1" max="5" low="2.5" high="3.5" optimum="5" value="{escape(repr(value))}"'
        f"{labelled_by}>{shown}</meter>\n"
        f'<span class="score-number">{number}</span>{evaluations}</span>'
    )


def status_badge(label: str) -> SafeString:
    """The card's badge with the member's own status in the network ("You: member")."""
    # f-strings, not format_html, here and below: twenty of each on a member's catalogue.
    text = gettext("You: %(status)s") % {"status": escape(label)}  # our translation; the label escaped
    return mark_safe(f'<span class="badge badge--ok">{text}</span>')  # noqa: S308


def fit_term(slug: str, fit: float | None) -> SafeString:
    """The card's "Fit for me" entry of its scores list, for a member."""
    label_id = f"fit-{slug}"
    score = score_html(fit, None, label_id)
    return mark_safe(  # noqa: S308 (the address and the label escaped, the score written by score_html)
        f'<div><dt id="{escape(label_id)}">{_phrases(get_language())[2]}</dt>\n        <dd>{score}</dd></div>'
    )


def own_score_html(score: Any) -> SafeString:
    """The member's own score (and private note) under a criterion on a network's page."""
    text = mark_safe(gettext("Your score: %(score)s") % {"score": escape(localize(score.score))})  # noqa: S308
    note = format_html(' — <span class="meta">{}</span>', score.note) if score.note else ""
    return format_html('<p class="own-score">{}{}</p>', text, note)
