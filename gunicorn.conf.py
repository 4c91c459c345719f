"""gunicorn in production: `gunicorn -c gunicorn.conf.py` (README, "Deploying"); `make bench`
serves the site with this same file, so what it measures is what production runs.

Threaded workers (gthread): a worker's main thread keeps answering the arbiter's heartbeat
while a request runs, so a long streamed answer (the IATI file of every activity) is not
killed by `timeout` as a sync worker would be; they keep connections alive for clients that
reuse them; and a worker waiting on PostgreSQL or Redis serves other requests meanwhile.
Each thread holds its own database connection (CONN_MAX_AGE): workers × threads connections.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from config.env import env_int, env_str


def default_workers() -> int:
    """gunicorn's advice, two per core plus one, but at most what the memory holds at the
    benchmark's ceiling of 150 MB a worker with half the memory left to PostgreSQL and Redis."""
    cores = len(os.sched_getaffinity(0))
    memory_bytes = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    by_memory = max(1, memory_bytes // 2 // (150 * 1024 * 1024))
    return max(1, min(2 * cores + 1, by_memory))


wsgi_app = "config.wsgi:application"
bind = env_str("GUNICORN_BIND", "127.0.0.1:8000")
workers = env_int("WEB_CONCURRENCY", default_workers())
# gthread, recycled without dropping requests on kept-alive connections: config/gunicorn_worker.py
worker_class = "config.gunicorn_worker.DrainingThreadWorker"
threads = env_int("GUNICORN_THREADS", 4)

# Recycle each worker after about ten thousand requests (minutes at a busy hour), at staggered
# moments (the jitter), so that a slow leak in any library stays bounded and the workers never
# restart together. 0 turns it off: `make bench` does, to see any growth (bench/environment.py).
# A recycled worker first drains its connections: at most graceful_timeout, about keepalive.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 10_000)
max_requests_jitter = max_requests // 10

# A worker that stops answering the arbiter for this long is killed and replaced. Not a
# limit on a request's length in gthread workers (see above); the web server in front sets
# the clients' timeouts.
timeout = 30
graceful_timeout = 30
# Behind a proxy that keeps connections to us open; a little longer than nothing.
keepalive = 5

# Load Django once in the arbiter, before forking: the workers share its pages of code and
# data until they write to them, and a recycled worker starts at once.
preload_app = True


def pre_fork(server: Any, worker: Any) -> None:
    """Move everything loaded so far out of the garbage collector's sight before each fork.

    Django, its apps and their modules are ~100,000 objects that live as long as the process.
    A full collection walks every object, so a worker stalled ~50-75 ms each time (every
    request of its threads with it): the tail of `make bench`'s latencies. Frozen, they are
    never walked (a worker's full collection takes ~4 ms), and never written to by the
    collector, so the workers keep sharing their pages with the arbiter."""
    gc.freeze()


# The heartbeat file: on /dev/shm, in memory, where the disk is slow or a container's overlay.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

accesslog = env_str("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# gunicorn's own line, then the response's X-Request-ID (ops/request_id.py): a 5xx in the access
# log leads to its traceback on stderr, which carries the same id.
access_log_format = " ".join(
    ('%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"', "%({x-request-id}o)s")
)
