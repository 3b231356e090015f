"""Keep the aggregates right when evaluations disappear by any route, including cascades, and make
cached catalogue and network pages (networks/pagecache.py) stale: the one place they are bumped.

Deleting a member (their evaluations cascade) must not leave their scores in the averages; the
service's own delete goes through here too, so there is one place that handles it.
"""

from typing import Any

from django.conf import settings
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from networks import pagecache as network_pages
from networks.models import Criterion, Evaluation, Network, Place
from networks.services import network_stats_refresh
from rookie.lib import pagecache

# Sent (sender=Network) by code that changes networks with QuerySet.update(), which sends no
# post_save: the admin's bulk approve and hide.
networks_updated = Signal()


def _deleting_network(origin: object) -> bool:
    # When the network itself is being deleted its stats go with it; refreshing them would
    # re-insert rows pointing at a network about to vanish.
    if isinstance(origin, Network):
        return True
    return isinstance(origin, QuerySet) and origin.model is Network


@receiver(post_delete, sender=Evaluation, dispatch_uid="networks_evaluation_deleted")
def evaluation_deleted(sender: type[Evaluation], instance: Evaluation, origin: object = None, **kwargs: Any) -> None:
    if _deleting_network(origin):
        return
    network_stats_refresh(network_id=instance.network_id)


# Cached public pages: the catalogue and network pages show networks, the checklist, aggregates
# and comments signed with the member's display name. The aggregates are rewritten (with update())
# in the same transaction as the evaluation's save or delete below, so its bump covers them.
@receiver(post_save, sender=Network, dispatch_uid="networks_pages_network_saved")
@receiver(post_delete, sender=Network, dispatch_uid="networks_pages_network_deleted")
@receiver(post_save, sender=Evaluation, dispatch_uid="networks_pages_evaluation_saved")
@receiver(post_delete, sender=Evaluation, dispatch_uid="networks_pages_evaluation_deleted")
@receiver(post_save, sender=Criterion, dispatch_uid="networks_pages_criterion_saved")
@receiver(post_delete, sender=Criterion, dispatch_uid="networks_pages_criterion_deleted")
@receiver(networks_updated, sender=Network, dispatch_uid="networks_pages_networks_updated")
# A renamed place changes every page that shows its networks.
@receiver(post_save, sender=Place, dispatch_uid="networks_pages_place_saved")
@receiver(post_delete, sender=Place, dispatch_uid="networks_pages_place_deleted")
def _networks_pages_stale(sender: type[Model], **kwargs: Any) -> None:
    network_pages.GROUP.bump()


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="networks_pages_member_saved")
def _member_saved(
    sender: type[Model], created: bool = False, update_fields: frozenset[str] | None = None, **kwargs: Any
) -> None:
    # A log-in saves last_login only; a new display name shows under the member's comments. A new
    # member has written no comment yet: a sign-up leaves every kept piece as it is.
    if not created and (update_fields is None or "display_name" in update_fields):
        network_pages.GROUP.bump()


@receiver(post_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="networks_pages_member_deleted")
def _member_deleted(sender: type[Model], **kwargs: Any) -> None:
    network_pages.GROUP.bump()  # their comments are anonymised (or gone)


def suggesters_answered(member_ids: list[int]) -> None:
    """Answers to suggested networks were written or closed (networks/answers.py, with bulk writes
    that send no post_save): each member's own overview shows their open answers."""
    pagecache.bump_members(member_ids)
