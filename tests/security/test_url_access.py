"""Every URL pattern of the project, tried by every kind of visitor, for GET and POST (DESIGN.md's roles table).

The test walks the URL resolver (includes, namespaces, the language-prefixed and the plain ones).
Each pattern must have an entry in PARAM_URLS (patterns that take an id, slug, token…) or PLAIN_URLS
(patterns without parameters); the admin is one "staff only" entry. A pattern in neither table fails
`test_every_url_pattern_has_an_access_entry` by name, so no view can be added without its check.

Adding a URL is one line: `"app:name": mine(GET, POST, pk="goal")` and friends below. The visitors:
- alice: a member; owns every object in `world` (and suggested the pending network);
- bob: her coach with the "progress" scope; fiona: her coach with "progress and contacts";
- dave: a coach she invited, who has not accepted (no access yet); charlie: a member, a stranger;
- anonymous: not logged in.
What each gets: the page or a redirect after a POST (OK); 404 for someone else's object (never 403);
403 for a signed-in user with the wrong role; the log-in page for anonymous visitors where a
log-in is needed (404 for drafts and pending networks); 405 for a method the view does not answer.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import UserFactory
from tests.security.conftest import client_for

ACTORS = ("anonymous", "charlie", "dave", "bob", "fiona", "alice")
COACHES = frozenset({"bob", "fiona", "dave"})
MEMBERS = frozenset({"alice", "charlie"})
SIGNED_IN = frozenset(ACTORS) - {"anonymous"}
EVERYONE = frozenset(ACTORS)
GET, POST = "GET", "POST"

OK, LOGIN = "ok", "log-in page"


@dataclass(frozen=True)
class Access:
    methods: tuple  # the methods the view answers; any other is a 405
    allowed: frozenset  # who gets the page (or a redirect after a POST); other signed-in users: 404
    login: bool = True  # anonymous visitors are sent to log in (else judged like everyone else)
    role: frozenset | None = None  # who has the role the view needs; other signed-in users: 403
    kwargs: dict = field(default_factory=dict)  # URL kwarg → key in `world`
    method_first: bool = False  # the method is checked before the log-in (405 even when anonymous)

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
    """The member's side of coaching: coaches have the wrong role (403)."""
    return Access(methods, allowed, role=MEMBERS, kwargs=kwargs)


def coach_page(*methods, allowed=COACHES, **kwargs):
    """The coach's side of coaching: members have the wrong role (403)."""
    return Access(methods, frozenset(allowed), role=COACHES, kwargs=kwargs)


def signed_in(*methods):
    return Access(methods, SIGNED_IN)


def public(*methods, allowed=EVERYONE, **kwargs):
    return Access(methods or (GET,), frozenset(allowed), login=False, kwargs=kwargs)


def editors_only(*methods):
    """Staff who may write guides; none of the visitors above may (403), anonymous → log-in."""
    return Access(methods, frozenset(), role=frozenset(), method_first=True)


MEDIA_PATTERN = "media/<path:path>"  # the uploads, served by django.views.static.serve (no name)
PROGRESS_COACHES = {"bob", "fiona"}
FULL_COACH = {"fiona"}

# Patterns that take a parameter: how alice's object is named, and who may do what.
PARAM_URLS = {
    # Tokens are the key: whoever holds the link gets the page (wrong tokens: test_wrong_tokens_*).
    "accounts:password_reset_confirm": public(GET, POST, uidb64="alice_uidb64", token="alice_reset_token"),
    "accounts:signup_confirm": public(GET, POST, token="signup_token"),
    "calendar_feed": public(GET, token="calendar_token"),
    "reminders_off": public(GET, POST, token="reminders_token"),
    # Uploads (re-encoded images, test_uploads.py): read-only, as require_safe makes the static view.
    MEDIA_PATTERN: public(GET, path="media_file"),
    "articles:detail": [public(GET, slug="guide"), public(GET, allowed=(), slug="draft_guide")],
    "networks:detail": [public(GET, slug="network"), public(GET, allowed={"alice"}, slug="pending_network")],
    "networks:evaluate": [
        Access((GET, POST), SIGNED_IN, kwargs={"slug": "network"}),
        mine(GET, POST, slug="pending_network"),
    ],
    "networks:membership": [
        Access((GET, POST), SIGNED_IN, kwargs={"slug": "network"}),
        mine(GET, POST, slug="pending_network"),
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
    "accounts:login": public(GET, POST),
    "accounts:logout": public(POST),
    "accounts:profile": signed_in(GET, POST),
    "accounts:password_change": signed_in(GET, POST),
    "accounts:password_change_done": signed_in(GET),
    "accounts:password_reset": public(GET, POST),
    "accounts:password_reset_done": public(GET),
    "accounts:password_reset_complete": public(GET),
    "accounts:data_export": signed_in(POST),
    "accounts:account_delete": signed_in(GET, POST),
    "accounts:account_deleted": public(GET),
    "articles:list": public(GET),
    "articles:feed": public(GET),
    "networks:list": public(GET),
    "networks:checklist": public(GET),
    "networks:compare": public(GET),
    "networks:mine": signed_in(GET),
    "networks:suggest": signed_in(GET, POST),
    "networks:priorities": signed_in(GET, POST),
    "tracker:dashboard": signed_in(GET),
    "tracker:goal_list": signed_in(GET),
    "tracker:goal_add": signed_in(GET, POST),
    "tracker:goal_templates": signed_in(GET),
    "tracker:goal_add_template": signed_in(POST),
    "tracker:contact_list": signed_in(GET),
    "tracker:contact_add": signed_in(GET, POST),
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
    "tracker:contact_export_csv": signed_in(GET),
    "tracker:contact_export_vcard": signed_in(GET),
    "tracker:calendar_regenerate": signed_in(POST),
    "tracker:reminders_toggle": signed_in(POST),
    "coaching:clients": coach_page(GET),
    "coaching:invite": coach_page(POST),
    "coaching:sharing": member_page(GET, allowed=MEMBERS),
    "coaching:sharing_invite": member_page(POST, allowed=MEMBERS),
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


def _clients(world):
    # One per visitor and URL: only an allowed POST (the last requests) may log its visitor out.
    return {actor: client_for(world, actor) for actor in ACTORS}


def _check(world, key, access):
    """Every visitor, GET then POST; within a method, those who are refused first (an allowed POST may
    delete the object)."""
    kwargs = {name: world[source] for name, source in access.kwargs.items()}
    # The media pattern has no name; everything else is reversed by name.
    url = f"/{MEDIA_PATTERN.split('<')[0]}{kwargs['path']}" if key == MEDIA_PATTERN else reverse(key, kwargs=kwargs)
    login_page = reverse("accounts:login")
    failures = []
    clients = _clients(world)
    for method in (GET, POST):
        actors = sorted(ACTORS, key=lambda actor: access.expect(actor, method) == OK)
        for actor in actors:
            expected = access.expect(actor, method)
            response = getattr(clients[actor], method.lower())(url)
            status = response.status_code
            location = response.get("Location", "")
            if expected == LOGIN:
                ok = status == 302 and location.startswith(login_page)
            elif expected == OK:
                ok = status in (200, 302, 303, 400) and not location.startswith(login_page)
            else:
                ok = status == expected
            if not ok:
                failures.append(f"{method} {url} as {actor}: expected {expected}, got {status} {location}".strip())
    assert not failures, "\n".join(failures)


def _cases(table):
    for key, accesses in table.items():
        for number, access in enumerate(accesses if isinstance(accesses, list) else [accesses]):
            yield pytest.param(key, access, id=f"{key}#{number}" if isinstance(accesses, list) else key)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "access"), list(_cases(PARAM_URLS)))
def test_objects_answer_each_visitor_as_the_roles_table_says(world, key, access):
    _check(world, key, access)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "access"), list(_cases(PLAIN_URLS)))
def test_pages_answer_each_visitor_as_the_roles_table_says(world, key, access):
    _check(world, key, access)


@pytest.mark.django_db
def test_the_admin_is_for_staff_only(world):
    staff = UserFactory(is_staff=True, is_superuser=True)
    for actor in ("anonymous", "alice", "bob"):
        response = client_for(world, actor).get("/admin/")
        assert response.status_code == 302, actor
        assert response["Location"].startswith("/admin/login/"), actor
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
