"""`python -m bench loadtest` (make loadtest, issue 7): 50 connections for 30 s over the public
pages in three languages and the API; exits 1 on any 5xx or socket error, naming the addresses
of the 5xx from gunicorn's access log."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from bench import wrk
from bench.environment import HOST, Target
from bench.fetch import fetch
from bench.progress import say
from bench.server import gunicorn, gunicorn_settings


def run_loadtest(
    args: argparse.Namespace, target: Target, env: Mapping[str, str], paths: list[str]
) -> int:
    """Serve the site, check and warm each address once, then load them all with wrk."""
    paths = excluding(paths, args.exclude)
    if not paths:
        raise LookupError("--exclude left no address to load.")
    path_file = target.var_dir / "loadtest-paths.txt"
    path_file.write_text("\n".join(paths) + "\n")
    log = target.var_dir / "gunicorn.log"
    access_log = Path(env["GUNICORN_ACCESS_LOG"])
    python = Path(sys.executable)
    workers = int(gunicorn_settings(python=python, env=env)["workers"])
    with gunicorn(
        python=python, env=env, host=HOST, port=args.port, log=log, workers=workers
    ) as server:
        say(f"checking and warming the {len(paths)} addresses once each")
        for path in paths:
            fetched = fetch(server.base_url + path, headers=wrk.DEFAULT_HEADERS)
            if fetched.status != 200:
                say(f"warning: {path} answered {fetched.status}")
        say(f"{args.connections} connections for {args.duration:g} s over {len(paths)} addresses")
        logged = access_log.stat().st_size if access_log.exists() else 0
        result = wrk.run(
            wrk.command(
                server.base_url + "/",
                script=wrk.ROTATE_SCRIPT,
                connections=args.connections,
                duration_s=args.duration,
                threads=2,
                timeout_s=10,
                headers=wrk.DEFAULT_HEADERS,
                script_args=(str(path_file),),
            )
        )
    with access_log.open("rb") as lines:
        lines.seek(logged)
        errors = server_errors(lines.read().decode("utf-8", "replace"))
    print(
        loadtest_summary(
            result, addresses=len(paths), connections=args.connections, server_errors=errors
        )
    )
    if args.exclude:
        print(f"  left out: the addresses containing {', '.join(args.exclude)}")
    return 1 if loadtest_failed(result) else 0


def excluding(paths: list[str], texts: list[str]) -> list[str]:
    return [path for path in paths if not any(text in path for text in texts)]


def loadtest_failed(result: wrk.WrkResult) -> bool:
    return result.count(5) > 0 or result.socket_error_count > 0 or result.requests == 0


# gunicorn's default access log format: ... "GET /path HTTP/1.1" 503 1234 "-" "-"
ACCESS_LINE = re.compile(r'"[A-Z]+ (?P<path>\S+) HTTP/[0-9.]+" (?P<status>[0-9]{3}) ')


def server_errors(access_log: str) -> dict[str, int]:
    """The 5xx answers in a stretch of gunicorn's access log, counted by status and address."""
    found: dict[str, int] = {}
    for match in ACCESS_LINE.finditer(access_log):
        if match["status"].startswith("5"):
            key = f"{match['status']} {match['path']}"
            found[key] = found.get(key, 0) + 1
    return found


def loadtest_summary(
    result: wrk.WrkResult,
    *,
    addresses: int,
    connections: int,
    server_errors: Mapping[str, int] | None = None,
) -> str:
    classes = ", ".join(f"{c}xx {result.count(c):,}" for c in (2, 3, 4, 5))
    lines = [
        f"Load test: {connections} connections for {result.duration_s:.0f} s over {addresses} "
        f"addresses (public pages in en/uk/az, the sitemap, the API's lists, details and "
        f"stats; listed in var/bench/loadtest-paths.txt)",
        f"  requests {result.requests:,} ({result.requests_per_s:,.0f}/s), "
        f"latency p50 {result.p50_ms:.1f} ms, p90 {result.p90_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, max {result.max_ms:.0f} ms",
        f"  statuses: {classes}; socket errors: {result.socket_error_count}"
        + (f" ({result.socket_errors})" if result.socket_error_count else ""),
    ]
    lines += [f"  {n}× {name}" for name, n in sorted((server_errors or {}).items())]
    lines.append("  FAIL" if loadtest_failed(result) else "  PASS: no 5xx, no socket errors")
    return "\n".join(lines)
