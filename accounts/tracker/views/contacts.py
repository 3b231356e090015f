"""Contacts: list (search, filters, bulk actions), add, detail (log, follow-ups, messages, questions), edit, delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import FollowUp, InteractionKind
from accounts.responses import render_form
from accounts.tracker import access, queries, services
from accounts.tracker import contact_bulk as bulk
from accounts.tracker.contact_list_forms import FILTER_FIELDS, BulkActionForm, ContactFilterForm
from accounts.tracker.forms import ContactForm, FollowUpForm, InteractionForm, QuickContactForm, ThankYouForm
from accounts.tracker.message_templates import messages_for
from accounts.tracker.questions import INTERVIEW_QUESTIONS
from accounts.tracker.views.common import confirm_delete, redirect_next, safe_next
from rookie.lib.querystring import query_flag, query_int

PAGE_SIZE = 50
# Interactions shown on a contact's page, newest first; the total is counted separately.
INTERACTION_LIMIT = 50
# Names shown on the bulk delete confirmation (the count says how many in all).
BULK_DELETE_NAMES = 20


def _filter_form(request, data):
    """The list's filter form over `data` (the GET query, or a bulk action's hidden copy of it), with
    the owner's tags, events and networks as its choices (three queries)."""
    events, networks = queries.contact_meeting_places(request.user)
    return ContactFilterForm(
        data, owner=request.user, tags=queries.contact_tags(request.user), events=events, networks=networks
    )


def _filter_query(contact_filter_form):
    """The filter as a query string ("q=…&tag=…"), for the page links and the way back from a bulk action."""
    data = contact_filter_form.data
    return urlencode([(name, data[name]) for name in FILTER_FIELDS if data.get(name)])


@login_required
@require_safe
def contact_list(request):
    """The member's contacts, 50 a page, searched and filtered by a GET form that works without
    JavaScript, with checkboxes for the bulk actions. Seven queries whatever the number of contacts:
    session, user, tags, events, networks (the filter's choices), count, the page."""
    form = _filter_form(request, request.GET)
    contact_filter = form.contact_filter()
    today = timezone.localdate()
    contacts = queries.filter_contacts(request.user, contact_filter, today=today)
    page = Paginator(contacts, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    for contact in page:
        contact.tag_list = queries.split_tags(contact.tags)
    filter_query = _filter_query(form)
    return render(
        request,
        "tracker/contact_list.html",
        {
            "page": page,
            "form": form,
            "filtered": contact_filter.is_active,
            "filter_query": filter_query,
            "page_extra": f"&{filter_query}" if filter_query else "",
            "filter_fields": [(name, form.data[name]) for name in FILTER_FIELDS if form.data.get(name)],
            "bulk_form": BulkActionForm(),
            "today": today,
            # Kept for templates and tests that read the search and tag directly.
            "q": contact_filter.q,
            "tag": contact_filter.tag,
        },
    )


def _bulk_message(action, count):
    """What happened, with the count in the locale's digits ("1 234 kontakter")."""
    number = number_format(count, force_grouping=True)
    if action == BulkActionForm.ADD_TAG:
        text = ngettext("Tag added to %(count)s contact.", "Tag added to %(count)s contacts.", count)
    elif action == BulkActionForm.REMOVE_TAG:
        text = ngettext("Tag removed from %(count)s contact.", "Tag removed from %(count)s contacts.", count)
    elif action == BulkActionForm.KEEP_IN_TOUCH:
        text = ngettext("Keep in touch set for %(count)s contact.", "Keep in touch set for %(count)s contacts.", count)
    elif action == BulkActionForm.LANGUAGE:
        text = ngettext("Language set for %(count)s contact.", "Language set for %(count)s contacts.", count)
    else:
        text = ngettext(
            "%(count)s contact deleted, with their interactions and follow-ups.",
            "%(count)s contacts deleted, with their interactions and follow-ups.",
            count,
        )
    return text % {"count": number}


@login_required
@require_POST
def contact_bulk(request):
    """One action on the chosen contacts, or on every contact the list's filter matches (its values
    come back in hidden fields and are applied again here). Only the member's own contacts are
    touched: the ids are looked up among them, so someone else's id changes nothing. Deleting asks
    first: the confirmation page posts the same fields again with confirm=1."""
    filter_form = _filter_form(request, request.POST)
    back = reverse("tracker:contact_list")
    filter_query = _filter_query(filter_form)
    if filter_query:
        back = f"{back}?{filter_query}"
    form = BulkActionForm(request.POST)
    if not form.is_valid():
        for error in [
            *form.non_field_errors(),
            *(e for name, errs in form.errors.items() if name != "__all__" for e in errs),
        ]:
            messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    contacts = queries.filter_contacts(request.user, filter_form.contact_filter(), today=timezone.localdate())
    if data["scope"] == BulkActionForm.SELECTED:
        contacts = queries.contacts_of(request.user).filter(pk__in=data["ids"]).order_by("name", "id")
    action = data["action"]
    if action == BulkActionForm.DELETE and not data["confirm"]:
        return render(
            request,
            "tracker/contact_bulk_delete.html",
            {
                "count": contacts.count(),
                "names": list(contacts.values_list("name", flat=True)[:BULK_DELETE_NAMES]),
                "form": form,
                "filter_fields": [
                    (name, filter_form.data[name]) for name in FILTER_FIELDS if filter_form.data.get(name)
                ],
                "back": back,
            },
        )
    owner = request.user
    if action == BulkActionForm.ADD_TAG:
        count = bulk.contacts_tag_add(owner=owner, contacts=contacts, tag=data["bulk_tag"])
    elif action == BulkActionForm.REMOVE_TAG:
        count = bulk.contacts_tag_remove(owner=owner, contacts=contacts, tag=data["bulk_tag"])
    elif action == BulkActionForm.KEEP_IN_TOUCH:
        count = bulk.contacts_keep_in_touch(owner=owner, contacts=contacts, days=data["keep_in_touch_days"])
    elif action == BulkActionForm.LANGUAGE:
        count = bulk.contacts_language(owner=owner, contacts=contacts, language=data["language"])
    else:
        count = bulk.contacts_delete(owner=owner, contacts=contacts)
    messages.success(request, _bulk_message(action, count))
    return redirect(back)


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
