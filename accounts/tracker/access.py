"""Each tracker object looked up through the signed-in member: the one place that decides whose it is.

Someone else's object is a 404 exactly like a missing one (a 403 would confirm that the id exists).
Views, and any other area that reads a member's tracker objects by id, go through these.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from accounts.models import Contact, Event, FollowUp, Goal, Interaction, User


def get_goal_for_user(user: User, pk: int) -> Goal:
    return get_object_or_404(Goal.objects.select_related("event", "network"), pk=pk, owner=user)


def get_contact_for_user(user: User, pk: int) -> Contact:
    return get_object_or_404(Contact.objects.select_related("met_at_event", "met_at_network"), pk=pk, owner=user)


def get_interaction_for_user(user: User, pk: int) -> Interaction:
    return get_object_or_404(Interaction.objects.select_related("contact"), pk=pk, owner=user)


def get_follow_up_for_user(user: User, pk: int) -> FollowUp:
    return get_object_or_404(FollowUp.objects.select_related("contact"), pk=pk, owner=user)


def get_event_for_user(user: User, pk: int) -> Event:
    return get_object_or_404(Event, pk=pk, owner=user)
