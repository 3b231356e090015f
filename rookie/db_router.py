"""Optional read replica: anonymous page views read from it, everything else uses the primary.

Enabled only when DATABASE_REPLICA_URL is set (rookie/settings.py; docs/DEPLOYMENT.md). A replica
lags the primary by a moment, so only requests that cannot have just written anything may read
from it: GET and HEAD requests without a session cookie, that is visitors reading guides and the
catalogue, which is most of the traffic. A signed-in member always reads from the primary, so the
contact they just added is on the page they are redirected to (read-your-own-writes); so does
every POST, the admin, and every management command (no request at all). Writes always go to the
primary.
"""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_replica_reads = ContextVar("replica_reads", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _replica_reads.get() else None  # None: the primary ("default")

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema through replication


def replica_reads_allowed(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


class ReplicaReadsMiddleware:
    """Marks the request's reads as safe for the replica (see the module docstring) while it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_reads.set(replica_reads_allowed(request))
        try:
            return self.get_response(request)
        finally:
            _replica_reads.reset(token)
