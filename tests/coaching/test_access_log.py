"""Transparency: the member sees what their coaches viewed over the last 90 days; older rows are purged."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import (
    ACCESS_LOG_RETENTION_DAYS,
    AccessKind,
    CoachAccessLog,
    CoachComment,
    GoalSuggestion,
    purge_coach_access_log,
)
from tests.factories import ContactFactory, GrantFactory

pytestmark = pytest.mark.django_db


def _log(coach, member, days_ago, what=AccessKind.OVERVIEW, contact=None):
    return CoachAccessLog.objects.create(
        coach=coach,
        member=member,
        what=what,
        contact=contact,
        viewed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_it_purges_rows_older_than_90_days_and_keeps_the_rest(alice, bob):
    now = timezone.now()
    kept = [_log(bob, alice, days) for days in (0, 1, 89)]
    old = [_log(bob, alice, days) for days in (91, 400)]
    assert ACCESS_LOG_RETENTION_DAYS == 90
    assert purge_coach_access_log(now=now) == len(old)
    assert set(CoachAccessLog.objects.values_list("pk", flat=True)) == {row.pk for row in kept}
    assert purge_coach_access_log(now=now) == 0


def test_it_purges_by_the_given_moment(alice, bob):
    row = _log(bob, alice, 0)
    assert purge_coach_access_log(now=timezone.now() + datetime.timedelta(days=91)) == 1
    assert not CoachAccessLog.objects.filter(pk=row.pk).exists()


def test_it_shows_the_member_what_each_coach_viewed(alice_client, alice, bob, fiona):
    contact = ContactFactory(owner=alice, name="Åsa Ödegård")
    _log(bob, alice, 2)
    _log(fiona, alice, 1, AccessKind.CONTACT, contact)
    _log(fiona, alice, 95)  # older than the retention: not shown
    response = alice_client.get("/en/coach/sharing/")
    log = response.context["sharing"].access_log
    assert [(row.coach, row.what) for row in log] == [(fiona, AccessKind.CONTACT), (bob, AccessKind.OVERVIEW)]
    body = response.content.decode()
    assert "One contact: Åsa Ödegård" in body
    assert "Progress: goals and follow-up statistics" in body
    assert "kept for 90 days" in body


def test_it_keeps_the_log_row_when_the_contact_is_deleted(alice_client, alice, bob):
    contact = ContactFactory(owner=alice)
    _log(bob, alice, 0, AccessKind.CONTACT, contact)
    contact.delete()
    assert "a contact you have deleted" in alice_client.get("/en/coach/sharing/").content.decode()


def test_it_never_shows_a_member_another_members_log(charlie_client, alice, bob):
    _log(bob, alice, 0)
    assert list(charlie_client.get("/en/coach/sharing/").context["sharing"].access_log) == []


@pytest.mark.parametrize("rows", [1, 150])
def test_it_shows_the_sharing_page_in_a_fixed_number_of_queries(
    alice_client, alice, bob_grant, bob_comment, bob_suggestion, django_assert_num_queries, rows
):
    for days in range(rows):
        _log(bob_grant.coach, alice, days % 80)
    GrantFactory(member=alice, status="revoked")
    # 1. session  2. member  3. open grants with coaches  4. ended grants
    # 5–6. conversations (threads, then replies)  7. pending suggestions  8. answered suggestions
    # 9. access log (capped at 100)  10. its size
    with django_assert_num_queries(10):
        response = alice_client.get("/en/coach/sharing/")
    assert len(response.context["sharing"].access_log) == min(rows, 100)
    assert response.context["sharing"].access_log_count == rows


# --- One row per page the coach actually views --------------------------------------------------


def _rows(coach, member):
    return list(CoachAccessLog.objects.filter(coach=coach, member=member).values_list("what", flat=True))


def test_posting_a_comment_and_following_the_redirect_writes_exactly_one_row(client, bob_grant, alice):
    bob = bob_grant.coach
    client.force_login(bob)
    url = f"/en/coach/clients/{alice.pk}/"
    # Straight from another page (no earlier view of this one): the page shown after the redirect is the view.
    response = client.post(f"{url}comments/", {"body": "Bra jobbat!"}, follow=True)
    assert response.redirect_chain[0][1] == 302
    assert _rows(bob, alice) == [AccessKind.OVERVIEW]


def test_the_redirect_back_after_a_comment_reply_or_suggestion_is_not_a_second_view(client, bob_grant, alice):
    bob = bob_grant.coach
    client.force_login(bob)
    url = f"/en/coach/clients/{alice.pk}/"
    assert client.get(url).status_code == 200
    client.post(f"{url}comments/", {"body": "Bra jobbat!"}, follow=True)
    comment = CoachComment.objects.get()
    client.post(f"{url}comments/{comment.pk}/reply/", {"body": "Och en sak till."}, follow=True)
    client.post(f"{url}suggestions/", {"title": "Två intervjuer", "kind": "interviews", "target": "2"}, follow=True)
    assert CoachComment.objects.count() == 2
    assert GoalSuggestion.objects.count() == 1
    assert _rows(bob, alice) == [AccessKind.OVERVIEW]
    # Opening the page again is a new view, and logged.
    client.get(url)
    assert _rows(bob, alice) == [AccessKind.OVERVIEW, AccessKind.OVERVIEW]


def test_the_redirect_is_logged_when_the_coachs_last_view_is_old(client, bob_grant, alice):
    bob = bob_grant.coach
    client.force_login(bob)
    _log(bob, alice, 1)  # yesterday's view
    client.post(f"/en/coach/clients/{alice.pk}/comments/", {"body": "Hej igen"}, follow=True)
    assert len(_rows(bob, alice)) == 2


def test_a_comment_refused_by_the_form_shows_the_page_again_and_that_is_a_view(client, bob_grant, alice):
    bob = bob_grant.coach
    client.force_login(bob)
    response = client.post(f"/en/coach/clients/{alice.pk}/comments/", {"body": ""})
    assert response.status_code == 200
    assert _rows(bob, alice) == [AccessKind.OVERVIEW]
    assert not CoachComment.objects.exists()


def test_a_head_request_shows_no_page_and_logs_nothing(client, alice, bob):
    grant = GrantFactory(member=alice, coach=bob, scope="full")
    contact = ContactFactory(owner=alice)
    client.force_login(bob)
    base = f"/en/coach/clients/{alice.pk}/"
    for url in ("/en/coach/", base, f"{base}contacts/", f"{base}contacts/{contact.pk}/", f"{base}follow-ups/"):
        assert client.head(url).status_code == 200, url
    assert not CoachAccessLog.objects.exists()
    assert client.get(f"{base}contacts/{contact.pk}/").status_code == 200
    assert _rows(grant.coach, alice) == [AccessKind.CONTACT]
