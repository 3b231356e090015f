"""The contact field's index (accounts_contact_owner_recent, 0016) also holds what the search reads
and returns: the folded search text, the company and the e-mail address. PostgreSQL then answers a
search from the index alone, in the field's order, and stops at the tenth match; before, it read
all of a member's contacts from the table and sorted the matches (2.4 ms → 0.05 ms for a member with
3,000 contacts, docs/PERFORMANCE.md). PostgreSQL-only, like the index itself (see 0016).
"""

from django.db import migrations

INDEX = "accounts_contact_owner_recent"
KEY = "(owner_id, last_contacted_on DESC NULLS LAST, name, id)"


def covering(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"CREATE INDEX {INDEX} ON accounts_contact {KEY} INCLUDE (search_text, company, email)")


def key_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"CREATE INDEX {INDEX} ON accounts_contact {KEY}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0016_contact_search_text"),
    ]

    operations = [
        migrations.RunPython(covering, key_only),
    ]
