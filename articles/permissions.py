"""Who may edit guides, and the permissions the Editors group holds (accounts/roles.py)."""

from accounts.roles import grant_editors

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
    grant_editors(apps, "articles", EDITOR_PERMISSIONS, using)
