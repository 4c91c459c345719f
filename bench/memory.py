"""gunicorn workers' memory, read from /proc: resident (VmRSS) and proportional (Pss, which
splits the pages a worker shares with the arbiter and its siblings after the preload fork).

A `Sampler` thread reads every worker a few times a second for the whole run, so the report
can say both what a worker holds at the end and the most any worker ever held.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
MB = 1024 * 1024


@dataclass(frozen=True)
class Usage:
    rss: int  # bytes
    pss: int | None  # bytes; None where the kernel has no smaps_rollup


def children(parent: int, proc: Path = PROC) -> list[int]:
    """Process ids whose parent is `parent`: gunicorn's workers, given the arbiter's id."""
    found = []
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended while we looked
            continue
        # The command name is in parentheses and may hold spaces; the parent id follows it.
        fields = text[text.rindex(")") + 2 :].split()
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return sorted(found)


def _kilobytes(text: str, key: str) -> int | None:
    for line in text.splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) * 1024
    return None


def usage(pid: int, proc: Path = PROC) -> Usage | None:
    """A process's memory now, or None if it has ended."""
    try:
        status = (proc / str(pid) / "status").read_text()
    except OSError:
        return None
    rss = _kilobytes(status, "VmRSS")
    if rss is None:
        return None
    try:
        pss = _kilobytes((proc / str(pid) / "smaps_rollup").read_text(), "Pss")
    except OSError:
        pss = None
    return Usage(rss=rss, pss=pss)


def snapshot(parent: int, proc: Path = PROC) -> dict[int, Usage]:
    """Every worker's memory now, by process id."""
    found = {pid: usage(pid, proc) for pid in children(parent, proc)}
    return {pid: value for pid, value in found.items() if value is not None}


def growth(before: dict[int, Usage], samples: list[dict[int, Usage]]) -> int:
    """The most any one worker grew (RSS, bytes) from `before` over `samples`. A worker that
    was not there before (recycled meanwhile) grows from its own first sample."""
    baseline = {pid: value.rss for pid, value in before.items()}
    largest = 0
    for sample in samples:
        for pid, value in sample.items():
            start = baseline.setdefault(pid, value.rss)
            largest = max(largest, value.rss - start)
    return largest


class Sampler:
    """Reads the workers' memory every `interval` seconds in a thread, keeping the samples of
    the phase named last with `phase()` and the peak RSS of the whole run."""

    def __init__(self, parent: int, interval: float = 0.25) -> None:
        self.parent = parent
        self.interval = interval
        self.peak_rss = 0
        self._samples: list[dict[int, Usage]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.take()
            self._stop.wait(self.interval)

    def take(self) -> dict[int, Usage]:
        sample = snapshot(self.parent)
        with self._lock:
            self._samples.append(sample)
            self.peak_rss = max([self.peak_rss, *(value.rss for value in sample.values())])
        return sample

    @contextmanager
    def phase(self) -> Iterator[list[dict[int, Usage]]]:
        """Collect the samples taken while the block runs (and one at each end)."""
        with self._lock:
            self._samples = []
        self.take()
        collected: list[dict[int, Usage]] = []
        try:
            yield collected
        finally:
            self.take()
            with self._lock:
                collected.extend(self._samples)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
