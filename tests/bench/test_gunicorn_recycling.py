"""gunicorn with gunicorn.conf.py recycles its workers without dropping a request sent on a
kept-alive connection (config/gunicorn_worker.py)."""

from __future__ import annotations

import http.client
import os
import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from pathlib import Path

from bench.server import gunicorn

WORKERS = 2
CLIENTS = 6
REQUESTS_EACH = 50


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def keep_asking(port: int) -> list[str]:
    """REQUESTS_EACH requests on one kept-alive connection (http.client opens a new one only
    when an answer says `Connection: close`): what went wrong, if anything."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    failures = []
    try:
        for _ in range(REQUESTS_EACH):
            try:
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failures.append(f"answered {response.status}")
            except (OSError, http.client.HTTPException) as error:
                failures.append(repr(error))
                connection.close()
    finally:
        connection.close()
    return failures


def test_recycled_workers_answer_every_request_on_kept_alive_connections(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_THREADS": "2",
        # 300 requests over two workers recycled every 20 to 22: about a dozen recycles.
        "GUNICORN_MAX_REQUESTS": "20",
        "GUNICORN_ACCESS_LOG": "",
    }
    env.pop("REDIS_URL", None)
    log = tmp_path / "gunicorn.log"
    port = free_port()
    with (
        gunicorn(
            python=Path(sys.executable),
            env=env,
            host="127.0.0.1",
            port=port,
            log=log,
            workers=WORKERS,
            wait_s=30,
        ),
        ThreadPoolExecutor(CLIENTS) as clients,
    ):
        failures = list(chain.from_iterable(clients.map(keep_asking, [port] * CLIENTS)))

    assert log.read_text().count("Booting worker") >= WORKERS + 6  # it did recycle, often
    assert failures == []
