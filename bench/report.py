"""The benchmark's table and BENCHMARKS.md: Markdown, printed as written."""

from __future__ import annotations

import datetime as dt

from bench.results import MB, BenchResult, Row
from bench.targets import Verdict

HEADER = (
    "endpoint",
    "path",
    "req/s",
    "× static",
    "req/s by round",
    "p50 ms",
    "p99 ms",
    "1st ms",
    "KB/resp",
    "SQL uncached",
    "SQL cached",
    "SQL small db",
)


def _number(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _queries(cold: int | None, warm: int | None) -> tuple[str, str]:
    return ("–" if cold is None else str(cold), "–" if warm is None else str(warm))


def row_cells(row: Row, result: BenchResult) -> list[str]:
    ratio = result.ratio(row)
    cold, warm = _queries(row.queries_cold, row.queries_warm)
    small_cold, small_warm = _queries(row.small_queries_cold, row.small_queries_warm)
    small = "–" if row.small_queries_cold is None else f"{small_cold} / {small_warm}"
    label = row.label if row.method == "wrk" else f"{row.label} ({row.method})"
    if row.problems:
        label += f" **{row.problems}**"
    return [
        label,
        f"`{row.path}`",
        _number(row.requests_per_s, 1 if row.requests_per_s < 10 else 0),
        "–" if ratio is None else f"{ratio:.2f}",
        " / ".join(_number(rate) for rate in row.rounds_per_s) or "–",
        _number(row.p50_ms, 1),
        _number(row.p99_ms, 1),
        "–" if row.first_ms is None else _number(row.first_ms),
        _number(row.bytes_per_response / 1024, 1),
        cold,
        warm,
        small,
    ]


def table(result: BenchResult) -> str:
    """The Markdown table of every endpoint."""
    lines = [
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join(" --- " if i < 2 else " ---: " for i in range(len(HEADER))) + "|",
    ]
    for row in result.rows:
        lines.append(
            "| " + " | ".join(cell.replace("|", "\\|") for cell in row_cells(row, result)) + " |"
        )
    return "\n".join(lines)


def verdict_lines(verdicts: list[Verdict]) -> str:
    return "\n".join(f"- **{v.word}** {v.target}: {v.detail}" for v in verdicts)


def records_line(records: dict[str, dict[str, int]]) -> str:
    return ", ".join(
        f"{counts['published']:,} of {counts['total']:,} {kind} published"
        for kind, counts in records.items()
    )


def _megabytes(sizes: list[int]) -> str:
    return ", ".join(f"{size / MB:.0f}" for size in sizes)


def document(result: BenchResult, verdicts: list[Verdict], *, when: dt.datetime) -> str:
    """BENCHMARKS.md: the machine, the conditions, the table and the targets."""
    machine = "\n".join(f"| {name} | {value} |" for name, value in result.machine.items())
    memory = (
        f"Worker RSS before the load {_megabytes(result.worker_rss_before)} MB; "
        f"after every page and API row {_megabytes(result.worker_rss_after)} MB "
        f"(peak of any worker meanwhile {result.worker_peak_rss / MB:.0f} MB). The exports ran "
        f"on fresh workers (warmed by 3 s of cached pages and API answers), so that memory "
        f"freed by earlier requests could not hide their growth: after them "
        f"{_megabytes(result.worker_rss_after_exports)} MB."
    )
    if result.worker_pss_after and result.worker_pss_after_exports:
        memory += (
            " RSS counts in full, in every worker, the pages it still shares with the arbiter"
            " (Django, the compiled templates, the map's outlines, read once before forking);"
            " their proportional sizes (Pss) at the same moments were "
            f"{_megabytes(result.worker_pss_after)} MB and "
            f"{_megabytes(result.worker_pss_after_exports)} MB."
        )
    home = result.home
    rounds = "round" if result.rounds == 1 else "rounds"
    notes = "\n".join(f"- {note}" for note in [*result.export_notes, *result.notes])
    scale = ""
    if result.small is not None:
        scale = (
            f" The last column is the query count (uncached / cached) of the same row on a "
            f"small database of {result.small.total_published:,} published records "
            f"({result.small.aid_packages:,} aid packages), seeded by the same command."
        )
    return f"""# Benchmarks

Written by `make bench` (bench/run.py) on {when:%Y-%m-%d %H:%M} UTC. Run it again on another
machine and compare the **× static** column, each endpoint's requests per second as a share of
a static file of similar size served by the same server: it travels between machines better
than the raw numbers.

## Machine

| | |
| --- | --- |
{machine}

## Conditions

- Data: {records_line(result.records)}.
- The site under gunicorn with `gunicorn.conf.py`, production settings: `DJANGO_DEBUG=0`,
  manifest static files served by WhiteNoise, the Redis cache, PostgreSQL. wrk on the same
  machine, over loopback, sends `X-Forwarded-Proto: https` as the TLS proxy in front would
  (`DJANGO_TRUST_X_FORWARDED_PROTO=1`, so the SSL redirect and HSTS stay on) and
  `Accept-Encoding: gzip` as browsers do; **KB/resp** is what travelled, headers included.
- Each row: one request first (**1st ms**, served before anything was cached: what a reader
  meets after a publish), then a warm-up of the same address, then {result.connections}
  connections for {result.duration_s:g} s in each of {result.rounds} {rounds}, every row in
  turn, the ceiling first. **req/s** and **p50** are the median round's, **p99** the worst
  round's, and **× static** the median's share of the ceiling's median: a few seconds of
  other work on the machine (PostgreSQL's autovacuum, the kernel) slow one round of a row,
  not the row. Exports are read whole, one at a time. A row whose second request still takes
  over half a second is not served from a cache: it is read one request at a time as well,
  once, and says so, since under wrk its renders would pile up past the timeout and slow
  every later row down.
- The API's rate limits are raised out of the way (`API_RATE_ANONYMOUS` and `API_RATE_PARTNER`
  at `1000000/s`): one loopback client would otherwise measure 429s, not the API. Every API
  request is still counted by the throttle in Redis, as in production.
- **SQL uncached** is the queries one request makes right after the cache is cleared; **SQL
  cached** the same request asked again at once; both counted in a separate process through
  Django's test client with the same settings, never in the measured server.{scale}

## Results

{table(result)}

{memory}

Home page: HTML {home.html / 1024:.1f} KB + CSS {home.css / 1024:.1f} KB + JS
{home.js / 1024:.1f} KB = {home.total / 1024:.1f} KB before compression;
{home.images_with_srcset} of {home.images} images with `srcset`; requests to other hosts:
{", ".join(home.other_hosts) or "none"}.

{notes}

## Targets (issue 8)

{verdict_lines(verdicts)}
"""
