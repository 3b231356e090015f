"""Statements written out by hand (where building them through the ORM cost more than running
them: accounts/tracker/dashboard_sql.py, accounts/coaching/statements.py, a member's catalogue in
networks/views/catalogue.py) name their tables through the models, so a renamed table cannot leave
one behind."""

from django.db.models import Model


def with_tables(sql: str, **models: type[Model]) -> str:
    """`sql` with each {name} replaced by the table of the model given for it."""
    return sql.format(**{name: model._meta.db_table for name, model in models.items()})
