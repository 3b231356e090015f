"""Coaching's box on the member's dashboard (registered into accounts/tracker/dashboard_panels.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from accounts.coaching.queries import feedback_for_member
from accounts.models import User
from accounts.tracker import dashboard_panels


def feedback_panel_context(user: User) -> Mapping[str, Any] | None:
    # Only members share with a coach; coaches and editors keep a tracker too, without the box.
    if not user.is_member:
        return None
    return {"coaching_feedback": feedback_for_member(user)}


dashboard_panels.register(
    dashboard_panels.DashboardPanel(
        name="coaching_feedback",
        template="coaching/partials/member_feedback.html",
        context=feedback_panel_context,
    )
)
