"""An index a member's catalogue ranked by their own fit is read from (see Network.Meta.indexes)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0015_network_criterion_averages"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="network",
            index=models.Index(
                fields=["status"],
                include=("id", "score_average", "rated_criteria", "criterion_averages", "name"),
                name="networks_network_fit",
            ),
        ),
    ]
