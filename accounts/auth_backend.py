"""The log-in backend: Django's ModelBackend, with the signed-in user loaded faster.

Every signed-in request loads its user (AuthenticationMiddleware, then this backend's get_user).
Django builds and compiles `User.objects.get(pk=…)` for each request, which cost more than running
it (on the benchmark's machine 1.1 ms, against 0.45 ms for the statement with its round trip;
docs/PERFORMANCE.md). Here the ORM compiles that statement once per process and database, and each
request runs it: the same columns, the same conversions of the database's values to Python's (as
the ORM applies them, on SQLite say), the same model instance. Logging in, the session hash check
and permissions stay Django's.

Sessions remember the backend that signed them in by its dotted path; sessions made through
django.contrib.auth's ModelBackend before this one replaced it were signed out once.
"""

import functools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db import connections, router


@functools.cache
def _statement(alias: str, vendor: str) -> tuple[str, list[str], dict[int, Any]]:
    """(SQL taking the user's id, the model's attribute names in its column order, the converters by
    column) for the user model on the database `alias` (its vendor in the key: the tests' databases)."""
    model = get_user_model()
    compiler = model._default_manager.filter(pk=0).query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    if list(params) != [0]:
        raise RuntimeError(f"the user's statement takes {params!r}, not the id alone")
    columns = [expression for expression, _sql, _alias in compiler.select]
    return sql, [column.target.attname for column in columns], compiler.get_converters(columns)


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        alias = router.db_for_read(model)
        connection = connections[alias]
        sql, attnames, converters = _statement(alias, connection.vendor)
        with connection.cursor() as cursor:
            cursor.execute(sql, [user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        values = list(row)
        for index, (functions, expression) in converters.items():
            for convert in functions:
                values[index] = convert(values[index], expression, connection)
        user = model.from_db(alias, attnames, values)
        return user if self.user_can_authenticate(user) else None
