"""Contacts: list (search, tags), add, detail (log, follow-ups, messages, questions), edit, delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import FollowUp, InteractionKind
from accounts.responses import render_form
from accounts.tracker import access, queries, services
from accounts.tracker.forms import ContactForm, FollowUpForm, InteractionForm, QuickContactForm, ThankYouForm
from accounts.tracker.message_templates import messages_for
from accounts.tracker.questions import INTERVIEW_QUESTIONS
from accounts.tracker.views.common import confirm_delete, redirect_next, safe_next
from rookie.lib.querystring import query_flag, query_int, query_text

PAGE_SIZE = 50
# Interactions shown on a contact's page, newest first; the total is counted separately.
INTERACTION_LIMIT = 50
MAX_QUERY_LENGTH = 100


@login_required
@require_safe
def contact_list(request):
    q = query_text(request, "q", max_length=MAX_QUERY_LENGTH)
    tag = query_text(request, "tag", max_length=MAX_QUERY_LENGTH)
    contacts = queries.contacts_of(request.user).order_by("name", "id")
    if q:
        contacts = contacts.filter(Q(name__icontains=q) | Q(company__icontains=q) | Q(tags__icontains=q))
    if tag:
        contacts = queries.contacts_with_tag(contacts, tag)
    page = Paginator(contacts, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    for contact in page:
        contact.tag_list = queries.split_tags(contact.tags)
    return render(
        request,
        "tracker/contact_list.html",
        {"page": page, "q": q, "tag": tag, "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_add(request):
    # The dashboard's quick-add posts only a few fields; the full form has them all.
    form_class = QuickContactForm if request.POST.get("quick") else ContactForm
    form = form_class(request.POST or None, owner=request.user)
    if request.method == "POST":
        with transaction.atomic():
            # The duplicate e-mail and LinkedIn checks run under the member's lock, with the insert.
            services.owner_lock(request.user)
            if form.is_valid():
                contact = form.save(commit=False)
                contact.owner = request.user
                if "language" not in form.fields:
                    contact.language = request.user.preferred_language
                contact.save()
                messages.success(request, _("Contact added: %(name)s") % {"name": contact.name})
                return redirect("tracker:contact_detail", pk=contact.pk)
    return render_form(
        request,
        "tracker/contact_form.html",
        {"form": form, "quick": form_class is QuickContactForm, "next": safe_next(request)},
    )


def _detail_context(request, contact, **overrides):
    interactions = list(contact.interactions.order_by("-occurred_on", "-id")[:INTERACTION_LIMIT])
    contact.tag_list = queries.split_tags(contact.tags)
    today = timezone.localdate()
    context = {
        "contact": contact,
        "today": today,
        "interactions": interactions,
        "interaction_count": contact.interactions.count()
        if len(interactions) == INTERACTION_LIMIT
        else len(interactions),
        "follow_ups": list(contact.follow_ups.filter(done_at__isnull=True).order_by("due_date", "id")),
        "interaction_form": InteractionForm(owner=request.user, contact=contact),
        "follow_up_form": FollowUpForm(
            owner=request.user, contact_choices=[(contact.pk, contact.name)], initial={"contact": contact.pk}
        ),
        "message_templates": messages_for(contact, request.user),
        "questions": INTERVIEW_QUESTIONS,
        "interview_kind": InteractionKind.INTERVIEW,
        "thank_you_form": None,
    }
    if query_flag(request, "thanks"):
        # Offered right after a first meeting or an informational interview was logged.
        context["thank_you_form"] = ThankYouForm(
            initial={"title": services.thank_you_title(contact), "due_date": services.thank_you_due(today)}
        )
    context.update(overrides)
    return context


@login_required
@require_safe
def contact_detail(request, pk):
    contact = access.get_contact_for_user(request.user, pk)
    return render(request, "tracker/contact_detail.html", _detail_context(request, contact))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_edit(request, pk):
    contact = access.get_contact_for_user(request.user, pk)
    form = ContactForm(request.POST or None, instance=contact, owner=request.user)
    if request.method == "POST":
        with transaction.atomic():
            services.owner_lock(request.user)  # as in contact_add: the duplicate checks, then the write
            if form.is_valid():
                form.save()
                messages.success(request, _("Contact saved."))
                return redirect("tracker:contact_detail", pk=contact.pk)
    return render_form(request, "tracker/contact_form.html", {"form": form, "contact": contact})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_delete(request, pk):
    contact = access.get_contact_for_user(request.user, pk)
    return confirm_delete(
        request,
        obj=contact,
        cancel_url=reverse("tracker:contact_detail", args=[contact.pk]),
        success_url=reverse("tracker:contact_list"),
        message=_("Contact deleted, with their interactions and follow-ups."),
        consequence=_("Their interactions and follow-ups are deleted too."),
    )


@login_required
@require_POST
def contact_thank_you(request, pk):
    """The one-click (pre-filled) thank-you follow-up; a second click adds no duplicate."""
    contact = access.get_contact_for_user(request.user, pk)
    form = ThankYouForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, contact, thank_you_form=form)
        return render_form(request, "tracker/contact_detail.html", context)
    with transaction.atomic():
        # get_or_create alone is a look-up then an insert: a double click could pass both look-ups.
        services.owner_lock(request.user)
        _follow_up, created = FollowUp.objects.get_or_create(
            owner=request.user,
            contact=contact,
            title=form.cleaned_data["title"],
            done_at__isnull=True,
            defaults={"due_date": form.cleaned_data["due_date"]},
        )
    if created:
        messages.success(request, _("Follow-up added: thank %(name)s.") % {"name": contact.name})
    else:
        messages.info(request, _("That follow-up is already on your list."))
    return redirect_next(request, reverse("tracker:contact_detail", args=[contact.pk]))
