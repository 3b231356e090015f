"""The interaction log: log (from a contact's page or the dashboard), list, edit, delete.

Logging, editing and deleting all keep the contact's last contact and keep-in-touch timer right
(services.interaction_*).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Interaction, InteractionKind
from accounts.responses import render_form
from accounts.tracker import access, services
from accounts.tracker.contact_picker import searching
from accounts.tracker.forms import InteractionForm
from accounts.tracker.questions import INTERVIEW_QUESTIONS
from accounts.tracker.views.common import confirm_delete
from rookie.lib.querystring import query_choice, query_int

PAGE_SIZE = 50


@login_required
@require_safe
def interaction_list(request):
    interactions = Interaction.objects.filter(owner=request.user).select_related("contact")
    interactions = interactions.order_by("-occurred_on", "-id")
    page = Paginator(interactions, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    return render(request, "tracker/interaction_list.html", {"page": page})


def _form_context(form, contact=None, interaction=None, kind=None):
    return {
        "form": form,
        "contact": contact,
        "interaction": interaction,
        "questions": INTERVIEW_QUESTIONS,
        # The questions open by themselves when the member is about to log an interview.
        "questions_open": kind == InteractionKind.INTERVIEW,
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def interaction_add(request, contact_pk=None):
    contact = access.get_contact_for_user(request.user, contact_pk) if contact_pk is not None else None
    kind = request.POST.get("kind") or query_choice(request, "kind", InteractionKind.values)
    initial = {"kind": kind} if kind in InteractionKind.values else {}
    form = InteractionForm(request.POST or None, owner=request.user, contact=contact, initial=initial)
    # "Find" in the contact field (no JavaScript) shows the form again with the matches; saves nothing.
    if request.method == "POST" and not searching(form) and form.is_valid():
        data = form.cleaned_data
        target = contact or data["contact"]
        _interaction, offer = services.interaction_log(
            owner=request.user,
            contact=target,
            kind=data["kind"],
            occurred_on=data["occurred_on"],
            notes=data["notes"],
        )
        messages.success(
            request,
            _("Logged: %(kind)s with %(name)s.") % {"kind": InteractionKind(data["kind"]).label, "name": target.name},
        )
        url = reverse("tracker:contact_detail", args=[target.pk])
        # After a first meeting or an interview, the contact page offers a thank-you follow-up.
        return redirect(f"{url}?thanks=1#thank-you" if offer else url)
    return render_form(request, "tracker/interaction_form.html", _form_context(form, contact=contact, kind=kind))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def interaction_edit(request, pk):
    interaction = access.get_interaction_for_user(request.user, pk)
    form = InteractionForm(request.POST or None, instance=interaction, owner=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.interaction_update(
            interaction=interaction, kind=data["kind"], occurred_on=data["occurred_on"], notes=data["notes"]
        )
        messages.success(request, _("Interaction saved."))
        return redirect("tracker:contact_detail", pk=interaction.contact_id)
    return render_form(
        request,
        "tracker/interaction_form.html",
        _form_context(form, contact=interaction.contact, interaction=interaction, kind=interaction.kind),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def interaction_delete(request, pk):
    interaction = access.get_interaction_for_user(request.user, pk)
    contact_url = reverse("tracker:contact_detail", args=[interaction.contact_id])
    return confirm_delete(
        request,
        obj=interaction,
        cancel_url=contact_url,
        success_url=contact_url,
        message=_("Interaction deleted."),
        delete=lambda: services.interaction_delete(interaction=interaction),
    )
