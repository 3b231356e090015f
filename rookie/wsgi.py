import os

from django.core.wsgi import get_wsgi_application

from rookie.startup import collector_paused

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rookie.settings")
# Each gunicorn worker starts Django with the collector paused (rookie/startup.py).
with collector_paused():
    application = get_wsgi_application()
