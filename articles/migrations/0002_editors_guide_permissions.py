"""Give the "Editors" group (accounts.roles.EDITORS_GROUP) every guide and category permission.

Adds to the group and never replaces its permissions: the networks app grants its moderation
permissions to the same group. The permission rows are created here because on a fresh database
they would otherwise only appear after all migrations ran (post_migrate); articles.apps grants them
again after every migrate, which covers a flushed test database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"  # accounts.roles.EDITORS_GROUP; copied so the migration never changes meaning
CODENAMES = [f"{action}_{model}" for model in ("article", "category") for action in ("add", "change", "delete", "view")]


def _guide_permissions(apps, using):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    finally:
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(content_type__app_label="articles", codename__in=CODENAMES)


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*_guide_permissions(apps, using))


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*_guide_permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
