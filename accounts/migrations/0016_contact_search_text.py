"""Contact.search_text: name, company and e-mail folded, what the contact searches match as plain
substrings (accounts/tracker/contact_search_text.py), and an index in the contact field's order
(most recently contacted first), and a trigram GIN index for those substring searches (LIKE
'%word%') when the pg_trgm extension can be had. Existing contacts are filled here.

Both indexes are PostgreSQL-only and created by SQL rather than declared on the model
(django.contrib.postgres's GinIndex and TrigramExtension are PostgreSQL-only, SQLite refuses NULLS
LAST in an index, and the embedded default is SQLite), so they are not in the migration state and
makemigrations never sees them. SQLite needs neither: a scan over one member's contacts is cheap there.
"""

from django.db import DatabaseError, migrations, models, transaction

from accounts.tracker.contact_search_text import search_text

# The contact field's order, so that a common word is found in the first rows of a member's
# contacts rather than by reading and sorting all 3,000. SQLite refuses NULLS LAST in an index.
RECENT_INDEX = "accounts_contact_owner_recent"
# Substring search (LIKE '%word%') on the folded text: a word rare among the member's contacts.
TRIGRAM_INDEX = "accounts_contact_search_trgm"
BATCH = 2000


def fill_search_text(apps, schema_editor):
    Contact = apps.get_model("accounts", "Contact")
    contacts = Contact.objects.using(schema_editor.connection.alias)
    last_id = 0
    while True:
        batch = list(contacts.filter(id__gt=last_id).order_by("id").only("id", "name", "company", "email")[:BATCH])
        if not batch:
            return
        for contact in batch:
            contact.search_text = search_text(contact.name, contact.company, contact.email)
        contacts.bulk_update(batch, ["search_text"])
        last_id = batch[-1].id


def add_postgresql_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {RECENT_INDEX} ON accounts_contact "
        "(owner_id, last_contacted_on DESC NULLS LAST, name, id)"
    )
    try:
        # A savepoint: without the right to create the extension the migration goes on without it.
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON accounts_contact USING gin (search_text gin_trgm_ops)"
    )


def drop_postgresql_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {RECENT_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0015_contact_import"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(add_postgresql_indexes, drop_postgresql_indexes),
    ]
