"""The old city text is mapped to places (0009): drop it, and index the catalogue's city filter on
the new column again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0009_seed_places_and_map_cities"),
    ]

    operations = [
        migrations.RemoveField(model_name="network", name="city_name"),
        migrations.AddIndex(
            model_name="network",
            # The catalogue's city filter, and the list of cities offered in that filter.
            index=models.Index(fields=["status", "city"], name="networks_network_city"),
        ),
    ]
