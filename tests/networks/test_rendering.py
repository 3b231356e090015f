"""Pieces written in Python (networks/rendering.py) write what the templates they replace wrote."""

import pytest
from django.template import engines
from django.utils import translation

from networks.rendering import score_html

# What templates/networks/partials/score.html wrote before scores were written in Python.
SCORE_TEMPLATE = (
    "{% load i18n l10n %}{% if value is not None %}"
    '<span class="score"><meter min="1" max="5" low="2.5" high="3.5" optimum="5" value="{{ value|unlocalize }}"'
    '{% if label_id %} aria-labelledby="{{ label_id }}"{% endif %}>{{ value|floatformat:1 }}</meter>\n'
    '<span class="score-number">{% blocktranslate with score=value|floatformat:1 %}{{ score }} of 5'
    '{% endblocktranslate %}</span>{% if count is not None %} <span class="meta">({% blocktranslate count '
    "count=count %}{{ count }} evaluation{% plural %}{{ count }} evaluations{% endblocktranslate %})</span>"
    '{% endif %}</span>{% else %}<span class="meta">{% translate "Not rated yet" %}</span>{% endif %}'
)


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
@pytest.mark.parametrize("value", [None, 1.0, 3.25, 4.15, 2.05, 3.333333, 4.95, 4.1921487603305785, 5.0])
def test_a_score_is_written_as_the_template_wrote_it(language, value):
    template = engines["django"].from_string(SCORE_TEMPLATE)
    with translation.override(language):
        for count in (None, 0, 1, 2, 1234):
            for label_id in ("", "fit-lund", 'a"<b'):
                expected = template.render({"value": value, "count": count, "label_id": label_id})
                assert score_html(value, count, label_id) == expected


def test_a_score_takes_the_decimal_mark_of_the_language_it_is_written_in():
    # The formatted numbers are kept per language: the second language must not get the first's.
    written = {}
    for language in ("en", "sv", "da", "fi", "en"):
        with translation.override(language):
            written[language] = score_html(3.25)
    assert ">3.3</meter>" in written["en"]
    assert all(">3,3</meter>" in written[language] for language in ("sv", "da", "fi"))
