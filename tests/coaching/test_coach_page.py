"""The coach page: each client's summary, who needs attention first, and a query count that does
not grow with the number of clients."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone

from accounts.coaching import queries
from accounts.models import (
    AccessKind,
    CoachAccessLog,
    CoachGrant,
    Contact,
    FollowUp,
    Goal,
    GoalStatus,
    GrantScope,
    GrantStatus,
    Interaction,
)
from tests.factories import ContactFactory, FollowUpFactory, GoalFactory, GrantFactory, InteractionFactory, UserFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def _client_with_data(coach, n=0):
    member = UserFactory(display_name=f"Client {n:02d}")
    GrantFactory(member=member, coach=coach, scope=GrantScope.FULL if n % 2 else GrantScope.PROGRESS)
    today = timezone.localdate()
    for i in range(3):
        GoalFactory(owner=member, progress=i, target=3)
    GoalFactory(owner=member, status=GoalStatus.DONE)
    contact = ContactFactory(owner=member)
    for weeks_ago in (0, 1, 5):
        InteractionFactory(contact=contact, occurred_on=today - datetime.timedelta(weeks=weeks_ago))
    FollowUpFactory(owner=member, due_date=today - datetime.timedelta(days=2))
    FollowUpFactory(
        owner=member, due_date=today - datetime.timedelta(days=1), done_at=timezone.now() - datetime.timedelta(days=3)
    )
    return member


def test_it_shows_each_clients_summary(client, bob):
    member = _client_with_data(bob)
    client.force_login(bob)
    response = client.get("/en/coach/")
    assert response.status_code == 200
    body = response.content.decode()
    assert member.display_name in body
    (summary,) = response.context["clients"]
    assert summary.goal_count == 3  # active goals only
    assert summary.overdue == 1
    assert summary.recent_interactions == 3
    assert summary.last_activity is not None
    # A summary to scan, not the client page: the figures in words, links to the client's pages.
    assert "3 interactions in the last 12 weeks" in body
    assert "1 overdue follow-up" in body
    assert "coach-chart" not in body
    assert "style=" not in body
    # Scripts come from static files only (the header menu's), never inline.
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)


def test_it_links_only_to_the_client_pages_the_scope_opens(client, bob):
    progress_only, full = _client_with_data(bob, 0), _client_with_data(bob, 1)
    client.force_login(bob)
    body = client.get("/en/coach/").content.decode()
    for member in (progress_only, full):
        for page in ("", "sessions/", "notes/"):
            assert f'href="/en/coach/clients/{member.pk}/{page}"' in body
    for page in ("contacts/", "follow-ups/"):
        assert f'href="/en/coach/clients/{full.pk}/{page}"' in body
        assert f"/en/coach/clients/{progress_only.pk}/{page}" not in body


def test_it_lists_clients_who_need_attention_first(client, bob):
    today = timezone.localdate()
    long_ago = timezone.now() - datetime.timedelta(days=40)

    def member(name):
        user = UserFactory(display_name=name)
        GrantFactory(member=user, coach=bob)
        return user

    busy, quiet, late = member("Busy"), member("Quiet"), member("Late")
    member("Never")
    InteractionFactory(contact=ContactFactory(owner=busy))
    old = InteractionFactory(contact=ContactFactory(owner=quiet))
    Interaction.objects.filter(pk=old.pk).update(created_at=long_ago)
    Contact.objects.filter(owner=quiet).update(updated_at=long_ago)
    FollowUpFactory.create_batch(2, owner=late, due_date=today - datetime.timedelta(days=5))
    FollowUpFactory(owner=busy, due_date=today - datetime.timedelta(days=1))
    # Late (2 overdue), Busy (1 overdue), then no overdue: never active before the longest inactive.
    names = [summary.member.display_name for summary in queries.clients_for_coach(bob)]
    assert names == ["Late", "Busy", "Never", "Quiet"]
    summaries = {summary.member.display_name: summary for summary in queries.clients_for_coach(bob)}
    assert summaries["Quiet"].inactive_days == 40
    assert summaries["Quiet"].needs_attention
    assert summaries["Never"].needs_attention
    assert not summaries["Busy"].is_inactive


def test_it_counts_on_time_against_the_due_date_in_force_in_local_time(bob, settings):
    settings.TIME_ZONE = "Europe/Stockholm"
    member = UserFactory()
    now = timezone.now()
    today = timezone.localdate(now)
    due = today - datetime.timedelta(days=3)

    def done_at(day, hour, minute):
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=STOCKHOLM)

    # Done at 23:30 on the due day (21:30 or 22:30 UTC): on time.
    FollowUpFactory(owner=member, due_date=due, done_at=done_at(due, 23, 30))
    # Done at 00:30 the day after (still the due day in UTC): late.
    FollowUpFactory(owner=member, due_date=due, done_at=done_at(due + datetime.timedelta(days=1), 0, 30))
    # Snoozed to the due date and done by it: on time, and counted apart.
    FollowUpFactory(
        owner=member, due_date=due, original_due_date=due - datetime.timedelta(days=7), done_at=done_at(due, 9, 0)
    )
    # Done 40 days ago: outside the window. Open and overdue: counted as overdue only.
    FollowUpFactory(
        owner=member, due_date=today - datetime.timedelta(days=50), done_at=now - datetime.timedelta(days=40)
    )
    FollowUpFactory(owner=member, due_date=today - datetime.timedelta(days=1))
    FollowUpFactory(owner=member, due_date=today)  # due today: open, not overdue

    stats = queries.follow_up_stats([member.pk], now=now)[member.pk]
    assert stats.done_recent == 3
    assert stats.on_time_recent == 2
    assert stats.snoozed_on_time_recent == 1
    assert stats.late_recent == 1
    assert stats.on_time_percent == 67
    assert (stats.open, stats.overdue) == (2, 1)


def test_it_counts_only_open_follow_ups_past_their_due_date_as_overdue(bob):
    member = UserFactory()
    GrantFactory(member=member, coach=bob)
    today = timezone.localdate()
    FollowUpFactory(owner=member, due_date=today - datetime.timedelta(days=1))  # overdue
    FollowUpFactory(owner=member, due_date=today)  # due today: not yet
    FollowUpFactory(owner=member, due_date=today - datetime.timedelta(days=9), done_at=timezone.now())  # done late
    (summary,) = queries.clients_for_coach(bob)
    assert summary.overdue == 1
    assert summary.needs_attention


def test_it_counts_interactions_per_calendar_week(bob):
    member = UserFactory()
    today = datetime.date(2026, 11, 19)  # a Thursday
    contact = ContactFactory(owner=member)
    for day in (today, today - datetime.timedelta(days=3), datetime.date(2026, 11, 15), datetime.date(2026, 8, 31)):
        InteractionFactory(contact=contact, occurred_on=day)
    InteractionFactory(contact=contact, occurred_on=datetime.date(2026, 8, 30))  # the Sunday before: outside
    InteractionFactory(contact=contact, occurred_on=today + datetime.timedelta(days=1))  # the future: not yet
    chart = queries.weekly_interaction_charts([member.pk], today=today)[member.pk]
    assert [bar.week for bar in chart.bars][-1] == datetime.date(2026, 11, 16)
    assert [bar.week for bar in chart.bars][0] == datetime.date(2026, 8, 31)
    assert len(chart.bars) == 12
    counts = {bar.week: bar.count for bar in chart.bars}
    assert counts[datetime.date(2026, 11, 16)] == 2
    assert counts[datetime.date(2026, 11, 9)] == 1
    assert counts[datetime.date(2026, 8, 31)] == 1
    assert chart.total == 4


def test_it_logs_the_summary_view_for_each_client(client, bob):
    members = [_client_with_data(bob, n) for n in range(3)]
    client.force_login(bob)
    client.get("/en/coach/")
    assert set(CoachAccessLog.objects.filter(what=AccessKind.CLIENT_LIST).values_list("member_id", flat=True)) == {
        member.pk for member in members
    }


def test_it_shows_a_coach_without_clients_how_to_start(client, bob):
    client.force_login(bob)
    response = client.get("/en/coach/")
    assert "No clients yet" in response.content.decode()
    assert not CoachAccessLog.objects.exists()


def test_it_reads_nothing_about_a_member_who_has_not_shared_yet(bob):
    # One query lists clients and invitations: the activity figures are computed for active grants only.
    invited = _client_with_data(bob)
    grant = CoachGrant.objects.get(member=invited)
    grant.status = GrantStatus.AWAITING_MEMBER
    grant.save(update_fields=["status"])
    page = queries.coach_page(bob)
    assert page.clients == []
    (pending,) = page.waiting_for_member
    assert pending.member == invited
    figures = [pending.last_interaction, pending.last_goal, pending.last_follow_up, pending.last_contact]
    assert figures == [None] * 4
    assert (pending.recent_interactions, pending.overdue) == (None, None)


def test_it_leaves_out_other_coaches_clients_and_pending_ones(client, bob, dave, alice, charlie):
    GrantFactory(member=alice, coach=dave)
    GrantFactory(member=charlie, coach=bob, status="awaiting_coach")
    client.force_login(bob)
    response = client.get("/en/coach/")
    assert response.context["clients"] == []
    assert [grant.member for grant in response.context["waiting_for_me"]] == [charlie]
    assert "Alice Andersson" not in response.content.decode()


@pytest.mark.parametrize("clients", [1, 30])
def test_it_runs_the_same_queries_for_1_and_30_clients(client, bob, django_assert_num_queries, clients):
    for n in range(clients):
        _client_with_data(bob, n)
    client.force_login(bob)
    # 1. the session  2. the coach
    # 3. active and pending grants with members; for active ones the latest activity, interactions
    #    and overdue follow-ups (subqueries)  4. the first active goals of each client, with their count
    # 5. the access log (one bulk insert)
    with django_assert_num_queries(5):
        response = client.get("/en/coach/")
    assert len(response.context["clients"]) == clients


def test_it_renders_goal_progress_without_overflowing_the_bar(client, bob):
    member = UserFactory()
    GrantFactory(member=member, coach=bob)
    Goal.objects.create(owner=member, title="Overachiever", target=2, progress=5)
    client.force_login(bob)
    body = client.get("/en/coach/").content.decode()
    assert '<progress max="2" value="2"' in body


def test_it_writes_each_card_with_its_text_escaped(client, bob):
    # The cards are written out in Python (accounts/coaching/client_list.py): nothing a member typed
    # becomes markup, and the card still says what the template said.
    member = UserFactory(display_name='Eve <b>"Evil"</b>')
    GrantFactory(member=member, coach=bob)
    Goal.objects.create(owner=member, title="Meet <i>three</i> & more", target=3, progress=1)
    FollowUpFactory(owner=member, due_date=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(bob)
    body = client.get("/en/coach/").content.decode()
    assert "<b>" not in body
    assert "<i>" not in body
    assert f'<a href="/en/coach/clients/{member.pk}/">Eve &lt;b&gt;&quot;Evil&quot;&lt;/b&gt;</a>' in body
    assert 'Meet &lt;i&gt;three&lt;/i&gt; &amp; more <small class="meta">1 / 3</small>' in body
    assert 'aria-label="Meet &lt;i&gt;three&lt;/i&gt; &amp; more"' in body
    assert '<li class="card coach-client coach-needs-attention">' in body
    assert "<strong>Needs attention:</strong> 1 overdue follow-up</p>" in body


def test_it_answers_in_the_coachs_language(client, bob):
    _client_with_data(bob)
    client.force_login(bob)
    response = client.get("/sv/coach/")
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()


def test_it_has_no_open_follow_up_for_a_fresh_client(bob):
    member = UserFactory()
    GrantFactory(member=member, coach=bob)
    (summary,) = queries.clients_for_coach(bob)
    assert summary.overdue == 0
    assert summary.recent_interactions == 0
    assert summary.last_activity is None
    assert FollowUp.objects.count() == 0
