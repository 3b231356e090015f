"""The tracker's I/O pages, included into accounts/tracker/urls.py (namespace "tracker", under /<lang>/me/).

The two addresses that work without logging in are outside the language prefix, in rookie/urls.py:
the calendar feed /ics/<token>.ics and the reminders opt-out /reminders/off/<signed>/ (the opt-out
page speaks the member's language, whatever the browser's).
"""

from django.urls import path

from accounts.tracker.transfers.views import calendar, exports, imports, reminders

urlpatterns = [
    path("contacts/import/", imports.contact_import, name="contact_import"),
    path("contacts/import/preview/", imports.contact_import_preview, name="contact_import_preview"),
    path("contacts/import/confirm/", imports.contact_import_confirm, name="contact_import_confirm"),
    path("contacts/import/cancel/", imports.contact_import_cancel, name="contact_import_cancel"),
    path("contacts/import/done/", imports.contact_import_result, name="contact_import_result"),
    path("contacts/export/", exports.contact_export, name="contact_export"),
    path("contacts/export/contacts.xlsx", exports.contact_export_xlsx, name="contact_export_xlsx"),
    path("contacts/export/contacts.csv", exports.contact_export_csv, name="contact_export_csv"),
    path(
        "contacts/export/contacts-excel-nordic.csv",
        exports.contact_export_csv_nordic,
        name="contact_export_csv_nordic",
    ),
    path("contacts/export/contacts.vcf", exports.contact_export_vcard, name="contact_export_vcard"),
    path("calendar/regenerate/", calendar.calendar_regenerate, name="calendar_regenerate"),
    path("reminders/", reminders.reminders_toggle, name="reminders_toggle"),
]
