"""The time and money the member gives to networks (the checklist's fifth point), set against what
the networks they joined ask, and the joined networks due for a fresh evaluation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import GivingBudget
from accounts.responses import render_form
from accounts.tracker import queries
from accounts.tracker.forms import GivingBudgetForm

# A first budget is stated in the currency of the member's language (they can change it).
CURRENCY_FOR_LANGUAGE = {"da": "DKK", "fi": "EUR", "sv": "SEK"}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def giving(request):
    budget = GivingBudget.objects.filter(owner=request.user).first() or GivingBudget(
        owner=request.user, currency=CURRENCY_FOR_LANGUAGE.get(request.user.preferred_language, "SEK")
    )
    form = GivingBudgetForm(request.POST or None, instance=budget)
    if request.method == "POST" and form.is_valid():
        # update_or_create: two first saves at once (two tabs) still leave one row.
        with transaction.atomic():
            GivingBudget.objects.update_or_create(owner=request.user, defaults=form.cleaned_data)
        messages.success(request, _("Saved: the time and money you will give to networks."))
        return redirect("tracker:giving")
    data = queries.giving_for(request.user, today=timezone.localdate())
    return render_form(request, "tracker/giving.html", {"form": form, "giving": data})
