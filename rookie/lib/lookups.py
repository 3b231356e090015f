"""`icontains` on text fields folds the case of every alphabet, on SQLite as on PostgreSQL.

On PostgreSQL, icontains compares UPPER() of both sides, which folds every alphabet under a UTF-8
locale (docs/DEPLOYMENT.md). On SQLite it is LIKE, which folds only A–Z: "örebro" would not find
"Örebro", nor "åbo" find "Åbo Akademi". This replaces icontains on CharField and TextField (and
their subclasses: e-mail, slug and translated fields) so that on SQLite both sides go through
Python's str.lower() instead, registered as an SQL function on each new SQLite connection. Every
search (the catalogue, guides, contacts, the admin's search boxes) gets it without asking.
Imported, and so registered, by RookieConfig.ready() (rookie/apps.py).
"""

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models.lookups import IContains
from django.db.models.sql.compiler import SQLCompiler
from django.dispatch import receiver

SQLITE_LOWER = "rookie_lower"


def _lower(value: object) -> str | None:
    return None if value is None else str(value).lower()


@receiver(connection_created, dispatch_uid="rookie.lib.lookups.sqlite_lower")
def add_lower_to_sqlite(sender: object, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_LOWER, 1, _lower, deterministic=True)


@models.CharField.register_lookup
@models.TextField.register_lookup
class UnicodeIContains(IContains):
    """Django's IContains (same name, same SQL elsewhere); only its SQLite form differs."""

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, tuple[Any, ...]]:
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        # A plain value arrives as "%text%" with LIKE's wildcards already escaped with a backslash.
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        sql = f"{SQLITE_LOWER}({lhs_sql}) LIKE {SQLITE_LOWER}({rhs_sql}) ESCAPE '\\'"
        return sql, (*lhs_params, *rhs_params)
