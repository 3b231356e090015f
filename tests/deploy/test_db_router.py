"""The optional read replica (rookie/db_router.py): only anonymous GETs read from it."""

from django.conf import settings
from django.http import HttpResponse

from accounts.models import User
from rookie.db_router import ReplicaReadsMiddleware, ReplicaRouter
from tests.deploy.settings_probe import settings_probe


def _read_database_during(request):
    """Which database the router picks for a read made inside the view of `request`."""
    seen = []

    def view(_request):
        seen.append(ReplicaRouter().db_for_read(User))
        return HttpResponse("ok")

    ReplicaReadsMiddleware(view)(request)
    return seen[0]


def test_an_anonymous_get_reads_from_the_replica(rf):
    assert _read_database_during(rf.get("/en/guides/")) == "replica"
    assert _read_database_during(rf.head("/en/networks/")) == "replica"


def test_a_signed_in_member_reads_from_the_primary_and_sees_their_own_writes(rf):
    request = rf.get("/en/me/contacts/1/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "some-session-key"
    assert _read_database_during(request) is None  # None: the default database, the primary


def test_a_post_reads_from_the_primary(rf):
    assert _read_database_during(rf.post("/en/accounts/login/", {"username": "a@example.com"})) is None


def test_outside_a_request_reads_and_writes_use_the_primary(rf):
    router = ReplicaRouter()
    _read_database_during(rf.get("/en/"))  # the flag does not outlive its request
    assert router.db_for_read(User) is None
    assert router.db_for_write(User) == "default"
    assert router.allow_migrate("default", "accounts") is True
    assert router.allow_migrate("replica", "accounts") is False


def _database_settings(**env):
    script = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({'databases': sorted(s.DATABASES), 'routers': s.DATABASE_ROUTERS,"
        " 'middleware': s.MIDDLEWARE[0], 'mirror': s.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'),"
        " 'replica_host': s.DATABASES.get('replica', {}).get('HOST')}))"
    )
    return settings_probe(script, drop={"DATABASE_URL", "DATABASE_REPLICA_URL"}, **env)


def test_the_router_is_on_only_when_database_replica_url_is_set():
    primary = "postgres://u@primary.internal:5432/rookie"
    without = _database_settings(DATABASE_URL=primary)
    assert without["databases"] == ["default"]
    assert without["routers"] == []
    assert without["middleware"] != "rookie.db_router.ReplicaReadsMiddleware"

    found = _database_settings(DATABASE_URL=primary, DATABASE_REPLICA_URL="postgres://u@replica.internal:5432/rookie")
    assert found["databases"] == ["default", "replica"]
    assert found["replica_host"] == "replica.internal"
    assert found["routers"] == ["rookie.db_router.ReplicaRouter"]
    assert found["middleware"] == "rookie.db_router.ReplicaReadsMiddleware"
    assert found["mirror"] == "default"
