"""The fixtures every app's tests share: the named users, alice's objects, and one `world`.

- alice: a member; owns her goals, contacts, follow-ups, events, evaluations and memberships.
- bob: a career coach. With `bob_grant` (and in `world`) alice shares her progress with him;
  without it he is a coach she never shared with.
- charlie: a member and a stranger to alice; must get 404 on every one of her objects.
- editor: staff in the Editors group (guides only), like seed_demo's editor; never a superuser.
- staff: staff without any permission.
The coaches of the access tests: fiona (alice's FULL scope), rita (revoked), dave (invited, has
not answered: no grant), ivan (invited in the coaching tests). `world` puts them all together.

The services some tests need are named, never assumed: `redis_server` fails with how to start
Redis when it is down; the browser tests do the same for Chromium, the proxy tests for Caddy.
"""

import gc
import importlib
import os
import socket
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, load_backend
from django.contrib.auth.tokens import default_token_generator
from django.core import management
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.template.base import Template
from django.test import Client, override_settings
from django.urls import resolve
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import settings as hypothesis_settings
from whitenoise.base import WhiteNoise

from accounts.models import GrantScope, GrantStatus
from accounts.signup import PendingSignup, signup_token_make
from accounts.tracker.transfers.calendar import feed_for
from accounts.tracker.transfers.reminders import opt_out_token
from articles.models import Article
from networks.models import Criterion, Network
from tests import sqlite_template
from tests.factories import (
    TEST_PASSWORD,
    CoachFactory,
    CommentFactory,
    ContactFactory,
    EventFactory,
    FollowUpFactory,
    GoalFactory,
    GrantFactory,
    InteractionFactory,
    MembershipFactory,
    NetworkFactory,
    SuggestionFactory,
    UserFactory,
    editor_make,
    evaluate,
)

LANGUAGES = ["en", "sv", "da", "fi"]

# Hypothesis: CI runs each property with the example counts the tests ask for (examples() in
# tests/examples.py); a local run tries a fifth of them. HYPOTHESIS_PROFILE=ci locally for CI's.
hypothesis_settings.register_profile("ci", deadline=None, print_blob=True)
hypothesis_settings.register_profile("dev", deadline=None, max_examples=20)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

REDIS_ADDRESS = ("127.0.0.1", 6379)
REDIS_START = (
    "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no "
    "--dir /var/lib/redis --logfile /var/log/redis/ci.log"
)


def require_redis(address=REDIS_ADDRESS) -> None:
    """Fail the test, in one line saying how to start it, unless Redis answers at `address`."""
    where = f"{address[0]}:{address[1]}"
    try:
        with socket.create_connection(address, timeout=2) as connection:
            connection.sendall(b"PING\r\n")
            answer = connection.recv(16)
    except OSError as error:
        pytest.fail(f"Redis is not running at {where} ({error}); start it with: {REDIS_START}", pytrace=False)
    if not answer.startswith(b"+PONG"):
        pytest.fail(f"{where} answered {answer!r}, not Redis; start Redis with: {REDIS_START}", pytrace=False)


@pytest.fixture(scope="session")
def redis_server():
    """The machine's Redis (127.0.0.1:6379), which .ci/run starts; a clear failure when it is down."""
    require_redis()


# Production hashes with Argon2 (and checks PBKDF2 at a million rounds): hundreds of milliseconds per
# log-in. The tests use a fast hasher; the tests of passwords themselves ask for `production_hashers`.
PRODUCTION_HASHERS = list(settings.PASSWORD_HASHERS)
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


# Django's test Client builds the middleware afresh for every client, and WhiteNoise walks and stats
# STATIC_ROOT in its constructor: tens of milliseconds per client, most of a short test. A production
# process walks it once; so does each test process: the first walk of a folder is kept and reused.
@pytest.fixture(autouse=True, scope="session")
def _static_files_walked_once():
    walks = {}
    walk = WhiteNoise.update_files_dictionary

    def walk_once(self, root, prefix):
        if (root, prefix) not in walks:
            kept, self.files = self.files, {}
            walk(self, root, prefix)
            walks[root, prefix], self.files = self.files, kept
        self.files.update(walks[root, prefix])

    WhiteNoise.update_files_dictionary = walk_once
    yield
    WhiteNoise.update_files_dictionary = walk


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory, worker_id):
    """A function that returns the path of an SQLite database migrated by `manage.py migrate`, made
    once per test run (tests/sqlite_template.py). Never write to it: copy it (`migrated_sqlite_file`)."""
    # The workers' temporary folders share a parent, the controller's; one process alone has its own.
    shared = tmp_path_factory.getbasetemp().parent if worker_id != "master" else tmp_path_factory.getbasetemp()
    return partial(sqlite_template.ensure, shared)


@pytest.fixture(scope="session")
def migrated_sqlite_file(migrated_sqlite_template):
    """A function that writes a migrated SQLite database at a path, for the tests that start other
    processes (gunicorn, workers, README commands) on a file of their own: each use gets a copy of
    the run's one migrated template (SQLite's backup, which also carries what the WAL holds). The
    tests of migrating itself (the start script's RUN_MIGRATIONS) migrate on their own."""

    def write_to(path: Path) -> Path:
        return sqlite_template.sqlite_copy(migrated_sqlite_template(), path)

    return write_to


@pytest.fixture(scope="session")
def django_db_setup(_test_database_from_the_template, django_db_setup):
    """pytest-django's test databases; on SQLite, each worker's in-memory database is a copy of the
    run's migrated template instead of being migrated again (see below). Once they exist,
    `call_command("migrate")` migrates again, for the tests of migrating itself."""
    _test_database_from_the_template()
    return django_db_setup


@pytest.fixture(scope="session")
def _test_database_from_the_template(migrated_sqlite_template):
    """Set up before pytest-django creates the test databases, and undone (the function it returns)
    as soon as they exist: `migrate` on an in-memory SQLite database copies the migrated template
    into it (the same `manage.py migrate`, its post-migrate steps included) by SQLite's backup
    instead of migrating. Migrating took 4.2 s of CPU in each worker, and the template is made once
    per run anyway for the tests that start processes. PostgreSQL migrates as before."""
    real_call_command = management.call_command

    def call_command(name, *args, **options):
        connection = connections[options.get("database", DEFAULT_DB_ALIAS)]
        if name == "migrate" and connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.ensure_connection()
            with closing(sqlite3.connect(migrated_sqlite_template())) as template:
                template.backup(connection.connection)
            return None
        return real_call_command(name, *args, **options)

    def undo():
        management.call_command = real_call_command

    management.call_command = call_command
    yield undo
    undo()


# Python's cyclic garbage collector runs after every 700 new container objects, and each full pass
# walks every object alive: the imported project, Django and the collected tests. The tests make
# millions of short-lived model instances, querysets and template contexts: tests/tracker alone
# collected 3,656 times, 18 of them full passes, for about a tenth of its CPU time. At 50,000 it
# collects 30 times, and what exists once collection is done (modules, test items) is frozen out
# of the passes.
GC_THRESHOLDS = (50_000, 50, 100)


def pytest_configure(config):
    gc.set_threshold(*GC_THRESHOLDS)


_TEMPLATE_IN_THE_BACKGROUND = pytest.StashKey[subprocess.Popen]()


def pytest_sessionstart(session):
    # The xdist controller, before it starts the workers: on SQLite, the run's migrated template is
    # made while they start and collect, instead of by the first of them while the other waits.
    config = session.config
    sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    if sqlite and getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        folder = config._tmp_path_factory.getbasetemp()
        config.stash[_TEMPLATE_IN_THE_BACKGROUND] = subprocess.Popen(
            [sys.executable, "-m", "tests.sqlite_template", str(folder)], cwd=sqlite_template.ROOT
        )


def pytest_sessionfinish(session):
    background = session.config.stash.get(_TEMPLATE_IN_THE_BACKGROUND, None)
    if background is not None:
        background.wait()


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()


# Under test, every template Django renders sends the template_rendered signal, and the test client
# keeps a copy of each one's context (for response.context and assertTemplateUsed). That includes
# the templates Django's form renderer uses for each field, label, error list and widget (every
# <option> of a select), dozens per form page, which no test reads. Rendering those without the
# signal took 7-12 % off the CPU time of tests/tracker, tests/coaching and the form fuzzing. Our
# own templates, the admin's and any widget template of ours keep it.
FORM_RENDERER_TEMPLATES = "django/forms/"


@pytest.fixture(scope="session", autouse=True)
def _form_renderer_templates_without_the_test_signal(django_test_environment):
    instrumented = Template._render

    def render(template, context):
        # Templates made from a string have no name.
        if (template.origin.template_name or "").startswith(FORM_RENDERER_TEMPLATES):
            return template.nodelist.render(context)
        return instrumented(template, context)

    Template._render = render
    yield
    Template._render = instrumented


LOADGROUP_LOST = pytest.StashKey[str]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Fail the grouped tests when `--dist loadgroup` does not group them: each xdist_group (the crawl,
    the gunicorn pair, the proxy) would otherwise start its servers or crawl once per worker,
    silently. pytest-xdist marks a grouped test by appending "@group" to its node id on the worker;
    some pytest releases ignore that (pytest-xdist issue 1386), hence the pin in pyproject.toml."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
            item.stash[LOADGROUP_LOST] = (
                "--dist loadgroup did not group this test: this pytest and pytest-xdist do not work "
                "together; install the versions in requirements.lock (make install)"
            )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any fixture, so that a lost group fails at once instead of crawling or starting servers.
    if LOADGROUP_LOST in item.stash:
        pytest.fail(item.stash[LOADGROUP_LOST], pytrace=False)


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate-limit counters and rendered-HTML caches must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    # Tests that care about a language activate it; the rest start from English.
    translation.activate("en")
    yield
    translation.deactivate()


# --- People ---------------------------------------------------------------------------------------


@pytest.fixture
def password():
    return TEST_PASSWORD


# The people of the fixtures below, by name: `world_for_the_module` makes the same people.
PEOPLE = {
    "alice": partial(UserFactory, email="alice@example.com", display_name="Alice Andersson", preferred_language="sv"),
    "bob": partial(CoachFactory, email="bob@example.com", display_name="Bob Berg", preferred_language="en"),
    "charlie": partial(
        UserFactory, email="charlie@example.com", display_name="Charlie Christensen", preferred_language="da"
    ),
    "editor": partial(editor_make, email="editor@example.com", display_name="Eddie Editor", preferred_language="en"),
    "fiona": partial(CoachFactory, email="fiona@example.com", display_name="Fiona Fagerlund", preferred_language="fi"),
    "rita": partial(CoachFactory, email="rita@example.com", display_name="Rita Rask"),
    "dave": partial(CoachFactory, email="dave@example.com", display_name="Dave Dahl"),
    "ivan": partial(CoachFactory, email="ivan@example.com", display_name="Ivan Isaksen"),
}


@pytest.fixture
def alice(db):
    return PEOPLE["alice"]()


@pytest.fixture
def bob(db):
    return PEOPLE["bob"]()


@pytest.fixture
def charlie(db):
    return PEOPLE["charlie"]()


@pytest.fixture
def editor(db):
    return PEOPLE["editor"]()


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.com", is_staff=True)


@pytest.fixture
def superuser(db):
    return UserFactory(email="superuser@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def fiona(db):
    return PEOPLE["fiona"]()


@pytest.fixture
def rita(db):
    return PEOPLE["rita"]()


@pytest.fixture
def dave(db):
    return PEOPLE["dave"]()


@pytest.fixture
def ivan(db):
    return PEOPLE["ivan"]()


def sign_in(client: Client, user) -> Client:
    """The client signed in as `user`, as Client.force_login leaves it, without logging in: the session
    a log-in leaves behind (the user, the backend, the password's hash) saved with one insert, and its
    cookie. force_login runs the whole log-in, a session made, then cycled to a new key and saved
    again, and the log-in's receivers (last_login, the audit line, axes' access log): 3.6 ms against
    1 ms, for the two thousand signed-in clients the suite makes. Logging in itself is tested through
    the log-in form (tests/accounts, tests/security)."""
    backend = next(path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user"))
    session = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME].update({"path": "/", "domain": settings.SESSION_COOKIE_DOMAIN})
    return client


@pytest.fixture
def alice_client(client, alice):
    return sign_in(client, alice)


@pytest.fixture
def charlie_client(client, charlie):
    return sign_in(client, charlie)


@pytest.fixture
def editor_client(client, editor):
    return sign_in(client, editor)


@pytest.fixture
def staff_client(client, staff):
    return sign_in(client, staff)


@pytest.fixture
def superuser_client(superuser):
    # A client of its own: tests use it beside `client` (a member's) in the same test.
    return sign_in(Client(), superuser)


# --- Alice's coaches ------------------------------------------------------------------------------


@pytest.fixture
def bob_grant(alice, bob):
    return GrantFactory(member=alice, coach=bob, scope=GrantScope.PROGRESS)


@pytest.fixture
def fiona_grant(alice, fiona):
    return GrantFactory(member=alice, coach=fiona, scope=GrantScope.FULL)


@pytest.fixture
def rita_grant(alice, rita):
    return GrantFactory(member=alice, coach=rita, scope=GrantScope.FULL, status=GrantStatus.REVOKED)


@pytest.fixture
def ivan_invitation(alice, ivan):
    return GrantFactory(member=alice, coach=ivan, scope=GrantScope.PROGRESS, status=GrantStatus.AWAITING_COACH)


@pytest.fixture
def bob_comment(alice, bob, bob_grant):
    return CommentFactory(member=alice, coach=bob, body="Keep going!")


@pytest.fixture
def bob_suggestion(alice, bob, bob_grant):
    return SuggestionFactory(member=alice, coach=bob, title="Two informational interviews")


# --- Alice's objects: names no other page may show (the access tests look for them) ---------------

SECRETS = {
    "goal": "Alice secret goal",
    "contact": "Åsa Hemligsson",
    "interaction": "Private fika notes",
    "follow_up": "Private follow-up",
    "event": "Private event",
}


def alice_event_make(alice):
    return EventFactory(owner=alice, name=SECRETS["event"])


def alice_goal_make(alice):
    return GoalFactory(owner=alice, title=SECRETS["goal"])


def alice_contact_make(alice):
    return ContactFactory(owner=alice, name=SECRETS["contact"], keep_in_touch_days=30)


def alice_interaction_make(contact):
    return InteractionFactory(contact=contact, notes=SECRETS["interaction"])


def alice_follow_up_make(alice, contact):
    return FollowUpFactory(owner=alice, contact=contact, title=SECRETS["follow_up"])


def alice_objects_make(alice):
    contact = alice_contact_make(alice)
    return {
        "event": alice_event_make(alice),
        "goal": alice_goal_make(alice),
        "contact": contact,
        "interaction": alice_interaction_make(contact),
        "follow_up": alice_follow_up_make(alice, contact),
    }


@pytest.fixture
def alice_event(alice):
    return alice_event_make(alice)


@pytest.fixture
def alice_goal(alice):
    return alice_goal_make(alice)


@pytest.fixture
def alice_contact(alice):
    return alice_contact_make(alice)


@pytest.fixture
def alice_interaction(alice_contact):
    return alice_interaction_make(alice_contact)


@pytest.fixture
def alice_follow_up(alice, alice_contact):
    return alice_follow_up_make(alice, alice_contact)


@pytest.fixture
def alice_objects(alice_event, alice_goal, alice_contact, alice_interaction, alice_follow_up):
    return {
        "event": alice_event,
        "goal": alice_goal,
        "contact": alice_contact,
        "interaction": alice_interaction,
        "follow_up": alice_follow_up,
    }


# --- Networks -------------------------------------------------------------------------------------


@pytest.fixture
def criteria(db):
    return list(Criterion.objects.order_by("order"))


@pytest.fixture
def network(db):
    return NetworkFactory(name="Lund Tech Alumni", slug="lund-tech-alumni")


@pytest.fixture
def pending_network(db, charlie):
    """Suggested by charlie and not reviewed yet: charlie and staff may see it, alice may not."""
    return NetworkFactory(
        name="Charlie's Pub Night", slug="charlies-pub-night", status=Network.Status.PENDING, submitted_by=charlie
    )


@pytest.fixture
def checklist_seeded(db):
    """The five criteria, also in transactional tests.

    Migration 0004 seeds them, but every transactional test ends by emptying all tables. Django's
    serialized_rollback is meant to put them back, yet it relies on the connection that created the
    test database, which Playwright's greenlets and other threads do not always get; so seed again
    from the migration's own data when the table is empty. Browser tests therefore do not use
    serialized_rollback: after a plain transactional test's flush, post_migrate has already put the
    Editors group back (articles/apps.py), and restoring the serialized copy would add it twice.
    """
    if not Criterion.objects.exists():
        migration = importlib.import_module("networks.migrations.0004_seed_checklist_criteria")
        for spec in migration.CRITERIA:
            texts = {f"{field}_{code}": text for field in migration.TRANSLATED for code, text in spec[field].items()}
            Criterion.objects.create(order=spec["order"], key=spec["key"], **texts)


@contextmanager
def rows_for_the_module(django_db_blocker):
    """Rows written once for a module's tests and removed after them, for data that takes seconds
    to make (seed_demo, bench_data) and that each test only reads or changes in passing.

    The rows are written inside a transaction that is rolled back at the end; each test's own
    transaction is then a savepoint inside it, so whatever a test changes is undone before the next.
    Only for tests without transaction=True, which would empty the tables.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# --- The world the access and fuzz tests attack ---------------------------------------------------


def served_media_root() -> Path:
    """Where /media/ is served from: fixed when the URLconf was first imported (an earlier test may
    have overridden MEDIA_ROOT then), so ask the resolver rather than the settings."""
    return Path(resolve(f"/{settings.MEDIA_URL.lstrip('/')}x").kwargs["document_root"])


WORLD_PEOPLE = ("alice", "bob", "charlie", "editor", "fiona", "rita", "dave")


@contextmanager
def _world_rows(users, alice_objects):
    """The rows of `world` beside its people and alice's objects; yields what the tests read."""
    alice, bob, charlie, fiona, rita, dave = (
        users[name] for name in ("alice", "bob", "charlie", "fiona", "rita", "dave")
    )
    bob_grant = GrantFactory(member=alice, coach=bob, scope=GrantScope.PROGRESS)
    GrantFactory(member=alice, coach=fiona, scope=GrantScope.FULL)
    GrantFactory(member=alice, coach=rita, scope=GrantScope.FULL, status=GrantStatus.REVOKED)
    dave_invitation = GrantFactory(member=alice, coach=dave, status=GrantStatus.AWAITING_COACH)
    alice_objects["contact"].met_at_event = alice_objects["event"]
    alice_objects["contact"].save(update_fields=["met_at_event"])
    open_network = NetworkFactory(slug="open-network")
    pending = NetworkFactory(slug="alices-pending", status=Network.Status.PENDING, submitted_by=alice)
    guide = Article.objects.create(key="published-guide", title_en="Published", status=Article.Status.PUBLISHED)
    draft = Article.objects.create(key="draft-guide", title_en="Draft", status=Article.Status.DRAFT)
    charlie_event = EventFactory(owner=charlie)
    charlie_contact = ContactFactory(owner=charlie, met_at_event=charlie_event)
    media_file = served_media_root() / "security-tests" / f"{uuid.uuid4().hex}.txt"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_text("Nothing secret.")
    values = {
        "alice": alice.pk,
        **{kind: row.pk for kind, row in alice_objects.items()},
        "network": open_network.slug,
        "pending_network": pending.slug,
        "evaluation": evaluate(alice, open_network, [4, 4, 4, 4, 4]).pk,
        "membership": MembershipFactory(member=alice, network=open_network).pk,
        "bob_grant": bob_grant.pk,
        "dave_invitation": dave_invitation.pk,
        "bob_comment": CommentFactory(member=alice, coach=bob, author=bob).pk,
        "suggestion": SuggestionFactory(member=alice, coach=bob).pk,
        "guide": guide.slug_en,
        "draft_guide": draft.slug_en,
        "calendar_token": feed_for(alice).token,
        "reminders_token": opt_out_token(alice),
        "alice_uidb64": urlsafe_base64_encode(force_bytes(alice.pk)),
        "alice_reset_token": default_token_generator.make_token(alice),
        "signup_token": signup_token_make(PendingSignup("newcomer@example.com", "Newcomer", "en")),
        "media_file": media_file.relative_to(served_media_root()).as_posix(),
        # charlie's: what alice must never be able to link to or touch.
        "charlie_ids": [
            charlie_event.pk,
            charlie_contact.pk,
            GoalFactory(owner=charlie).pk,
            FollowUpFactory(owner=charlie, contact=charlie_contact).pk,
            NetworkFactory(status=Network.Status.PENDING, submitted_by=charlie).pk,
            GrantFactory(member=charlie, coach=CoachFactory()).pk,
        ],
    }
    try:
        yield {"users": users, **values}
    finally:
        media_file.unlink(missing_ok=True)


@pytest.fixture
def world(alice, bob, charlie, editor, fiona, rita, dave, alice_objects):
    """alice's objects, her coaches in every state, an editor, and a stranger with objects of his own.

    Values are what URLs take (ids, slugs, tokens); `users` holds the people by name.
    """
    users = {
        "alice": alice,
        "bob": bob,
        "charlie": charlie,
        "editor": editor,
        "fiona": fiona,
        "rita": rita,
        "dave": dave,
    }
    with _world_rows(users, alice_objects) as values:
        yield values


@pytest.fixture(scope="module")
def world_for_the_module(django_db_setup, django_db_blocker):
    """The same world, made once for a module whose tests only send requests to it (the access matrix,
    the form fuzzing): each test's transaction is a savepoint inside it, so whatever a request writes
    is undone before the next test. Not beside the people's own fixtures (alice, …) in one test:
    they would make the same people twice."""
    with rows_for_the_module(django_db_blocker):
        users = {name: PEOPLE[name]() for name in WORLD_PEOPLE}
        with _world_rows(users, alice_objects_make(users["alice"])) as values:
            yield values


def client_for(world, actor, **defaults) -> Client:
    """A client signed in as `actor` (a name in world["users"]), or signed out for "anonymous"."""
    client = Client(**defaults)
    if actor != "anonymous":
        sign_in(client, world["users"][actor])
    return client
