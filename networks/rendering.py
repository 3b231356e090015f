"""Small pieces of the networks pages written in Python: they appear dozens of times on a page
(every card, every row of a breakdown), where an included template costs far more than the HTML."""

from typing import Any

from django.template.defaultfilters import floatformat
from django.templatetags.l10n import unlocalize
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext


def score_html(value: float | None, count: int | None = None, label_id: str = "") -> SafeString:
    """An average on the 1–5 scale as a <meter> with the number beside it, and the number of
    evaluations when `count` is given; "Not rated yet" without a value. The meter's value is not
    localised: "3,8" is not a number to the browser."""
    if value is None:
        return format_html('<span class="meta">{}</span>', gettext("Not rated yet"))
    shown = floatformat(value, 1)
    labelled_by = format_html(' aria-labelledby="{}"', label_id) if label_id else ""
    # The translations are ours; only what goes into them is escaped (as blocktranslate does).
    number = mark_safe(gettext("%(score)s of 5") % {"score": escape(shown)})  # noqa: S308
    evaluations = ""
    if count is not None:
        counted = ngettext("%(count)s evaluation", "%(count)s evaluations", count) % {"count": localize(count)}
        evaluations = format_html(' <span class="meta">({})</span>', mark_safe(counted))  # noqa: S308
    return format_html(
        '<span class="score"><meter min="1" max="5" low="2.5" high="3.5" optimum="5" value="{}"{}>{}</meter>\n'
        '<span class="score-number">{}</span>{}</span>',
        unlocalize(value),
        labelled_by,
        shown,
        number,
        evaluations,
    )


def status_badge(label: str) -> SafeString:
    """The card's badge with the member's own status in the network ("You: member")."""
    text = mark_safe(gettext("You: %(status)s") % {"status": escape(label)})  # noqa: S308 (our translation)
    return format_html('<span class="badge badge--ok">{}</span>', text)


def fit_term(slug: str, fit: float | None) -> SafeString:
    """The card's "Fit for me" entry of its scores list, for a member."""
    label_id = f"fit-{slug}"
    return format_html(
        '<div><dt id="{}">{}</dt>\n        <dd>{}</dd></div>',
        label_id,
        gettext("Fit for me"),
        score_html(fit, None, label_id),
    )


def own_score_html(score: Any) -> SafeString:
    """The member's own score (and private note) under a criterion on a network's page."""
    text = mark_safe(gettext("Your score: %(score)s") % {"score": escape(localize(score.score))})  # noqa: S308
    note = format_html(' — <span class="meta">{}</span>', score.note) if score.note else ""
    return format_html('<p class="own-score">{}{}</p>', text, note)
