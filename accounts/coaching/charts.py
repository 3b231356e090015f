"""Small server-rendered SVG charts: geometry here, markup in templates/coaching/partials/*_chart.html.

Coordinates are returned as strings formatted with a dot, so the template never localises them
("12,5" would be an invalid SVG number in Swedish).
"""

import datetime
from dataclasses import dataclass, field


def _n(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


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
    width: int
    height: int
    bars: list
    total: int
    peak: int
    baseline: str = field(default="")


def week_starts(today, weeks=12):
    """The Mondays of the last `weeks` weeks, oldest first; the last is this week's."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    return [this_monday - datetime.timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def weekly_bars(counts_by_week, *, width=240, height=48, gap=3):
    """One bar per week: `counts_by_week` is [(monday, count)], oldest first."""
    peak = max((count for _week, count in counts_by_week), default=0)
    slot = width / max(len(counts_by_week), 1)
    bars = []
    for index, (week, count) in enumerate(counts_by_week):
        # An empty week still shows a one-pixel stub, so "no activity" reads as a week, not a gap.
        bar_height = max(1.0, (height - 2) * count / peak) if peak else 1.0
        bars.append(
            Bar(
                week=week,
                count=count,
                x=_n(index * slot + gap / 2),
                y=_n(height - bar_height),
                width=_n(slot - gap),
                height=_n(bar_height),
            )
        )
    return BarChart(
        width=width,
        height=height,
        bars=bars,
        total=sum(count for _week, count in counts_by_week),
        peak=peak,
        baseline=_n(height - 0.5),
    )


@dataclass
class LineChart:
    width: int
    height: int
    points: str
    target_y: str
    start: datetime.date
    end: datetime.date
    rows: list  # [(date, progress)] for the text alternative
    latest: int
    target: int


def progress_line(history, *, target, start, end, width=280, height=64, pad=4):
    """A step line of a goal's progress from `start` to `end`, with the target as a reference line.

    `history` is [(date, progress)] oldest first; before the first point the progress is 0.
    """
    top = max([target, *(progress for _day, progress in history)]) or 1
    # The picture always spans the whole history, whatever range the caller asked for.
    if history:
        start, end = min(start, history[0][0]), max(end, history[-1][0])
    span = max((end - start).days, 1)
    inner_width, inner_height = width - 2 * pad, height - 2 * pad

    def x(day):
        offset = min(max((day - start).days, 0), span)
        return pad + inner_width * offset / span

    def y(value):
        return pad + inner_height * (1 - value / top)

    points = [(x(start), y(0))]
    current = 0
    for day, progress in history:
        points.append((x(day), y(current)))
        points.append((x(day), y(progress)))
        current = progress
    points.append((x(end), y(current)))
    return LineChart(
        width=width,
        height=height,
        points=" ".join(f"{_n(px)},{_n(py)}" for px, py in points),
        target_y=_n(y(target)),
        start=start,
        end=end,
        rows=list(history),
        latest=current,
        target=target,
    )
