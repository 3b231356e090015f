"""Import contacts: upload → preview (every row and what will happen to it) → confirm → per-row result.

Between the steps the upload and then the result wait in the member's ContactImport row, looked up
through the member (never by an id from the request).

A file may hold 10,000 rows, so the preview and the result show them a page at a time (PAGE_SIZE),
with the counts for the whole file above (`?show=skipped` pages through the skipped rows only);
the confirmation writes the whole file at once.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models.tracker import ContactImport
from accounts.responses import render_form
from accounts.tracker.transfers import importing
from accounts.tracker.transfers.forms import ImportConfirmForm, ImportUploadForm
from rookie.lib.querystring import query_choice, query_int

PAGE_SIZE = 50


SKIPPED = "skipped"


def _paging(request, plans):
    """The page of rows to show and the context that goes with it (the skipped rows only, if asked)."""
    show = query_choice(request, "show", [SKIPPED])
    if show == SKIPPED:
        plans = [plan for plan in plans if not plan.imports]
    page = Paginator(plans, PAGE_SIZE).get_page(query_int(request, "page", minimum=1))
    return {"page": page, "show": show, "page_extra": f"&show={show}" if show else ""}


def _current(request) -> ContactImport | None:
    return ContactImport.objects.filter(owner=request.user).first()


def _pending_import(request):
    current = _current(request)
    if current is None or not current.pending:
        return None
    return importing.PendingImport.from_data(current.pending, request.user)


def _summary(plans):
    imported = sum(1 for plan in plans if plan.imports)
    return {"total": len(plans), "imported": imported, "skipped": len(plans) - imported}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_import(request):
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            pending = importing.PendingImport(
                owner_id=request.user.pk,
                source=form.source,
                filename=form.cleaned_data["file"].name[:200],
                rows=form.rows,
            )
            ContactImport.objects.update_or_create(
                owner=request.user,
                defaults={"pending": pending.to_data(), "result": None, "updated_at": timezone.now()},
            )
            return redirect("tracker:contact_import_preview")
    else:
        form = ImportUploadForm()
    has_pending = ContactImport.objects.filter(owner=request.user, pending__isnull=False).exists()
    return render_form(request, "tracker/io/import.html", {"form": form, "has_pending": has_pending})


@login_required
@require_safe
def contact_import_preview(request):
    pending = _pending_import(request)
    if pending is None:
        messages.info(request, _("Choose a file to import first."))
        return redirect("tracker:contact_import")
    plans = importing.plan_import(pending.rows, *importing.existing_keys(request.user))
    return render(
        request,
        "tracker/io/import_preview.html",
        {
            "pending": pending,
            "plans": plans,
            "summary": _summary(plans),
            "form": ImportConfirmForm(initial={"import_id": pending.id}),
            **_paging(request, plans),
        },
    )


@login_required
@require_POST
def contact_import_confirm(request):
    pending = _pending_import(request)
    form = ImportConfirmForm(request.POST)
    if pending is None or not form.is_valid() or form.cleaned_data["import_id"] != pending.id:
        # A second tab, a double click or an old page: never import a file the member did not just see.
        messages.error(request, _("That preview is no longer current, so nothing was imported. Upload the file again."))
        return redirect("tracker:contact_import")
    try:
        with transaction.atomic():
            plans = importing.contacts_import(
                owner=request.user, rows=pending.rows, source=pending.source, import_id=pending.id
            )
            result = {
                "filename": pending.filename,
                "summary": _summary(plans),
                "rows": [[plan.row.line, plan.row.name, plan.action, plan.reason, plan.other_line] for plan in plans],
            }
            ContactImport.objects.filter(owner=request.user).update(
                pending=None, result=result, updated_at=timezone.now()
            )
    except importing.ImportAlreadyDone:
        # A second confirmation of a preview that another request (a double click, another tab)
        # has just imported: the other request records the result.
        messages.info(request, _("This file has already been imported; it was not imported a second time."))
        return redirect("tracker:contact_import_result")
    return redirect("tracker:contact_import_result")


@login_required
@require_POST
def contact_import_cancel(request):
    ContactImport.objects.filter(owner=request.user).delete()
    messages.info(request, _("The import was cancelled; nothing was imported."))
    return redirect("tracker:contact_import")


@login_required
@require_safe
def contact_import_result(request):
    current = _current(request)
    data = current.result if current else None
    if not data:
        return redirect("tracker:contact_import")
    rows = []
    for line, name, action, reason, other_line in data["rows"]:
        plan = importing.RowPlan(importing.ImportRow(line=line, name=name), action, reason, other_line)
        rows.append(plan)
    return render(
        request,
        "tracker/io/import_result.html",
        {"filename": data["filename"], "summary": data["summary"], "plans": rows, **_paging(request, rows)},
    )
