"""Charts people can read: SVG on axes with labels in the reader's locale, a text alternative, a dot
for a single day, and the member's own progress page (their data only, constant queries)."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import GoalProgress
from accounts.tracker import services
from accounts.tracker.charts import progress_line, value_ticks, week_starts, weekly_bars
from tests.factories import ContactFactory, GoalFactory, InteractionFactory, NetworkFactory, evaluate

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 27)
TODAY = timezone.localdate()

# 27 November and 7 December as each language writes a day and month (no fixed pattern, no ISO).
MONTH_DAYS = {
    "sv": ("27 november", "7 december"),
    "da": ("27. november", "7. december"),
    "fi": ("27. marraskuuta", "7. joulukuuta"),
}


def _labels(html):
    return re.findall(r'<text class="chart-label[^"]*"[^>]*>([^<]*)</text>', html)


def _render(template, chart, language, uid=1):
    with translation.override(language):
        return render_to_string(f"coaching/partials/{template}.html", {"chart": chart, "uid": uid})


# --- Axes and labels ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "da", "fi"])
def test_the_progress_chart_has_axes_value_labels_and_dates_in_the_locale(language):
    end = DAY + datetime.timedelta(days=10)
    chart = progress_line([(DAY, 1), (end, 2)], target=3, start=DAY, end=end)
    html = _render("progress_chart", chart, language)
    labels = _labels(html)
    # y axis: 0 … target; x axis: the first and the last day, written the language's way.
    assert labels[:4] == ["0", "1", "2", "3"]
    first, last = MONTH_DAYS[language]
    assert first in labels and last in labels
    assert "2026-11-27" not in " ".join(labels)
    assert html.count('class="chart-axis') == 2
    assert 'class="chart-target' in html


@pytest.mark.parametrize("language", ["sv", "da", "fi"])
def test_the_week_chart_has_axes_counts_and_week_dates_in_the_locale(language):
    weeks = week_starts(datetime.date(2026, 12, 9), 3)  # Mondays 23 Nov, 30 Nov, 7 Dec
    chart = weekly_bars([(weeks[0], 0), (weeks[1], 2), (weeks[2], 4)])
    html = _render("week_chart", chart, language)
    labels = _labels(html)
    assert [label for label in labels if label.isdigit()] == ["0", "1", "2", "3", "4"]
    assert MONTH_DAYS[language][1] in labels  # the current week
    assert html.count('class="chart-axis') == 2
    assert html.count("<rect ") == 3


def test_a_phone_leaves_out_only_the_date_labels_between_the_first_and_the_last():
    end = DAY + datetime.timedelta(days=10)
    html = _render("progress_chart", progress_line([(DAY, 1)], target=3, start=DAY, end=end), "fi")
    dates = re.findall(r'<text class="(chart-label[^"]*)" x="[^"]*" y="158" text-anchor="(\w+)"', html)
    assert dates == [("chart-label", "start"), ("chart-label chart-label-inner", "middle"), ("chart-label", "end")]
    # A single day's only date label stays.
    html = _render("progress_chart", progress_line([(DAY, 1)], target=3, start=DAY, end=DAY), "fi")
    assert "chart-label-inner" not in html
    assert "27. marraskuuta" in _labels(html)


def test_value_labels_run_from_zero_to_the_top_in_round_steps_and_keep_the_target():
    assert value_ticks(3) == [0, 1, 2, 3]
    assert value_ticks(0) == [0, 1]
    assert value_ticks(100) == [0, 20, 40, 60, 80, 100]
    assert value_ticks(47, include=30) == [0, 10, 20, 30, 40, 47]
    assert value_ticks(1000, include=7)[:2] == [0, 7]
    assert all(len(value_ticks(top)) <= 7 for top in range(1, 1001))


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_every_coordinate_and_label_position_is_a_plain_number(language):
    chart = progress_line([(DAY, 1)], target=3, start=DAY - datetime.timedelta(days=7), end=DAY)
    bars = weekly_bars([(week, 1234) for week in week_starts(DAY, 12)])
    html = _render("progress_chart", chart, language) + _render("week_chart", bars, language, uid=2)
    for attribute in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height"):
        for value in re.findall(rf' {attribute}="([^"]*)"', html):
            float(value)
    assert re.search(r'viewBox="0 0 320 180"', html)
    # Styled by class only: the CSP allows no inline style.
    assert "style=" not in html


# --- One point, and the text alternative ----------------------------------------------------------


def test_a_goal_with_one_day_of_data_shows_a_dot_not_a_vertical_line():
    chart = progress_line([(DAY, 2)], target=3, start=DAY, end=DAY)
    html = _render("progress_chart", chart, "sv")
    assert html.count("<circle ") == 1
    assert "<polyline" not in html
    assert chart.latest == 2


def test_a_longer_history_has_a_line_and_a_dot_on_each_recorded_day():
    history = [(DAY, 1), (DAY + datetime.timedelta(days=3), 2)]
    chart = progress_line(
        history, target=3, start=DAY - datetime.timedelta(days=4), end=DAY + datetime.timedelta(days=9)
    )
    html = _render("progress_chart", chart, "da")
    assert html.count("<circle ") == 2
    assert "<polyline" in html


def test_each_chart_has_a_title_a_description_and_a_table():
    chart = progress_line([(DAY, 2)], target=3, start=DAY, end=DAY)
    html = _render("progress_chart", chart, "fi", uid=5)
    assert 'aria-labelledby="progress-chart-5-title"' in html
    assert 'aria-describedby="progress-chart-5-desc"' in html
    assert '<desc id="progress-chart-5-desc">27.11.2026: 2 / 3</desc>' in html
    assert "<table>" in html and "27.11.2026" in html
    bars = weekly_bars([(week, 1) for week in week_starts(DAY, 2)])
    html = _render("week_chart", bars, "sv", uid=6)
    assert 'aria-describedby="week-chart-6-desc"' in html
    assert "<desc id=" in html and "<table>" in html


# --- The member's progress page -------------------------------------------------------------------


def test_the_member_sees_their_own_charts_and_no_one_elses(alice_client, alice, charlie):
    goal = services.goal_create(owner=alice, title="Meet three people", target=3)
    services.goal_progress_set(goal=goal, progress=1)
    InteractionFactory(contact=ContactFactory(owner=alice), occurred_on=TODAY)
    evaluate(alice, NetworkFactory(name="Lund Tech Alumni"), [4, 4, 4, 4, 4])
    GoalFactory(owner=charlie, title="Charlie's secret goal")
    InteractionFactory.create_batch(5, contact=ContactFactory(owner=charlie), occurred_on=TODAY)
    evaluate(charlie, NetworkFactory(name="Charlie's network"), [1, 1, 1, 1, 1])

    response = alice_client.get(reverse("tracker:progress"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Meet three people" in body
    assert "Lund Tech Alumni" in body
    assert "Charlie" not in body
    data = response.context["data"]
    assert [view.goal for view in data.goals] == [goal]
    assert data.activity.total == 1  # charlie's five interactions are not counted
    # Alice reads Swedish: the page is in Swedish, its dates through the locale.
    assert '<svg class="coach-chart week-chart" role="img"' in body
    assert '<svg class="coach-chart progress-chart" role="img"' in body
    assert 'href="/static/css/charts.css"' in body or "css/charts" in body
    assert 'aria-current="page"' in body and reverse("tracker:progress") in body


def test_a_new_member_sees_empty_charts_and_where_to_start(alice_client):
    response = alice_client.get(reverse("tracker:progress"))
    assert response.status_code == 200
    assert reverse("tracker:goal_add") in response.content.decode()
    assert response.context["data"].activity.total == 0


def test_it_is_for_signed_in_members_only(client):
    response = client.get(reverse("tracker:progress"))
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


def _bulk(owner, n):
    contact = ContactFactory(owner=owner)
    for i in range(n):
        goal = GoalFactory(owner=owner, target=5)
        GoalProgress.objects.create(goal=goal, recorded_on=TODAY - datetime.timedelta(days=2), progress=1)
        GoalProgress.objects.create(goal=goal, recorded_on=TODAY, progress=2)
        InteractionFactory(contact=contact, occurred_on=TODAY - datetime.timedelta(days=i % 80))
        evaluate(owner, NetworkFactory(), [3, 4, 5, 4, 3])


@pytest.mark.parametrize("n", [1, 25])
def test_it_runs_the_same_number_of_queries_whatever_the_data(alice_client, alice, django_assert_num_queries, n):
    _bulk(alice, n)
    # 1 session, 2 user, then queries.progress_for: 3 interactions per week (grouped), 4 goals,
    # 5 their history, 6 evaluations with networks, 7 their scores with criteria.
    with django_assert_num_queries(7):
        response = alice_client.get(reverse("tracker:progress"))
    assert response.status_code == 200
    assert len(response.context["data"].goals) == n
    assert len(response.context["data"].evaluations) == n


def test_chart_ids_stay_plain_numbers_past_a_thousand(alice_client, alice):
    # Thousands are grouped on the page (USE_THOUSAND_SEPARATOR); an id attribute must not be.
    GoalFactory(owner=alice, title="Many coffees", target=3, pk=12345)
    html = alice_client.get(reverse("tracker:progress").replace("/en/", "/sv/", 1)).content.decode()
    assert 'id="progress-chart-12345-desc"' in html
    assert 'aria-describedby="progress-chart-12345-desc"' in html
