"""gunicorn's threaded (gthread) worker, recycled without dropping a request: gunicorn.conf.py's
`worker_class`.

gunicorn 23's own worker, once it has served `max_requests`, leaves its loop on the next turn
and exits. The kept-alive connections it holds die with it, although it told their clients they
could send another request on them; so do connections it accepted but had not read yet, and
ones it still accepted after deciding to stop (gunicorn issues #3038, #3380). A client that
sent a request on one of them meanwhile gets a reset or an empty answer: under load, dozens a
recycle.

This worker drains instead. Once it has served its share it accepts nothing new (the other
workers take new connections from the listening socket they share), answers every further
request on a connection it holds with `Connection: close`, and exits when no connection is
left: each has carried its last request, or stayed idle until its keep-alive timeout (the way
any idle connection ends), or was closed by its client. Under traffic that takes a few
milliseconds, a connection left idle up to `keepalive` seconds; one that never sends holds the
worker at most `graceful_timeout`, after which it exits as gunicorn's does, a request still
running given that long again.

It leans on the gthread worker's own attributes (max_keepalived, nr_conns, poller, the main
loop's call to murder_keepalived), as in gunicorn 23, which pyproject.toml pins below 24; on
a new gunicorn, tests/bench/test_gunicorn_recycling.py says whether it still drains.
"""

from __future__ import annotations

import os
import selectors
import sys
import time
from concurrent.futures import Future
from typing import Any

from gunicorn.workers.gthread import ThreadWorker


class DrainingThreadWorker(ThreadWorker):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # gunicorn's count (with its jitter) stops the loop the moment it is reached: keep it out
        # of gunicorn's reach and act on it in the loop, below.
        self.recycle_after, self.max_requests = self.max_requests, sys.maxsize
        self.drain_deadline: float | None = None

    def murder_keepalived(self) -> None:
        """Close the idle connections past their keep-alive timeout (gunicorn's), and once this
        worker has served its share, drain it. Called by the main loop at least once a second."""
        super().murder_keepalived()
        if self.nr < self.recycle_after:
            return
        if self.drain_deadline is None:
            self.log.info("Recycling worker after %s requests: draining its connections.", self.nr)
            self.drain_deadline = time.monotonic() + self.cfg.graceful_timeout
            # Room for no idle connection: every answer from now on says `Connection: close`.
            # Answers already under way keep theirs and carry one more request each.
            self.max_keepalived = 0
            with self._lock:
                for listener in self.sockets:
                    self.poller.unregister(listener)
                # Woken by finish_request() below, rather than at the end of a second's wait.
                self.poller.register(self.PIPE[0], selectors.EVENT_READ, self.woken)
        # nr_conns counts the connections open (accepted, not yet closed), as gunicorn keeps it.
        if self.nr_conns <= 0 or time.monotonic() > self.drain_deadline:
            self.alive = False

    def finish_request(self, fs: Future) -> None:
        super().finish_request(fs)
        if self.drain_deadline is not None and self.nr_conns <= 0:
            os.write(self.PIPE[1], b".")

    def woken(self, pipe: int) -> None:
        os.read(pipe, 64)
