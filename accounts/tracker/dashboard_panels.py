"""Boxes that other parts of accounts add to the tracker's dashboard, without the tracker knowing them.

The tracker never imports coaching (pyproject.toml, import-linter): coaching builds on the tracker.
So coaching registers its box here (accounts/coaching/dashboard.py, imported by AccountsConfig.ready)
and the dashboard renders whatever is registered, in the order of registration, each box in its
place: TOP above the quick-add forms, GRID among the overview's sections. The tracker's own first
steps for newcomers (accounts/tracker/first_steps.py) are registered at the end of this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from accounts.tracker.first_steps import first_steps_panel_context

if TYPE_CHECKING:
    from accounts.models import User


# Where a box goes on the overview.
TOP = "top"
GRID = "grid"


@dataclass(frozen=True)
class DashboardPanel:
    """A template and the function giving its context for a user, or None to leave the box out."""

    name: str
    template: str
    context: Callable[[User], Mapping[str, Any] | None]
    placement: str = GRID


_panels: dict[str, DashboardPanel] = {}


def register(panel: DashboardPanel) -> None:
    # Keyed by name: importing the registering module twice does not show its box twice.
    _panels[panel.name] = panel


def render_panels(request: HttpRequest, placement: str = GRID) -> list[SafeString]:
    """Each box registered for `placement` rendered for the signed-in user, leaving out those that
    return None."""
    rendered = []
    for panel in _panels.values():
        if panel.placement != placement:
            continue
        context = panel.context(request.user)  # type: ignore[arg-type]
        if context is not None:
            rendered.append(render_to_string(panel.template, dict(context), request=request))
    return rendered


register(
    DashboardPanel(
        name="first_steps",
        template="tracker/_first_steps.html",
        context=first_steps_panel_context,
        placement=TOP,
    )
)
