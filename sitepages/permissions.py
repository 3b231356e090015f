"""The site-page permissions the Editors group holds (accounts/roles.py): editors write, translate
and add the site pages; deleting one (the footer links to each) is left to superusers."""

from accounts.roles import EDITORS_GROUP

EDITOR_PERMISSIONS = ["add_sitepage", "change_sitepage", "view_sitepage"]


def grant_editor_permissions(apps, using="default"):
    """Give the Editors group the site-page permissions; `apps` is a migration's or the global
    registry. Idempotent; creates the permission rows first if they are missing."""
    from django.contrib.auth.management import create_permissions

    try:
        app_config = apps.get_app_config("sitepages")
    except LookupError:  # a registry without this app
        return
    if getattr(app_config, "models_module", None) is None:
        # A migration's app registry has no models module; create_permissions skips such apps.
        app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = None
    else:
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="sitepages", codename__in=EDITOR_PERMISSIONS
    )
    group.permissions.add(*permissions)
