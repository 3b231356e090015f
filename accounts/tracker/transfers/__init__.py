"""The tracker's input and output: contact imports and exports, the iCalendar feed and e-mail reminders.

Parsing and building live in plain modules (linkedin, vcard, importing, exporting, calendar,
reminders) that take an owner, not a request, so other code (coaching, commands) can use them;
the views in accounts/tracker/transfers/views/ look everything up through request.user.
"""
