"""Roles: `User.role` says what someone is; the Editors group says what an editor may change.

Editors are staff (so they can open the admin) and members of the "Editors" group, which holds
the guide permissions (granted by the articles app) and view/change on networks and criteria for
moderating suggested networks (granted by the networks app); they are never superusers.
Coaches are users with role "coach"; staff grant it in the admin.
"""

from django.contrib.auth.models import Group

EDITORS_GROUP = "Editors"


def make_editor(user):
    user.role = user.Role.EDITOR
    user.is_staff = True
    user.save(update_fields=["role", "is_staff"])
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    user.groups.add(group)
