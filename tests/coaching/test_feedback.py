"""Comments, replies and suggested goals, from both sides, with their bad inputs."""

import datetime

import pytest
from django.db import IntegrityError
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.coaching import queries, services
from accounts.models import CoachComment, Goal, GoalCount, GoalProgress, GoalSuggestion, GrantStatus, SuggestionStatus
from tests.factories import CoachFactory, CommentFactory, GoalFactory, GrantFactory, SuggestionFactory

pytestmark = pytest.mark.django_db


def _comment_url(member):
    return f"/en/coach/clients/{member.pk}/comments/"


def test_it_lets_a_coach_comment_on_a_goal_and_the_member_reply(client, alice, bob_grant, alice_goal):
    bob = bob_grant.coach
    client.force_login(bob)
    response = client.post(_comment_url(alice), {"body": "Nice progress!", "goal": alice_goal.pk})
    comment = CoachComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert (comment.author, comment.goal, comment.coach, comment.member) == (bob, alice_goal, bob, alice)

    client.force_login(alice)
    page = client.get("/en/coach/sharing/").content.decode()
    assert "Nice progress!" in page
    assert alice_goal.title in page
    response = client.post(f"/en/coach/sharing/comments/{comment.pk}/reply/", {"body": "Tack! 😊"})
    assert response.status_code == 302
    reply = CoachComment.objects.get(parent=comment)
    assert (reply.author, reply.body) == (alice, "Tack! 😊")

    client.force_login(bob)
    page = client.get(f"/en/coach/clients/{alice.pk}/").content.decode()
    assert "Tack! 😊" in page


def test_it_keeps_replies_one_level_deep(client, alice, bob_grant):
    top = CommentFactory(member=alice, coach=bob_grant.coach)
    reply = CommentFactory(member=alice, coach=bob_grant.coach, author=alice, parent=top)
    client.force_login(alice)
    client.post(f"/en/coach/sharing/comments/{reply.pk}/reply/", {"body": "Another thought"})
    assert CoachComment.objects.get(body="Another thought").parent == top
    client.force_login(bob_grant.coach)
    client.post(f"/en/coach/clients/{alice.pk}/comments/{reply.pk}/reply/", {"body": "Coach again"})
    assert CoachComment.objects.get(body="Coach again").parent == top


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"body": ""}, "body"),
        ({"body": "   \n  "}, "body"),
        ({"body": "x" * 2001}, "body"),
        ({"body": "ok", "goal": "not-a-number"}, "goal"),
        ({"body": "ok", "goal": "987654"}, "goal"),
        ({"body": "nul \x00 byte"}, "body"),
    ],
)
def test_it_refuses_a_bad_comment(client, alice, bob_grant, data, field):
    client.force_login(bob_grant.coach)
    response = client.post(_comment_url(alice), data)
    assert response.status_code == 200
    assert field in response.context["comment_form"].errors
    assert not CoachComment.objects.exists()


def test_it_refuses_a_comment_on_someone_elses_goal(client, alice, charlie, bob_grant):
    charlies_goal = GoalFactory(owner=charlie)
    client.force_login(bob_grant.coach)
    response = client.post(_comment_url(alice), {"body": "Hi", "goal": charlies_goal.pk})
    assert "goal" in response.context["comment_form"].errors
    assert not CoachComment.objects.exists()


def test_it_stores_html_as_text_and_escapes_it(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    client.post(_comment_url(alice), {"body": "<script>alert(1)</script> åäöæøå"})
    assert CoachComment.objects.get().body == "<script>alert(1)</script> åäöæøå"
    client.force_login(alice)
    page = client.get("/en/coach/sharing/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; åäöæøå" in page


def test_it_refuses_an_empty_reply_from_the_member(alice_client, bob_comment):
    response = alice_client.post(f"/en/coach/sharing/comments/{bob_comment.pk}/reply/", {"body": ""})
    assert response.status_code == 200
    (thread,) = response.context["sharing"].threads
    assert thread.reply_form.errors["body"]
    assert CoachComment.objects.count() == 1


def test_it_stops_replies_to_a_coach_who_lost_access(alice_client, bob_grant, bob_comment):
    alice_client.post(f"/en/coach/sharing/{bob_grant.pk}/revoke/")
    response = alice_client.post(f"/en/coach/sharing/comments/{bob_comment.pk}/reply/", {"body": "Still there?"})
    assert response.status_code == 302
    assert CoachComment.objects.count() == 1
    page = alice_client.get("/en/coach/sharing/").content.decode()
    assert "Keep going!" in page  # the member still reads the conversation
    assert f"/en/coach/sharing/comments/{bob_comment.pk}/reply/" not in page


def test_it_shows_a_coach_only_their_own_conversation(client, alice, bob_grant, fiona_grant):
    CommentFactory(member=alice, coach=bob_grant.coach, body="From Bob")
    CommentFactory(member=alice, coach=fiona_grant.coach, body="From Fiona")
    client.force_login(fiona_grant.coach)
    page = client.get(f"/en/coach/clients/{alice.pk}/").content.decode()
    assert "From Fiona" in page
    assert "From Bob" not in page


def test_it_refuses_a_comment_whose_author_is_not_a_party(alice, bob, charlie):
    with pytest.raises(IntegrityError):
        CoachComment.objects.create(member=alice, coach=bob, author=charlie, body="Hi")


# --- Suggested goals -----------------------------------------------------------------------------


def test_it_lets_a_coach_suggest_a_goal_that_the_member_accepts(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    response = client.post(
        f"/en/coach/clients/{alice.pk}/suggestions/",
        {"title": "Två informationsintervjuer", "kind": "interviews", "target": "2", "note": "Fråga Lars först."},
    )
    assert response.status_code == 302
    suggestion = GoalSuggestion.objects.get()
    assert suggestion.status == SuggestionStatus.PENDING
    assert not Goal.objects.filter(owner=alice).exists()

    client.force_login(alice)
    assert client.post(f"/en/coach/sharing/suggestions/{suggestion.pk}/accept/").status_code == 302
    goal = Goal.objects.get(owner=alice)
    assert (goal.title, goal.kind, goal.target, goal.progress) == ("Två informationsintervjuer", "interviews", 2, 0)
    # An interviews suggestion becomes a goal that counts the member's interviews: its history is
    # derived from them, nothing is stored.
    assert goal.counts == GoalCount.INTERVIEWS
    assert not GoalProgress.objects.filter(goal=goal).exists()
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.goal) == (SuggestionStatus.ACCEPTED, goal)
    assert suggestion.decided_at is not None
    # Answering twice creates nothing more.
    client.post(f"/en/coach/sharing/suggestions/{suggestion.pk}/accept/")
    client.post(f"/en/coach/sharing/suggestions/{suggestion.pk}/decline/")
    assert Goal.objects.filter(owner=alice).count() == 1
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED


def test_it_lets_the_member_decline_a_suggestion(alice_client, alice, bob_suggestion):
    assert alice_client.post(f"/en/coach/sharing/suggestions/{bob_suggestion.pk}/decline/").status_code == 302
    bob_suggestion.refresh_from_db()
    assert bob_suggestion.status == SuggestionStatus.DECLINED
    assert not Goal.objects.filter(owner=alice).exists()


def test_it_writes_no_half_goal_when_accepting_fails(alice, bob_suggestion, monkeypatch):
    """The goal and the answered suggestion are one transaction: a failure leaves neither."""

    def broken_save(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(GoalSuggestion, "save", broken_save)
    with pytest.raises(RuntimeError):
        services.suggestion_accept(suggestion=bob_suggestion)
    assert not Goal.objects.filter(owner=alice).exists()
    assert GoalSuggestion.objects.get().status == SuggestionStatus.PENDING


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"target": "0"}, "target"),
        ({"target": "1001"}, "target"),
        ({"target": "many"}, "target"),
        ({"kind": "fishing"}, "kind"),
        ({"due_date": "2001-01-01"}, "due_date"),
        ({"due_date": "31/31/2031"}, "due_date"),
        ({"note": "x" * 1001}, "note"),
    ],
)
def test_it_refuses_a_bad_suggestion(client, alice, bob_grant, changes, field):
    client.force_login(bob_grant.coach)
    data = {"title": "Ask for an interview", "kind": "interviews", "target": "1", **changes}
    response = client.post(f"/en/coach/clients/{alice.pk}/suggestions/", data)
    assert response.status_code == 200
    assert field in response.context["suggestion_form"].errors
    assert not GoalSuggestion.objects.exists()


def test_it_accepts_unicode_and_html_in_a_suggestion_as_text(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    title = "Träffa <b>tre</b> nya på Ærø 🚀"
    client.post(f"/en/coach/clients/{alice.pk}/suggestions/", {"title": title, "kind": "meet", "target": "3"})
    assert GoalSuggestion.objects.get().title == title
    client.force_login(alice)
    page = client.get("/en/coach/sharing/").content.decode()
    assert "Träffa &lt;b&gt;tre&lt;/b&gt; nya på Ærø 🚀" in page


def test_it_lets_a_member_answer_a_suggestion_after_the_coach_left(alice_client, alice, bob_grant, bob_suggestion):
    alice_client.post(f"/en/coach/sharing/{bob_grant.pk}/revoke/")
    alice_client.post(f"/en/coach/sharing/suggestions/{bob_suggestion.pk}/accept/")
    assert Goal.objects.filter(owner=alice, title=bob_suggestion.title).exists()


# --- The dashboard partial -----------------------------------------------------------------------


def test_it_summarises_feedback_for_the_dashboard_in_one_query(alice, bob_grant, django_assert_num_queries):
    bob = bob_grant.coach
    for n in range(6):
        CommentFactory(member=alice, coach=bob, body=f"Comment {n}")
        SuggestionFactory(member=alice, coach=bob)
    CommentFactory(member=alice, coach=bob, author=alice, body="My own reply")
    with django_assert_num_queries(1):
        feedback = queries.feedback_for_member(alice)
        html = render_to_string("coaching/partials/member_feedback.html", {"coaching_feedback": feedback})
    assert [comment.body for comment in feedback.comments] == ["Comment 5", "Comment 4", "Comment 3"]
    assert feedback.suggestion_count == 6
    assert len(feedback.suggestions) == 3
    assert "My own reply" not in html
    assert "6 suggested goals" in html
    assert "/en/coach/sharing/#suggestion-" in html


def test_it_keeps_the_dashboard_feedback_to_the_member_and_in_order(alice, bob_grant, alice_goal):
    # The box is one statement over three tables: each part keeps its own rows, order and limits.
    bob = bob_grant.coach
    now = timezone.now()
    inviter = CoachFactory(display_name="Cleo Coach")
    invitation = GrantFactory(member=alice, coach=inviter, status=GrantStatus.AWAITING_MEMBER, accepted_at=None)
    GrantFactory(member=alice, status=GrantStatus.REVOKED, ended_at=now)
    on_goal = CommentFactory(member=alice, coach=bob, goal=alice_goal, body="On the goal")
    CommentFactory(member=alice, coach=bob, parent=on_goal, body="Coach's reply")
    CommentFactory(member=alice, coach=bob, author=alice, parent=on_goal, body="Member's reply")
    older = SuggestionFactory(member=alice, coach=bob, title="Older")
    newer = SuggestionFactory(member=alice, coach=bob, title="Newer")
    SuggestionFactory(member=alice, coach=bob, status=SuggestionStatus.DECLINED, decided_at=now, title="Answered")
    CommentFactory(coach=bob, body="Someone else's")
    SuggestionFactory(coach=bob, title="Someone else's")
    CoachComment.objects.filter(pk=on_goal.pk).update(created_at=now - datetime.timedelta(days=2))
    GoalSuggestion.objects.filter(pk=older.pk).update(created_at=now - datetime.timedelta(days=2))
    GoalSuggestion.objects.filter(pk=newer.pk).update(created_at=now - datetime.timedelta(days=1))

    feedback = queries.feedback_for_member(alice)

    assert [grant.pk for grant in feedback.coaches] == [bob_grant.pk]
    assert [(grant.pk, grant.coach_name) for grant in feedback.invitations] == [(invitation.pk, "Cleo Coach")]
    assert [(comment.body, comment.goal_title, comment.thread_id) for comment in feedback.comments] == [
        ("Coach's reply", "", on_goal.pk),
        ("On the goal", alice_goal.title, on_goal.pk),
    ]
    assert all(comment.created_at.tzinfo is not None for comment in feedback.comments)
    assert [suggestion.title for suggestion in feedback.suggestions] == ["Newer", "Older"]
    assert feedback.suggestion_count == 2


def test_it_invites_a_member_without_coaching_to_start(alice):
    feedback = queries.feedback_for_member(alice)
    assert feedback.is_empty
    html = render_to_string("coaching/partials/member_feedback.html", {"coaching_feedback": feedback})
    assert "Invite your coach" in html


def test_it_tells_the_member_about_a_coachs_invitation_on_the_dashboard(alice, bob):
    GrantFactory(member=alice, coach=bob, status=GrantStatus.AWAITING_MEMBER, accepted_at=None)
    feedback = queries.feedback_for_member(alice)
    html = render_to_string("coaching/partials/member_feedback.html", {"coaching_feedback": feedback})
    assert "Bob Berg has invited you to share your progress." in html
