"""Coaching sessions and agreed actions: the coach records, the member answers in one step; both
see the same log; only an active grant lets a coach see or add sessions."""

import io
import json
import zipfile

import pytest
from django.utils import timezone

from accounts.coaching import demo, services
from accounts.models import FollowUp, Goal, GoalCount, GoalSuggestion, GrantStatus, SuggestionStatus
from accounts.models.coaching import ActionKind, ActionStatus, AgreedAction, CoachingSession, CoachNote
from accounts.tracker import counting
from tests.coaching.conftest import in_days, session_post
from tests.factories import CoachFactory, ContactFactory, GrantFactory, UserFactory

pytestmark = pytest.mark.django_db

ANSWER_URL = "/en/coach/sharing/actions/answer/"
MEMBER_URL = "/en/coach/sharing/sessions/"


def _sessions_url(member):
    return f"/en/coach/clients/{member.pk}/sessions/"


def _actions(session):
    return {action.kind: action for action in session.actions.all()}


def test_it_records_a_session_with_two_agreed_actions(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    data = session_post(
        discussed="Fair <b>plans</b> åäö 🚀",
        actions=[
            {"kind": "goal", "title": "Meet three new people", "goal_kind": "meet", "target": "3"},
            {"kind": "follow_up", "title": "Thank Eva", "due_date": in_days(2)},
        ],
    )
    response = client.post(_sessions_url(alice), data)
    session = CoachingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#session-{session.pk}")
    assert (session.member, session.coach, session.discussed) == (alice, bob_grant.coach, "Fair <b>plans</b> åäö 🚀")
    actions = _actions(session)
    assert set(actions) == {ActionKind.GOAL, ActionKind.FOLLOW_UP}
    assert all(action.status == ActionStatus.PROPOSED for action in actions.values())
    # The goal is proposed through the existing suggestions: alice sees it there too.
    suggestion = actions[ActionKind.GOAL].suggestion
    assert (suggestion.member, suggestion.kind, suggestion.target, suggestion.status) == (alice, "meet", 3, "pending")
    assert actions[ActionKind.FOLLOW_UP].suggestion is None

    page = client.get(_sessions_url(alice)).content.decode()
    assert "Fair &lt;b&gt;plans&lt;/b&gt; åäö 🚀" in page
    assert "Meet three new people" in page and "Thank Eva" in page


def test_both_see_the_same_log(client, alice, bob_session):
    client.force_login(bob_session.coach)
    coach_page = client.get(_sessions_url(alice)).content.decode()
    client.force_login(alice)
    member_page = client.get(MEMBER_URL).content.decode()
    for text in ("Plans for the career fair", "Meet three new people", "Thank Eva for the fika"):
        assert text in coach_page
        assert text in member_page
    # Only the member answers.
    assert ANSWER_URL not in coach_page
    assert ANSWER_URL in member_page
    # The Coaching page links the log.
    assert MEMBER_URL in client.get("/en/coach/sharing/").content.decode()


def test_the_member_accepts_a_goal_in_one_step_and_it_counts_itself(client, alice, bob_session):
    goal_action = _actions(bob_session)[ActionKind.GOAL]
    client.force_login(alice)
    response = client.post(ANSWER_URL, {"action": goal_action.pk, "answer": "accept"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#session-{bob_session.pk}")
    goal = Goal.objects.get(owner=alice)
    assert (goal.title, goal.counts, goal.target) == ("Meet three new people", GoalCount.PEOPLE_MET, 3)
    goal_action.refresh_from_db()
    assert goal_action.status == ActionStatus.ACCEPTED and goal_action.decided_at is not None
    assert goal_action.suggestion.status == SuggestionStatus.ACCEPTED
    assert goal_action.suggestion.goal == goal
    # It counts the people alice meets from now on.
    ContactFactory(owner=alice)
    counting.count_goals([goal])
    assert goal.progress == 1
    # A second answer changes nothing.
    client.post(ANSWER_URL, {"action": goal_action.pk, "answer": "accept"})
    assert Goal.objects.filter(owner=alice).count() == 1


def test_the_member_accepts_a_follow_up_in_one_step(client, alice, bob_session):
    action = _actions(bob_session)[ActionKind.FOLLOW_UP]
    client.force_login(alice)
    assert client.post(ANSWER_URL, {"action": action.pk, "answer": "accept"}).status_code == 302
    follow_up = FollowUp.objects.get(owner=alice)
    assert (follow_up.title, follow_up.due_date, follow_up.done_at) == ("Thank Eva for the fika", action.due_date, None)
    action.refresh_from_db()
    assert (action.status, action.follow_up) == (ActionStatus.ACCEPTED, follow_up)
    response = client.post(ANSWER_URL, {"action": action.pk, "answer": "accept"}, follow=True)
    assert "You have already answered this action." in response.content.decode()
    assert FollowUp.objects.filter(owner=alice).count() == 1


def test_the_member_declines_actions(client, alice, bob_session):
    client.force_login(alice)
    for action in _actions(bob_session).values():
        assert client.post(ANSWER_URL, {"action": action.pk, "answer": "decline"}).status_code == 302
        action.refresh_from_db()
        assert action.status == ActionStatus.DECLINED
    assert GoalSuggestion.objects.get().status == SuggestionStatus.DECLINED
    assert not Goal.objects.exists() and not FollowUp.objects.exists()


def test_accepting_the_suggestion_answers_the_action_too(client, alice, bob_session):
    action = _actions(bob_session)[ActionKind.GOAL]
    client.force_login(alice)
    client.post(f"/en/coach/sharing/suggestions/{action.suggestion_id}/accept/")
    action.refresh_from_db()
    assert action.status == ActionStatus.ACCEPTED
    assert "Add to my goals" not in client.get(MEMBER_URL).content.decode()


def test_someone_elses_action_is_a_404_and_a_bad_one_a_400(client, alice, charlie, bob_session):
    action = _actions(bob_session)[ActionKind.FOLLOW_UP]
    client.force_login(charlie)
    assert client.post(ANSWER_URL, {"action": action.pk, "answer": "accept"}).status_code == 404
    assert client.post(ANSWER_URL, {"action": 987654, "answer": "accept"}).status_code == 404
    client.force_login(alice)
    for data in ({}, {"action": "x", "answer": "accept"}, {"action": action.pk, "answer": "maybe"}, {"action": "²"}):
        assert client.post(ANSWER_URL, data).status_code == 400
    assert client.get(ANSWER_URL).status_code == 405
    client.force_login(bob_session.coach)
    assert client.post(ANSWER_URL, {"action": action.pk, "answer": "accept"}).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionStatus.PROPOSED
    assert not FollowUp.objects.exists()


def test_only_an_active_grant_lets_a_coach_see_or_add_sessions(client, alice, bob_session, rita_grant, dave):
    bob = bob_session.coach
    for coach in (rita_grant.coach, dave):
        client.force_login(coach)
        assert client.get(_sessions_url(alice)).status_code == 404
        assert client.post(_sessions_url(alice), session_post()).status_code == 404
    # A revoked grant: looked up afresh, the next request is a 404; the log stays for the member.
    alice.coach_grants.filter(coach=bob).update(status=GrantStatus.REVOKED, ended_at=timezone.now())
    client.force_login(bob)
    assert client.get(_sessions_url(alice)).status_code == 404
    assert client.post(_sessions_url(alice), session_post()).status_code == 404
    assert CoachingSession.objects.count() == 1
    client.force_login(alice)
    assert "Plans for the career fair" in client.get(MEMBER_URL).content.decode()
    # The member still answers what was agreed.
    action = _actions(bob_session)[ActionKind.FOLLOW_UP]
    client.post(ANSWER_URL, {"action": action.pk, "answer": "accept"})
    assert FollowUp.objects.filter(owner=alice).exists()


def test_a_coach_sees_only_their_own_sessions_with_a_client(client, alice, bob_session, fiona_grant):
    client.force_login(fiona_grant.coach)
    assert "Plans for the career fair" not in client.get(_sessions_url(alice)).content.decode()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (session_post(discussed=""), "This field is required."),
        (session_post(discussed="x" * 4001), "at most 4000 characters"),
        (session_post(held_on=timezone.localdate().replace(year=2100)), "once it was held"),
        (session_post(actions=[{"kind": "follow_up", "title": "No date"}]), "A follow-up needs a due date."),
        (session_post(actions=[{"kind": "goal", "title": ""}]), "Say what was agreed."),
        (session_post(actions=[{"title": "What kind?"}]), "Choose a goal or a follow-up."),
        (session_post(actions=[{"kind": "goal", "title": "x" * 201}]), "at most 200 characters"),
        (session_post(actions=[{"kind": "goal", "title": "Big", "target": "1001"}]), "less than or equal to 1000"),
        (session_post(actions=[{"kind": "goal", "title": "Kind", "goal_kind": "hack"}]), "Select a valid choice"),
        (session_post(actions=[{"kind": "follow_up", "title": "Past", "due_date": "2001-01-01"}]), "from today on"),
        (session_post(actions=[{"kind": "bogus", "title": "x"}]), "Select a valid choice"),
        ({**session_post(), "held_on": "31.02.2026"}, "Enter a valid date."),
        ({"discussed": "no management form"}, "ManagementForm data is missing"),
    ],
)
def test_it_refuses_bad_sessions_without_writing_anything(client, alice, bob_grant, data, error):
    client.force_login(bob_grant.coach)
    response = client.post(_sessions_url(alice), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not CoachingSession.objects.exists()
    assert not AgreedAction.objects.exists()
    assert not GoalSuggestion.objects.exists()


def test_it_answers_a_wrong_method_and_a_wrong_role(client, alice, bob_grant):
    client.force_login(alice)
    assert client.get(_sessions_url(alice)).status_code == 403
    client.force_login(bob_grant.coach)
    assert client.put(_sessions_url(alice)).status_code == 405
    assert client.get(MEMBER_URL).status_code == 403


@pytest.mark.parametrize("size", [1, 8])
def test_the_session_pages_run_a_fixed_number_of_queries(client, alice, bob_grant, django_assert_num_queries, size):
    for _ in range(size):
        services.session_record(
            grant=bob_grant,
            held_on=timezone.localdate(),
            discussed="Talk",
            actions=[
                {"kind": "goal", "title": "Goal", "goal_kind": "meet", "target": 2},
                {"kind": "follow_up", "title": "Follow", "due_date": timezone.localdate()},
            ],
        )
    client.force_login(bob_grant.coach)
    # 1. session  2. coach  3. the grant  4. sessions with coaches  5. their actions (goals, follow-ups)
    with django_assert_num_queries(5):
        assert client.get(_sessions_url(alice)).status_code == 200
    client.force_login(alice)
    # 1. session  2. member  3. sessions with coaches  4. their actions
    with django_assert_num_queries(4):
        assert client.get(MEMBER_URL).status_code == 200


def test_the_members_export_holds_sessions_and_actions(client, alice, bob_session):
    client.force_login(alice)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/en/accounts/privacy/export/").content))
    sections = json.loads(archive.read("rookie-data.json"))["sections"]
    assert [row["discussed"] for row in sections["coaching_sessions"]] == ["Plans for the career fair"]
    assert sorted(row["title"] for row in sections["agreed_actions"]) == [
        "Meet three new people",
        "Thank Eva for the fika",
    ]
    assert sections["agreed_actions"][0]["session__coach__display_name"] == "Bob Berg"


def test_another_members_sessions_are_not_in_the_export(client, charlie, bob_session):
    GrantFactory(member=charlie, coach=bob_session.coach)
    client.force_login(charlie)
    archive = zipfile.ZipFile(io.BytesIO(client.post("/en/accounts/privacy/export/").content))
    sections = json.loads(archive.read("rookie-data.json"))["sections"]
    assert sections["coaching_sessions"] == [] and sections["agreed_actions"] == []


def test_the_demo_has_a_session_in_the_members_language_once():
    users = {
        "member": UserFactory(email="member@demo.rookie.test", preferred_language="fi"),
        "coach": CoachFactory(email="coach@demo.rookie.test"),
        "client": UserFactory(email="client2@demo.rookie.test", preferred_language="da"),
    }
    for _ in range(2):
        demo.seed(users=users, stdout=io.StringIO())
    session = CoachingSession.objects.get()
    assert session.member == users["member"]
    assert session.discussed == demo.SESSION_TEXTS["fi"]["session"]
    assert sorted(action.kind for action in session.actions.all()) == ["follow_up", "goal"]
    assert CoachNote.objects.get().body == demo.SESSION_TEXTS["fi"]["note"]
