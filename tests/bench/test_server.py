"""Waiting for the server to finish what wrk left it, between the table's rows."""

from __future__ import annotations

import os
import socket
import sys
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from bench.server import Server, ServerError, gunicorn


def idle_server() -> Server:
    # This process as the "arbiter": it has no busy children.
    return Server(host="127.0.0.1", port=1, arbiter=os.getpid())


def test_an_idle_server_is_idle_at_once() -> None:
    assert idle_server().wait_until_idle(limit_s=2, interval_s=0.05) is None


def test_a_busy_database_keeps_it_waiting_until_the_limit() -> None:
    waited = idle_server().wait_until_idle(limit_s=0.3, database_busy=lambda: True, interval_s=0.05)
    assert waited is not None
    assert waited >= 0.3


# Answers /healthz at once, as gunicorn does once its first worker is up, and starts its
# three "workers" (sleeping children) one by one.
FAKE_GUNICORN = """#!{python}
import http.server, signal, subprocess, sys, threading, time

bind = next(arg.split("=", 1)[1] for arg in sys.argv if arg.startswith("--bind="))
host, port = bind.rsplit(":", 1)


class Healthy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


workers = []
signal.signal(signal.SIGTERM, lambda *_: [w.kill() for w in workers] and sys.exit(0))
server = http.server.HTTPServer((host, int(port)), Healthy)
threading.Thread(target=server.serve_forever, daemon=True).start()
for _ in range(3):
    time.sleep(0.3)
    workers.append(subprocess.Popen(["sleep", "60"]))
time.sleep(60)
"""


@pytest.fixture
def fake_gunicorn(tmp_path: Path) -> Path:
    """A python whose bin/ holds the fake gunicorn: gunicorn() runs `python.parent/gunicorn`."""
    script = tmp_path / "bin" / "gunicorn"
    script.parent.mkdir()
    script.write_text(FAKE_GUNICORN.format(python=sys.executable))
    script.chmod(0o755)
    return script.parent / "python"


def start_fake(python: Path, workers: int, wait_s: float = 90) -> AbstractContextManager[Server]:
    """gunicorn() over the fake, on a free loopback port, logging beside it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = python.parent / "log"
    return gunicorn(
        python=python,
        env=os.environ,
        host="127.0.0.1",
        port=port,
        log=log,
        workers=workers,
        wait_s=wait_s,
    )


def test_the_server_is_handed_over_once_all_its_workers_are_up(fake_gunicorn: Path) -> None:
    with start_fake(fake_gunicorn, workers=3) as server:
        assert len(server.workers()) == 3


def test_a_server_that_never_starts_all_its_workers_is_an_error(fake_gunicorn: Path) -> None:
    with (
        pytest.raises(ServerError, match="had 3 of 4 workers up and answered /healthz"),
        start_fake(fake_gunicorn, workers=4, wait_s=2),
    ):
        pass
