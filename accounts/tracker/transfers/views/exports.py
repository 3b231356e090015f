"""Export the member's own contacts as CSV or vCard 4.0."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.tracker.transfers import exporting


@login_required
@require_GET
def contact_export(request):
    count = exporting.contacts_for(request.user).count()
    return render(request, "tracker/io/export.html", {"count": count})


def _download(chunks, content_type, extension):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    filename = f"rookie-contacts-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Private data: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def contact_export_csv(request):
    return _download(exporting.contacts_csv(exporting.contacts_for(request.user)), "text/csv; charset=utf-8", "csv")


@login_required
@require_GET
def contact_export_vcard(request):
    return _download(exporting.contacts_vcard(exporting.contacts_for(request.user)), "text/vcard; charset=utf-8", "vcf")
