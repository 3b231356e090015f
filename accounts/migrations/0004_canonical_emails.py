"""Store every e-mail address in its canonical form (rookie/lib/identity.py), which look-ups now match
exactly. The function is copied here so that this migration keeps doing what it did when written.

Two rows whose addresses become the same (only possible with look-alike letters such as ſ, which
the old lower-case check let through) cannot both take it: the first by id is converted, the
others are left as they are and listed, for staff to look at; look-ups find the converted one.
"""

import unicodedata

from django.db import migrations


def _canonical(value):
    text = unicodedata.normalize("NFKC", value or "")
    return unicodedata.normalize("NFKC", text.casefold()).strip()


def canonicalise(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.order_by("pk").only("pk", "email").iterator():
        canonical = _canonical(user.email)
        if canonical == user.email:
            continue
        if User.objects.filter(email=canonical).exclude(pk=user.pk).exists():
            print(f"\n  accounts.User {user.pk}: {user.email!r} left as it is; {canonical!r} belongs to another user")
            continue
        User.objects.filter(pk=user.pk).update(email=canonical)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_coaching"),
    ]

    operations = [
        migrations.RunPython(canonicalise, migrations.RunPython.noop, elidable=True),
    ]
