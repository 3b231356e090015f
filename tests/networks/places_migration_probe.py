"""Run as a script (tests/networks/test_places.py does, on a fresh SQLite file; point DATABASE_URL at
a fresh PostgreSQL database to try it there): migrates networks to 0007, writes networks with city
texts as they were stored before places, migrates forward through 0009's mapping and back again,
and prints what it found as JSON."""

import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rookie.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402

BEFORE = "0007_catalogue_kind_and_count_indexes"
AFTER = "0010_remove_network_city_name"
# (city text, network country) as members and editors typed them.
ROWS = [
    ("göteborg", "SE"),
    ("COPENHAGEN", "DK"),
    ("Kööpenhamina", "DK"),
    ("Helsingfors", "FI"),
    ("  Åbo ", "FI"),
    ("Ærøskøbing", "DK"),
    ("ærøskøbing", "DK"),
    ("Nowhere Town", ""),
    ("Lund", "DK"),
    ("Lund", ""),
    ("", "SE"),
    ("", ""),
]


def _model(migration, name):
    return MigrationExecutor(connection).loader.project_state(("networks", migration)).apps.get_model("networks", name)


def main():
    call_command("migrate", "networks", BEFORE, verbosity=0)
    Network = _model(BEFORE, "Network")
    for number, (city, country) in enumerate(ROWS):
        Network.objects.create(
            name=f"Network {number}",
            slug=f"n{number}",
            summary="s",
            kind="meetup",
            scope="local",
            city=city,
            country=country,
        )
    call_command("migrate", "networks", AFTER, verbosity=0)
    Network, Place = _model(AFTER, "Network"), _model(AFTER, "Place")
    forward = {
        network.slug: [network.city.name_en, network.city.name_fi, network.city.country] if network.city else None
        for network in Network.objects.select_related("city")
    }
    places = Place.objects.count()
    call_command("migrate", "networks", BEFORE, verbosity=0)
    Network = _model(BEFORE, "Network")
    backward = dict(Network.objects.values_list("slug", "city"))
    print(json.dumps({"forward": forward, "places": places, "backward": backward}))


if __name__ == "__main__":
    main()
