#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rookie.settings")
    import django
    from django.core.management import execute_from_command_line

    from rookie.startup import collector_paused

    # Django starts with the collector paused (rookie/startup.py), except for runserver: its
    # autoreloader starts even when the code is broken, and it restarts on every change anyway.
    if sys.argv[1:2] != ["runserver"]:
        with collector_paused():
            django.setup()
    execute_from_command_line(sys.argv)
