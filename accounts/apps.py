from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and tracker")

    def ready(self) -> None:
        from accounts import (
            auth_logging,  # noqa: F401 (connects the log-in signal receivers)
            network_answers,
            signals,
        )
        from accounts.coaching import dashboard  # noqa: F401 (registers coaching's box on the dashboard)

        # What makes cached member pages stale.
        signals.connect()
        # A member hears when the network they suggested is approved or hidden.
        network_answers.connect()
