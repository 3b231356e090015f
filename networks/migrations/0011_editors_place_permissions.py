"""Editors who manage networks also manage places: view, add and change them (a network's city is
chosen from the places, and a new city is added, or its names translated, by an editor). Not delete:
a place may still have networks (PROTECT), and removing one is a superuser's decision.

Adds to the "Editors" group and never replaces its permissions, like 0005.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"  # accounts.roles.EDITORS_GROUP; copied so the migration never changes meaning
CODENAMES = ["view_place", "add_place", "change_place"]


def _place_permissions(apps, using):
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
    group.permissions.add(*_place_permissions(apps, using))


def revoke(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(*_place_permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0010_remove_network_city_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
    ]
