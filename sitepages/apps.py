from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SitePagesConfig(AppConfig):
    name = "sitepages"
    verbose_name = _("Site pages")

    def ready(self):
        from sitepages import signals  # noqa: F401 (connects the cache invalidation)

        # The data migration grants the Editors group its permissions on a fresh database; this
        # puts them back after a flush (the test runner's transactional tests empty every table).
        post_migrate.connect(_grant_editor_permissions, sender=self)


def _grant_editor_permissions(sender, apps=global_apps, using="default", **kwargs):
    from sitepages.permissions import grant_editor_permissions

    grant_editor_permissions(apps, using=using)
