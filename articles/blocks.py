"""Blocks that act: a line `[[checklist]]` in a guide's Markdown shows the live checklist.

rookie/lib/markdown.py knows no block: it turns `[[name]]`, for the names in GUIDE_BLOCKS, into an
empty placeholder element that survives sanitizing (`block_placeholder`). Here, after the stored
HTML has been sanitized and its links resolved, each placeholder is replaced by its template,
rendered in the reader's language from live data, so a change to the checklist shows in every
guide without saving them again (articles/signals.py makes cached guide pages stale).
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from networks.models import Criterion
from rookie.lib.markdown import block_placeholder

CHECKLIST = "checklist"
GUIDE_BLOCKS = frozenset({CHECKLIST})


def _checklist(language: str) -> str:
    # Criterion's translated fields fall back along the language chain (modeltranslation).
    return render_to_string(
        "articles/blocks/checklist.html", {"criteria": list(Criterion.objects.all()), "language": language}
    )


RENDERERS = {CHECKLIST: _checklist}


def fill_blocks(html: str, language: str) -> SafeString:
    """Sanitized HTML with each block placeholder replaced by that block, for a reader of `language`.
    One query per kind of block present, none for a text without blocks."""
    for name in GUIDE_BLOCKS:
        placeholder = block_placeholder(name)
        if placeholder in html:
            with translation.override(language):
                html = html.replace(placeholder, RENDERERS[name](language))
    # Safe: the input was sanitized; what replaces a placeholder is an autoescaped template.
    return mark_safe(html)
