"""`python -m bench bench` (make bench) and `python -m bench loadtest` (make loadtest).

bench: seed PostgreSQL (once), collect static files, count each endpoint's SQL queries in a
separate process, start gunicorn as production does, and drive every endpoint with wrk from
this process (bench/measure.py); print one table and write it to BENCHMARKS.md with the
targets of issue 8.

loadtest: 50 connections for 30 s over the public pages in three languages and the API;
exits 1 on any 5xx or socket error (issue 7; bench/loadtest.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg

from bench import database, loadtest, machine, memory, report, static_ceiling, targets, wrk
from bench.endpoints import STREAMED_EXPORTS, Endpoint, Group, endpoints_from_json
from bench.environment import (
    DEFAULT_DATABASE_URL,
    DEFAULT_REDIS_URL,
    HOST,
    ROOT,
    Target,
    new_secret_key,
    server_env,
    with_database,
)
from bench.measure import measure_exports, measure_rows, weigh_home
from bench.progress import say
from bench.results import BenchResult, Row, Scale
from bench.server import gunicorn, gunicorn_settings

# What the fresh workers serve before the exports: cheap, cached answers of every kind.
WARM_GROUPS = (Group.HOME, Group.LIST, Group.DETAIL, Group.API)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--seed",
        choices=sorted(database.SEEDS),
        default="bulk",
        help="bulk: manage.py seedbulk at full scale (default); demo: manage.py loaddemo.",
    )
    shared.add_argument(
        "--reseed", action="store_true", help="Drop the database and seed it again."
    )
    shared.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="The benchmark's own PostgreSQL database, dropped and created at will "
        "(default $BENCH_DATABASE_URL or %(default)s).",
    )
    shared.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        help="Its own Redis database, flushed at will (default $BENCH_REDIS_URL or %(default)s).",
    )
    shared.add_argument("--port", type=int, default=8020, help="Loopback port for gunicorn.")
    bench = commands.add_parser("bench", parents=[shared], help="The table (make bench).")
    bench.add_argument("--connections", type=int, default=8)
    bench.add_argument(
        "--rounds", type=int, default=3, help="Times every endpoint is measured, in turn."
    )
    bench.add_argument(
        "--duration", type=int, default=3, help="Seconds per endpoint in each round."
    )
    bench.add_argument(
        "--warmup", type=int, default=2, help="Seconds of warm-up before an endpoint's first round."
    )
    bench.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    bench.add_argument(
        "--no-small",
        action="store_true",
        help="Skip the small database that shows query counts do not grow with the data.",
    )
    bench.add_argument(
        "--check", action="store_true", help="Exit 1 when a target fails, not only on errors."
    )
    load = commands.add_parser("loadtest", parents=[shared], help="The load test (make loadtest).")
    load.add_argument("--connections", type=int, default=50)
    load.add_argument("--duration", type=int, default=30)
    load.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="TEXT",
        help="Leave out the addresses containing TEXT (repeatable), e.g. --exclude sitemap.",
    )
    args = parser.parse_args(argv)
    counts = (
        args.connections,
        args.duration,
        getattr(args, "warmup", 1),
        getattr(args, "rounds", 1),
    )
    if min(counts) < 1:
        parser.error("--connections, --duration, --warmup and --rounds must be at least 1")
    return args


def probe(env: Mapping[str, str], question: str, *, skip: tuple[str, ...] = ()) -> Any:
    """Ask `bench.probe` (Django, in a child process with `env`) and read its JSON answer."""
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.probe",
            question,
            f"--host={HOST}",
            *(f"--skip={label}" for label in skip),
        ],
        cwd=ROOT,
        env=dict(env),
        stdout=subprocess.PIPE,
        check=True,
        text=True,
    )
    return json.loads(completed.stdout)


def prepare(args: argparse.Namespace) -> tuple[Target, dict[str, str]]:
    """The database seeded and migrated, static files collected; the server's environment."""
    target = Target(args.database_url, args.redis_url)
    env = server_env(target, secret_key=new_secret_key())
    database.prepare(target, database.SEEDS[args.seed], env, reseed=args.reseed, say=say)
    say("collecting static files (manifest, compressed)")
    database.manage(env, "collectstatic", "--noinput", "--verbosity=0")
    return target, env


def _scale(name: str, records: Mapping[str, Mapping[str, int]]) -> Scale:
    return Scale(
        name=name,
        aid_packages=records["aid"]["published"],
        total_published=sum(counts["published"] for counts in records.values()),
    )


def run_bench(args: argparse.Namespace) -> int:
    started = time.monotonic()
    target, env = prepare(args)
    small_counts: dict[str, Any] = {}
    small: Scale | None = None
    if args.seed == "bulk" and not args.no_small:
        small_url = with_database(args.database_url, f"{target.database_name}_small")
        small_target = Target(small_url, args.redis_url)
        small_env = server_env(small_target, secret_key=env["DJANGO_SECRET_KEY"])
        database.prepare(small_target, database.BULK_SMALL, small_env, reseed=args.reseed, say=say)
        say("counting queries on the small database")
        small_counts = probe(small_env, "queries")
        small = _scale("small", probe(small_env, "endpoints")["records"])
    plan = probe(env, "endpoints")
    endpoints = endpoints_from_json(plan["endpoints"])
    say("counting queries")
    # The streamed exports' queries grow with their rows by design (a query per chunk of rows
    # and per related table), and reading them whole takes long at full scale: counted on
    # the small database only, to keep the run within its budget.
    counts = probe(env, "queries", skip=STREAMED_EXPORTS if small else ())
    config = gunicorn_settings(python=Path(sys.executable), env=env)

    log = target.var_dir / "gunicorn.log"
    say(f"starting gunicorn on {HOST}:{args.port}")
    workers = int(config.get("workers", "0"))
    with gunicorn(
        python=Path(sys.executable), env=env, host=HOST, port=args.port, log=log, workers=workers
    ) as server:
        sampler = memory.Sampler(server.arbiter)
        sampler.start()
        rss_before = [usage.rss for usage in memory.snapshot(server.arbiter).values()]
        home = weigh_home(server, endpoints[0].path)
        static_name = static_ceiling.pick(target.static_root, near_bytes=home.html)
        ceiling = Endpoint("static file (ceiling)", f"/static/{static_name}", Group.STATIC)
        # The ceiling first in every round, on an idle server, before any row can leave work
        # behind.
        rows: list[Row] = measure_rows(
            server,
            [ceiling, *(e for e in endpoints if e.group is not Group.EXPORT)],
            args,
            database_busy=lambda: database.busy(target),
        )
        after = list(memory.snapshot(server.arbiter).values())
        sampler.stop()
        peak_rss = sampler.peak_rss

    # The exports on fresh workers: a worker that already holds memory freed by earlier
    # requests could stream into it without growing, hiding what an export costs.
    say("restarting gunicorn for the exports")
    with gunicorn(
        python=Path(sys.executable), env=env, host=HOST, port=args.port, log=log, workers=workers
    ) as server:
        exports = [endpoint for endpoint in endpoints if endpoint.group is Group.EXPORT]
        warm_paths = target.var_dir / "warm-paths.txt"
        fast = {row.path for row in rows if row.method == "wrk" and not row.problems}
        warm_paths.write_text(
            "".join(f"{e.path}\n" for e in endpoints if e.group in WARM_GROUPS and e.path in fast)
        )
        export_rows, export_growth, export_notes = measure_exports(
            server, exports, plan["csv_pages"], warm_paths
        )
        rows += export_rows
        after_exports = list(memory.snapshot(server.arbiter).values())

    rows = [
        with_query_counts(row, counts.get(row.label), small_counts.get(row.label)) for row in rows
    ]
    result = BenchResult(
        rows=rows,
        connections=args.connections,
        duration_s=args.duration,
        rounds=args.rounds,
        machine=machine.describe(
            database_url=target.database_url,
            redis_url=target.redis_url,
            workers=workers,
            threads=int(config.get("threads", "0")),
        ),
        records=plan["records"],
        home=home,
        export_growth=export_growth,
        export_notes=export_notes,
        worker_rss_before=rss_before,
        worker_rss_after=[usage.rss for usage in after],
        worker_rss_after_exports=[usage.rss for usage in after_exports],
        worker_pss_after=[usage.pss for usage in after if usage.pss is not None],
        worker_pss_after_exports=[usage.pss for usage in after_exports if usage.pss is not None],
        worker_peak_rss=peak_rss,
        runtime_s=time.monotonic() - started,
        notes=[
            f"{label}: queries counted on the small database only (they grow with the rows by "
            "design, one per chunk of rows and per related table)."
            for label in STREAMED_EXPORTS
        ]
        if small
        else [],
        small=small,
        large=_scale("full", plan["records"]) if small else None,
    )
    verdicts = targets.evaluate(result)
    text = report.document(result, verdicts, when=dt.datetime.now(dt.UTC))
    args.output.write_text(text)
    print(text)
    say(f"written to {args.output} in {result.runtime_s / 60:.1f} min")
    failed_harness = not targets.all_answered(result).passed
    failed_target = any(verdict.passed is False for verdict in verdicts)
    return 1 if failed_harness or (args.check and failed_target) else 0


def with_query_counts(
    row: Row, full: Mapping[str, Any] | None, small: Mapping[str, Any] | None
) -> Row:
    """The row with its query counts, and a non-200 answer of the query pass as a problem."""
    problem = row.problems
    for counted in (full, small):
        if counted is not None and counted["status"] != 200:
            said = f"query pass answered {counted['status']}"
            problem = ", ".join(p for p in (problem, said) if p)
    return replace(
        row,
        queries_cold=full["cold"] if full else None,
        queries_warm=full["warm"] if full else None,
        small_queries_cold=small["cold"] if small else None,
        small_queries_warm=small["warm"] if small else None,
        problems=problem,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.command == "bench":
            return run_bench(args)
        target, env = prepare(args)
        paths = probe(env, "endpoints")["loadtest"]
        return loadtest.run_loadtest(args, target, env, paths)
    except (
        psycopg.Error,
        subprocess.CalledProcessError,
        wrk.WrkError,
        LookupError,
        RuntimeError,
        ValueError,
    ) as error:
        say(f"error: {error}")
        return 2
