"""Personal data: the member's export (GDPR art. 15 and 20), account deletion, and retention purges.

- export.py: the registry of what is exported, and the ZIP (one JSON file, one CSV per section);
- deletion.py: deleting an account in one transaction (sessions ended, e-mail afterwards);
- retention.py: what `manage.py purge_expired` removes, and after how long;
- forms.py, views.py: the profile's "Your data" pages.
"""
