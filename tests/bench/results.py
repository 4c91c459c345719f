"""Results to judge and print, built small: one row per group unless a test needs more."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bench.endpoints import Group
from bench.results import MB, BenchResult, Row, Scale
from bench.weight import PageWeight

HOME = PageWeight(
    html=20_000, css=14_000, js=0, other_hosts=[], blocking_other_hosts=[], images=4,
    images_with_srcset=4,
)  # fmt: skip


def row(label: str, group: Group, **fields: Any) -> Row:
    values: dict[str, Any] = {
        "path": f"/{label.replace(' ', '-')}/",
        "requests_per_s": 1500.0,
        "p50_ms": 4.0,
        "p99_ms": 30.0,
        "bytes_per_response": 4096,
        "queries_cold": 5,
        "queries_warm": 0,
        **fields,
    }
    return Row(label=label, group=group, **values)


def result(*rows: Row, **fields: Any) -> BenchResult:
    base = [
        row("home", Group.HOME),
        row("aid list", Group.LIST),
        row("aid detail", Group.DETAIL),
        row("API aid list", Group.API),
        row("IATI", Group.EXPORT, p99_ms=4000.0, queries_warm=None),
        row("static", Group.STATIC, requests_per_s=2000.0, queries_cold=None, queries_warm=None),
    ]
    by_label = {r.label: r for r in base}
    for r in rows:
        by_label[r.label] = r
    values: dict[str, Any] = {
        "rows": list(by_label.values()),
        "connections": 8,
        "duration_s": 5,
        "machine": {"CPU": "Test CPU", "Cores": "2"},
        "records": {"aid": {"total": 120, "published": 100}},
        "home": HOME,
        "export_growth": {"IATI": 3 * MB},
        "export_notes": [],
        "worker_rss_before": [70 * MB],
        "worker_rss_after": [110 * MB],
        "worker_rss_after_exports": [90 * MB],
        "worker_peak_rss": 120 * MB,
        "runtime_s": 400.0,
        **fields,
    }
    return BenchResult(**values)


def scaled(bench: BenchResult, *, small_cold: int = 5, small_warm: int = 0) -> BenchResult:
    """The same result with query counts from a small database."""
    rows = [
        replace(r, small_queries_cold=small_cold, small_queries_warm=small_warm)
        if r.queries_cold is not None
        else r
        for r in bench.rows
    ]
    return replace(
        bench, rows=rows, small=Scale("small", 100, 120), large=Scale("full", 20_000, 22_000)
    )
