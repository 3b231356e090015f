"""Places: a city's name in each language (modeltranslation columns), and the network's city as a
reference to one. Schema only; 0009 seeds the places and maps the old city texts, 0010 drops them.

The old text column is kept as `city_name` until 0010, so the mapping in 0009 can read it and its
reverse can write it back. Data and schema changes sit in separate migrations: on PostgreSQL, rows
written under a deferred foreign key block an ALTER TABLE in the same transaction.
"""

import django.db.models.deletion
from django.db import migrations, models

COUNTRIES = [("SE", "Sweden"), ("DK", "Denmark"), ("FI", "Finland"), ("NO", "Norway"), ("IS", "Iceland")]


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0007_catalogue_kind_and_count_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="network", name="networks_network_city"),
        migrations.RenameField(model_name="network", old_name="city", new_name="city_name"),
        migrations.CreateModel(
            name="Place",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                ("name_en", models.CharField(max_length=100, null=True, verbose_name="name")),
                ("name_sv", models.CharField(max_length=100, null=True, verbose_name="name")),
                ("name_da", models.CharField(max_length=100, null=True, verbose_name="name")),
                ("name_fi", models.CharField(max_length=100, null=True, verbose_name="name")),
                (
                    "country",
                    models.CharField(
                        blank=True,
                        choices=COUNTRIES,
                        help_text="Empty if not known yet.",
                        max_length=2,
                        verbose_name="country",
                    ),
                ),
                (
                    "other_names",
                    models.CharField(
                        blank=True,
                        help_text=(
                            "Found by the search, never shown: older spellings, names in other languages, or the "
                            "name without Nordic letters. Separate them with commas."
                        ),
                        max_length=200,
                        verbose_name="other spellings",
                    ),
                ),
            ],
            options={
                "verbose_name": "place",
                "verbose_name_plural": "places",
                "ordering": ["country", "name_en"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("country__in", ["SE", "DK", "FI", "NO", "IS", ""])),
                        name="networks_place_country_valid",
                    ),
                    models.UniqueConstraint(fields=("country", "name_en"), name="networks_place_unique_english_name"),
                ],
            },
        ),
        migrations.AddField(
            model_name="network",
            name="city",
            field=models.ForeignKey(
                blank=True,
                help_text="Leave empty for a network that meets online only.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="networks",
                to="networks.place",
                verbose_name="city",
            ),
        ),
    ]
