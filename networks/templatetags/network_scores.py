"""{% score value count label_id %}: networks.rendering.score_html in templates."""

from django import template
from django.utils.safestring import SafeString

from networks.rendering import score_html

register = template.Library()


@register.simple_tag
def score(value: float | None, count: int | None = None, label_id: str = "") -> SafeString:
    return score_html(value, count, label_id or "")
