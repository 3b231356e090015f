"""Small helpers shared by the tracker's views: the return address of a form and deleting an object.

Objects are looked up through the signed-in member in accounts/tracker/access.py.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from rookie.lib.querystring import query_text


def redirect_next(request: HttpRequest, default: str) -> HttpResponseRedirect:
    """Back to the page a quick-add form was posted from (same site only), else to `default`."""
    target = safe_next(request)
    # A path, never handed to redirect() as is: redirect("-1") would try it as a view name.
    return HttpResponseRedirect(target) if target else redirect(default)


# Longer is no page of ours; a form would carry it back in every re-render.
MAX_NEXT_LENGTH = 2000


def safe_next(request: HttpRequest) -> str:
    """The `next` value to carry through a re-rendered form, if it is a path on this site."""
    target = request.POST.get("next") or query_text(request, "next", max_length=MAX_NEXT_LENGTH)
    ok = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if ok else ""


def confirm_delete(
    request: HttpRequest,
    *,
    obj: Model,
    cancel_url: str,
    success_url: str,
    message: str,
    consequence: str = "",
    delete: Callable[[], object] | None = None,
) -> HttpResponse:
    """GET asks (tracker/confirm_delete.html); POST deletes, says `message` and goes to `success_url`.

    `delete` replaces obj.delete() where deleting has more to keep right (an interaction's contact
    keeps its last-contact date right). The caller has looked `obj` up through the signed-in member
    (accounts/tracker/access.py) and allows only GET and POST.
    """
    if request.method == "POST":
        if delete is None:
            obj.delete()
        else:
            delete()
        messages.success(request, message)
        return HttpResponseRedirect(success_url)
    return render(
        request,
        "tracker/confirm_delete.html",
        {"object": obj, "cancel_url": cancel_url, "consequence": consequence},
    )
