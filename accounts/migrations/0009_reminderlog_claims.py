# send_reminders' workers claim a member before sending (accounts/tracker/transfers/reminders.py):
# a claim is a ReminderLog row with claimed_by and claimed_at and no sent_at yet.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_time_zone"),
    ]

    operations = [
        migrations.AddField(
            model_name="reminderlog",
            name="claimed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="reminderlog",
            name="claimed_by",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="reminderlog",
            name="sent_at",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, null=True),
        ),
        migrations.AddConstraint(
            model_name="reminderlog",
            constraint=models.CheckConstraint(
                condition=models.Q(("sent_at__isnull", False), ("claimed_at__isnull", False), _connector="OR"),
                name="accounts_reminderlog_sent_or_claimed",
            ),
        ),
    ]
