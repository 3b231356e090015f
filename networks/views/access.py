"""The one way each view looks up a network, an evaluation or a membership: through the user.

A network the user may not see, and someone else's evaluation or membership, are a 404 exactly
like a missing one (a 403 would confirm that the object exists).
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from networks.models import Evaluation, Membership, Network


def get_network_for_user(request: HttpRequest, slug: str) -> Network:
    # With its city: the pages show "City, Country" (Network.place).
    return get_object_or_404(Network.objects.visible_to(request.user).select_related("city"), slug=slug)


def get_evaluation_for_user(request: HttpRequest, pk: int) -> Evaluation:
    return get_object_or_404(Evaluation.objects.select_related("network"), pk=pk, member=request.user)


def get_membership_for_user(request: HttpRequest, pk: int) -> Membership:
    return get_object_or_404(Membership.objects.select_related("network"), pk=pk, member=request.user)
