"""Evaluating a network against the checklist, deleting one's evaluation, and one's priorities."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from networks.forms import EvaluationForm, PrioritiesForm
from networks.models import Criterion, Evaluation, Network, Priority, Score
from networks.scoring import weights_for
from networks.services import EvaluationError, evaluation_delete, evaluation_save
from networks.views.access import get_evaluation_for_user, get_network_for_user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def network_evaluate(request, slug):
    """Create the member's evaluation of a network, or update it in place if there is one."""
    network = get_network_for_user(request, slug)
    criteria = list(Criterion.objects.all())
    evaluation = Evaluation.objects.filter(member=request.user, network=network).first()
    if request.method == "POST":
        form = EvaluationForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                _evaluation, created = evaluation_save(
                    member=request.user,
                    network=network,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except Network.DoesNotExist:
                raise Http404 from None
            except (EvaluationError, IntegrityError):
                # The checklist changed under the form, or a constraint caught something the form
                # did not; the transaction rolled back, nothing was written.
                form.add_error(None, _("Your evaluation could not be saved. Reload the page and try again."))
            else:
                if created:
                    messages.success(request, _("Thank you: your evaluation is saved."))
                else:
                    messages.success(request, _("Your evaluation is updated."))
                return redirect("networks:detail", slug=network.slug)
    else:
        initial = {}
        if evaluation is not None:
            scores = Score.objects.filter(evaluation=evaluation).select_related("criterion")
            initial = EvaluationForm.initial_for(evaluation, scores)
        form = EvaluationForm(initial=initial, criteria=criteria)
    return render(request, "networks/evaluate.html", {"network": network, "form": form, "evaluation": evaluation})


@login_required
@require_POST
def evaluation_remove(request, pk):
    evaluation = get_evaluation_for_user(request, pk)
    network = evaluation.network
    evaluation_delete(evaluation=evaluation)
    messages.success(request, _("Your evaluation of %(network)s is deleted.") % {"network": network.name})
    if Network.objects.visible_to(request.user).filter(pk=network.pk).exists():
        return redirect("networks:detail", slug=network.slug)
    return redirect("networks:mine")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def priorities(request):
    """What matters to the member: weights 0–5 for the criteria, used for "fit for me"."""
    criteria = list(Criterion.objects.all())
    if request.method == "POST":
        form = PrioritiesForm(request.POST, criteria=criteria, weights={})
        if form.is_valid():
            with transaction.atomic():
                Priority.objects.bulk_create(
                    [
                        Priority(member=request.user, criterion_id=criterion_id, weight=weight)
                        for criterion_id, weight in form.weights().items()
                    ],
                    update_conflicts=True,
                    unique_fields=["member", "criterion"],
                    update_fields=["weight"],
                )
            messages.success(request, _("Your priorities are saved; “fit for me” now uses them."))
            return redirect("networks:priorities")
    else:
        form = PrioritiesForm(criteria=criteria, weights=weights_for(request.user))
    return render(request, "networks/priorities.html", {"form": form})
