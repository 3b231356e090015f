"""The member's private tracker: goals, contacts, interactions, follow-ups, events (issue 5, core)."""
