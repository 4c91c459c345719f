"""The runner's pure parts: arguments, problems of a run, the load test's verdict."""

from __future__ import annotations

import pytest

from bench import loadtest, measure, run, wrk
from bench.endpoints import Group
from tests.bench.results import row


def wrk_result(statuses: dict[int, int], **errors: int) -> wrk.WrkResult:
    return wrk.WrkResult(
        requests=sum(statuses.values()),
        duration_s=30,
        bytes_total=1000,
        p50_ms=5,
        p90_ms=9,
        p99_ms=40,
        max_ms=90,
        statuses=statuses,
        socket_errors={"connect": 0, "read": 0, "write": 0, "timeout": 0, **errors},
    )


def test_bench_defaults_are_the_issues_conditions() -> None:
    args = run.parse_args(["bench"])
    assert (args.connections, args.rounds, args.duration, args.seed) == (8, 3, 3, "bulk")
    assert args.database_url.endswith("/korpu_bench")
    assert args.redis_url == "redis://127.0.0.1:6379/5"


def test_loadtest_defaults_are_fifty_connections_for_thirty_seconds() -> None:
    args = run.parse_args(["loadtest", "--seed", "demo"])
    assert (args.connections, args.duration, args.seed) == (50, 30, "demo")


@pytest.mark.parametrize(
    "argv",
    [
        ["bench", "--duration", "0"],
        ["bench", "--rounds", "0"],
        ["loadtest", "--connections", "0"],
        ["bench", "--seed", "x"],
    ],
)
def test_bad_arguments_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run.parse_args(argv)
    assert exit_.value.code == 2
    assert "error" in capsys.readouterr().err


def test_problems_names_every_status_but_200_and_socket_errors() -> None:
    measured = wrk_result({200: 90, 301: 10}, timeout=2)
    assert measure.problems(measured) == "301×10, socket errors×2 (timeout 2)"
    assert measure.problems(wrk_result({200: 5})) == ""
    assert measure.problems(wrk_result({})) == "no response completed"


def test_loadtest_fails_on_a_single_5xx() -> None:
    assert loadtest.loadtest_failed(wrk_result({200: 999, 503: 1}))


def test_loadtest_fails_on_a_socket_error() -> None:
    assert loadtest.loadtest_failed(wrk_result({200: 999}, read=1))


def test_loadtest_passes_with_4xx_and_says_them() -> None:
    measured = wrk_result({200: 990, 404: 10})
    assert not loadtest.loadtest_failed(measured)
    summary = loadtest.loadtest_summary(measured, addresses=80, connections=50)
    assert "4xx 10" in summary
    assert "PASS" in summary


def test_loadtest_summary_names_the_addresses_that_failed() -> None:
    measured = wrk_result({200: 9, 500: 1})
    summary = loadtest.loadtest_summary(
        measured, addresses=80, connections=50, server_errors={"500 /uk/aid/": 1}
    )
    assert "1× 500 /uk/aid/" in summary
    assert summary.endswith("FAIL")


def test_server_errors_are_read_from_gunicorns_access_log() -> None:
    stamp = '127.0.0.1 - - [25/Nov/2026:17:37:26 +0200] "GET'
    log = (
        f'{stamp} /sitemap.xml HTTP/1.1" 200 678261 "-" "-"\n'
        f'{stamp} /uk/aid/?page=2 HTTP/1.1" 503 12 "-" "-"\n'
        f'{stamp} /uk/aid/?page=2 HTTP/1.1" 503 12 "-" "-"\n'
        f'{stamp} /api/v1/stats/ HTTP/1.1" 500 9 "-" "-"\n'
    )
    assert loadtest.server_errors(log) == {"503 /uk/aid/?page=2": 2, "500 /api/v1/stats/": 1}


def test_with_queries_adds_both_databases_counts() -> None:
    measured = row("aid list", Group.LIST, queries_cold=None, queries_warm=None)
    counted = run.with_query_counts(
        measured, {"status": 200, "cold": 7, "warm": 0}, {"status": 200, "cold": 7, "warm": 1}
    )
    assert (counted.queries_cold, counted.queries_warm) == (7, 0)
    assert (counted.small_queries_cold, counted.small_queries_warm) == (7, 1)
    assert counted.problems == ""


def test_with_queries_reports_a_query_pass_that_did_not_answer_200() -> None:
    counted = run.with_query_counts(
        row("aid list", Group.LIST), {"status": 500, "cold": 3, "warm": 3}, None
    )
    assert counted.problems == "query pass answered 500"


def test_with_queries_keeps_the_small_count_of_a_row_not_counted_at_full_scale() -> None:
    counted = run.with_query_counts(
        row("IATI", Group.EXPORT, queries_cold=None),
        None,
        {"status": 200, "cold": 11, "warm": None},
    )
    assert (counted.queries_cold, counted.small_queries_cold) == (None, 11)


def test_loadtest_can_leave_addresses_out() -> None:
    paths = ["/en/", "/sitemap.xml", "/en/search/?q=a", "/api/v1/stats/"]
    assert loadtest.excluding(paths, ["sitemap", "search"]) == ["/en/", "/api/v1/stats/"]
    assert run.parse_args(["loadtest", "--exclude", "sitemap"]).exclude == ["sitemap"]
