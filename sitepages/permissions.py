"""The site-page permissions the Editors group holds (accounts/roles.py): editors write, translate
and add the site pages; deleting one (the footer links to each) is left to superusers."""

from accounts.roles import grant_editors

EDITOR_PERMISSIONS = ["add_sitepage", "change_sitepage", "view_sitepage"]


def grant_editor_permissions(apps, using="default"):
    """Give the Editors group the site-page permissions; `apps` is a migration's or the global
    registry. Idempotent; creates the permission rows first if they are missing."""
    grant_editors(apps, "sitepages", EDITOR_PERMISSIONS, using)
