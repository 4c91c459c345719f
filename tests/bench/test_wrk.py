"""Reading wrk's result line and building its command line (wrk itself never runs here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import wrk

LINE = (
    'BENCH_JSON {"requests": 5000, "duration_us": 5000000, "bytes": 25600000, '
    '"errors": {"connect": 0, "read": 2, "write": 0, "status": 12, "timeout": 1}, '
    '"latency_us": {"p50": 2500, "p90": 7000, "p99": 41250, "max": 90000, "mean": 3100.5}, '
    '"statuses": {"200": 4988, "404": 12}}'
)


def test_parse_output_reads_the_result_line_among_wrks_own_text() -> None:
    output = f"Running 5s test @ http://127.0.0.1:8020/en/\n  2 threads\n{LINE}\n"
    result = wrk.parse_output(output)
    assert result.requests == 5000
    assert result.requests_per_s == 1000
    assert result.bytes_per_request == 5120
    assert (result.p50_ms, result.p90_ms, result.p99_ms, result.max_ms) == (2.5, 7, 41.25, 90)
    assert result.statuses == {200: 4988, 404: 12}


def test_parse_output_keeps_wrks_status_count_out_of_socket_errors() -> None:
    result = wrk.parse_output(LINE)
    assert result.socket_errors == {"connect": 0, "read": 2, "write": 0, "timeout": 1}
    assert result.socket_error_count == 3


def test_count_groups_statuses_by_class() -> None:
    result = wrk.parse_output(LINE.replace('"404": 12', '"404": 10, "503": 2'))
    assert (result.count(2), result.count(4), result.count(5)) == (4988, 10, 2)


def test_parse_output_without_a_result_line_says_what_wrk_printed() -> None:
    with pytest.raises(wrk.WrkError, match="unable to connect"):
        wrk.parse_output("unable to connect to 127.0.0.1:8020 Connection refused\n")


def test_zero_requests_give_zero_rates_not_a_division_error() -> None:
    result = wrk.parse_output(LINE.replace('"requests": 5000', '"requests": 0'))
    assert result.bytes_per_request == 0


def test_command_sends_headers_and_passes_script_arguments_after_the_url() -> None:
    arguments = wrk.command(
        "http://127.0.0.1:8020/",
        script=Path("/x/rotate.lua"),
        connections=50,
        duration_s=30,
        threads=2,
        timeout_s=10,
        headers={"X-Forwarded-Proto": "https"},
        script_args=("/tmp/paths.txt",),
    )
    assert arguments == [
        "wrk",
        "--threads=2",
        "--connections=50",
        "--duration=30s",
        "--timeout=10s",
        "--script=/x/rotate.lua",
        "--header=X-Forwarded-Proto: https",
        "http://127.0.0.1:8020/",
        "--",
        "/tmp/paths.txt",
    ]


def test_command_never_asks_for_more_threads_than_connections() -> None:
    arguments = wrk.command(
        "http://h/", script=Path("m.lua"), connections=1, duration_s=5, threads=2,
        timeout_s=10, headers={},
    )  # fmt: skip
    assert "--threads=1" in arguments


@pytest.mark.parametrize("bad", [{"connections": 0}, {"duration_s": 0}, {"timeout_s": 0}])
def test_command_refuses_values_wrk_cannot_take(bad: dict[str, int]) -> None:
    values = {"connections": 8, "duration_s": 5, "threads": 2, "timeout_s": 10, **bad}
    with pytest.raises(ValueError, match="at least 1"):
        wrk.command("http://h/", script=Path("m.lua"), headers={}, **values)


def test_lua_scripts_print_the_line_parse_output_reads() -> None:
    for script in (wrk.MEASURE_SCRIPT, wrk.ROTATE_SCRIPT):
        text = script.read_text()
        assert "function done(summary, latency, requests)" in text
        assert wrk.MARKER.strip() in text
