"""The member's own networks: memberships, the My networks page, and suggesting a network."""

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from networks.forms import MembershipForm, NetworkSuggestForm
from networks.models import Evaluation, Membership, MembershipStatus, Network
from networks.services import SuggestionRefused, suggestion_save
from networks.views.access import get_membership_for_user, get_network_for_user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def membership_edit(request, slug):
    """Record (or change) the member's relation to a network: considering, joined or left."""
    network = get_network_for_user(request, slug)
    membership = Membership.objects.filter(member=request.user, network=network).first()
    if membership is None:
        # Start from the network's own fee, spread over a year where that makes sense.
        membership = Membership(
            member=request.user,
            network=network,
            yearly_cost=network.yearly_fee or 0,
            cost_currency=network.fee_currency,
        )
    form = MembershipForm(request.POST if request.method == "POST" else None, instance=membership)
    if request.method == "POST" and form.is_valid():
        # update_or_create, not form.save(): a double submission of a new membership then updates
        # the row the first one created instead of failing on the unique constraint.
        Membership.objects.update_or_create(member=request.user, network=network, defaults=form.cleaned_data)
        messages.success(request, _("Saved: %(network)s is on your list.") % {"network": network.name})
        return redirect("networks:detail", slug=network.slug)
    return render(request, "networks/membership_form.html", {"network": network, "form": form})


@login_required
@require_POST
def membership_remove(request, pk):
    membership = get_membership_for_user(request, pk)
    membership.delete()
    messages.success(request, _("%(network)s is no longer on your list.") % {"network": membership.network.name})
    return redirect("networks:mine")


def _totals(memberships, status):
    """Hours per month and yearly cost per currency over the memberships with this status."""
    hours = Decimal(0)
    costs = defaultdict(Decimal)
    for membership in memberships:
        if membership.status == status:
            hours += membership.hours_per_month
            if membership.yearly_cost:
                costs[membership.cost_currency] += membership.yearly_cost
    return {"hours": hours, "costs": sorted(costs.items()), "count": sum(m.status == status for m in memberships)}


@login_required
@require_safe
def my_networks(request):
    memberships = list(
        Membership.objects.filter(member=request.user).select_related("network").order_by("status", "network__name")
    )
    evaluations = list(
        Evaluation.objects.filter(member=request.user).select_related("network").order_by("network__name")
    )
    suggestions = list(
        Network.objects.filter(submitted_by=request.user)
        .exclude(status=Network.Status.APPROVED)
        .order_by("-created_at")
    )
    return render(
        request,
        "networks/mine.html",
        {
            "memberships": memberships,
            "evaluations": evaluations,
            "suggestions": suggestions,
            "joined": _totals(memberships, MembershipStatus.JOINED),
            "considering": _totals(memberships, MembershipStatus.CONSIDERING),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_suggest(request):
    form = NetworkSuggestForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "networks/suggest.html", {"form": form})
    try:
        # The cap and the name are checked again where they are enforced, under the member's lock.
        network = suggestion_save(member=request.user, network=form.save(commit=False))
    except SuggestionRefused as refused:
        if refused.reason == SuggestionRefused.TOO_MANY:
            form.add_error(
                None,
                _("You have %(count)d suggestions waiting for review; please wait until editors have looked at them.")
                % {"count": refused.count},
            )
        elif refused.reason == SuggestionRefused.DUPLICATE_NAME:
            form.add_error("name", NetworkSuggestForm.DUPLICATE_NAME_MESSAGE)
        else:
            form.add_error(None, _("Your suggestion could not be saved. Please try again."))
        return render(request, "networks/suggest.html", {"form": form})
    messages.success(
        request,
        _("Thank you! %(network)s is waiting for an editor's review; until then only you can see it.")
        % {"network": network.name},
    )
    return redirect("networks:detail", slug=network.slug)
