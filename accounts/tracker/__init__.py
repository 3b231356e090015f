"""The member's private tracker: goals, contacts, interactions, follow-ups, events."""
