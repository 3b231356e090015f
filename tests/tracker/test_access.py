"""Who may reach which tracker URL.

alice owns every object here; charlie (a stranger) must get a 404 on each of them, for GET and for
POST, exactly like a missing id; anonymous visitors are sent to log in; a wrong method is a 405.
"""

import pytest
from django.urls import reverse

from accounts.models import Contact, Event, FollowUp, Goal, GoalProgress, Interaction

pytestmark = pytest.mark.django_db

# (url name, object kind, methods the view answers)
GET_POST = ("GET", "POST")
OBJECT_URLS = [
    ("tracker:goal_detail", "goal", ("GET",)),
    ("tracker:goal_edit", "goal", GET_POST),
    ("tracker:goal_progress", "goal", ("POST",)),
    ("tracker:goal_status", "goal", ("POST",)),
    ("tracker:goal_delete", "goal", GET_POST),
    ("tracker:contact_detail", "contact", ("GET",)),
    ("tracker:contact_edit", "contact", GET_POST),
    ("tracker:contact_delete", "contact", GET_POST),
    ("tracker:contact_thank_you", "contact", ("POST",)),
    ("tracker:interaction_add_for_contact", "contact", GET_POST),
    ("tracker:interaction_edit", "interaction", GET_POST),
    ("tracker:interaction_delete", "interaction", GET_POST),
    ("tracker:followup_edit", "follow_up", GET_POST),
    ("tracker:followup_done", "follow_up", ("POST",)),
    ("tracker:followup_snooze", "follow_up", ("POST",)),
    ("tracker:followup_delete", "follow_up", GET_POST),
    ("tracker:event_detail", "event", ("GET",)),
    ("tracker:event_edit", "event", GET_POST),
    ("tracker:event_delete", "event", GET_POST),
    ("tracker:event_during", "event", GET_POST),
    ("tracker:event_debrief", "event", GET_POST),
]
LIST_URLS = [
    ("tracker:dashboard", ("GET",)),
    ("tracker:goal_list", ("GET",)),
    ("tracker:goal_add", GET_POST),
    ("tracker:goal_templates", ("GET",)),
    ("tracker:goal_add_template", ("POST",)),
    ("tracker:contact_list", ("GET",)),
    ("tracker:contact_add", GET_POST),
    ("tracker:interaction_list", ("GET",)),
    ("tracker:interaction_add", GET_POST),
    ("tracker:followup_list", ("GET",)),
    ("tracker:followup_add", GET_POST),
    ("tracker:event_list", ("GET",)),
    ("tracker:event_add", GET_POST),
]
# A POST that would change something if the look-up let it through.
POST_DATA = {
    "title": "Hijacked",
    "name": "Hijacked",
    "progress": "7",
    "delta": "1",
    "status": "dropped",
    "kind": "call",
    "occurred_on": "2024-01-02",
    "due_date": "2030-01-01",
    "until": "2030-01-01",
    "date": "2024-01-01",
    "people_to_meet": "5",
    "language": "en",
}


def _url(name, obj):
    kwargs = {"contact_pk": obj.pk} if name == "tracker:interaction_add_for_contact" else {"pk": obj.pk}
    return reverse(name, kwargs=kwargs)


def _snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Goal, GoalProgress, Contact, Interaction, FollowUp, Event)
    ]


@pytest.mark.parametrize(("name", "kind", "methods"), OBJECT_URLS)
def test_it_answers_404_to_a_stranger_for_get_and_post(charlie_client, alice_objects, name, kind, methods):
    url = _url(name, alice_objects[kind])
    missing = url.replace(f"/{alice_objects[kind].pk}/", "/999999/")
    before = _snapshot()
    for method in ("GET", "POST"):
        send = charlie_client.get if method == "GET" else charlie_client.post
        response = send(url, POST_DATA) if method == "POST" else send(url)
        # A method the view does not answer is a 405 for everyone, so it reveals nothing either.
        expected = 404 if method in methods else 405
        assert response.status_code == expected
        assert (send(missing, POST_DATA) if method == "POST" else send(missing)).status_code == expected
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "kind", "methods"), OBJECT_URLS)
def test_it_answers_404_for_a_missing_id_like_for_a_strangers(alice_client, alice_objects, name, kind, methods):
    url = _url(name, alice_objects[kind]).replace(f"/{alice_objects[kind].pk}/", "/999999/")
    method = alice_client.get if "GET" in methods else alice_client.post
    assert method(url).status_code == 404


@pytest.mark.parametrize(("name", "kind", "methods"), OBJECT_URLS)
def test_it_sends_anonymous_visitors_to_log_in(client, alice_objects, name, kind, methods):
    url = _url(name, alice_objects[kind])
    before = _snapshot()
    for response in (client.get(url), client.post(url, POST_DATA)):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "methods"), LIST_URLS)
def test_it_sends_anonymous_visitors_to_log_in_from_the_lists(client, name, methods):
    for response in (client.get(reverse(name)), client.post(reverse(name), POST_DATA)):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize(("name", "kind", "methods"), OBJECT_URLS)
def test_it_answers_405_to_a_wrong_method(alice_client, alice_objects, name, kind, methods):
    url = _url(name, alice_objects[kind])
    before = _snapshot()
    if "GET" not in methods:
        assert alice_client.get(url).status_code == 405
    if "POST" not in methods:
        assert alice_client.post(url, POST_DATA).status_code == 405
    assert alice_client.put(url).status_code == 405
    assert alice_client.delete(url).status_code == 405
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "methods"), LIST_URLS)
def test_it_answers_405_to_a_wrong_method_on_the_lists(alice_client, name, methods):
    url = reverse(name)
    if "GET" not in methods:
        assert alice_client.get(url).status_code == 405
    if "POST" not in methods:
        assert alice_client.post(url).status_code == 405
    assert alice_client.put(url).status_code == 405


@pytest.mark.parametrize(("name", "kind", "methods"), [row for row in OBJECT_URLS if "GET" in row[2]])
def test_it_shows_the_owner_her_pages(alice_client, alice_objects, name, kind, methods):
    assert alice_client.get(_url(name, alice_objects[kind])).status_code == 200


def test_it_never_lists_a_strangers_objects(charlie_client, alice_objects):
    for name in (
        "tracker:dashboard",
        "tracker:goal_list",
        "tracker:contact_list",
        "tracker:followup_list",
        "tracker:interaction_list",
        "tracker:event_list",
    ):
        body = charlie_client.get(reverse(name)).content.decode()
        assert alice_objects["contact"].name not in body
        assert alice_objects["goal"].title not in body
        assert alice_objects["follow_up"].title not in body
        assert alice_objects["event"].name not in body
