"""Coaching, under /<lang>/coach/: the coach's pages, and the member's "Coaching" page under sharing/.

Views live in accounts/coaching/views/ (coach.py, member.py).
"""

from django.urls import path

from accounts.coaching.views import coach, member, sessions

app_name = "coaching"

urlpatterns = [
    # The coach: clients and invitations
    path("", coach.clients, name="clients"),
    path("invite/", coach.invite, name="invite"),
    path("invitations/<int:pk>/accept/", coach.invitation_accept, name="invitation_accept"),
    path("invitations/<int:pk>/decline/", coach.invitation_decline, name="invitation_decline"),
    path("invitations/<int:pk>/withdraw/", coach.invitation_withdraw, name="invitation_withdraw"),
    # The coach: one client (read-only), and feedback
    path("clients/<int:member_id>/", coach.client, name="client"),
    path("clients/<int:member_id>/contacts/", coach.client_contacts, name="client_contacts"),
    path("clients/<int:member_id>/contacts/<int:pk>/", coach.client_contact, name="client_contact"),
    path("clients/<int:member_id>/follow-ups/", coach.client_follow_ups, name="client_follow_ups"),
    path("clients/<int:member_id>/comments/", coach.comment_add, name="comment_add"),
    path("clients/<int:member_id>/comments/<int:pk>/reply/", coach.comment_reply, name="comment_reply"),
    path("clients/<int:member_id>/suggestions/", coach.suggestion_add, name="suggestion_add"),
    # The coach: sessions with agreed actions, private notes, the report of a period
    path("clients/<int:member_id>/sessions/", sessions.client_sessions, name="client_sessions"),
    path("clients/<int:member_id>/notes/", sessions.client_notes, name="client_notes"),
    path("clients/<int:member_id>/report/", sessions.client_report, name="client_report"),
    # The member: sharing with coaches, and their feedback
    path("sharing/", member.sharing, name="sharing"),
    path("sharing/invite/", member.invite, name="sharing_invite"),
    path("sharing/<int:pk>/accept/", member.accept, name="sharing_accept"),
    path("sharing/<int:pk>/decline/", member.decline, name="sharing_decline"),
    path("sharing/<int:pk>/scope/", member.scope, name="sharing_scope"),
    path("sharing/<int:pk>/revoke/", member.revoke, name="sharing_revoke"),
    path("sharing/comments/<int:pk>/reply/", member.reply, name="sharing_reply"),
    path("sharing/suggestions/<int:pk>/accept/", member.suggestion_accept, name="suggestion_accept"),
    path("sharing/suggestions/<int:pk>/decline/", member.suggestion_decline, name="suggestion_decline"),
    # The member: the session log, and answers to agreed actions (the action's id is in the form)
    path("sharing/sessions/", sessions.member_sessions, name="member_sessions"),
    path("sharing/actions/answer/", sessions.action_answer, name="action_answer"),
]
