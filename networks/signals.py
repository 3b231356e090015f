"""Keep the aggregates right when evaluations disappear by any route, including cascades.

Deleting a member (their evaluations cascade) must not leave their scores in the averages; the
service's own delete goes through here too, so there is one place that handles it.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from networks.models import Criterion, Evaluation, Network
from networks.pagecache import networks_changed
from networks.services import network_stats_refresh


def _deleting_network(origin):
    # When the network itself is being deleted its stats go with it; refreshing them would
    # re-insert rows pointing at a network about to vanish.
    if isinstance(origin, Network):
        return True
    return isinstance(origin, QuerySet) and origin.model is Network


@receiver(post_delete, sender=Evaluation, dispatch_uid="networks_evaluation_deleted")
def evaluation_deleted(sender, instance, origin=None, **kwargs):
    if _deleting_network(origin):
        return
    network_stats_refresh(network_id=instance.network_id)


# Cached public pages (networks/pagecache.py): the catalogue and network pages show networks, the
# checklist, aggregates and comments signed with the member's display name. Aggregates written
# with update() bump in networks.services; the admin's bulk actions bump themselves.
@receiver(post_save, sender=Network, dispatch_uid="networks_pages_network_saved")
@receiver(post_delete, sender=Network, dispatch_uid="networks_pages_network_deleted")
@receiver(post_save, sender=Evaluation, dispatch_uid="networks_pages_evaluation_saved")
@receiver(post_delete, sender=Evaluation, dispatch_uid="networks_pages_evaluation_deleted")
@receiver(post_save, sender=Criterion, dispatch_uid="networks_pages_criterion_saved")
@receiver(post_delete, sender=Criterion, dispatch_uid="networks_pages_criterion_deleted")
def _networks_pages_stale(sender, **kwargs):
    networks_changed()


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="networks_pages_member_saved")
def _member_saved(sender, update_fields=None, **kwargs):
    # A log-in saves last_login only; a new display name shows under the member's comments.
    if update_fields is None or "display_name" in update_fields:
        networks_changed()


@receiver(post_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="networks_pages_member_deleted")
def _member_deleted(sender, **kwargs):
    networks_changed()  # their comments are anonymised (or gone)
