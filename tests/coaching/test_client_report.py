"""The report of a period: the member's own (/me/report/) and a coach's of a client; a period form
that never fails, a page that prints well, fixed queries, one access-log row per view."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.coaching import services
from accounts.models import AccessKind, CoachAccessLog, GoalCount, GoalKind, GrantStatus
from accounts.tracker.views.report import last_full_month
from tests.factories import ContactFactory, GoalFactory, GrantFactory, InteractionFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db

MEMBER_URL = "/en/me/report/"


def _coach_url(member):
    return f"/en/coach/clients/{member.pk}/report/"


def _week():
    today = timezone.localdate()
    return {"start": (today - datetime.timedelta(days=6)).isoformat(), "end": today.isoformat()}


@pytest.fixture
def alices_week(alice, bob_grant, fiona_grant, criteria):
    """A week of alice's: a counted goal with two people met, an interaction, an evaluation, a
    session with bob and one with fiona."""
    today = timezone.localdate()
    goal = GoalFactory(
        owner=alice,
        title="Meet people at the fair",
        kind=GoalKind.MEET,
        counts=GoalCount.PEOPLE_MET,
        starts_on=today - datetime.timedelta(days=3),
        target=5,
    )
    contact = ContactFactory(owner=alice)
    ContactFactory(owner=alice)
    InteractionFactory(contact=contact, occurred_on=today)
    evaluate(alice, NetworkFactory(name="Lund Tech Alumni"), [4, 4, 4, 4, 4])
    for grant, text in ((bob_grant, "Bob's session"), (fiona_grant, "Fiona's session")):
        services.session_record(
            grant=grant,
            held_on=today,
            discussed=text,
            actions=[{"kind": "follow_up", "title": f"Action of {text}", "due_date": today}],
        )
    return goal


def test_it_defaults_to_the_last_full_month():
    assert last_full_month(datetime.date(2026, 3, 15)) == (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    assert last_full_month(datetime.date(2026, 1, 1)) == (datetime.date(2025, 12, 1), datetime.date(2025, 12, 31))


def test_the_form_shows_the_last_full_month_by_default(client, alice):
    client.force_login(alice)
    response = client.get(MEMBER_URL)
    start, end = last_full_month(timezone.localdate())
    assert response.status_code == 200
    assert f'value="{start.isoformat()}"' in response.content.decode()
    assert (response.context["report"].start, response.context["report"].end) == (start, end)


def test_the_members_report_shows_goals_activity_networks_and_all_sessions(client, alice, alices_week):
    client.force_login(alice)
    response = client.get(MEMBER_URL, _week())
    report = response.context["report"]
    page = response.content.decode()
    # The counted goal, as the tracker counts it: two people met since it started.
    [view] = report.goals
    assert (view.goal.title, view.goal.progress) == ("Meet people at the fair", 2)
    assert "Meet people at the fair" in page and "2 of 5" in page
    assert report.interaction_total == 1
    assert "Lund Tech Alumni" in page
    assert "Bob&#x27;s session" in page and "Fiona&#x27;s session" in page
    assert "Action of Bob" in page


def test_the_coachs_report_shows_only_their_own_sessions(client, alice, alices_week, bob_grant):
    client.force_login(bob_grant.coach)
    page = client.get(_coach_url(alice), _week()).content.decode()
    assert "Meet people at the fair" in page and "2 of 5" in page
    assert "Bob&#x27;s session" in page
    assert "Fiona&#x27;s session" not in page


def test_records_outside_the_period_are_left_out(client, alice, alices_week):
    client.force_login(alice)
    long_ago = {"start": "2020-01-01", "end": "2020-01-31"}
    report = client.get(MEMBER_URL, long_ago).context["report"]
    assert report.goals == [] and report.evaluations == [] and report.sessions == []
    assert report.interaction_total == 0


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"start": "not a date", "end": "2026-01-01"}, "Enter a valid date."),
        ({"start": "2026-02-30", "end": "2026-03-01"}, "Enter a valid date."),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "must end on or after"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "at most a year"),
        ({"start": "", "end": ""}, "This field is required."),
        ({"start": "9" * 5000}, "Enter a valid date."),
        ({"start": "١٢-٠١-٢٠٢٦", "end": "2026-01-31"}, "Enter a valid date."),
    ],
)
def test_bad_dates_are_a_form_error_never_a_500(client, alice, bob_grant, params, error):
    for who, url in ((alice, MEMBER_URL), (bob_grant.coach, _coach_url(alice))):
        client.force_login(who)
        response = client.get(url, params)
        assert response.status_code == 200
        assert error in response.content.decode()
        assert response.context["report"] is None


def test_it_prints_well(client, alice):
    client.force_login(alice)
    page = client.get(MEMBER_URL).content.decode()
    assert "css/print-report" in page
    assert 'class="report-section"' in page
    css = (settings.BASE_DIR / "static" / "css" / "print-report.css").read_text()
    assert "@media print" in css
    for hidden in (".site-header", ".site-footer", "nav", "form"):
        assert hidden in css
    assert "break-before: page" in css


@pytest.mark.parametrize("size", [1, 6])
def test_it_runs_a_fixed_number_of_queries(client, alice, bob_grant, criteria, django_assert_num_queries, size):
    today = timezone.localdate()
    for n in range(size):
        GoalFactory(owner=alice, counts=GoalCount.PEOPLE_MET, starts_on=today)
        GoalFactory(owner=alice, counts=GoalCount.MANUAL)
        InteractionFactory(contact=ContactFactory(owner=alice), occurred_on=today)
        evaluate(alice, NetworkFactory(name=f"Network {n}"), [3, 3, 3, 3, 3])
        services.session_record(
            grant=bob_grant,
            held_on=today,
            discussed="Talk",
            actions=[{"kind": "goal", "title": "Goal", "goal_kind": "meet", "target": 2}],
        )
    client.force_login(bob_grant.coach)
    # 1. session  2. coach  3. the grant  4. goals  5. counted: people met  6. manual goals' history
    # 7. interactions per day  8. evaluations with networks  9–10. sessions with coaches, their actions
    # 11. the access-log row
    with django_assert_num_queries(11):
        assert client.get(_coach_url(alice), _week()).status_code == 200
    client.force_login(alice)
    # The same without the grant and the log row.
    with django_assert_num_queries(9):
        assert client.get(MEMBER_URL, _week()).status_code == 200


def test_each_view_of_the_report_is_logged_once(client, alice, bob_grant):
    client.force_login(bob_grant.coach)
    client.get(_coach_url(alice))
    client.get(_coach_url(alice), {"start": "bad"})
    client.head(_coach_url(alice))
    rows = list(CoachAccessLog.objects.filter(coach=bob_grant.coach, member=alice).values_list("what", flat=True))
    assert rows == [AccessKind.REPORT, AccessKind.REPORT]
    client.force_login(alice)
    assert "Report for a period" in client.get("/en/coach/sharing/").content.decode()


def test_only_an_active_grant_shows_a_client_report(client, alice, bob_grant, rita_grant, dave, charlie):
    for coach in (rita_grant.coach, dave):
        client.force_login(coach)
        assert client.get(_coach_url(alice)).status_code == 404
    client.force_login(bob_grant.coach)
    assert client.get(_coach_url(alice)).status_code == 200
    bob_grant.status, bob_grant.ended_at = GrantStatus.REVOKED, timezone.now()
    bob_grant.save(update_fields=["status", "ended_at"])
    assert client.get(_coach_url(alice)).status_code == 404
    assert client.post(_coach_url(alice)).status_code == 405
    client.force_login(charlie)
    assert client.get(_coach_url(alice)).status_code == 403
    # A member's own report is of their own data only.
    GrantFactory(member=charlie, coach=bob_grant.coach)
    assert client.get(MEMBER_URL).context["report"].member == charlie
