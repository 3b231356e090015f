"""Who may edit guides, and the permissions the Editors group holds (accounts/roles.py)."""

from accounts.roles import EDITORS_GROUP

# The article app's model permissions, all of them: editors write, translate, publish and retire guides.
EDITOR_PERMISSIONS = [
    f"{action}_{model}" for model in ("article", "category") for action in ("add", "change", "delete", "view")
]


def can_edit_guides(user):
    """Staff with the guide permissions (the Editors group or a superuser): may preview drafts."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("articles.change_article")
    )


def grant_editor_permissions(apps, using="default"):
    """Give the Editors group the guide permissions; `apps` is a migration's or the global registry.

    Idempotent. Permissions are created first if missing (on a fresh database the data migration
    runs before post_migrate would have created them).
    """
    from django.contrib.auth.management import create_permissions

    try:
        app_config = apps.get_app_config("articles")
    except LookupError:  # a registry without this app (a test flushing only some apps)
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
        content_type__app_label="articles", codename__in=EDITOR_PERMISSIONS
    )
    group.permissions.add(*permissions)
