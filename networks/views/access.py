"""The one way each view looks up a network, an evaluation or a membership: through the user.

A network the user may not see, and someone else's evaluation or membership, are a 404 exactly
like a missing one (a 403 would confirm that the object exists).
"""

from django.shortcuts import get_object_or_404

from networks.models import Evaluation, Membership, Network


def _get_network_for_user(request, slug):
    return get_object_or_404(Network.objects.visible_to(request.user), slug=slug)


def _get_evaluation_for_user(request, pk):
    return get_object_or_404(Evaluation.objects.select_related("network"), pk=pk, member=request.user)


def _get_membership_for_user(request, pk):
    return get_object_or_404(Membership.objects.select_related("network"), pk=pk, member=request.user)
