"""The admin's pages of one object tell nobody whether an id exists that they may not see.

Django's history page looks the object up before it checks permissions: a missing id redirected
to the admin index, an existing one answered 403, so an editor could probe every model's ids
(users, contacts, coaching rows). Here every per-object page (change, delete, history, and "view
on site") first checks the permission for the model, answering 403 whatever the id, and then
treats an object the user may not see exactly like a missing one.

ObjectAccessSiteMixin goes on the admin site (accounts/admin_site.py): every ModelAdmin registered
there, ours and third-party ones, gets ObjectAccessAdminMixin.
"""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

Permission = Callable[..., bool]

# The mixins' bases for the type checker only: at run time they are plain mixins.
if TYPE_CHECKING:
    _ModelAdminBase = ModelAdmin[Model]
    _AdminSiteBase = AdminSite
else:
    _ModelAdminBase = _AdminSiteBase = object


class ObjectAccessAdminMixin(_ModelAdminBase):
    """For a ModelAdmin: per-object pages answer alike for a missing and a forbidden object."""

    def _hidden(self, request: HttpRequest, object_id: str, allowed: Permission) -> bool:
        """Refuse (403) a user without the model permission; True when the object exists but
        this user may not act on it (the page then answers as for a missing object)."""
        if not allowed(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        return obj is not None and not allowed(request, obj)

    def _as_missing(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)  # type: ignore[attr-defined,no-any-return]  # private: not in the stubs

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # As Django decides: saving needs change permission, anything else view or change.
        allowed = self.has_change_permission if request.method == "POST" else self.has_view_or_change_permission
        if self._hidden(request, object_id, allowed):
            return self._as_missing(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if self._hidden(request, object_id, self.has_delete_permission):
            return self._as_missing(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if self._hidden(request, object_id, self.has_view_or_change_permission):
            return self._as_missing(request, object_id)
        return super().history_view(request, object_id, extra_context)


class ObjectAccessSiteMixin(_AdminSiteBase):
    """For an AdminSite: applies ObjectAccessAdminMixin to every registered ModelAdmin, and guards
    "view on site" (/admin/r/<content type>/<id>/), which Django answers for any staff user."""

    def register(
        self,
        model_or_iterable: type[Model] | Iterable[type[Model]],
        admin_class: type[ModelAdmin[Any]] | None = None,
        **options: Any,
    ) -> None:
        admin_class = admin_class or ModelAdmin
        if not issubclass(admin_class, ObjectAccessAdminMixin):
            admin_class = type(
                admin_class.__name__,
                (ObjectAccessAdminMixin, admin_class),
                {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
            )
        return super().register(model_or_iterable, admin_class, **options)

    def get_urls(self) -> list[URLResolver | URLPattern]:
        return [
            path("r/<int:content_type_id>/<path:object_id>/", self.admin_view(self.view_on_site), name="view_on_site")
            if getattr(pattern, "name", None) == "view_on_site"
            else pattern
            for pattern in super().get_urls()
        ]

    def view_on_site(self, request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
        # Imported here: this module is loaded with the admin's app config, before any model.
        from django.contrib.contenttypes import views as contenttype_views
        from django.contrib.contenttypes.models import ContentType

        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404 from None
        model_admin = self._registry.get(model) if model is not None else None
        if model_admin is None:
            raise Http404  # not in the admin: nothing to view from here, whatever the id
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)
