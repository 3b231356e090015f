"""Look-ups through the signed-in member, and small helpers shared by the tracker's views.

Someone else's object is a 404, exactly like a missing one (a 403 would confirm the id exists).
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme

from accounts.models import Contact, Event, FollowUp, Goal, Interaction
from rookie.lib.querystring import query_text


def _get_goal_for_user(request, pk):
    return get_object_or_404(Goal.objects.select_related("event", "network"), pk=pk, owner=request.user)


def _get_contact_for_user(request, pk):
    return get_object_or_404(
        Contact.objects.select_related("met_at_event", "met_at_network"), pk=pk, owner=request.user
    )


def _get_interaction_for_user(request, pk):
    return get_object_or_404(Interaction.objects.select_related("contact"), pk=pk, owner=request.user)


def _get_follow_up_for_user(request, pk):
    return get_object_or_404(FollowUp.objects.select_related("contact"), pk=pk, owner=request.user)


def _get_event_for_user(request, pk):
    return get_object_or_404(Event, pk=pk, owner=request.user)


def redirect_next(request, default):
    """Back to the page a quick-add form was posted from (same site only), else to `default`."""
    target = safe_next(request)
    # A path, never handed to redirect() as is: redirect("-1") would try it as a view name.
    return HttpResponseRedirect(target) if target else redirect(default)


# Longer is no page of ours; a form would carry it back in every re-render.
MAX_NEXT_LENGTH = 2000


def safe_next(request):
    """The `next` value to carry through a re-rendered form, if it is a path on this site."""
    target = request.POST.get("next") or query_text(request, "next", max_length=MAX_NEXT_LENGTH)
    ok = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if ok else ""
