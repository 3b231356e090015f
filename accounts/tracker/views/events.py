"""Event mode: before (set the goals), during (add people in a few taps), after (the debrief)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Event, GoalKind
from accounts.responses import render_form
from accounts.tracker import access, services
from accounts.tracker.card import card_items, card_qr, card_svg
from accounts.tracker.forms import DebriefForm, EventForm, EventQuickAddForm
from accounts.tracker.views.common import confirm_delete
from rookie.lib.querystring import query_int

PAGE_SIZE = 50
# People listed on the "during" page, newest first (the phone screen is small).
DURING_LIMIT = 20


@login_required
@require_safe
def event_list(request):
    events = Event.objects.filter(owner=request.user).annotate(met_count=Count("contacts")).order_by("-date", "-id")
    page = Paginator(events, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    return render(request, "tracker/event_list.html", {"page": page, "today": timezone.localdate()})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_add(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = services.event_create(owner=request.user, **form.cleaned_data)
        messages.success(
            request, _("Event added, with a goal to meet %(count)s new people.") % {"count": event.people_to_meet}
        )
        return redirect("tracker:event_detail", pk=event.pk)
    return render_form(request, "tracker/event_form.html", {"form": form})


def _meet_goal(event):
    return event.goals.filter(kind=GoalKind.MEET).order_by("id").first()


@login_required
@require_safe
def event_detail(request, pk):
    event = access.get_event_for_user(request.user, pk)
    return render(
        request,
        "tracker/event_detail.html",
        {
            "event": event,
            "goals": list(event.goals.order_by("id")),
            "contacts": list(event.contacts.order_by("name", "id")),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_edit(request, pk):
    event = access.get_event_for_user(request.user, pk)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        services.event_update(event=form.save(commit=False), fields=form.changed_data)
        messages.success(request, _("Event saved."))
        return redirect("tracker:event_detail", pk=event.pk)
    return render_form(request, "tracker/event_form.html", {"form": form, "event": event})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_delete(request, pk):
    event = access.get_event_for_user(request.user, pk)
    return confirm_delete(
        request,
        obj=event,
        cancel_url=reverse("tracker:event_detail", args=[event.pk]),
        success_url=reverse("tracker:event_list"),
        message=_("Event deleted. The people you met there stay in your contacts."),
        consequence=_("The people you met there stay in your contacts, and its goals stay in your goals."),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_during(request, pk):
    event = access.get_event_for_user(request.user, pk)
    form = EventQuickAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = services.event_quick_add(event=event, **form.cleaned_data)
        messages.success(request, _("Added %(name)s.") % {"name": contact.name})
        return redirect("tracker:event_during", pk=event.pk)
    met = event.contacts.order_by("-created_at", "-id")
    return render_form(
        request,
        "tracker/event_during.html",
        {
            "event": event,
            "form": form,
            "goal": _meet_goal(event),
            "met": list(met[:DURING_LIMIT]),
            "met_count": met.count(),
            # My card: the QR code the other person scans, and what it holds in words.
            "card_svg": card_svg(card_qr(request.user)),
            "card_items": card_items(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_debrief(request, pk):
    event = access.get_event_for_user(request.user, pk)
    today = timezone.localdate()
    done = services.event_debriefed_contact_ids(event)
    if request.method == "POST":
        form = DebriefForm(request.POST, event=event)
        if form.is_valid() and event.date > today:
            form.add_error(None, _("You can debrief once the event has taken place."))
        if form.is_valid():
            debriefed = services.event_debrief(event=event, contacts=form.cleaned_data["contacts"], today=today)
            count = len(debriefed)
            messages.success(
                request,
                ngettext(
                    "Debrief saved: follow-ups created for %(count)s person.",
                    "Debrief saved: follow-ups created for %(count)s people.",
                    count,
                )
                % {"count": count},
            )
            return redirect("tracker:event_detail", pk=event.pk)
    else:
        form = DebriefForm(event=event, initial={"contacts": []})
    contacts = list(form.fields["contacts"].queryset)
    pending = [contact for contact in contacts if contact.pk not in done]
    if request.method == "GET":
        form.initial["contacts"] = [contact.pk for contact in pending]
    return render_form(
        request,
        "tracker/event_debrief.html",
        {
            "event": event,
            "form": form,
            "pending": pending,
            "debriefed": [contact for contact in contacts if contact.pk in done],
            "checked": {
                str(pk) for pk in (form.data.getlist("contacts") if form.is_bound else form.initial["contacts"])
            },
            "too_early": event.date > today,
            "thank_you_days": services.THANK_YOU_DAYS,
            "check_in_days": services.CHECK_IN_DAYS,
        },
    )
