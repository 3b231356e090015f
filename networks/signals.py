"""Keep the aggregates right when evaluations disappear by any route, including cascades.

Deleting a member (their evaluations cascade) must not leave their scores in the averages; the
service's own delete goes through here too, so there is one place that handles it.
"""

from django.db.models import QuerySet
from django.db.models.signals import post_delete
from django.dispatch import receiver

from networks.models import Evaluation, Network
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
