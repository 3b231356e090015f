"""Every URL pattern of the project, tried by every kind of visitor, for GET and POST: docs/architecture.md's
roles table, in one place.

The test walks the URL resolver (includes, namespaces, the language-prefixed and the plain ones).
Each pattern must have an entry in PARAM_URLS (patterns that take an id, slug, token…) or PLAIN_URLS
(patterns without parameters); the admin is one "staff only" entry. A pattern in neither table fails
`test_every_url_pattern_has_an_access_entry` by name, so no view can be added without its check.

Adding a URL is one line: `"app:name": mine(GET, POST, pk="goal")` and friends below. The visitors
(tests/conftest.py's `world`):
- alice: a member, the owner; every object in `world` is hers (and she suggested the pending network);
- bob: her coach with the "progress" scope; fiona: her coach with "progress and contacts";
- rita: a coach whose grant alice revoked; dave: a coach without a grant (alice invited him and he
  has not answered); charlie: a member, a stranger; editor: staff who write guides; anonymous.
What each gets: the page or a redirect after a POST (OK); 404 for someone else's object (never 403),
exactly as for an id that does not exist; 403 for a signed-in user with the wrong role; the log-in
page for anonymous visitors where a log-in is needed (404 for drafts and pending networks); 405 for
a method the view does not answer (PUT, PATCH and DELETE too). Around that, for every URL: a refused
request writes nothing, nobody but alice changes her tracker, and no page shows her private rows to
anyone the roles table does not let see them.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import (
    CoachComment,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    Goal,
    GoalProgress,
    GoalSuggestion,
    Interaction,
    User,
)
from articles.models import Article
from networks.models import Evaluation, Membership, Network, Priority
from tests.conftest import SECRETS, client_for
from tests.factories import UserFactory


@pytest.fixture
def world(world_for_the_module):
    # Made once for the module (tests/conftest.py): what a test's requests write is undone after it.
    return world_for_the_module


ACTORS = ("anonymous", "charlie", "dave", "rita", "bob", "fiona", "editor", "alice")
COACHES = frozenset({"bob", "fiona", "rita", "dave"})
MEMBERS = frozenset({"alice", "charlie"})
SIGNED_IN = frozenset(ACTORS) - {"anonymous"}
EVERYONE = frozenset(ACTORS)
GET, POST = "GET", "POST"
OTHER_METHODS = ("PUT", "PATCH", "DELETE")  # no view answers them

OK, LOGIN = "ok", "log-in page"

# What a coach may read on the coaching pages (docs/architecture.md): progress is goals; full adds contacts,
# interactions and follow-ups. Nobody else but alice ever sees any of them.
PROGRESS_SECRETS = {SECRETS["goal"]}
SEES_ON_COACHING_PAGES = {"bob": PROGRESS_SECRETS, "fiona": set(SECRETS.values())}

# Enough for a form to be valid where one is posted, so an allowed POST really acts and a refused
# one would change something if the look-up let it through.
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
MISSING_ID = 987654321


@dataclass(frozen=True)
class Access:
    methods: tuple  # the methods the view answers; any other is a 405
    allowed: frozenset  # who gets the page (or a redirect after a POST); other signed-in users: 404
    login: bool = True  # anonymous visitors are sent to log in (else judged like everyone else)
    role: frozenset | None = None  # who has the role the view needs; other signed-in users: 403
    kwargs: dict = field(default_factory=dict)  # URL kwarg → key in `world`
    method_first: bool = False  # the method is checked before the log-in (405 even when anonymous)
    # Django's own form views (log-in, password change and reset) answer PUT as they answer POST,
    # and the log-in page redirects a signed-in visitor whatever the method; ours answer neither.
    other_methods: bool = True

    def expect(self, actor, method):
        if method not in self.methods:
            return LOGIN if actor == "anonymous" and self.login and not self.method_first else 405
        if actor == "anonymous" and self.login:
            return LOGIN
        if self.role is not None and actor != "anonymous" and actor not in self.role:
            return 403
        return OK if actor in self.allowed else 404


def mine(*methods, **kwargs):
    """One of alice's own objects: hers alone; her coaches' requests find nothing (404) here."""
    return Access(methods, frozenset({"alice"}), kwargs=kwargs)


def member_page(*methods, allowed=frozenset({"alice"}), **kwargs):
    """The member's side of coaching: coaches and editors have the wrong role (403)."""
    return Access(methods, allowed, role=MEMBERS, kwargs=kwargs)


def coach_page(*methods, allowed=COACHES, **kwargs):
    """The coach's side of coaching: members and editors have the wrong role (403)."""
    return Access(methods, frozenset(allowed), role=COACHES, kwargs=kwargs)


def signed_in(*methods):
    return Access(methods, SIGNED_IN)


def public(*methods, allowed=EVERYONE, **kwargs):
    return Access(methods or (GET,), frozenset(allowed), login=False, kwargs=kwargs)


def django_form(access):
    """One of Django's auth form views: judged on GET and POST like ours, PUT and the rest left to Django."""
    return Access(**{**access.__dict__, "other_methods": False})


def editors_only(*methods):
    """Staff who may write guides; everyone else has the wrong role (403), anonymous → log-in."""
    return Access(methods, frozenset({"editor"}), role=frozenset({"editor"}), method_first=True)


MEDIA_PATTERN = "media/<path:path>"  # the uploads, served by django.views.static.serve (no name)
# A pending network: its submitter, and staff (editors are) who moderate it.
OWNER_AND_STAFF = frozenset({"alice", "editor"})
PROGRESS_COACHES = {"bob", "fiona"}
FULL_COACH = {"fiona"}

# Patterns that take a parameter: how alice's object is named, and who may do what.
PARAM_URLS = {
    # Tokens are the key: whoever holds the link gets the page (wrong tokens: test_wrong_tokens_*).
    "accounts:password_reset_confirm": django_form(public(GET, POST, uidb64="alice_uidb64", token="alice_reset_token")),
    "accounts:signup_confirm": public(GET, POST, token="signup_token"),
    "calendar_feed": public(GET, token="calendar_token"),
    "reminders_off": public(GET, POST, token="reminders_token"),
    # The one-click "turn these e-mails off" link: the digest's token is signed for another kind, so
    # this is the 400 of a foreign token for everyone (valid ones: tests/rookie/test_email_smtp.py).
    "accounts:mail_off": public(GET, POST, token="reminders_token"),
    # Uploads (re-encoded images, test_uploads.py): read-only, as require_safe makes the static view.
    MEDIA_PATTERN: public(GET, path="media_file"),
    # Editors preview drafts; staff (editors are) see pending networks to moderate them.
    "articles:detail": [public(GET, slug="guide"), public(GET, allowed={"editor"}, slug="draft_guide")],
    "networks:detail": [public(GET, slug="network"), public(GET, allowed=OWNER_AND_STAFF, slug="pending_network")],
    "networks:evaluate": [
        Access((GET, POST), SIGNED_IN, kwargs={"slug": "network"}),
        Access((GET, POST), OWNER_AND_STAFF, kwargs={"slug": "pending_network"}),
    ],
    "networks:membership": [
        Access((GET, POST), SIGNED_IN, kwargs={"slug": "network"}),
        Access((GET, POST), OWNER_AND_STAFF, kwargs={"slug": "pending_network"}),
    ],
    "networks:evaluation_delete": mine(POST, pk="evaluation"),
    "networks:membership_delete": mine(POST, pk="membership"),
    "tracker:goal_detail": mine(GET, pk="goal"),
    "tracker:goal_edit": mine(GET, POST, pk="goal"),
    "tracker:goal_progress": mine(POST, pk="goal"),
    "tracker:goal_status": mine(POST, pk="goal"),
    "tracker:goal_delete": mine(GET, POST, pk="goal"),
    "tracker:contact_detail": mine(GET, pk="contact"),
    "tracker:contact_edit": mine(GET, POST, pk="contact"),
    "tracker:contact_delete": mine(GET, POST, pk="contact"),
    "tracker:contact_thank_you": mine(POST, pk="contact"),
    "tracker:interaction_add_for_contact": mine(GET, POST, contact_pk="contact"),
    "tracker:interaction_edit": mine(GET, POST, pk="interaction"),
    "tracker:interaction_delete": mine(GET, POST, pk="interaction"),
    "tracker:followup_edit": mine(GET, POST, pk="follow_up"),
    "tracker:followup_done": mine(POST, pk="follow_up"),
    "tracker:followup_snooze": mine(POST, pk="follow_up"),
    "tracker:followup_delete": mine(GET, POST, pk="follow_up"),
    "tracker:event_detail": mine(GET, pk="event"),
    "tracker:event_edit": mine(GET, POST, pk="event"),
    "tracker:event_delete": mine(GET, POST, pk="event"),
    "tracker:event_during": mine(GET, POST, pk="event"),
    "tracker:event_debrief": mine(GET, POST, pk="event"),
    # Coaching, the coach's side: alice's invitation to dave is his to answer.
    "coaching:invitation_accept": coach_page(POST, allowed={"dave"}, pk="dave_invitation"),
    "coaching:invitation_decline": coach_page(POST, allowed={"dave"}, pk="dave_invitation"),
    "coaching:invitation_withdraw": coach_page(POST, allowed={"dave"}, pk="dave_invitation"),
    "coaching:client": coach_page(GET, allowed=PROGRESS_COACHES, member_id="alice"),
    "coaching:client_contacts": coach_page(GET, allowed=FULL_COACH, member_id="alice"),
    "coaching:client_contact": coach_page(GET, allowed=FULL_COACH, member_id="alice", pk="contact"),
    "coaching:client_follow_ups": coach_page(GET, allowed=FULL_COACH, member_id="alice"),
    "coaching:comment_add": coach_page(POST, allowed=PROGRESS_COACHES, member_id="alice"),
    # bob's conversation with alice: fiona coaches her too, but it is not hers.
    "coaching:comment_reply": coach_page(POST, allowed={"bob"}, member_id="alice", pk="bob_comment"),
    "coaching:suggestion_add": coach_page(POST, allowed=PROGRESS_COACHES, member_id="alice"),
    # Sessions, private notes and the report: any active grant (progress is enough), never after revocation.
    "coaching:client_sessions": coach_page(GET, POST, allowed=PROGRESS_COACHES, member_id="alice"),
    "coaching:client_notes": coach_page(GET, POST, allowed=PROGRESS_COACHES, member_id="alice"),
    "coaching:client_report": coach_page(GET, allowed=PROGRESS_COACHES, member_id="alice"),
    # Coaching, the member's side.
    "coaching:sharing_accept": member_page(POST, pk="bob_grant"),
    "coaching:sharing_decline": member_page(POST, pk="bob_grant"),
    "coaching:sharing_scope": member_page(POST, pk="bob_grant"),
    "coaching:sharing_revoke": member_page(POST, pk="bob_grant"),
    "coaching:sharing_reply": member_page(POST, pk="bob_comment"),
    "coaching:suggestion_accept": member_page(POST, pk="suggestion"),
    "coaching:suggestion_decline": member_page(POST, pk="suggestion"),
}

# Patterns without parameters: public, for signed-in users, or for a role.
PLAIN_URLS = {
    "healthz": public(GET),
    "readyz": public(GET),
    "set_language": public(POST),
    # The sitemap and the feed are read-only: GET (and HEAD) only.
    "sitemap": public(GET),
    "markdownx_markdownify": editors_only(POST),
    "markdownx_upload": editors_only(POST),
    "home": public(GET),
    "accounts:signup": public(GET, POST),
    "accounts:signup_sent": public(GET),
    "accounts:login": django_form(public(GET, POST)),
    "accounts:logout": public(POST),
    "accounts:profile": signed_in(GET, POST),
    "accounts:password_change": django_form(signed_in(GET, POST)),
    "accounts:password_change_done": signed_in(GET),
    "accounts:password_reset": django_form(public(GET, POST)),
    "accounts:password_reset_done": public(GET),
    "accounts:password_reset_complete": public(GET),
    "accounts:data_export": signed_in(POST),
    "accounts:mail_settings": signed_in(POST),
    # Closing the notice of an answer to a suggested network: the answer's id is in the form (not theirs: 404).
    "networks:answer_dismiss": signed_in(POST),
    "accounts:account_delete": signed_in(GET, POST),
    "accounts:account_deleted": public(GET),
    "articles:list": public(GET),
    "articles:feed": public(GET),
    # The privacy notice, terms and contact page (sitepages/): read-only, for everyone.
    "sitepages:privacy": public(GET),
    "sitepages:terms": public(GET),
    "sitepages:contact": public(GET),
    "networks:list": public(GET),
    "networks:checklist": public(GET),
    "networks:compare": public(GET),
    "networks:mine": signed_in(GET),
    "networks:suggest": signed_in(GET, POST),
    "networks:priorities": signed_in(GET, POST),
    "tracker:dashboard": signed_in(GET),
    "tracker:goal_list": signed_in(GET),
    "tracker:progress": signed_in(GET),
    # The member's own budget of time and money, against their own joined networks.
    "tracker:giving": signed_in(GET, POST),
    # The report of a period, of the visitor's own data.
    "tracker:report": signed_in(GET),
    "tracker:goal_add": signed_in(GET, POST),
    "tracker:goal_templates": signed_in(GET),
    "tracker:goal_add_template": signed_in(POST),
    "tracker:contact_list": signed_in(GET),
    "tracker:contact_add": signed_in(GET, POST),
    # Acts on the visitor's own contacts only (tests/tracker/test_contact_list.py posts a stranger's ids).
    "tracker:contact_bulk": signed_in(POST),
    # JSON of the visitor's own contacts only (tests/tracker/test_contact_picker.py searches as a stranger).
    "tracker:contact_search": signed_in(GET),
    "tracker:interaction_list": signed_in(GET),
    "tracker:interaction_add": signed_in(GET, POST),
    "tracker:followup_list": signed_in(GET),
    "tracker:followup_add": signed_in(GET, POST),
    "tracker:event_list": signed_in(GET),
    "tracker:event_add": signed_in(GET, POST),
    "tracker:contact_import": signed_in(GET, POST),
    "tracker:contact_import_preview": signed_in(GET),
    "tracker:contact_import_confirm": signed_in(POST),
    "tracker:contact_import_cancel": signed_in(POST),
    "tracker:contact_import_result": signed_in(GET),
    "tracker:contact_export": signed_in(GET),
    "tracker:contact_export_xlsx": signed_in(GET),
    "tracker:contact_export_csv": signed_in(GET),
    "tracker:contact_export_csv_nordic": signed_in(GET),
    "tracker:contact_export_vcard": signed_in(GET),
    "tracker:calendar_regenerate": signed_in(POST),
    "tracker:reminders_toggle": signed_in(POST),
    "coaching:clients": coach_page(GET),
    "coaching:invite": coach_page(POST),
    "coaching:sharing": member_page(GET, allowed=MEMBERS),
    "coaching:sharing_invite": member_page(POST, allowed=MEMBERS),
    "coaching:member_sessions": member_page(GET, allowed=MEMBERS),
    # The action's id is in the form: without one it is a 400; someone else's is a 404
    # (tests/coaching/test_sessions.py).
    "coaching:action_answer": member_page(POST, allowed=MEMBERS),
}

# Every pattern under admin/ (Django's and every ModelAdmin's): staff only, checked once.
STAFF_ONLY = "admin"


# --- Walking the resolver -------------------------------------------------------------------------


def _walk(resolver, prefix="", namespace=None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield route, name, bool(entry.pattern.regex.groups)


def url_patterns():
    """{key: takes parameters} for every pattern: its name, or its route when it has none."""
    patterns = {}
    for route, name, has_parameters in _walk(get_resolver()):
        if route.startswith("admin/"):
            patterns[STAFF_ONLY] = True
            continue
        key = name or route
        patterns[key] = patterns.get(key, False) or has_parameters
    return patterns


def test_every_url_pattern_has_an_access_entry():
    patterns = url_patterns()
    missing_param = sorted(key for key, has_params in patterns.items() if has_params and key not in PARAM_URLS)
    missing_param = [key for key in missing_param if key != STAFF_ONLY]
    missing_plain = sorted(key for key, has_params in patterns.items() if not has_params and key not in PLAIN_URLS)
    assert not missing_param, (
        "URL patterns with parameters that tests/security/test_url_access.py does not know; add each to "
        f"PARAM_URLS with who may use it: {', '.join(missing_param)}"
    )
    assert not missing_plain, (
        "URL patterns without parameters that tests/security/test_url_access.py does not know; add each to "
        f"PLAIN_URLS: {', '.join(missing_plain)}"
    )
    stale = sorted(set(PARAM_URLS) - {k for k, p in patterns.items() if p}) + sorted(
        set(PLAIN_URLS) - {k for k, p in patterns.items() if not p}
    )
    assert not stale, f"Entries for URL patterns that no longer exist (or moved table): {', '.join(stale)}"
    assert STAFF_ONLY in patterns


def _url(key, kwargs):
    # The media pattern has no name; everything else is reversed by name.
    if key == MEDIA_PATTERN:
        return f"/{MEDIA_PATTERN.split('<')[0]}{kwargs['path']}"
    return reverse(key, kwargs=kwargs)


def _missing_url(key, access, world):
    """The same URL with every id replaced by one that does not exist (None when it takes no id)."""
    kwargs = {name: world[source] for name, source in access.kwargs.items()}
    ids = [name for name, value in kwargs.items() if isinstance(value, int)]
    if not ids:
        return None
    return _url(key, {**kwargs, **dict.fromkeys(ids, MISSING_ID)})


def _send(client, method, url, actor):
    if method == POST:
        # An address per visitor: sign-up and password-reset requests are limited per address too.
        return client.post(url, {**POST_DATA, "email": f"nobody-{actor}@example.com"})
    return client.generic(method, url)


def _verdict(response, expected, login_page):
    status = response.status_code
    location = response.get("Location", "")
    if expected == LOGIN:
        return status == 302 and location.startswith(login_page)
    if expected == OK:
        return status in (200, 302, 303, 400) and not location.startswith(login_page)
    return status == expected


def _body(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode(errors="replace")


def _shown_secrets(key, actor, response, calendar_token):
    """alice's private names (and her calendar feed's token) on a page `actor` may not read them on."""
    if actor == "alice" or response.status_code != 200:
        return []
    allowed = SEES_ON_COACHING_PAGES.get(actor, set()) if key.startswith("coaching:") else set()
    body = _body(response)
    return [secret for secret in (*SECRETS.values(), calendar_token) if secret not in allowed and secret in body]


def _rows(models):
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def _alices_tracker():
    alice = {"goal__owner__email": "alice@example.com"}
    return {
        model.__name__: list(model.objects.filter(**lookup).order_by("pk").values())
        for model, lookup in [
            (Goal, {"owner__email": "alice@example.com"}),
            (GoalProgress, alice),
            (Contact, {"owner__email": "alice@example.com"}),
            (Interaction, {"owner__email": "alice@example.com"}),
            (FollowUp, {"owner__email": "alice@example.com"}),
            (Event, {"owner__email": "alice@example.com"}),
        ]
    }


EVERYTHING = (
    Goal,
    GoalProgress,
    Contact,
    Interaction,
    FollowUp,
    Event,
    Evaluation,
    Membership,
    Priority,
    Network,
    CoachGrant,
    CoachComment,
    GoalSuggestion,
    Article,
)


def _users():
    return list(User.objects.order_by("pk").values("pk", "email", "display_name", "role", "is_active", "password"))


def _check(world, key, access):
    """Every visitor with GET and POST (and an allowed visitor with PUT, PATCH and DELETE): first
    every request that must be refused, with the same request for a missing id beside it; then the
    allowed ones, alice's last (an allowed POST may delete the object or log its visitor out).
    Returns the number of (URL, visitor, method) cases checked."""
    kwargs = {name: world[source] for name, source in access.kwargs.items()}
    url = _url(key, kwargs)
    missing = _missing_url(key, access, world)
    login_page = reverse("accounts:login")
    # One client per visitor and URL: only an allowed POST (the last requests) may log its visitor out.
    # Each visitor from an address of their own, as in life (limits count per address).
    clients = {actor: client_for(world, actor, REMOTE_ADDR=f"10.0.0.{n}") for n, actor in enumerate(ACTORS, 1)}
    failures = []
    cases = 0

    def request(actor, method, target, expected):
        nonlocal cases
        cases += 1
        response = _send(clients[actor], method, target, actor)
        if not _verdict(response, expected, login_page):
            failures.append(
                f"{method} {target} as {actor}: expected {expected}, got {response.status_code} "
                f"{response.get('Location', '')}".strip()
            )
        leaked = _shown_secrets(key, actor, response, world["calendar_token"])
        if leaked and "token" not in str(access.kwargs):  # a token's holder is its owner
            failures.append(f"{method} {target} as {actor} shows alice's {leaked}")
        return response

    plan = [(actor, method, access.expect(actor, method)) for method in (GET, POST) for actor in ACTORS]
    before, users_before = _rows(EVERYTHING), _users()
    for actor, method, expected in plan:
        if expected != OK:
            request(actor, method, url, expected)
        if missing and expected in (OK, 404, 405, LOGIN):
            # Someone else's object is exactly a missing one; a missing one is a 404 even for alice,
            # and anonymous visitors learn nothing before they log in.
            request(actor, method, missing, 404 if expected == OK else expected)
    tester = next((actor for actor in ("alice", *ACTORS) if actor in access.allowed), None)
    if tester is not None and access.other_methods:
        for method in OTHER_METHODS:
            expected = LOGIN if tester == "anonymous" and access.login and not access.method_first else 405
            request(tester, method, url, expected)
    assert not failures, "\n".join(failures)
    assert _rows(EVERYTHING) == before, f"{key}: a refused request changed data"
    assert _users() == users_before, f"{key}: a refused request changed a user"

    tracker_before = _alices_tracker()
    allowed = sorted((p for p in plan if p[2] == OK), key=lambda p: (p[0] == "alice", p[1] == POST))
    for actor, method, expected in allowed:
        if actor == "alice":
            assert _alices_tracker() == tracker_before, f"{key}: someone other than alice changed her tracker"
        request(actor, method, url, expected)
    assert not failures, "\n".join(failures)
    if not any(actor == "alice" for actor, _method, _expected in allowed):
        assert _alices_tracker() == tracker_before, f"{key}: someone other than alice changed her tracker"
    return cases


def _cases(table):
    for key, accesses in table.items():
        for number, access in enumerate(accesses if isinstance(accesses, list) else [accesses]):
            yield pytest.param(key, access, id=f"{key}#{number}" if isinstance(accesses, list) else key)


# The world's values that are ids (the others are slugs, tokens and paths).
ID_KEYS = frozenset(
    {"alice", "goal", "contact", "interaction", "follow_up", "event", "evaluation", "membership"}
    | {"bob_grant", "dave_invitation", "bob_comment", "suggestion"}
)


def planned_cases(access) -> int:
    """How many (URL, visitor, method) cases `_check` tries for one entry."""
    plan = [access.expect(actor, method) for method in (GET, POST) for actor in ACTORS]
    takes_id = any(source in ID_KEYS for source in access.kwargs.values())
    missing = sum(expected in (OK, 404, 405, LOGIN) for expected in plan) if takes_id else 0
    return len(plan) + missing + (len(OTHER_METHODS) if access.allowed and access.other_methods else 0)


def all_planned_cases() -> int:
    return sum(planned_cases(param.values[1]) for table in (PARAM_URLS, PLAIN_URLS) for param in _cases(table))


# The four access matrices this one replaced (the security, tracker, coaching and tracker I/O ones)
# checked 2,550 (URL and object, visitor, method) cases between them, 1,855 of them distinct, as
# counted from their own tables; this one must not check fewer.
CASES_BEFORE = 2550


def test_the_matrix_checks_at_least_as_many_cases_as_the_matrices_it_replaced():
    total = all_planned_cases()
    print(f"access matrix: {total} (URL, visitor, method) cases")
    assert total >= CASES_BEFORE


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "access"), list(_cases(PARAM_URLS)))
def test_objects_answer_each_visitor_as_the_roles_table_says(world, key, access):
    assert _check(world, key, access) == planned_cases(access)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "access"), list(_cases(PLAIN_URLS)))
def test_pages_answer_each_visitor_as_the_roles_table_says(world, key, access):
    assert _check(world, key, access) == planned_cases(access)


@pytest.mark.django_db
def test_the_admin_is_for_staff_only(world):
    # Editors are staff (they write guides there); everyone else is sent to the admin's log-in.
    for actor in ACTORS:
        response = client_for(world, actor).get("/admin/")
        if actor == "editor":
            assert response.status_code == 200, actor
        else:
            assert response.status_code == 302, actor
            assert response["Location"].startswith("/admin/login/"), actor
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = client_for({"users": {"staff": staff}}, "staff")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_wrong_tokens_find_nothing(world):
    client = client_for(world, "anonymous")
    assert client.get("/ics/" + "x" * 43 + ".ics").status_code == 404
    assert client.get("/ics/short.ics").status_code == 404
    assert client.get("/reminders/off/not-a-signed-token/").status_code == 400
    assert client.post("/reminders/off/not-a-signed-token/").status_code == 400
    response = client.get(f"/en/accounts/password/reset/{world['alice_uidb64']}/not-the-token/")
    assert response.status_code == 200
    assert response.context["validlink"] is False


@pytest.mark.django_db
def test_a_strangers_object_looks_exactly_like_a_missing_one(world):
    # Same status and same page: a 404 must not reveal that the id exists.
    charlie = client_for(world, "charlie")
    pages = []
    for pk in (world["contact"], world["contact"] + 10_000):
        url = reverse("tracker:contact_detail", kwargs={"pk": pk})
        response = charlie.get(url)
        assert response.status_code == 404
        pages.append(_comparable(response.content.decode(), url))
    assert pages[0] == pages[1]


def _comparable(html, url):
    # The log-out form's CSRF token is masked anew in every response; the language switcher names the page.
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return html.replace(url, "<the requested page>")


@pytest.mark.django_db
def test_read_only_endpoints_answer_head_for_crawlers_and_caches(world):
    """The sitemap, the guides' feed, the uploads and the calendar feed refuse POST (the tables
    above) but answer HEAD, as crawlers, feed readers and caches ask it."""
    client = client_for(world, "anonymous")
    urls = [
        reverse("sitemap"),
        reverse("articles:feed"),
        f"/{MEDIA_PATTERN.split('<')[0]}{world['media_file']}",
        reverse("calendar_feed", kwargs={"token": world["calendar_token"]}),
    ]
    for url in urls:
        assert client.head(url).status_code == 200, url
