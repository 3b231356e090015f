"""Follow-ups: list (open or done), add, edit, done / not done, snooze, delete."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import FollowUp
from accounts.responses import render_form
from accounts.tracker import access
from accounts.tracker.contact_picker import searching
from accounts.tracker.forms import FollowUpForm, SnoozeForm
from accounts.tracker.views.common import confirm_delete, redirect_next, safe_next
from rookie.lib.querystring import query_choice, query_int

PAGE_SIZE = 50


def snooze_choices(today):
    """The one-tap snooze buttons: (label, date)."""
    return [
        (_("Tomorrow"), today + datetime.timedelta(days=1)),
        (_("In 3 days"), today + datetime.timedelta(days=3)),
        (_("Next week"), today + datetime.timedelta(days=7)),
    ]


@login_required
@require_safe
def followup_list(request):
    show = query_choice(request, "show", ["open", "done"], default="open")
    follow_ups = FollowUp.objects.filter(owner=request.user).select_related("contact")
    if show == "done":
        follow_ups = follow_ups.filter(done_at__isnull=False).order_by("-done_at", "-id")
    else:
        follow_ups = follow_ups.filter(done_at__isnull=True).order_by("due_date", "id")
    page = Paginator(follow_ups, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    today = timezone.localdate()
    return render(
        request,
        "tracker/followup_list.html",
        {"page": page, "show": show, "today": today, "snooze_choices": snooze_choices(today)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def followup_add(request):
    initial = {"due_date": timezone.localdate() + datetime.timedelta(days=2)}
    contact_id = query_int(request, "contact", minimum=1)
    if contact_id is not None:
        initial["contact"] = contact_id
    form = FollowUpForm(request.POST or None, owner=request.user, initial=initial)
    # "Find" in the contact field (no JavaScript) shows the form again with the matches; saves nothing.
    if request.method == "POST" and not searching(form) and form.is_valid():
        follow_up = form.save(commit=False)
        follow_up.owner = request.user
        follow_up.save()
        messages.success(request, _("Follow-up added: %(title)s") % {"title": follow_up.title})
        return redirect_next(request, reverse("tracker:followup_list"))
    return render_form(request, "tracker/followup_form.html", {"form": form, "next": safe_next(request)})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def followup_edit(request, pk):
    follow_up = access.get_follow_up_for_user(request.user, pk)
    form = FollowUpForm(request.POST or None, instance=follow_up, owner=request.user)
    if request.method == "POST" and not searching(form) and form.is_valid():
        form.save()
        messages.success(request, _("Follow-up saved."))
        return redirect_next(request, reverse("tracker:followup_list"))
    return render_form(
        request, "tracker/followup_form.html", {"form": form, "follow_up": follow_up, "next": safe_next(request)}
    )


@login_required
@require_POST
def followup_done(request, pk):
    """Mark done (or, with undo=1, open again)."""
    follow_up = access.get_follow_up_for_user(request.user, pk)
    if request.POST.get("undo"):
        follow_up.done_at = None
        messages.success(request, _("Follow-up opened again: %(title)s") % {"title": follow_up.title})
    elif follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        messages.success(request, _("Done: %(title)s") % {"title": follow_up.title})
    follow_up.save(update_fields=["done_at"])
    return redirect_next(request, reverse("tracker:followup_list"))


@login_required
@require_POST
def followup_snooze(request, pk):
    follow_up = access.get_follow_up_for_user(request.user, pk)
    form = SnoozeForm(request.POST)
    if form.is_valid() and follow_up.done_at is not None:
        form.add_error(None, _("This follow-up is already done."))
    if not form.is_valid():
        return render_form(
            request, "tracker/followup_snooze.html", {"form": form, "follow_up": follow_up, "next": safe_next(request)}
        )
    # Remember the first due date, so statistics can tell "on time" from "after snoozing".
    if follow_up.original_due_date is None:
        follow_up.original_due_date = follow_up.due_date
    follow_up.due_date = form.cleaned_data["until"]
    follow_up.save(update_fields=["due_date", "original_due_date"])
    until = date_format(follow_up.due_date, "SHORT_DATE_FORMAT")
    messages.success(request, _("Snoozed until %(date)s: %(title)s") % {"date": until, "title": follow_up.title})
    return redirect_next(request, reverse("tracker:followup_list"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def followup_delete(request, pk):
    follow_up = access.get_follow_up_for_user(request.user, pk)
    return confirm_delete(
        request,
        obj=follow_up,
        cancel_url=reverse("tracker:followup_list"),
        # Back to the page the follow-up was deleted from (the dashboard, a contact's page).
        success_url=safe_next(request) or reverse("tracker:followup_list"),
        message=_("Follow-up deleted."),
    )
