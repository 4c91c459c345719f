"""Running Debian's `wrk` and reading what its Lua `done()` hook prints (bench/lua/)."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LUA_DIR = Path(__file__).resolve().parent / "lua"
MEASURE_SCRIPT = LUA_DIR / "measure.lua"
ROTATE_SCRIPT = LUA_DIR / "rotate.lua"
MARKER = "BENCH_JSON "
# What a TLS-ending proxy in front of the site adds (the settings trust it in the bench), and
# what every browser sends: pages travel compressed, as they do to readers.
DEFAULT_HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}


class WrkError(RuntimeError):
    """wrk could not run, or printed no result line."""


@dataclass(frozen=True)
class WrkResult:
    """One wrk run, in the units the report uses."""

    requests: int
    duration_s: float
    bytes_total: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[int, int]
    socket_errors: dict[str, int]

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def bytes_per_request(self) -> int:
        return round(self.bytes_total / self.requests) if self.requests else 0

    def count(self, status_class: int) -> int:
        """Responses whose status is in the class, e.g. 5 for 5xx."""
        return sum(n for status, n in self.statuses.items() if status // 100 == status_class)

    @property
    def socket_error_count(self) -> int:
        return sum(self.socket_errors.values())


def parse_output(output: str) -> WrkResult:
    """The result line printed by measure.lua or rotate.lua, whatever wrk printed around it."""
    lines = [line for line in output.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise WrkError(f"wrk printed no {MARKER.strip()} line; its output was:\n{output}")
    data: dict[str, Any] = json.loads(lines[-1][len(MARKER) :])
    latency = data["latency_us"]
    errors = data["errors"]
    return WrkResult(
        requests=int(data["requests"]),
        duration_s=int(data["duration_us"]) / 1e6,
        bytes_total=int(data["bytes"]),
        p50_ms=latency["p50"] / 1000,
        p90_ms=latency["p90"] / 1000,
        p99_ms=latency["p99"] / 1000,
        max_ms=latency["max"] / 1000,
        statuses={int(status): int(n) for status, n in data["statuses"].items()},
        # wrk's "status" error is a count of responses >= 400, not a socket error.
        socket_errors={name: int(n) for name, n in errors.items() if name != "status"},
    )


def command(
    url: str,
    *,
    script: Path,
    connections: int,
    duration_s: int,
    threads: int,
    timeout_s: int,
    headers: dict[str, str],
    script_args: tuple[str, ...] = (),
) -> list[str]:
    """The wrk command line; `script_args` reach the script's init() after `--`."""
    if connections < 1 or threads < 1 or duration_s < 1 or timeout_s < 1:
        raise ValueError("connections, threads, duration and timeout must be at least 1")
    arguments = [
        "wrk",
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        # Whole seconds (int): wrk reads "0.5s" as a usage error.
        f"--duration={duration_s}s",
        f"--timeout={timeout_s}s",
        f"--script={script}",
    ]
    for name, value in headers.items():
        arguments.append(f"--header={name}: {value}")
    arguments.append(url)
    if script_args:
        arguments += ["--", *script_args]
    return arguments


def run(arguments: list[str]) -> WrkResult:
    """Run wrk to the end and parse its result line."""
    if shutil.which(arguments[0]) is None:
        raise WrkError("wrk is not installed: `apt-get install wrk` (make bench does it)")
    completed = subprocess.run(arguments, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        said = (completed.stderr or completed.stdout).strip()
        raise WrkError(f"wrk failed ({completed.returncode}): {said}")
    return parse_output(completed.stdout)
