"""The dashboard's statements, written out (run by accounts/tracker/queries.py: dashboard_for).

The dashboard is the page a member opens most, on a phone at an event. Each of its lists is a few
rows found through an index, which PostgreSQL answers in a tenth of a millisecond; Django's ORM
spent three to ten times that building each statement (0.3-2 ms of CPU a query, measured on the
bench data). So these are plain SQL, the same for SQLite and PostgreSQL (window functions, FILTER
and NULLS LAST are in both), with the tables' names filled in from the models. Parameters are
always passed separately, never formatted in.
"""

from __future__ import annotations

from accounts.models import Contact, Event, FollowUp, Goal, Interaction
from rookie.lib.sql import with_tables


def _with_tables(sql: str) -> str:
    return with_tables(sql, contacts=Contact, events=Event, follow_ups=FollowUp, goals=Goal, interactions=Interaction)


# Params: today ×3, owner, the week's last day, rows per group. The first rows of each group
# (overdue or not) of the open follow-ups due by the end of the week, each numbered within its group
# and carrying the group's size; the contact's name joined for the rows kept only.
FOLLOW_UPS = _with_tables("""
SELECT f.id, f.title, f.due_date, f.contact_id, f.is_overdue, f.group_size, c.name AS contact_name
FROM (
    SELECT id, title, due_date, contact_id, due_date < %s AS is_overdue,
        ROW_NUMBER() OVER (PARTITION BY due_date < %s ORDER BY due_date, id) AS position,
        COUNT(*) OVER (PARTITION BY due_date < %s) AS group_size
    FROM {follow_ups}
    WHERE owner_id = %s AND done_at IS NULL AND due_date <= %s
) f
LEFT JOIN {contacts} c ON c.id = f.contact_id
WHERE f.position <= %s
ORDER BY f.due_date, f.id
""")

# Params: owner, owner, today, owner, the active status, owner, today, events. How many contacts,
# how many of them are due for a word (both counted from indexes alone), how many active goals;
# and, in the same round trip, the next events (today's first): one row per event, each repeating
# the counts, or a single row with NULL event columns when none is planned.
COUNTS_AND_EVENTS = _with_tables("""
SELECT k.contact_count, k.losing_touch_count, k.goal_count, e.id, e.name, e.date, e.location
FROM (
    SELECT
        (SELECT COUNT(*) FROM {contacts} WHERE owner_id = %s) AS contact_count,
        (SELECT COUNT(*) FROM {contacts} WHERE owner_id = %s AND next_touch_due < %s) AS losing_touch_count,
        (SELECT COUNT(*) FROM {goals} WHERE owner_id = %s AND status = %s) AS goal_count
) k
LEFT JOIN (
    SELECT id, name, date, location
    FROM {events}
    WHERE owner_id = %s AND date >= %s
    ORDER BY date, id
    LIMIT %s
) e ON 1 = 1
ORDER BY e.date, e.id
""")

# Params: owner, today, rows. The contacts longest due for a word.
LOSING_TOUCH = _with_tables("""
SELECT id, name, company, last_contacted_on, next_touch_due
FROM {contacts}
WHERE owner_id = %s AND next_touch_due < %s
ORDER BY next_touch_due, id
LIMIT %s
""")

# Params: owner, the active status, rows. Whole rows: counted goals compute their progress from them.
GOALS = _with_tables("""
SELECT *
FROM {goals}
WHERE owner_id = %s AND status = %s
ORDER BY due_date ASC NULLS LAST, id
LIMIT %s
""")

# Params: owner, rows. The latest interactions with their contact's name.
INTERACTIONS = _with_tables("""
SELECT i.id, i.kind, i.occurred_on, i.notes, i.contact_id, c.name AS contact_name
FROM {interactions} i
JOIN {contacts} c ON c.id = i.contact_id
WHERE i.owner_id = %s
ORDER BY i.occurred_on DESC, i.id DESC
LIMIT %s
""")
