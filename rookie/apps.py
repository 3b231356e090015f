from django.apps import AppConfig


class RookieConfig(AppConfig):
    """The project shell as an app: it wires in the project-wide pieces no single app owns."""

    name = "rookie"
    verbose_name = "Rookie"

    def ready(self) -> None:
        from rookie import checks  # noqa: F401 (registers the deployment checks)
        from rookie.lib import lookups  # noqa: F401 (icontains folds every alphabet on SQLite)
