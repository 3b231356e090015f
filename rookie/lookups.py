"""`field__uicontains=text`: a case-insensitive substring match for every alphabet, on both databases.

Searches use it instead of `icontains`. On PostgreSQL it *is* `icontains` (UPPER() on both sides,
which folds every alphabet under a UTF-8 locale; docs/DEPLOYMENT.md). On SQLite, `icontains` is
LIKE, which folds only A–Z: "örebro" would not find "Örebro", nor "åbo" find "Åbo Akademi". There
both sides go through Python's str.lower() instead, registered as an SQL function on each new
SQLite connection. Imported, and so registered, by AccountsConfig.ready().
"""

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models.lookups import IContains
from django.dispatch import receiver

SQLITE_LOWER = "rookie_lower"


def _lower(value):
    return None if value is None else str(value).lower()


@receiver(connection_created, dispatch_uid="rookie.lookups.sqlite_lower")
def add_lower_to_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_LOWER, 1, _lower, deterministic=True)


@models.CharField.register_lookup
@models.TextField.register_lookup
class UnicodeIContains(IContains):
    lookup_name = "uicontains"

    def as_sql(self, compiler, connection):
        # The backend's own icontains (its operators and casts are looked up by that name).
        return compiler.compile(IContains(self.lhs, self.rhs))

    def as_sqlite(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        # A plain value arrives as "%text%" with LIKE's wildcards already escaped with a backslash.
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        sql = f"{SQLITE_LOWER}({lhs_sql}) LIKE {SQLITE_LOWER}({rhs_sql}) ESCAPE '\\'"
        return sql, (*lhs_params, *rhs_params)
