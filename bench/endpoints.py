"""What the benchmark measures: one `Endpoint` per row of the table, grouped by the targets
that apply to it. Built from the database by `bench.probe`; plain data here."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

IATI_LABEL = "IATI export (all activities)"
CSV_EXPORT_LABEL = "CSV export (all aid packages)"
# Streamed exports: their queries grow with the rows by design (one per chunk of rows and per
# related table) and reading them whole takes long at full scale, so the runner counts their
# queries on the small database only.
STREAMED_EXPORTS = (IATI_LABEL, CSV_EXPORT_LABEL)


class Group(StrEnum):
    """Which targets a row is held to (bench/targets.py)."""

    HOME = "home"  # served from cache: at least half the static ceiling
    LIST = "list"  # likewise
    DETAIL = "detail"  # likewise
    PAGE = "page"  # search, feed, sitemap: p99 and queries only
    API = "api"
    EXPORT = "export"  # IATI and CSV: no latency target, memory must stay flat
    STATIC = "static"  # the ceiling

    @property
    def served_from_cache(self) -> bool:
        return self in (Group.HOME, Group.LIST, Group.DETAIL)

    @property
    def has_latency_target(self) -> bool:
        return self is not Group.EXPORT

    @property
    def runs_queries(self) -> bool:
        return self is not Group.STATIC


@dataclass(frozen=True)
class Endpoint:
    """One address to measure. `label` names the row the same way at every scale, so the
    query counts of a small and a large database can be compared row by row."""

    label: str
    path: str
    group: Group

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Endpoint:
        return cls(label=str(data["label"]), path=str(data["path"]), group=Group(data["group"]))


def endpoints_from_json(rows: list[dict[str, Any]]) -> list[Endpoint]:
    endpoints = [Endpoint.from_json(row) for row in rows]
    labels = [endpoint.label for endpoint in endpoints]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        raise ValueError(f"endpoint labels must be unique; repeated: {', '.join(duplicates)}")
    return endpoints
