from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and tracker")

    def ready(self):
        from accounts import (
            auth_logging,  # noqa: F401 (connects the log-in signal receivers)
            pagecache,  # noqa: F401 (connects what makes cached member pages stale)
        )
