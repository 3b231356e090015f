"""Editors moderate suggested networks in the admin: give the "Editors" group the permissions for it.

Adds to the group and never replaces its permissions: the articles app grants the guide
permissions to the same group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"  # accounts.roles.EDITORS_GROUP; copied so the migration never changes meaning
CODENAMES = ["view_network", "change_network", "view_criterion", "change_criterion"]


def _networks_permissions(apps, using):
    # Permission rows are normally created after all migrations ran (post_migrate); create them now
    # so they exist on a fresh database.
    app_config = apps.get_app_config("networks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=using)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(content_type__app_label="networks", codename__in=CODENAMES)


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*_networks_permissions(apps, using))


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*_networks_permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_seed_checklist_criteria"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
