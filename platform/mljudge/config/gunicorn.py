"""gunicorn settings for mljudge (the app image's default command; docs/deploy.md). Environment:
MLJUDGE_BIND (0.0.0.0:8000), MLJUDGE_WEB_WORKERS (2), MLJUDGE_WEB_THREADS (8), MLJUDGE_BODY_TIMEOUT_S (10).

Slow or short bodies: gunicorn has no read timeout of its own for a request body (a client that declares
Content-Length: 1000 and sends 10 bytes holds a thread until the worker is killed, 30 s, then a 500). Here
every request's socket gets a timeout before the application reads from it, so a stalled body ends in a
clear 400 (core.middleware) within MLJUDGE_BODY_TIMEOUT_S of its last byte. A proxy in front (docs/deploy.md)
should buffer bodies and time them out itself (nginx client_body_timeout); this is the backstop."""
import os

bind = os.environ.get("MLJUDGE_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("MLJUDGE_WEB_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("MLJUDGE_WEB_THREADS", "8"))
timeout = 30            # a worker that does not answer the arbiter for this long is restarted
graceful_timeout = 20   # on SIGTERM, in-flight requests get this long (API long-polls wait at most 20 s)
keepalive = 5
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
BODY_TIMEOUT_S = float(os.environ.get("MLJUDGE_BODY_TIMEOUT_S", "10"))


def pre_request(worker, req):
    # The connection's socket (gunicorn's reader of this request); a recv that waits longer raises
    # socket.timeout, which Django turns into UnreadablePostError.
    sock = getattr(getattr(req, "unreader", None), "sock", None)
    if sock is not None:
        sock.settimeout(BODY_TIMEOUT_S)
