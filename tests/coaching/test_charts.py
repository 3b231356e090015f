"""The SVG charts' geometry: every coordinate inside the picture, written with a dot, in any language."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from accounts.coaching.charts import progress_line, week_starts, weekly_bars

DAY = datetime.date(2026, 11, 19)


def _floats(text):
    return [float(value) for value in text.replace(",", " ").split()]


@given(counts=st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=12))
def test_it_keeps_every_bar_inside_the_chart(counts):
    weeks = week_starts(DAY, len(counts))
    chart = weekly_bars(list(zip(weeks, counts, strict=True)))
    assert len(chart.bars) == len(counts)
    assert chart.total == sum(counts)
    for bar in chart.bars:
        x, y, width, height = (float(value) for value in (bar.x, bar.y, bar.width, bar.height))
        assert x >= 0 and x + width <= chart.width + 0.01
        assert 1 <= height <= chart.height
        # y and height are each rounded to one decimal (±0.05), so their sum may be 0.1 off.
        assert y + height == pytest.approx(chart.height, abs=0.1 + 1e-9)
    tallest = max(chart.bars, key=lambda bar: bar.count)
    if tallest.count:
        assert float(tallest.height) == pytest.approx(chart.height - 2, abs=0.1)


def test_it_starts_weeks_on_mondays_ending_with_this_week():
    weeks = week_starts(DAY, 12)
    assert len(weeks) == 12
    assert all(week.weekday() == 0 for week in weeks)
    assert weeks[-1] == datetime.date(2026, 11, 16)
    assert weeks[0] == datetime.date(2026, 8, 31)


@given(
    points=st.lists(
        st.tuples(st.integers(min_value=-30, max_value=60), st.integers(min_value=0, max_value=1000)), max_size=20
    ),
    target=st.integers(min_value=1, max_value=1000),
    span=st.integers(min_value=0, max_value=400),
)
def test_it_keeps_the_progress_line_inside_the_chart(points, target, span):
    start = DAY - datetime.timedelta(days=span)
    history = sorted((DAY - datetime.timedelta(days=offset), progress) for offset, progress in points)
    chart = progress_line(history, target=target, start=start, end=DAY)
    values = _floats(chart.points)
    xs, ys = values[0::2], values[1::2]
    assert all(0 <= x <= chart.width for x in xs)
    assert all(0 <= y <= chart.height for y in ys)
    assert xs == sorted(xs)  # time only moves right
    assert 0 <= float(chart.target_y) <= chart.height
    assert chart.latest == (history[-1][1] if history else 0)


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_writes_svg_numbers_with_a_dot_in_every_language(language):
    chart = progress_line([(DAY, 1)], target=3, start=DAY - datetime.timedelta(days=7), end=DAY)
    bars = weekly_bars([(week, 1) for week in week_starts(DAY, 3)])
    with translation.override(language):
        html = render_to_string("coaching/partials/progress_chart.html", {"chart": chart, "uid": 1})
        html += render_to_string("coaching/partials/week_chart.html", {"chart": bars, "uid": 2})
    for attribute in ("points", "x", "y", "width", "height", "y1", "y2"):
        for value in re.findall(rf' {attribute}="([^"]*)"', html):
            assert "," not in value or attribute == "points", (attribute, value)
            float(value.split(",")[0].split()[0])
    assert '<title id="progress-chart-1-title">' in html
    assert 'aria-labelledby="week-chart-2-title"' in html
