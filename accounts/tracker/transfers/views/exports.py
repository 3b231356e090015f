"""Export the member's own contacts: a spreadsheet (.xlsx), CSV (for tools, or for Excel in the Nordics), vCard 4.0.

Each format has its own address, so an unknown one is the URL resolver's 404. The CSVs and the
vCard stream; the .xlsx is built in memory (a zip must be finished before it is sent), which stays
small: a member's contacts come in by hand or through imports of at most TRACKER_IMPORT_MAX_ROWS rows.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import pgettext
from django.views.decorators.http import require_safe

from accounts.tracker.transfers import exporting

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_safe
def contact_export(request):
    count = exporting.contacts_for(request.user).count()
    return render(request, "tracker/io/export.html", {"count": count})


def _filename(extension, variant=""):
    # Translators: the file name of the contacts export (lower case, no spaces), e.g. rookie-contacts-2026-12-07.xlsx
    return exporting.export_filename(pgettext("file name", "contacts"), extension, variant=variant)


def _headers(response, filename):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Private data: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


def _download(chunks, content_type, filename):
    return _headers(StreamingHttpResponse(chunks, content_type=content_type), filename)


@login_required
@require_safe
def contact_export_xlsx(request):
    body = exporting.contacts_xlsx(exporting.contacts_for(request.user))
    return _headers(HttpResponse(body, content_type=XLSX), _filename("xlsx"))


@login_required
@require_safe
def contact_export_csv(request):
    chunks = exporting.contacts_csv(exporting.contacts_for(request.user))
    return _download(chunks, "text/csv; charset=utf-8", _filename("csv"))


@login_required
@require_safe
def contact_export_csv_nordic(request):
    chunks = exporting.contacts_csv(exporting.contacts_for(request.user), dialect="nordic")
    # Translators: added to the export's file name for the semicolon-separated CSV for Excel in the Nordics
    return _download(chunks, "text/csv; charset=utf-8", _filename("csv", pgettext("file name", "excel")))


@login_required
@require_safe
def contact_export_vcard(request):
    chunks = exporting.contacts_vcard(exporting.contacts_for(request.user))
    return _download(chunks, "text/vcard; charset=utf-8", _filename("vcf"))
