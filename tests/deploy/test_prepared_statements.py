"""DATABASE_PREPARED_STATEMENTS (on by default): PostgreSQL connections bind on the server, so
psycopg prepares the statements a connection runs often and PostgreSQL stops planning them anew."""

from django.db import connection

from accounts.models import User
from tests.deploy.settings_probe import settings_probe

PRIMARY = "postgres://u@primary.internal:5432/rookie"
REPLICA = "postgres://u@replica.internal:5432/rookie"


def _binding(**env):
    script = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({name: [db.get('OPTIONS', {}).get(option) for option in ('server_side_binding',"
        " 'prepare_threshold')] for name, db in s.DATABASES.items()}))"
    )
    return settings_probe(script, drop={"DATABASE_URL", "DATABASE_REPLICA_URL", "DATABASE_PREPARED_STATEMENTS"}, **env)


def test_postgresql_connections_bind_on_the_server_unless_turned_off():
    on = _binding(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA)
    assert on == {"default": [True, 5], "replica": [True, 5]}
    off = _binding(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA, DATABASE_PREPARED_STATEMENTS="0")
    assert off == {"default": [None, None], "replica": [None, None]}
    assert _binding() == {"default": [None, None]}  # SQLite has no such options


def test_a_statement_run_often_is_prepared_on_postgresql(db):
    if connection.vendor != "postgresql":
        assert "server_side_binding" not in connection.settings_dict.get("OPTIONS", {})
        return
    for _ in range(6):  # psycopg prepares a statement on its fifth run on a connection
        User.objects.filter(pk=0).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", ['%"accounts_user"%'])
        assert cursor.fetchone()[0] >= 1
