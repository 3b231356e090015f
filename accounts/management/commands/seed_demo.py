"""Demo data for `make run`: three demo users and each app's demo content. Idempotent."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from accounts.models import User
from accounts.models.time_zones import time_zone_for_language
from accounts.roles import make_editor

DEMO_PASSWORD = "rookie-demo-2026"

DEMO_USERS = {
    # key: (e-mail, display name, role, preferred language)
    "member": ("member@demo.rookie.test", "Elin Demo", User.Role.MEMBER, "sv"),
    "coach": ("coach@demo.rookie.test", "Mikael Coach", User.Role.COACH, "en"),
    "editor": ("editor@demo.rookie.test", "Aino Editor", User.Role.EDITOR, "fi"),
    # The demo coach's second client (coaching_demo), beside "member".
    "client": ("client2@demo.rookie.test", "Mads Demo", User.Role.MEMBER, "da"),
}

# Each app adds its demo content through one function `seed(*, users, stdout)`; order matters
# (networks before the tracker, which links goals and contacts to networks).
DEMO_SEEDERS = [
    "articles.demo.seed",
    "networks.demo.seed",
    "accounts.tracker.demo.seed",
    "accounts.coaching.demo.seed",
]


class Command(BaseCommand):
    help = (
        "Create demo users and demo content (running it again changes nothing). The users share a published "
        "password, so it runs only with DEBUG on, or with --force (e.g. a throwaway database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run with DEBUG off too (the demo accounts' password is public: never on a real site).",
        )

    def handle(self, *args, force=False, **options):
        # Checked before any write: on a real site these accounts would be open to anyone who read the README.
        if not (settings.DEBUG or force):
            raise CommandError(
                f"seed_demo creates accounts whose password ({DEMO_PASSWORD}) is public, so it runs only with "
                "DEBUG on. Set DEBUG=1 for local development, or pass --force for a throwaway database."
            )
        self._seed()

    @transaction.atomic
    def _seed(self):
        users = {key: self._demo_user(*spec) for key, spec in DEMO_USERS.items()}
        make_editor(users["editor"])
        for path in DEMO_SEEDERS:
            import_string(path)(users=users, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo users (password for all: {DEMO_PASSWORD}):"))
        for key, user in users.items():
            self.stdout.write(f"  {key:<7} {user.email}")

    def _demo_user(self, email, name, role, language):
        user = User.objects.filter(email=User.objects.normalize_email(email)).first()
        if user is None:
            user = User.objects.create_user(
                email,
                DEMO_PASSWORD,
                display_name=name,
                role=role,
                preferred_language=language,
                time_zone=time_zone_for_language(language),
            )
        return user
