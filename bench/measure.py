"""Measuring one server: each endpoint under wrk (or read one request at a time when it is
too slow for load), the exports with the workers' memory sampled, the home page's weight."""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench import memory, wrk
from bench.endpoints import Endpoint
from bench.fetch import fetch
from bench.progress import say
from bench.results import Row
from bench.server import Server
from bench.weight import PageWeight, weigh

# Exports are read whole, one after another, for at least this long (and at least once).
EXPORT_SECONDS = 10.0
# The walk over every CSV page stops after this long; the report says how far it got.
CSV_WALK_LIMIT_S = 60.0
# A page whose second request takes longer than this is not under wrk's load (see measure()):
# a page served from the cache takes milliseconds.
SLOW_S = 0.5
# After each row, the longest wait for the workers to finish what wrk left them.
DRAIN_LIMIT_S = 60.0


def problems(result: wrk.WrkResult) -> str:
    """Anything but 200s in a run, e.g. "301×812, socket errors×3"."""
    found = [f"{status}×{n}" for status, n in sorted(result.statuses.items()) if status != 200]
    if result.requests == 0:
        found.append("no response completed")
    if result.socket_error_count:
        kinds = ", ".join(f"{k} {n}" for k, n in result.socket_errors.items() if n)
        found.append(f"socket errors×{result.socket_error_count} ({kinds})")
    return ", ".join(found)


def run_wrk(
    server: Server, endpoint: Endpoint, args: argparse.Namespace, seconds: int
) -> wrk.WrkResult:
    """wrk against `endpoint` for `seconds`, with the load every measured round uses."""
    return wrk.run(
        wrk.command(
            server.base_url + endpoint.path,
            script=wrk.MEASURE_SCRIPT,
            connections=args.connections,
            duration_s=seconds,
            threads=2,
            timeout_s=10,
            headers=wrk.DEFAULT_HEADERS,
        )
    )


def measure_rows(
    server: Server,
    endpoints: list[Endpoint],
    args: argparse.Namespace,
    *,
    database_busy: Callable[[], bool],
) -> list[Row]:
    """Every endpoint's row, measured in `args.rounds` rounds over all of them in turn.

    On a small machine shared with PostgreSQL, Redis and the kernel's own work, a few seconds
    of something else can halve one run's requests/s; in rounds, such a spell falls on one
    round of a row, not on the row. The first round also takes each address's first request
    and its warm-up. An address whose second request is still slow is not served from a
    cache, and wrk's connections would only pile renders up past their timeout, slowing every
    later row: it is read one request at a time instead, once, and its row says so."""
    runs: dict[str, list[wrk.WrkResult]] = {endpoint.label: [] for endpoint in endpoints}
    first_ms: dict[str, float] = {}
    sequential: dict[str, Row] = {}
    waits: dict[str, list[str]] = {endpoint.label: [] for endpoint in endpoints}
    for number in range(1, args.rounds + 1):
        for endpoint in endpoints:
            if endpoint.label in sequential:
                continue
            say(f"round {number} of {args.rounds}, {endpoint.label}: {endpoint.path}")
            if number == 1:
                first_ms[endpoint.label], slow_row = _start(server, endpoint, args)
                if slow_row is not None:
                    sequential[endpoint.label] = slow_row
                    continue
            runs[endpoint.label].append(run_wrk(server, endpoint, args, args.duration))
            busy = server.wait_until_idle(limit_s=DRAIN_LIMIT_S, database_busy=database_busy)
            if busy is not None:
                waits[endpoint.label].append(
                    f"workers still busy {busy:.0f} s after round {number}"
                )
    return [
        sequential.get(endpoint.label)
        or combine(
            endpoint,
            runs[endpoint.label],
            first_ms=first_ms[endpoint.label],
            waits=waits[endpoint.label],
        )
        for endpoint in endpoints
    ]


def _start(
    server: Server, endpoint: Endpoint, args: argparse.Namespace
) -> tuple[float, Row | None]:
    """An address's first request (in ms), then its warm-up under wrk; or, when its second
    request is still slow, instead of the warm-up its whole row, read one request at a time."""
    first_ms = first_request(server, endpoint)
    again = fetch(server.base_url + endpoint.path, headers=wrk.DEFAULT_HEADERS)
    if again.seconds > SLOW_S:
        why = f"2nd request {again.seconds:.1f} s, not under load: "
        row, _ = read_sequentially(server, endpoint, why=why)
        return first_ms, replace(row, first_ms=first_ms)
    run_wrk(server, endpoint, args, args.warmup)
    return first_ms, None


def combine(
    endpoint: Endpoint, runs: list[wrk.WrkResult], *, first_ms: float, waits: list[str]
) -> Row:
    """An endpoint's row from its rounds: the median round's requests/s and p50, and the
    worst round's p99, so that no spell of slowness is averaged away from the tail."""
    requests = sum(run.requests for run in runs)
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()
    for run in runs:
        statuses.update(run.statuses)
        errors.update(run.socket_errors)
    every_round = replace(
        runs[0], requests=requests, statuses=dict(statuses), socket_errors=dict(errors)
    )
    return Row(
        label=endpoint.label,
        path=endpoint.path,
        group=endpoint.group,
        requests_per_s=statistics.median(run.requests_per_s for run in runs),
        p50_ms=statistics.median(run.p50_ms for run in runs),
        p99_ms=max(run.p99_ms for run in runs),
        bytes_per_response=round(sum(run.bytes_total for run in runs) / requests)
        if requests
        else 0,
        first_ms=first_ms,
        rounds_per_s=tuple(run.requests_per_s for run in runs),
        problems=", ".join(problem for problem in (problems(every_round), *waits) if problem),
    )


def first_request(server: Server, endpoint: Endpoint) -> float:
    """One request before the load, in ms: it fills the cache, so that wrk's connections do
    not all render the same uncached page at once and leave work behind for the next row."""
    fetched = fetch(server.base_url + endpoint.path, headers=wrk.DEFAULT_HEADERS)
    if fetched.status != 200:
        say(f"warning: {endpoint.path} answered {fetched.status}")
    return fetched.seconds * 1000


def read_sequentially(server: Server, endpoint: Endpoint, *, why: str = "") -> tuple[Row, str]:
    """Read an address whole, again and again for EXPORT_SECONDS (at least once), one request
    at a time: the row of an export, or of a page too slow to put under load."""
    times: list[float] = []
    sizes: list[int] = []
    statuses: list[int] = []
    started = time.monotonic()
    while not times or (time.monotonic() - started < EXPORT_SECONDS and len(times) < 5):
        fetched = fetch(server.base_url + endpoint.path)
        times.append(fetched.seconds)
        sizes.append(fetched.size)
        statuses.append(fetched.status)
    bad = [status for status in statuses if status != 200]
    row = Row(
        label=endpoint.label,
        path=endpoint.path,
        group=endpoint.group,
        requests_per_s=len(times) / sum(times),
        p50_ms=statistics.median(times) * 1000,
        p99_ms=max(times) * 1000,
        bytes_per_response=round(statistics.mean(sizes)),
        method=f"{why}read whole ×{len(times)}, uncompressed",
        problems=", ".join(f"{status}×{bad.count(status)}" for status in sorted(set(bad))),
    )
    median = statistics.median(times)
    took = f"{median:.2f} s" if median >= 1 else f"{median * 1000:.0f} ms"
    note = f"{endpoint.label}: {sizes[-1] / 1024 / 1024:.1f} MB in {took} (median of {len(times)})."
    return row, note


def walk_csv(server: Server, paths: list[str]) -> str:
    """Fetch every CSV page in turn (the whole record as paginated CSV); say how far it got."""
    started = time.monotonic()
    done, size, bad = 0, 0, 0
    for path in paths:
        if time.monotonic() - started > CSV_WALK_LIMIT_S:
            break
        fetched = fetch(server.base_url + path)
        done += 1
        size += fetched.size
        bad += fetched.status != 200
    elapsed = time.monotonic() - started
    finished = "all" if done == len(paths) else f"stopped after {CSV_WALK_LIMIT_S:g} s at"
    return (
        f"CSV, every page: the paginated CSV (at most 200 rows a page), as a partner not using "
        f"the lists' export.csv would fetch it, was walked {finished} {done} of {len(paths)} "
        f"pages of every list endpoint, one after another: {size / 1024 / 1024:.1f} MB in "
        f"{elapsed:.0f} s" + (f", {bad} not 200" if bad else "") + "."
    )


def weigh_home(server: Server, path: str) -> PageWeight:
    page = fetch(server.base_url + path, keep=True)
    if page.status != 200 or page.body is None:
        raise RuntimeError(f"The home page answered {page.status}.")

    def asset(url: str) -> bytes:
        fetched = fetch(url, keep=True)
        return fetched.body or b""

    return weigh(page.body, base_url=server.base_url + path, fetch=asset)


def measure_exports(
    server: Server, exports: list[Endpoint], csv_pages: list[str], warm_paths: Path
) -> tuple[list[Row], dict[str, int], list[str]]:
    """Each export read whole, and every CSV page in turn, with the workers' memory sampled
    throughout: their rows, the most a worker grew during each, and what was read.

    The workers first serve a few seconds of the cached pages and API answers (`warm_paths`),
    so that what a first request loads into a fresh worker is not counted as the export's."""
    sampler = memory.Sampler(server.arbiter)
    sampler.start()
    rows, growth, notes = [], {}, []
    say("warming the fresh workers on the pages and the API")
    wrk.run(
        wrk.command(
            server.base_url + "/",
            script=wrk.ROTATE_SCRIPT,
            connections=8,
            duration_s=3,
            threads=2,
            timeout_s=10,
            headers=wrk.DEFAULT_HEADERS,
            script_args=(str(warm_paths),),
        )
    )
    for endpoint in exports:
        say(f"{endpoint.label}: {endpoint.path}")
        with sampler.phase() as samples:
            before = memory.snapshot(server.arbiter)
            row, note = read_sequentially(server, endpoint)
        rows.append(row)
        notes.append(note)
        growth[endpoint.label] = memory.growth(before, samples)
    say(f"CSV: every page of every list ({len(csv_pages)} pages)")
    with sampler.phase() as samples:
        before = memory.snapshot(server.arbiter)
        notes.append(walk_csv(server, csv_pages))
    growth["CSV, every page"] = memory.growth(before, samples)
    sampler.stop()
    return rows, growth, notes
