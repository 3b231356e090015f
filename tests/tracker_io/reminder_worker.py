"""A `send_reminders` worker for tests/tracker_io/test_reminders_workers.py, run as its own process.

    python -m tests.tracker_io.reminder_worker seed MEMBERS DATE    members with a follow-up due on DATE
    python -m tests.tracker_io.reminder_worker send MAIL_DIR DATE BATCH
    python -m tests.tracker_io.reminder_worker report DATE           the day's ReminderLog rows, as JSON

`send` writes MAIL_DIR/ready-<pid>, waits for MAIL_DIR/go (so that two workers start together,
whatever each one's start-up took), then runs `send_reminders --date DATE --batch-size BATCH` with
RecordingBackend: each message's recipient is appended to MAIL_DIR/sent-<pid>.txt, after a short
pause that stands for the mail server's round trip.
"""

import json
import os
import sys
import time
from pathlib import Path

SEND_PAUSE = 0.005  # seconds per message


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rookie.settings")
    import django

    django.setup()


def _recording_backend():
    from django.core.mail.backends.base import BaseEmailBackend

    class RecordingBackend(BaseEmailBackend):
        def send_messages(self, email_messages):
            path = Path(os.environ["REMINDER_MAIL_DIR"]) / f"sent-{os.getpid()}.txt"
            with path.open("a", encoding="utf-8") as sent:
                for message in email_messages:
                    time.sleep(SEND_PAUSE)
                    sent.write(message.to[0] + "\n")
            return len(email_messages)

    return RecordingBackend


def seed(members, day):
    import datetime

    from accounts.models import FollowUp, User

    due = datetime.date.fromisoformat(day)
    users = User.objects.bulk_create(
        [User(email=f"worker-member-{index}@example.com", display_name=f"Member {index}") for index in range(members)]
    )
    FollowUp.objects.bulk_create(
        [FollowUp(owner=user, title=f"Follow up {index}", due_date=due) for index, user in enumerate(users)]
    )


def send(mail_dir, day, batch):
    from django.conf import settings
    from django.core.management import call_command

    os.environ["REMINDER_MAIL_DIR"] = mail_dir
    settings.EMAIL_BACKEND = "tests.tracker_io.reminder_worker.Backend"
    (Path(mail_dir) / f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 60
    while not (Path(mail_dir) / "go").exists():
        if time.monotonic() > deadline:
            sys.exit("no go after 60 s")
        time.sleep(0.01)
    call_command("send_reminders", "--date", day, "--batch-size", batch)


def report(day):
    from accounts.models import ReminderLog

    logs = ReminderLog.objects.filter(sent_on=day)
    print(
        json.dumps(
            {
                "sent": logs.filter(sent_at__isnull=False).count(),
                "claimed_not_sent": logs.filter(sent_at__isnull=True).count(),
                "workers": logs.values("claimed_by").distinct().count(),
            }
        )
    )


def __getattr__(name):
    # The mail backend is looked up by dotted path after set-up: Django's classes only exist then.
    if name == "Backend":
        return _recording_backend()
    raise AttributeError(name)


if __name__ == "__main__":
    _setup()
    command, *arguments = sys.argv[1:]
    {"seed": lambda members, day: seed(int(members), day), "send": send, "report": report}[command](*arguments)
