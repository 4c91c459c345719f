"""The machine a run measured, so runs on different machines can be compared."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

import psycopg
import redis

GB = 1024**3


def _first(path: Path, key: str, separator: str = ":") -> str | None:
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(separator)
        if name.strip() == key:
            return value.strip().strip('"')
    return None


def cpu_model(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    return _first(cpuinfo, "model name") or platform.processor() or "unknown"


def memory_gb(meminfo: Path = Path("/proc/meminfo")) -> float | None:
    total = _first(meminfo, "MemTotal")
    return int(total.split()[0]) * 1024 / GB if total else None


def operating_system(os_release: Path = Path("/etc/os-release")) -> str:
    name = _first(os_release, "PRETTY_NAME", "=") or platform.system()
    return f"{name}, Linux {platform.release()}"


def postgresql_version(database_url: str) -> str:
    with psycopg.connect(database_url) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "unknown"


def redis_version(redis_url: str) -> str:
    client = redis.Redis.from_url(redis_url)
    try:
        return str(client.info("server")["redis_version"])
    finally:
        client.close()


def wrk_version() -> str:
    completed = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    first = (completed.stdout or completed.stderr).splitlines()[:1]
    return first[0].split(" [")[0] if first else "unknown"


def describe(*, database_url: str, redis_url: str, workers: int, threads: int) -> dict[str, str]:
    """One line per fact, in the order the report prints them."""
    memory = memory_gb()
    return {
        "CPU": cpu_model(),
        "Cores": str(len(os.sched_getaffinity(0))),
        "RAM": f"{memory:.1f} GB" if memory else "unknown",
        "OS": operating_system(),
        "Python": platform.python_version(),
        "Django": version("django"),
        "PostgreSQL": postgresql_version(database_url),
        "Redis": redis_version(redis_url),
        "gunicorn": f"{version('gunicorn')}, {workers} workers × {threads} threads (gthread)",
        "Load generator": wrk_version(),
    }
