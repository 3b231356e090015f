"""Hostile input on every member-facing form: never a 5xx, and nothing written when the form says no.

FORMS lists the forms (where each is posted, by whom, and which tables it may write); the field
names are not listed but discovered from the page that shows the form, so a new field is fuzzed
without touching this file. Hypothesis then posts random subsets of the fields with random and
hostile values: over-long, unicode, NUL bytes, markup, numbers out of range, impossible dates,
valid choices, and the ids of charlie's objects (a stranger's ids must never be linked to).

Besides the random examples, every field is also tried alone with a huge number, -1 and a NUL byte
while the others keep a value the page offers (so the hostile value reaches the code behind a
valid form). After every post: the status is below 500; when the form was refused (anything but a redirect)
the listed tables are exactly as before; and no row of alice's points at someone else's row.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.urls import reverse
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from accounts.coaching import services as coaching_services
from accounts.models import (
    CoachComment,
    CoachGrant,
    Contact,
    Event,
    FollowUp,
    GivingBudget,
    Goal,
    GoalProgress,
    GoalSuggestion,
    Interaction,
    User,
)
from accounts.models.coaching import AgreedAction, CoachingSession, CoachNote
from networks.models import Evaluation, Membership, Network, Priority, Score
from tests.conftest import client_for
from tests.examples import examples

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(world_for_the_module):
    # Made once for the module (tests/conftest.py): what a test's requests write is undone after it.
    return world_for_the_module


FUZZ = settings(
    max_examples=examples(25),
    deadline=None,
    # No shrinking: a failure is reported with the example that found it, at once (shrinking a
    # stateful form post can take minutes).
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

TRACKER = (Goal, GoalProgress, Event, Contact, Interaction, FollowUp)
COACHING = (CoachGrant, CoachComment, GoalSuggestion)
SESSIONS = (CoachingSession, AgreedAction, CoachNote, GoalSuggestion, *TRACKER)
NETWORKS = (Network, Evaluation, Score, Membership, Priority)


@dataclass(frozen=True)
class Form:
    target: str  # the URL name the form posts to
    actor: str  # who fills it in (a key of world["users"], or "anonymous")
    models: tuple  # the tables it may write: unchanged when the form is refused
    kwargs: dict = field(default_factory=dict)  # URL kwargs → world keys
    page: str = ""  # the page that shows the form, when it is not the target itself (GET)
    query: str = ""  # the page's query string (forms that appear only on request)
    page_kwargs: dict | None = None  # the page's URL kwargs, when they are not the target's
    prepare: Callable[[dict], None] | None = None  # makes what the form needs to appear at all


def _session_with_open_actions(world):
    # The member's answer form shows only beside an agreed action she has not answered yet.
    grant = CoachGrant.objects.get(pk=world["bob_grant"])
    coaching_services.session_record(
        grant=grant,
        held_on=datetime.date(2026, 3, 2),
        discussed="Next steps",
        actions=[
            {"kind": "follow_up", "title": "Write to Ann", "due_date": datetime.date(2026, 3, 9)},
            {"kind": "goal", "title": "Two coffees", "goal_kind": "custom", "target": 2, "due_date": None},
        ],
    )


FORMS = [
    Form("accounts:signup", "anonymous", (User,)),
    Form("accounts:signup_confirm", "anonymous", (User,), {"token": "signup_token"}),
    Form("accounts:profile", "alice", (User,)),
    Form("accounts:password_change", "alice", (User,)),
    Form("accounts:account_delete", "alice", (User, *TRACKER)),
    Form("tracker:goal_add", "alice", TRACKER),
    Form("tracker:goal_edit", "alice", TRACKER, {"pk": "goal"}),
    Form("tracker:goal_progress", "alice", TRACKER, {"pk": "goal"}, page="tracker:goal_detail"),
    Form("tracker:goal_status", "alice", TRACKER, {"pk": "goal"}, page="tracker:goal_detail"),
    Form("tracker:goal_add_template", "alice", TRACKER, page="tracker:goal_templates"),
    Form("tracker:contact_add", "alice", TRACKER),
    Form("tracker:contact_edit", "alice", TRACKER, {"pk": "contact"}),
    Form("tracker:contact_thank_you", "alice", TRACKER, {"pk": "contact"}, "tracker:contact_detail", "thanks=1"),
    Form("tracker:interaction_add", "alice", TRACKER),
    Form("tracker:interaction_add_for_contact", "alice", TRACKER, {"contact_pk": "contact"}),
    Form("tracker:interaction_edit", "alice", TRACKER, {"pk": "interaction"}),
    Form("tracker:followup_add", "alice", TRACKER),
    Form("tracker:followup_edit", "alice", TRACKER, {"pk": "follow_up"}),
    Form("tracker:followup_snooze", "alice", TRACKER, {"pk": "follow_up"}, "tracker:followup_list", page_kwargs={}),
    Form("tracker:event_add", "alice", TRACKER),
    Form("tracker:event_edit", "alice", TRACKER, {"pk": "event"}),
    Form("tracker:event_during", "alice", TRACKER, {"pk": "event"}),
    Form("tracker:event_debrief", "alice", TRACKER, {"pk": "event"}),
    Form("tracker:contact_import", "alice", TRACKER),
    Form("tracker:reminders_toggle", "alice", (), page="accounts:profile"),
    Form("networks:evaluate", "alice", NETWORKS, {"slug": "network"}),
    Form("networks:membership", "alice", NETWORKS, {"slug": "network"}),
    Form("networks:suggest", "alice", NETWORKS),
    Form("networks:priorities", "alice", NETWORKS),
    Form("coaching:sharing_invite", "alice", COACHING, page="coaching:sharing"),
    Form("coaching:sharing_scope", "alice", COACHING, {"pk": "bob_grant"}, "coaching:sharing", page_kwargs={}),
    Form("coaching:sharing_reply", "alice", COACHING, {"pk": "bob_comment"}, "coaching:sharing", page_kwargs={}),
    Form("coaching:invite", "bob", COACHING, page="coaching:clients"),
    Form("coaching:comment_add", "bob", COACHING, {"member_id": "alice"}, page="coaching:client"),
    Form(
        "coaching:comment_reply",
        "bob",
        COACHING,
        {"member_id": "alice", "pk": "bob_comment"},
        "coaching:client",
        page_kwargs={"member_id": "alice"},
    ),
    Form("coaching:suggestion_add", "bob", COACHING, {"member_id": "alice"}, page="coaching:client"),
    Form("coaching:client_sessions", "bob", SESSIONS, {"member_id": "alice"}),
    Form("coaching:client_notes", "bob", SESSIONS, {"member_id": "alice"}),
    Form(
        "coaching:action_answer", "alice", SESSIONS, page="coaching:member_sessions", prepare=_session_with_open_actions
    ),
    Form("tracker:giving", "alice", (GivingBudget,)),
    Form("tracker:contact_bulk", "alice", TRACKER, page="tracker:contact_list"),
]

# Search, filter and paging parameters (GET): they write nothing, but hostile values must not break
# them either. The fields of a page's GET forms are discovered; links' parameters are listed.
SEARCHES = [
    ("networks:list", "anonymous", ["page"]),
    ("networks:list", "alice", ["page"]),
    ("networks:compare", "alice", []),
    ("articles:list", "anonymous", ["page", "category"]),
    ("tracker:contact_list", "alice", ["page", "tag"]),
    ("tracker:goal_list", "alice", ["page", "status"]),
    ("tracker:followup_list", "alice", ["page", "show"]),
    ("tracker:followup_add", "alice", ["contact"]),
]

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "åäöæøå ÅÄÖÆØÅ",
    "🚀🙂👩🏽‍💻",
    "x" * 5000,
    "y" * 201,
    "-1",
    "0",
    "1",
    "1001",
    "32768",
    "2147483648",
    "-9223372036854775809",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "3.5",
    "2024-02-30",
    "0001-01-01",
    "9999-12-31",
    "not a date",
    "'; DROP TABLE accounts_user; --",
    "\u202eevil",
    "../../etc/passwd",
    "javascript:alert(1)",
    "alice@example.com",
    "bob@example.com",
    "charlie@example.com",
    "\r\nBcc: victim@example.com",
]
UPLOADS = [
    b"",
    b"\x00" * 64,
    b"\x89PNG\r\n\x1a\n not really",
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<b>\x00</b>\r\nEND:VCARD\r\n",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nÅsa,Ö,,=cmd,<b>,,32 Feb 2024\r\n".encode(),
    b"\xff\xfe\x00\x00broken",
    b"a" * (1024 * 1024 + 1),  # just over the import limit
]


class _FormFields(HTMLParser):
    """The fields of every <form> on a page: {(method, action): {name: [known values]}}."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "fields": {}}
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        fields = self._form["fields"]
        if tag in ("input", "button", "textarea", "select") and name and name != "csrfmiddlewaretoken":
            kind = "file" if attrs.get("type") == "file" else "text"
            entry = fields.setdefault(name, {"kind": kind, "values": []})
            if tag in ("input", "button") and attrs.get("value") is not None:
                entry["values"].append(attrs["value"])
            if tag == "select":
                self._select = entry
        elif tag == "option" and self._select is not None and attrs.get("value") is not None:
            self._select["values"].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def discover(client, page_url, target_url, method, *, required=True):
    """The fields of the forms on `page_url` that send `method` to `target_url`."""
    response = client.get(page_url)
    assert response.status_code == 200, f"{page_url} answered {response.status_code}"
    parser = _FormFields()
    parser.feed(response.content.decode())
    fields = {}
    for form in parser.forms:
        action = urlsplit(form["action"]).path if form["action"] else urlsplit(page_url).path
        if form["method"] == method and action == target_url:
            for name, entry in form["fields"].items():
                known = fields.setdefault(name, {"kind": entry["kind"], "values": []})
                known["values"].extend(entry["values"])
    assert fields or not required, f"no {method} form for {target_url} on {page_url}"
    return fields


def _value(entry, foreign_ids):
    if entry["kind"] == "file":
        return st.sampled_from(UPLOADS).map(lambda data: SimpleUploadedFile("contacts.csv", data))
    choices = [st.sampled_from(HOSTILE), st.text(max_size=300), st.integers(-(2**70), 2**70).map(str)]
    choices.append(st.sampled_from([str(pk) for pk in foreign_ids] + ["999999"]))
    if entry["values"]:
        choices.append(st.sampled_from(entry["values"]))
    return st.one_of(choices)


def _post_data(fields, foreign_ids):
    # Any subset of the fields (missing ones included), each with a hostile or a valid value.
    return st.fixed_dictionaries({}, optional={name: _value(entry, foreign_ids) for name, entry in fields.items()})


# Also tried deterministically, one field at a time, with every other field at a value the page offers.
ONE_FIELD_AT_A_TIME = ["9223372036854775808", "-1", "a\x00b"]


def _explicit_examples(fields):
    baseline = {}
    for name, entry in fields.items():
        offered = [value for value in entry["values"] if value]
        if entry["kind"] != "file" and offered:
            baseline[name] = offered[0]
    return [
        {**baseline, name: value}
        for name, entry in fields.items()
        if entry["kind"] != "file"
        for value in ONE_FIELD_AT_A_TIME
    ]


def _snapshot(models):
    return {model._meta.label: list(model.objects.order_by("pk").values_list()) for model in models}


def _cross_links():
    """Rows of one person that point at another person's rows: must never exist."""
    checks = {
        "interaction → someone else's contact": Interaction.objects.exclude(owner=F("contact__owner")),
        "follow-up → someone else's contact": FollowUp.objects.filter(contact__isnull=False).exclude(
            owner=F("contact__owner")
        ),
        "goal → someone else's event": Goal.objects.filter(event__isnull=False).exclude(owner=F("event__owner")),
        "contact → someone else's event": Contact.objects.filter(met_at_event__isnull=False).exclude(
            owner=F("met_at_event__owner")
        ),
        "comment → someone else's goal": CoachComment.objects.filter(goal__isnull=False).exclude(
            member=F("goal__owner")
        ),
        "goal → a pending network of someone else": Goal.objects.filter(network__status=Network.Status.PENDING).exclude(
            network__submitted_by=F("owner")
        ),
        "contact → a pending network of someone else": Contact.objects.filter(
            met_at_network__status=Network.Status.PENDING
        ).exclude(met_at_network__submitted_by=F("owner")),
    }
    return [name for name, queryset in checks.items() if queryset.exists()]


def _url(name, kwargs, world):
    return reverse(name, kwargs={key: world[source] for key, source in kwargs.items()})


@pytest.mark.parametrize("form", FORMS, ids=[form.target for form in FORMS])
def test_forms_survive_hostile_input_and_write_nothing_when_they_refuse(world, form):
    target = _url(form.target, form.kwargs, world)
    page_kwargs = form.kwargs if form.page_kwargs is None else form.page_kwargs
    page = _url(form.page, page_kwargs, world) if form.page else target
    page = f"{page}?{form.query}" if form.query else page
    if form.prepare:
        form.prepare(world)
    signed_in = client_for(world, form.actor)
    fields = discover(signed_in, page, target, "post")

    @FUZZ
    @given(data=_post_data(fields, world["charlie_ids"]))
    def attack(data):
        cache.clear()  # the sign-up and deletion rate limits would otherwise answer 429 after a few
        # A new visitor each time for the sign-up (a success logs the client in); members keep theirs.
        client = signed_in if form.actor != "anonymous" else client_for(world, form.actor)
        before = _snapshot(form.models)
        response = client.post(target, data)
        assert response.status_code < 500
        if response.status_code not in (301, 302, 303):
            assert _snapshot(form.models) == before, f"a refused form ({response.status_code}) wrote rows"
        assert not _cross_links()

    for data in _explicit_examples(fields):
        attack = example(data=data)(attack)
    attack()


@pytest.mark.parametrize(("name", "actor", "parameters"), SEARCHES, ids=[f"{n}-{a}" for n, a, _p in SEARCHES])
def test_search_and_filter_parameters_survive_hostile_input(world, name, actor, parameters):
    url = reverse(name)
    client = client_for(world, actor)
    fields = discover(client, url, url, "get", required=False)
    for parameter in parameters:
        fields.setdefault(parameter, {"kind": "text", "values": []})
    assert fields

    @FUZZ
    @given(data=_post_data(fields, world["charlie_ids"]))
    def attack(data):
        response = client.get(url, data)
        assert response.status_code < 500

    for data in _explicit_examples(fields):
        attack = example(data=data)(attack)
    attack()
