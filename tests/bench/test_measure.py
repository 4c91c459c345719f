"""Measuring in rounds: the order of the runs, and how a row is made of its rounds."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

import pytest

from bench import measure, wrk
from bench.endpoints import Endpoint, Group
from bench.fetch import Fetched
from bench.results import Row
from bench.server import Server


def wrk_result(requests: int, *, p50: float = 3, p99: float = 9, **statuses: int) -> wrk.WrkResult:
    return wrk.WrkResult(
        requests=requests,
        duration_s=1,
        bytes_total=requests * 1000,
        p50_ms=p50,
        p90_ms=p50,
        p99_ms=p99,
        max_ms=p99,
        statuses={200: requests, **{int(k.strip("s")): n for k, n in statuses.items()}},
        socket_errors={"connect": 0, "read": 0, "timeout": 0},
    )


HOME = Endpoint("home", "/en/", Group.HOME)
LIST = Endpoint("aid list", "/en/aid/", Group.LIST)
SLOW = Endpoint("sitemap", "/sitemap.xml", Group.PAGE)


def test_a_row_is_the_median_round_with_the_worst_rounds_tail() -> None:
    runs = [wrk_result(2000, p50=3, p99=9), wrk_result(900, p50=7, p99=80), wrk_result(2100)]
    row = measure.combine(HOME, runs, first_ms=120, waits=[])
    assert row.requests_per_s == 2000
    assert row.p50_ms == 3
    assert row.p99_ms == 80
    assert row.rounds_per_s == (2000, 900, 2100)
    assert (row.first_ms, row.bytes_per_response, row.problems) == (120, 1000, "")


def test_a_rows_problems_add_up_over_its_rounds() -> None:
    runs = [wrk_result(10, s301=2), wrk_result(10, s301=3), wrk_result(10)]
    row = measure.combine(HOME, runs, first_ms=1, waits=["workers still busy 60 s after round 2"])
    assert row.problems == "301×5, workers still busy 60 s after round 2"


@dataclass
class Recorder:
    """Stands in for the server, wrk and single fetches, and writes down what was asked."""

    slow: set[str] = field(default_factory=set)
    calls: list[tuple[Any, ...]] = field(default_factory=list)

    def fetch(self, url: str, **_: Any) -> Fetched:
        self.calls.append(("fetch", url.removeprefix("http://127.0.0.1:1")))
        seconds = 2.0 if url.endswith(tuple(self.slow)) else 0.01
        return Fetched(status=200, seconds=seconds, size=100, body=None)

    def wrk(self, _server: Server, endpoint: Endpoint, _args: Any, seconds: int) -> wrk.WrkResult:
        self.calls.append(("wrk", endpoint.path, seconds))
        return wrk_result(1000)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recording = Recorder()
    monkeypatch.setattr(measure, "fetch", recording.fetch)
    monkeypatch.setattr(measure, "run_wrk", recording.wrk)
    monkeypatch.setattr(Server, "wait_until_idle", lambda self, **_: None)
    monkeypatch.setattr(measure, "EXPORT_SECONDS", 0.0)
    return recording


def rows(recorder: Recorder, endpoints: list[Endpoint], rounds: int) -> list[Row]:
    args = argparse.Namespace(rounds=rounds, duration=3, warmup=2, connections=8)
    server = Server(host="127.0.0.1", port=1, arbiter=1)
    return measure.measure_rows(server, endpoints, args, database_busy=lambda: False)


def test_rounds_go_over_every_endpoint_in_turn_with_first_request_and_warmup_once(
    recorder: Recorder,
) -> None:
    measured = rows(recorder, [HOME, LIST], rounds=3)
    first_round = [
        *[("fetch", "/en/"), ("fetch", "/en/"), ("wrk", "/en/", 2), ("wrk", "/en/", 3)],
        *[("fetch", "/en/aid/"), ("fetch", "/en/aid/"), ("wrk", "/en/aid/", 2)],
        ("wrk", "/en/aid/", 3),
    ]
    later_round = [("wrk", "/en/", 3), ("wrk", "/en/aid/", 3)]
    assert recorder.calls == first_round + later_round + later_round
    assert [row.rounds_per_s for row in measured] == [(1000, 1000, 1000)] * 2
    assert [row.first_ms for row in measured] == [10, 10]


def test_an_address_still_slow_on_its_second_request_is_read_once_not_loaded(
    recorder: Recorder,
) -> None:
    recorder.slow.add("/sitemap.xml")
    measured = rows(recorder, [SLOW, HOME], rounds=2)
    assert ("wrk", "/sitemap.xml", 3) not in recorder.calls
    assert recorder.calls.count(("fetch", "/sitemap.xml")) == 3  # first, second, read whole once
    assert measured[0].method.startswith("2nd request 2.0 s, not under load: read whole ×1")
    assert measured[0].first_ms == 2000
    assert measured[1].rounds_per_s == (1000, 1000)


@pytest.mark.parametrize(("seconds", "said"), [(0.0041, "in 4 ms"), (26.27, "in 26.27 s")])
def test_a_read_whole_says_its_time_in_a_unit_that_shows_it(
    monkeypatch: pytest.MonkeyPatch, seconds: float, said: str
) -> None:
    fetched = Fetched(status=200, seconds=seconds, size=2 * 1024 * 1024, body=None)
    monkeypatch.setattr(measure, "fetch", lambda url, **_: fetched)
    monkeypatch.setattr(measure, "EXPORT_SECONDS", 0.0)
    server = Server(host="127.0.0.1", port=1, arbiter=1)
    _row, note = measure.read_sequentially(server, Endpoint("CSV", "/x.csv", Group.EXPORT))
    assert note == f"CSV: 2.0 MB {said} (median of 1)."
