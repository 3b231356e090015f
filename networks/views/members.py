"""The member's own networks: memberships, the My networks page, and suggesting a network."""

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from networks.forms import MembershipForm, NetworkSuggestForm, unique_slug
from networks.models import Evaluation, Membership, MembershipStatus, Network
from networks.views.access import _get_membership_for_user, _get_network_for_user

MAX_PENDING_SUGGESTIONS = 10  # per member, so one account cannot flood the editors' queue


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, slug):
    """Record (or change) the member's relation to a network: considering, joined or left."""
    network = _get_network_for_user(request, slug)
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
    membership = _get_membership_for_user(request, pk)
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
@require_GET
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
@require_http_methods(["GET", "POST"])
def network_suggest(request):
    form = NetworkSuggestForm(request.POST if request.method == "POST" else None)
    pending = Network.objects.filter(submitted_by=request.user, status=Network.Status.PENDING).count()
    if request.method == "POST" and pending >= MAX_PENDING_SUGGESTIONS:
        form.is_valid()
        form.add_error(
            None,
            _("You have %(count)d suggestions waiting for review; please wait until editors have looked at them.")
            % {"count": pending},
        )
    elif request.method == "POST" and form.is_valid():
        network = form.save(commit=False)
        network.status = Network.Status.PENDING
        network.submitted_by = request.user
        for _attempt in range(3):
            network.slug = unique_slug(network.name)
            try:
                with transaction.atomic():
                    network.save()
                break
            except IntegrityError:
                # Someone took the same slug between our look-up and the insert; pick again.
                network.pk = None
        else:
            form.add_error(None, _("Your suggestion could not be saved. Please try again."))
            return render(request, "networks/suggest.html", {"form": form})
        messages.success(
            request,
            _("Thank you! %(network)s is waiting for an editor's review; until then only you can see it.")
            % {"network": network.name},
        )
        return redirect("networks:detail", slug=network.slug)
    return render(request, "networks/suggest.html", {"form": form})
