"""Server-rendered SVG charts with axes: geometry here, markup in templates/coaching/partials/*_chart.html.

The member's progress page and the coach's client pages draw the same charts (coaching imports
this module; the tracker never imports coaching). Every picture has a plot area inside margins
that hold the axes' labels: values on the left (0 up to the goal's target, or counts of
interactions), dates below. The dates are datetime.date values here and are written by the
template through the reader's locale (`ldate`), never with a fixed pattern.

Coordinates are returned as strings formatted with a dot, so the template never localises them
("12,5" would be an invalid SVG number in Swedish). The pictures scale to the width of their
column (CSS: width 100%, at most 30rem), so the viewBox is small enough for the labels to stay
legible on a 320-px phone and not oversized on a desktop.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# The viewBox of every chart, and the margins that hold the axes' labels.
WIDTH = 320
HEIGHT = 180
MARGIN_LEFT = 44
MARGIN_RIGHT = 12
MARGIN_TOP = 12
MARGIN_BOTTOM = 28
# Where the labels sit: values just left of the y axis, dates just below the x axis.
LABEL_GAP = 6
DATE_LABEL_OFFSET = 18
# At most this many steps between value labels (seven labels), so that they never overlap.
MAX_VALUE_STEPS = 6
# Date labels under an x axis: the first day (or week), the last, and evenly spaced ones between.
DATE_TICKS = 3
DOT_RADIUS = 4
HEADROOM = 2


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Tick:
    """A label on an axis: `value` is a number (y axis) or a date (x axis); `pos` its coordinate."""

    value: int | datetime.date
    pos: str
    # SVG text-anchor of a date label: the outermost ones are kept inside the picture.
    anchor: str = "middle"
    # A date label between the first and the last: a narrow screen leaves it out (charts.css), as
    # the axis has no room for three long dates there.
    inner: bool = False


@dataclass
class Plot:
    """The picture (`view_width` × `view_height`, the SVG's viewBox) and the plot area inside its
    margins. Data, grid and axes are drawn in the plot area's own coordinates (0,0 at its top left,
    `width` × `height`), in a group moved by `translate`; the labels sit outside it, left of x = 0
    and below y = height."""

    view_width: int = WIDTH
    view_height: int = HEIGHT
    left: int = MARGIN_LEFT
    top: int = MARGIN_TOP
    width: int = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    height: int = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    @property
    def translate(self) -> str:
        return f"translate({self.left} {self.top})"

    @property
    def value_label_x(self) -> str:
        return _n(-LABEL_GAP)

    @property
    def date_label_y(self) -> str:
        return _n(self.height + DATE_LABEL_OFFSET)

    def y(self, value: float, top_value: float) -> float:
        # The top value stays HEADROOM below the plot's top, so its line is never cut in half.
        return self.height - (self.height - HEADROOM) * (value / top_value if top_value else 0)


def value_ticks(top: int, *, include: int | None = None) -> list[int]:
    """0 … `top` in round steps (1, 2, 5, 10, 20, 50 …), at most MAX_VALUE_STEPS of them, always
    ending at `top`; `include` (a goal's target) is added if the steps miss it."""
    top = max(top, 1)
    step = 1
    multipliers = (2, 2.5, 2)  # 1 → 2 → 5 → 10 → 20 → 50 …
    index = 0
    while top / step > MAX_VALUE_STEPS:
        step = int(step * multipliers[index % 3])
        index += 1
    values = list(range(0, top + 1, step))
    # The top is always labelled; a step value too close below it would overlap its label.
    if values[-1] != top:
        if top - values[-1] < step / 2:
            values.pop()
        values.append(top)
    if include is not None and include not in values:
        values = sorted({*values, include})
    return values


def _date_anchor(index: int, count: int) -> str:
    if count > 1 and index == 0:
        return "start"
    if count > 1 and index == count - 1:
        return "end"
    return "middle"


# --- Interactions per week ------------------------------------------------------------------------


@dataclass
class Bar:
    week: datetime.date
    count: int
    x: str
    y: str
    width: str
    height: str


@dataclass
class BarChart:
    # The plot area, whose coordinates the bars use; the whole picture is plot.view_width × view_height.
    width: int
    height: int
    bars: list[Bar]
    total: int
    peak: int
    baseline: str = field(default="")
    plot: Plot = field(default_factory=Plot)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)


def week_starts(today: datetime.date, weeks: int = 12) -> list[datetime.date]:
    """The Mondays of the last `weeks` weeks, oldest first; the last is this week's."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    return [this_monday - datetime.timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def weekly_bars(counts_by_week: list[tuple[datetime.date, int]], *, gap: float = 4) -> BarChart:
    """One bar per week, on axes: `counts_by_week` is [(monday, count)], oldest first.

    The y axis counts interactions from 0 to the busiest week (at least 1); the x axis names the
    first week, the current one and one between.
    """
    plot = Plot()
    peak = max((count for _week, count in counts_by_week), default=0)
    ticks = value_ticks(peak)
    top_value = ticks[-1]
    slot = plot.width / max(len(counts_by_week), 1)
    # DATE_TICKS week labels: the first week, the current one and evenly spaced ones between (no
    # more, or the longest month names, Finnish "27. marraskuuta", would overlap).
    last = len(counts_by_week) - 1
    labelled = sorted({round(last * i / (DATE_TICKS - 1)) for i in range(DATE_TICKS)}) if last > 0 else [0]
    bars = []
    for index, (week, count) in enumerate(counts_by_week):
        # An empty week still shows a one-unit stub, so "no activity" reads as a week, not a gap.
        bar_height = max(1.0, plot.height - plot.y(count, top_value))
        bars.append(
            Bar(
                week=week,
                count=count,
                x=_n(index * slot + gap / 2),
                y=_n(plot.height - bar_height),
                width=_n(max(slot - gap, 1)),
                height=_n(bar_height),
            )
        )
    x_ticks = []
    for position, index in enumerate(labelled):
        anchor = _date_anchor(position, len(labelled))
        # An outer label starts (or ends) at its bar's outer edge, so that it stays inside the picture.
        pos = {"start": 0.0, "end": float(plot.width)}.get(anchor, (index + 0.5) * slot)
        x_ticks.append(
            Tick(
                value=counts_by_week[index][0],
                pos=_n(pos),
                anchor=anchor,
                inner=anchor == "middle" and len(labelled) > 1,
            )
        )
    return BarChart(
        width=plot.width,
        height=plot.height,
        bars=bars,
        total=sum(count for _week, count in counts_by_week),
        peak=peak,
        baseline=_n(plot.height),
        plot=plot,
        y_ticks=[Tick(value=value, pos=_n(plot.y(value, top_value))) for value in ticks],
        x_ticks=x_ticks,
    )


# --- A goal's progress over time ------------------------------------------------------------------


@dataclass
class Dot:
    day: datetime.date
    progress: int
    cx: str
    cy: str


@dataclass
class LineChart:
    # The plot area, whose coordinates the line and dots use; the picture is plot.view_width × view_height.
    width: int
    height: int
    points: str  # the step line; empty when there is a single point in time (a dot shows it)
    target_y: str
    start: datetime.date
    end: datetime.date
    rows: list[tuple[datetime.date, int]]  # [(date, progress)] for the text alternative
    latest: int
    target: int
    plot: Plot = field(default_factory=Plot)
    dots: list[Dot] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)

    @property
    def single_day(self) -> bool:
        return self.start == self.end


def progress_line(
    history: list[tuple[datetime.date, int]], *, target: int, start: datetime.date, end: datetime.date
) -> LineChart:
    """A step line of a goal's progress from `start` to `end`, a dot on each recorded day, and the
    target as a reference line; the y axis runs from 0 to the target (or higher progress).

    `history` is [(date, progress)] oldest first; before the first point the progress is 0. When
    everything happened on one day there is no line to draw: the chart shows that day's dot.
    """
    plot = Plot()
    top_value = max([target, *(progress for _day, progress in history)]) or 1
    ticks = value_ticks(top_value, include=target)
    # The picture always spans the whole history, whatever range the caller asked for.
    if history:
        start, end = min(start, history[0][0]), max(end, history[-1][0])
    span = (end - start).days

    def x(day: datetime.date) -> float:
        if span <= 0:
            return plot.width / 2
        offset = min(max((day - start).days, 0), span)
        return plot.width * offset / span

    def y(value: float) -> float:
        return plot.y(value, top_value)

    points: list[tuple[float, float]] = []
    current = 0
    if span > 0:
        points.append((x(start), y(0)))
        for day, progress in history:
            points.append((x(day), y(current)))
            points.append((x(day), y(progress)))
            current = progress
        points.append((x(end), y(current)))
    elif history:
        current = history[-1][1]
    if span > 0:
        days = sorted({start + datetime.timedelta(days=round(span * i / (DATE_TICKS - 1))) for i in range(DATE_TICKS)})
    else:
        days = [start]
    x_ticks = [Tick(value=day, pos=_n(x(day)), anchor=_date_anchor(i, len(days))) for i, day in enumerate(days)]
    for tick in x_ticks:
        tick.inner = len(x_ticks) > 1 and tick.anchor == "middle"
    return LineChart(
        width=plot.width,
        height=plot.height,
        points=" ".join(f"{_n(px)},{_n(py)}" for px, py in points),
        target_y=_n(y(target)),
        start=start,
        end=end,
        rows=list(history),
        latest=current,
        target=target,
        plot=plot,
        dots=[Dot(day=day, progress=progress, cx=_n(x(day)), cy=_n(y(progress))) for day, progress in history],
        y_ticks=[Tick(value=value, pos=_n(y(value))) for value in ticks],
        x_ticks=x_ticks,
    )
