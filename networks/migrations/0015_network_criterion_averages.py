"""Network.criterion_averages and rated_criteria: "fit for me" from the network's own row.

Filled from the CriterionStats rows as networks.services.network_aggregates does.
"""

from django.db import migrations, models

BATCH = 500


def fill(apps, schema_editor):
    Network = apps.get_model("networks", "Network")
    CriterionStats = apps.get_model("networks", "CriterionStats")
    averages: dict[int, dict[str, float]] = {}
    rows = CriterionStats.objects.filter(average__isnull=False).values_list("network_id", "criterion_id", "average")
    for network_id, criterion_id, average in rows.iterator():
        averages.setdefault(network_id, {})[f"c{criterion_id}"] = average
    networks = [
        Network(pk=network_id, criterion_averages=values, rated_criteria=len(values))
        for network_id, values in averages.items()
    ]
    Network.objects.bulk_update(networks, ["criterion_averages", "rated_criteria"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0014_suggestion_answers"),
    ]

    operations = [
        migrations.AddField(
            model_name="network",
            name="criterion_averages",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="network",
            name="rated_criteria",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
