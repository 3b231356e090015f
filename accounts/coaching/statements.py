"""Coaching's hottest statements, written out (run by accounts/coaching/queries.py).

The coach page and the member's dashboard box read a few dozen rows through indexes, which the
database answers in well under a millisecond; Django's ORM spent more than that building each
statement and a model per row. So these are plain SQL, the same for SQLite and PostgreSQL (window
functions, NULLS LAST in a window's ORDER BY, pyformat parameters), with the tables' names filled in
from the models. Values are always parameters, never formatted in.

Access is decided here as everywhere: a client's figures and goals are read for an ACTIVE grant of
the signed-in coach only (accounts/coaching/access.py states the rule).
"""

from __future__ import annotations

from accounts.models import CoachComment, CoachGrant, Contact, FollowUp, Goal, GoalSuggestion, Interaction, User
from rookie.lib.sql import with_tables


def _with_tables(sql: str) -> str:
    return with_tables(
        sql,
        comments=CoachComment,
        contacts=Contact,
        follow_ups=FollowUp,
        goals=Goal,
        grants=CoachGrant,
        interactions=Interaction,
        suggestions=GoalSuggestion,
        users=User,
    )


# Params: coach, awaiting_coach, awaiting_member, active (the grant statuses), since and today (the
# chart's weeks). The coach's open grants with their members and, for an active grant only, the
# latest tracker activity of each kind, the interactions over the chart's weeks and the overdue
# follow-ups: correlated subqueries, each on an index of the member's rows.
COACH_GRANTS = _with_tables("""
SELECT g.id, g.member_id, g.scope, g.status, g.created_at, u.display_name, u.email,
    CASE WHEN g.status = %(active)s THEN
        (SELECT MAX(created_at) FROM {interactions} WHERE owner_id = g.member_id) END,
    CASE WHEN g.status = %(active)s THEN
        (SELECT MAX(updated_at) FROM {goals} WHERE owner_id = g.member_id) END,
    CASE WHEN g.status = %(active)s THEN
        (SELECT MAX(done_at) FROM {follow_ups} WHERE owner_id = g.member_id) END,
    CASE WHEN g.status = %(active)s THEN
        (SELECT MAX(updated_at) FROM {contacts} WHERE owner_id = g.member_id) END,
    CASE WHEN g.status = %(active)s THEN
        (SELECT COUNT(*) FROM {interactions}
         WHERE owner_id = g.member_id AND occurred_on BETWEEN %(since)s AND %(today)s) END,
    CASE WHEN g.status = %(active)s THEN
        (SELECT COUNT(*) FROM {follow_ups}
         WHERE owner_id = g.member_id AND done_at IS NULL AND due_date < %(today)s) END
FROM {grants} g
JOIN {users} u ON u.id = g.member_id
WHERE g.coach_id = %(coach)s AND g.status IN (%(awaiting_coach)s, %(awaiting_member)s, %(active)s)
ORDER BY g.created_at, g.id
""")

# Params: coach, active (grant), active (goal), goals per client. The first active goals of each
# client of the coach (by due date, undated last), each row carrying how many the client has: whole
# columns a counted goal computes its progress from, nothing else.
CLIENT_GOALS = _with_tables("""
SELECT id, owner_id, title, progress, target, due_date, counts, interaction_kind, starts_on,
    event_id, network_id, goal_count
FROM (
    SELECT id, owner_id, title, progress, target, due_date, counts, interaction_kind, starts_on,
        event_id, network_id,
        ROW_NUMBER() OVER (PARTITION BY owner_id ORDER BY due_date ASC NULLS LAST, id) AS position,
        COUNT(*) OVER (PARTITION BY owner_id) AS goal_count
    FROM {goals}
    WHERE status = %(goal_active)s
        AND owner_id IN (SELECT member_id FROM {grants} WHERE coach_id = %(coach)s AND status = %(active)s)
) ranked
WHERE position <= %(per_client)s
ORDER BY owner_id, position
""")

# Params: member, active and awaiting_member (grant statuses), comments shown, pending (suggestion
# status), suggestions shown. Three parts in one statement, each row tagged with its part: the
# member's active grants and coaches' invitations, the newest comments written by coaches, the
# newest pending suggestions. Each limited part is a derived table so that its ORDER BY and LIMIT
# apply to it alone (SQLite has no parenthesised parts in a UNION); the suggestions' window count
# runs before their LIMIT, so it is the number of all pending ones.
MEMBER_FEEDBACK = _with_tables("""
SELECT 'g' AS part, g.id, g.status, NULL, NULL, g.created_at, u.display_name, NULL, 0
FROM {grants} g
JOIN {users} u ON u.id = g.coach_id
WHERE g.member_id = %(member)s AND g.status IN (%(active)s, %(awaiting_member)s)
UNION ALL
SELECT 'c', c.id, NULL, c.parent_id, c.body, c.created_at, c.coach_name, c.goal_title, 0
FROM (
    SELECT c.id, c.parent_id, c.body, c.created_at, u.display_name AS coach_name, gl.title AS goal_title
    FROM {comments} c
    JOIN {users} u ON u.id = c.coach_id
    LEFT JOIN {goals} gl ON gl.id = c.goal_id
    WHERE c.member_id = %(member)s AND c.author_id = c.coach_id
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT %(comments)s
) c
UNION ALL
SELECT 's', s.id, NULL, NULL, NULL, s.created_at, u.display_name, s.title, s.total
FROM (
    SELECT id, coach_id, title, created_at, COUNT(*) OVER () AS total
    FROM {suggestions}
    WHERE member_id = %(member)s AND status = %(pending)s
    ORDER BY created_at DESC, id DESC
    LIMIT %(suggestions)s
) s
JOIN {users} u ON u.id = s.coach_id
""")
