"""The site under gunicorn with `gunicorn.conf.py`, as production runs it, on a loopback port."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.memory import children

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = ROOT / "gunicorn.conf.py"
READY_PATH = "/healthz"  # answers plain HTTP without the SSL redirect, after a database query


class ServerError(RuntimeError):
    """gunicorn did not start, or stopped answering."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    arbiter: int  # gunicorn's master process id; its children are the workers

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def workers(self) -> list[int]:
        return children(self.arbiter)

    def busy_seconds(self) -> float:
        """CPU seconds the workers have used so far (user and system)."""
        return sum(cpu_seconds(pid) for pid in self.workers())

    def wait_until_idle(
        self,
        *,
        limit_s: float,
        database_busy: Callable[[], bool] = lambda: False,
        interval_s: float = 0.5,
    ) -> float | None:
        """Wait until the workers use under a tenth of a core and `database_busy()` is false,
        as when every request they took has been answered: a request that outlived wrk's
        timeout is still rendered (or its query still runs, the worker waiting on it) and would
        slow the next row down. None once idle, else the seconds waited in vain."""
        started = time.monotonic()
        before = self.busy_seconds()
        while time.monotonic() - started < limit_s:
            time.sleep(interval_s)
            now = self.busy_seconds()
            if now - before < 0.1 * interval_s and not database_busy():
                return None
            before = now
        return time.monotonic() - started


def cpu_seconds(pid: int, proc: Path = Path("/proc")) -> float:
    """utime + stime of a process, from /proc/<pid>/stat; 0 if it has ended."""
    try:
        text = (proc / str(pid) / "stat").read_text()
    except OSError:
        return 0.0
    fields = text[text.rindex(")") + 2 :].split()
    # After the command name: state is field 3 of stat(5), utime 14 and stime 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _answers(host: str, port: int) -> bool:
    connection = http.client.HTTPConnection(host, port, timeout=2)
    try:
        connection.request("GET", READY_PATH)
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def gunicorn_settings(*, python: Path, env: Mapping[str, str]) -> dict[str, str]:
    """gunicorn's own reading of gunicorn.conf.py under `env` (workers, threads...)."""
    completed = subprocess.run(
        [
            str(python.parent / "gunicorn"),
            "--config=gunicorn.conf.py",
            "--print-config",
        ],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        check=True,
    )
    found = {}
    for line in completed.stdout.splitlines():
        name, _, value = line.partition("=")
        found[name.strip()] = value.strip()
    return found


@contextmanager
def gunicorn(
    *,
    python: Path,
    env: Mapping[str, str],
    host: str,
    port: int,
    log: Path,
    workers: int,
    wait_s: float = 90,
) -> Iterator[Server]:
    """Start gunicorn, wait until all its `workers` are up and /healthz answers 200, and stop
    it (SIGTERM, then SIGKILL after its graceful timeout) when the block ends.

    /healthz answers as soon as one worker is up: the first rows would otherwise be measured
    on fewer workers, with the others forking beside them."""
    if _answers(host, port):
        raise ServerError(f"Something already answers on {host}:{port}: pick another --port.")
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(python.parent / "gunicorn"),
        f"--config={GUNICORN_CONFIG}",
        f"--bind={host}:{port}",
    ]
    with log.open("ab") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=dict(env), stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if process.poll() is not None:
                raise ServerError(f"gunicorn exited with {process.returncode}; see {log}")
            ready = _answers(host, port)
            count = len(children(process.pid))
            if ready and count >= workers:
                break
            if time.monotonic() > deadline:
                raise ServerError(
                    f"gunicorn had {count} of {workers} workers up and "
                    f"{'answered' if ready else 'did not answer'} {READY_PATH} "
                    f"after {wait_s:g} s; see {log}"
                )
            time.sleep(0.25)
        yield Server(host=host, port=port, arbiter=process.pid)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
