"""What one `make bench` measured, as plain data: the targets (bench/targets.py) judge it and
the report (bench/report.py) prints it."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.endpoints import Group
from bench.weight import PageWeight

MB = 1024 * 1024


@dataclass(frozen=True)
class Row:
    """One endpoint's line of the table."""

    label: str
    path: str
    group: Group
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    bytes_per_response: int
    # The first request to the server, before anything was cached: what a reader meets after
    # a publish (the cache is versioned) or once its entry expires.
    first_ms: float | None = None
    # Each round's requests/s under wrk, in the order measured (the row gives their median).
    rounds_per_s: tuple[float, ...] = ()
    # How it was driven: "wrk" (connections, duration) or a few sequential fetches.
    method: str = "wrk"
    queries_cold: int | None = None
    queries_warm: int | None = None
    # The same counts on the small database, for "constant from 100 to 20,000 records".
    small_queries_cold: int | None = None
    small_queries_warm: int | None = None
    # Anything but 200s: e.g. "301×812", "socket errors×3". Empty when all was well.
    problems: str = ""


@dataclass(frozen=True)
class Scale:
    """The data a query count was taken on: name and published aid packages, say."""

    name: str
    aid_packages: int
    total_published: int


@dataclass
class BenchResult:
    rows: list[Row]
    connections: int
    duration_s: float  # of each round
    machine: dict[str, str]
    records: dict[str, dict[str, int]]
    home: PageWeight
    # Most any worker grew while each export ran, in bytes, by the export's label.
    export_growth: dict[str, int]
    export_notes: list[str]
    worker_rss_before: list[int]
    worker_rss_after: list[int]  # after every page and API row
    worker_rss_after_exports: list[int]  # fresh workers, after the exports
    worker_peak_rss: int
    runtime_s: float
    rounds: int = 1
    # The same moments' proportional sizes: each page shared with the arbiter or a sibling
    # counted in part, where RSS counts it whole in every worker. Empty where the kernel has
    # no smaps_rollup.
    worker_pss_after: list[int] = field(default_factory=list)
    worker_pss_after_exports: list[int] = field(default_factory=list)
    small: Scale | None = None
    large: Scale | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ceiling(self) -> Row:
        """The static file's row: the fastest the server can answer anything."""
        for row in self.rows:
            if row.group is Group.STATIC:
                return row
        raise LookupError("No static-file row: the ceiling was not measured.")

    def ratio(self, row: Row) -> float | None:
        ceiling = self.ceiling.requests_per_s
        return row.requests_per_s / ceiling if ceiling else None
