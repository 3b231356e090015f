"""The roles table of DESIGN.md, checked against EVERY coaching URL and EVERY tracker URL.

Actors (see conftest): alice owns everything; bob coaches her with the progress scope, fiona with
"progress and contacts"; rita's grant was revoked; dave is a coach she never shared with; charlie
is a member and a stranger; anonymous visitors are not logged in.

- anonymous: sent to log in, on every URL and method;
- a wrong method: 405;
- a wrong role (a member on a coach page, a coach on a member's Coaching page): 403;
- someone else's object, a revoked or missing grant, or a scope that does not cover it: 404;
- otherwise the page (200) or a redirect after a POST (302).
"""

import re
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, reverse

from accounts.models import CoachComment, CoachGrant, Contact, Event, FollowUp, Goal, GoalSuggestion, Interaction
from accounts.tracker import urls as tracker_urls

pytestmark = pytest.mark.django_db

COACHES = {"bob", "fiona", "rita", "dave"}
MEMBERS = {"alice", "charlie"}
ACTORS = ["alice", "bob", "fiona", "rita", "dave", "charlie", "anonymous"]
OK = "ok"


@dataclass
class Spec:
    name: str
    methods: tuple
    side: str  # "coach" or "member": the role the URL is for
    allowed: set  # actors who get the page or a redirect
    kwargs: dict = field(default_factory=dict)  # url kwarg -> key in coaching_world (or "alice" for her id)


PROGRESS = {"bob", "fiona"}
COACH_URLS = [
    Spec("coaching:clients", ("GET",), "coach", COACHES),
    Spec("coaching:invite", ("POST",), "coach", COACHES),
    # ivan's invitation: no coach of the matrix may act on it.
    Spec("coaching:invitation_accept", ("POST",), "coach", set(), {"pk": "ivan_invitation"}),
    Spec("coaching:invitation_decline", ("POST",), "coach", set(), {"pk": "ivan_invitation"}),
    Spec("coaching:invitation_withdraw", ("POST",), "coach", set(), {"pk": "ivan_invitation"}),
    Spec("coaching:client", ("GET",), "coach", PROGRESS, {"member_id": "alice"}),
    Spec("coaching:client_contacts", ("GET",), "coach", {"fiona"}, {"member_id": "alice"}),
    Spec("coaching:client_contact", ("GET",), "coach", {"fiona"}, {"member_id": "alice", "pk": "contact"}),
    Spec("coaching:client_follow_ups", ("GET",), "coach", {"fiona"}, {"member_id": "alice"}),
    Spec("coaching:comment_add", ("POST",), "coach", PROGRESS, {"member_id": "alice"}),
    # bob's comment: fiona is alice's coach too, but this conversation is not hers.
    Spec("coaching:comment_reply", ("POST",), "coach", {"bob"}, {"member_id": "alice", "pk": "comment"}),
    Spec("coaching:suggestion_add", ("POST",), "coach", PROGRESS, {"member_id": "alice"}),
]
MEMBER_URLS = [
    Spec("coaching:sharing", ("GET",), "member", MEMBERS),
    Spec("coaching:sharing_invite", ("POST",), "member", MEMBERS),
    Spec("coaching:sharing_accept", ("POST",), "member", {"alice"}, {"pk": "bob_grant"}),
    Spec("coaching:sharing_decline", ("POST",), "member", {"alice"}, {"pk": "bob_grant"}),
    Spec("coaching:sharing_scope", ("POST",), "member", {"alice"}, {"pk": "bob_grant"}),
    Spec("coaching:sharing_revoke", ("POST",), "member", {"alice"}, {"pk": "bob_grant"}),
    Spec("coaching:sharing_reply", ("POST",), "member", {"alice"}, {"pk": "comment"}),
    Spec("coaching:suggestion_accept", ("POST",), "member", {"alice"}, {"pk": "suggestion"}),
    Spec("coaching:suggestion_decline", ("POST",), "member", {"alice"}, {"pk": "suggestion"}),
]
ALL_SPECS = COACH_URLS + MEMBER_URLS

# Enough for a form to be valid where one is posted, so an allowed POST really acts.
POST_DATA = {
    "email": "nobody@example.com",
    "scope": "full",
    "body": "Hello <b>there</b> åäö 🚀",
    "title": "Hijacked",
    "kind": "custom",
    "target": "2",
    "name": "Hijacked",
    "progress": "7",
    "delta": "1",
    "status": "dropped",
    "occurred_on": "2024-01-02",
    "due_date": "2030-01-01",
    "until": "2030-01-01",
    "date": "2024-01-01",
    "people_to_meet": "5",
    "language": "en",
}


def _expected(spec, actor, method):
    if actor == "anonymous":
        return 302
    if method not in spec.methods:
        return 405
    wrong_role = MEMBERS if spec.side == "coach" else COACHES
    if actor in wrong_role:
        return 403
    return OK if actor in spec.allowed else 404


def _request(client, world, actor, method, url, data=None):
    if actor != "anonymous":
        client.force_login(world[actor])
    if method == "GET":
        return client.get(url)
    return client.post(url, data or POST_DATA)


def _kwargs(spec, world):
    return {kwarg: world[key].pk for kwarg, key in spec.kwargs.items()}


def _assert_status(response, expected, url):
    if expected == OK:
        assert response.status_code in (200, 302), (url, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"]
    elif expected == 302:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL)), response["Location"]
    else:
        assert response.status_code == expected, (url, response.status_code, expected)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda spec: spec.name)
def test_it_answers_every_coaching_url_as_the_roles_table_says(client, coaching_world, spec, actor, method):
    url = reverse(spec.name, kwargs=_kwargs(spec, coaching_world))
    response = _request(client, coaching_world, actor, method, url)
    _assert_status(response, _expected(spec, actor, method), url)


def test_it_covers_every_coaching_url():
    from accounts.coaching import urls as coaching_urls

    assert {f"coaching:{pattern.name}" for pattern in coaching_urls.urlpatterns} == {spec.name for spec in ALL_SPECS}


@pytest.mark.parametrize("actor", ["bob", "fiona", "rita", "dave"])
def test_it_writes_nothing_for_a_coach_who_may_not(client, coaching_world, actor):
    """Denied coach POSTs leave no row behind; allowed ones write only feedback, never the client's data."""
    before = _client_rows(coaching_world["alice"])
    for spec in COACH_URLS:
        if "POST" in spec.methods:
            _request(client, coaching_world, actor, "POST", reverse(spec.name, kwargs=_kwargs(spec, coaching_world)))
    assert _client_rows(coaching_world["alice"]) == before
    if actor in ("rita", "dave"):
        assert not CoachComment.objects.filter(coach=coaching_world[actor]).exists()
        assert not GoalSuggestion.objects.filter(coach=coaching_world[actor]).exists()
    assert CoachGrant.objects.get(pk=coaching_world["ivan_invitation"].pk).status == "awaiting_coach"


# --- The tracker's URLs: a coach gets 404 on every one of the client's objects -------------------

# Which object a tracker URL's argument names: by the route's first segment for <pk>, else by name.
PREFIX_KIND = {
    "goals": "goal",
    "contacts": "contact",
    "interactions": "interaction",
    "follow-ups": "follow_up",
    "events": "event",
}
KWARG_KIND = {"contact_pk": "contact", "goal_pk": "goal", "event_pk": "event", "interaction_pk": "interaction"}
SECRETS = ["Alice secret goal", "Åsa Hemligsson", "Private follow-up", "Private event", "Private fika notes"]


def _tracker_patterns(patterns=None, prefix=""):
    """(url name, route) of every tracker URL, found in accounts.tracker.urls, so new ones are covered."""
    found = []
    for pattern in tracker_urls.urlpatterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            found += _tracker_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append((f"{tracker_urls.app_name}:{pattern.name}", prefix + str(pattern.pattern)))
    return found


TRACKER_PATTERNS = _tracker_patterns()
TRACKER_OBJECT_URLS = [(name, route) for name, route in TRACKER_PATTERNS if "<" in route]
TRACKER_PLAIN_URLS = [(name, route) for name, route in TRACKER_PATTERNS if "<" not in route]


class _Missing:
    pk = 987654321


MISSING = dict.fromkeys(set(PREFIX_KIND.values()) | set(KWARG_KIND.values()), _Missing)


def _tracker_url(name, route, world):
    kwargs = {}
    for kwarg in re.findall(r"<(?:\w+:)?(\w+)>", route):
        kind = PREFIX_KIND.get(route.split("/")[0]) if kwarg == "pk" else KWARG_KIND.get(kwarg)
        if kind is None:
            pytest.fail(f"Teach the coaching access matrix which object {name}'s <{kwarg}> names.")
        kwargs[kwarg] = world[kind].pk
    return reverse(name, kwargs=kwargs)


def _client_rows(alice):
    return [
        list(model.objects.filter(owner=alice).order_by("pk").values())
        for model in (Goal, Contact, Interaction, FollowUp, Event)
    ]


def test_it_finds_the_tracker_urls():
    assert len(TRACKER_OBJECT_URLS) >= 10
    assert ("tracker:dashboard", "") in TRACKER_PLAIN_URLS


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("actor", ["bob", "fiona", "rita", "dave", "charlie"])
@pytest.mark.parametrize(("name", "route"), TRACKER_OBJECT_URLS, ids=[name for name, _r in TRACKER_OBJECT_URLS])
def test_it_gives_a_404_on_the_clients_tracker_objects(client, coaching_world, name, route, actor, method):
    """The tracker's pages are the owner's own: even her coach with the full scope gets a 404 there."""
    url = _tracker_url(name, route, coaching_world)
    before = _client_rows(coaching_world["alice"])
    response = _request(client, coaching_world, actor, method, url)
    # A 404, or the view's 405 for a method it never answers: either way, exactly what a missing id gets.
    missing = _request(client, coaching_world, actor, method, _tracker_url(name, route, MISSING))
    assert response.status_code in (404, 405), (url, response.status_code)
    assert response.status_code == missing.status_code
    assert _client_rows(coaching_world["alice"]) == before


@pytest.mark.parametrize(("name", "route"), TRACKER_OBJECT_URLS, ids=[name for name, _r in TRACKER_OBJECT_URLS])
def test_it_lets_the_owner_and_no_anonymous_visitor_reach_her_tracker_objects(client, coaching_world, name, route):
    url = _tracker_url(name, route, coaching_world)
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse(settings.LOGIN_URL))
    client.force_login(coaching_world["alice"])
    assert client.get(url).status_code in (200, 302, 405)


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("actor", ["bob", "fiona", "rita", "dave"])
@pytest.mark.parametrize(("name", "route"), TRACKER_PLAIN_URLS, ids=[name for name, _r in TRACKER_PLAIN_URLS])
def test_it_shows_a_coach_their_own_tracker_never_the_clients(client, coaching_world, name, route, actor, method):
    url = reverse(name)
    before = _client_rows(coaching_world["alice"])
    response = _request(client, coaching_world, actor, method, url)
    assert response.status_code in (200, 302, 400, 405), (url, response.status_code)
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode(errors="replace")
    for secret in SECRETS:
        assert secret not in body
    assert _client_rows(coaching_world["alice"]) == before
