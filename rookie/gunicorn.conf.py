"""gunicorn settings for production (Dockerfile, docker-compose and `make serve` use this file).

Slow clients: a gthread worker gives each connection a thread for as long as the client takes to
send its request, and only workers × threads of them exist, so ten clients sending a byte a
second stall every worker. gunicorn cannot bound that time; the reverse proxy does
(deploy/Caddyfile: header and body read timeouts, the body read whole before a replica sees it).
Never expose gunicorn to clients directly. What gunicorn does bound is set below.
"""

import os

from gunicorn.glogging import Logger

from rookie.lib.log_redaction import RedactSecretsFilter

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 (in a container)
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A worker whose main loop stops answering for this long is killed and replaced. With threads it
# does not limit one request's time (the main loop keeps answering while a thread works).
timeout = 30
# On a restart or deploy, requests in flight get this long to finish.
graceful_timeout = 20
# Seconds an idle kept-alive connection stays open; the proxy's own (4 s, deploy/Caddyfile) is
# shorter, so the proxy never sends a request on a connection gunicorn is closing.
keepalive = 5
# Requests beyond these get gunicorn's 414 or 400 before Django sees them: the request line (method,
# path, query string), the number of header fields, and the size of one field (long cookies fit).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


class RedactingLogger(Logger):
    """gunicorn's logger, with calendar-feed, password-reset and other link tokens taken out of the
    access and error logs (rookie/lib/log_redaction.py)."""

    redact_filter = RedactSecretsFilter()

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            log.addFilter(self.redact_filter)  # the same object once, however often setup runs


logger_class = RedactingLogger
