"""Issue 8's targets, judged on a run's results: each gives PASS, FAIL or "not measured" with
the figures that decided it."""

from __future__ import annotations

from dataclasses import dataclass

from bench.results import MB, BenchResult, Row

P99_LIMIT_MS = 100.0
CEILING_SHARE = 0.5
MAX_QUERIES = 8
EXPORT_GROWTH_LIMIT = 50 * MB
WORKER_LIMIT = 150 * MB
HOME_LIMIT = 60 * 1024
RUNTIME_LIMIT_S = 15 * 60


@dataclass(frozen=True)
class Verdict:
    target: str
    passed: bool | None  # None: not measured in this run
    detail: str

    @property
    def word(self) -> str:
        return {True: "PASS", False: "FAIL", None: "NOT MEASURED"}[self.passed]


def _names(rows: list[str]) -> str:
    return "; ".join(rows) if rows else "all"


def p99(result: BenchResult) -> Verdict:
    rows = [row for row in result.rows if row.group.has_latency_target]
    slow = [f"{row.label} {row.p99_ms:.0f} ms" for row in rows if row.p99_ms >= P99_LIMIT_MS]
    detail = f"over: {_names(slow)}" if slow else f"worst {max(r.p99_ms for r in rows):.0f} ms"
    return Verdict(f"p99 < {P99_LIMIT_MS:.0f} ms (all but exports)", not slow, detail)


def cached_share(result: BenchResult) -> Verdict:
    ceiling = result.ceiling.requests_per_s
    rows = [row for row in result.rows if row.group.served_from_cache]
    low = [
        f"{row.label} {row.requests_per_s / ceiling:.2f}"
        for row in rows
        if row.requests_per_s < CEILING_SHARE * ceiling
    ]
    worst = min(rows, key=lambda row: row.requests_per_s)
    detail = (
        f"below: {_names(low)}"
        if low
        else f"lowest {worst.label} {worst.requests_per_s / ceiling:.2f}"
    )
    return Verdict(
        f"home, lists, details ≥ {CEILING_SHARE:g} × static req/s "
        f"({CEILING_SHARE * ceiling:.0f} req/s)",
        not low,
        detail,
    )


def _counted(result: BenchResult) -> list[Row]:
    return [
        row for row in result.rows if row.group.has_latency_target and row.queries_cold is not None
    ]


def query_ceiling(result: BenchResult) -> Verdict:
    rows = _counted(result)
    if not rows:
        return Verdict(f"SQL queries/request ≤ {MAX_QUERIES}", None, "no query pass")
    many = [f"{row.label} {row.queries_cold}" for row in rows if row.queries_cold > MAX_QUERIES]
    detail = (
        f"over (uncached): {_names(many)}"
        if many
        else f"uncached at most {max(row.queries_cold or 0 for row in rows)}"
    )
    return Verdict(
        f"SQL queries/request ≤ {MAX_QUERIES} (uncached, all but exports)", not many, detail
    )


def query_scaling(result: BenchResult) -> Verdict:
    name = "SQL queries/request the same on the small and the full database"
    if result.small is None or result.large is None:
        return Verdict(name, None, "one database only (run with --seed bulk)")
    name = (
        f"SQL queries/request the same at {result.small.aid_packages:,} and "
        f"{result.large.aid_packages:,} published aid packages"
    )
    rows = _counted(result)
    changed = [
        f"{row.label} {row.small_queries_cold}→{row.queries_cold}"
        f" (cached {row.small_queries_warm}→{row.queries_warm})"
        for row in rows
        if (row.small_queries_cold, row.small_queries_warm) != (row.queries_cold, row.queries_warm)
    ]
    return Verdict(name, not changed, f"differ: {_names(changed)}" if changed else "identical")


def export_memory(result: BenchResult) -> Verdict:
    name = f"exports stream: worker grows < {EXPORT_GROWTH_LIMIT // MB} MB"
    if not result.export_growth:
        return Verdict(name, None, "no export measured")
    figures = [f"{label} +{grown / MB:.1f} MB" for label, grown in result.export_growth.items()]
    passed = all(grown < EXPORT_GROWTH_LIMIT for grown in result.export_growth.values())
    return Verdict(name, passed, "; ".join(figures))


def worker_memory(result: BenchResult) -> Verdict:
    after = max([*result.worker_rss_after, *result.worker_rss_after_exports], default=0)
    return Verdict(
        f"worker RSS < {WORKER_LIMIT // MB} MB after the benchmark",
        after < WORKER_LIMIT,
        f"largest {after / MB:.0f} MB: after every page and API row "
        f"{max(result.worker_rss_after, default=0) / MB:.0f} MB (peak meanwhile "
        f"{result.worker_peak_rss / MB:.0f} MB); after the exports "
        f"{max(result.worker_rss_after_exports, default=0) / MB:.0f} MB",
    )


def home_weight(result: BenchResult) -> Verdict:
    home = result.home
    return Verdict(
        f"home HTML+CSS+JS < {HOME_LIMIT // 1024} KB uncompressed",
        home.total < HOME_LIMIT,
        f"{home.total / 1024:.1f} KB (HTML {home.html / 1024:.1f}, CSS {home.css / 1024:.1f}, "
        f"JS {home.js / 1024:.1f})",
    )


def home_hosts(result: BenchResult) -> Verdict:
    home = result.home
    detail = (
        f"render-blocking: {', '.join(home.blocking_other_hosts) or 'none'}; "
        f"any other host: {', '.join(home.other_hosts) or 'none'}"
    )
    return Verdict(
        "home: no render-blocking request to another host", not home.blocking_other_hosts, detail
    )


def home_images(result: BenchResult) -> Verdict:
    home = result.home
    return Verdict(
        "home: images through srcset",
        home.images_with_srcset == home.images,
        f"{home.images_with_srcset} of {home.images} <img> have srcset",
    )


def all_answered(result: BenchResult) -> Verdict:
    bad = [f"{row.label}: {row.problems}" for row in result.rows if row.problems]
    return Verdict("every response 200, no socket errors", not bad, _names(bad) if bad else "yes")


def runtime(result: BenchResult) -> Verdict:
    return Verdict(
        f"the whole run < {RUNTIME_LIMIT_S // 60} min",
        result.runtime_s < RUNTIME_LIMIT_S,
        f"{result.runtime_s / 60:.1f} min",
    )


def evaluate(result: BenchResult) -> list[Verdict]:
    return [
        all_answered(result),
        p99(result),
        cached_share(result),
        query_ceiling(result),
        query_scaling(result),
        export_memory(result),
        worker_memory(result),
        home_weight(result),
        home_hosts(result),
        home_images(result),
        runtime(result),
    ]
