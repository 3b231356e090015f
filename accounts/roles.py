"""Roles: `User.role` says what someone is; the Editors group says what an editor may change.

Editors are staff (so they can open the admin) and members of the "Editors" group, which holds
the guide permissions (granted by the articles app) and view/change on networks and criteria for
moderating suggested networks (granted by the networks app); they are never superusers.
Coaches are users with role "coach"; staff grant it in the admin.

Views check a role with `role_required`; code and templates read `user.is_member`, `user.is_coach`
and `user.is_editor` (accounts/models/user.py). Each role has a home, the first page after log-in
and sign-up (`home_url_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

if TYPE_CHECKING:
    from accounts.models import User

EDITORS_GROUP = "Editors"

View = Callable[..., HttpResponse]


def role_required(*roles: str) -> Callable[[View], View]:
    """Only users with one of `roles` (User.Role values) may open the view.

    Anonymous visitors go to the log-in page, as with login_required; a signed-in user with another
    role gets a 403 (the page exists and they may know it does; it is simply not theirs).
    """
    if not roles:
        raise ValueError("role_required needs at least one role")

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def home_url_for(user: User) -> str:
    """The page `user` starts from after log-in and sign-up (unless a safe `next` names another):
    members their tracker's overview, coaches their clients, editors the guides in the admin."""
    if user.is_coach:
        return reverse("coaching:clients")
    if user.is_editor:
        return reverse("admin:articles_article_changelist")
    return reverse("tracker:dashboard")


def make_editor(user: User) -> None:
    user.role = user.Role.EDITOR
    user.is_staff = True
    user.save(update_fields=["role", "is_staff"])
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    user.groups.add(group)


def grant_editors(apps: Any, app_label: str, codenames: list[str], using: str = "default") -> None:
    """Give the Editors group `codenames` of `app_label`; `apps` is a migration's or the global
    registry. Idempotent. The permission rows are created first if missing: on a fresh database a
    data migration runs before post_migrate would have created them."""
    from django.contrib.auth.management import create_permissions

    try:
        app_config = apps.get_app_config(app_label)
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
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _created = group_model.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *permission_model.objects.using(using).filter(content_type__app_label=app_label, codename__in=codenames)
    )
