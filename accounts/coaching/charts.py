"""The charts coaching draws are the tracker's (accounts/tracker/charts.py): the member's progress
page and the coach's client pages show the same pictures. Re-exported here for coaching's code."""

from accounts.tracker.charts import Bar, BarChart, Dot, LineChart, Tick, progress_line, week_starts, weekly_bars

__all__ = ["Bar", "BarChart", "Dot", "LineChart", "Tick", "progress_line", "week_starts", "weekly_bars"]
