"""accounts' models, one module per concern: the user, and the member's private tracker."""

from accounts.models.tracker import (
    CalendarFeed,
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalKind,
    GoalProgress,
    GoalStatus,
    Interaction,
    InteractionKind,
    ReminderLog,
)
from accounts.models.user import CareerStage, Role, User, UserManager

__all__ = [
    "CalendarFeed",
    "CareerStage",
    "Contact",
    "Event",
    "FollowUp",
    "Goal",
    "GoalKind",
    "GoalProgress",
    "GoalStatus",
    "Interaction",
    "InteractionKind",
    "ReminderLog",
    "Role",
    "User",
    "UserManager",
]
