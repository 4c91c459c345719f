"""The table and BENCHMARKS.md."""

from __future__ import annotations

import datetime as dt

from bench import report, targets
from bench.endpoints import Group
from bench.results import MB
from tests.bench.results import result, row, scaled


def table_row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {label}"))
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def test_table_has_a_row_per_endpoint_with_its_ratio_to_the_static_ceiling() -> None:
    text = report.table(result(row("aid list", Group.LIST, requests_per_s=1000.0)))
    cells = table_row(text, "aid list")
    assert cells[:4] == ["aid list", "`/aid-list/`", "1,000", "0.50"]
    assert table_row(text, "static")[3] == "1.00"


def test_table_shows_latency_size_and_both_query_counts() -> None:
    cells = table_row(report.table(result()), "home")
    assert cells[5:11] == ["4.0", "30.0", "–", "4.0", "5", "0"]


def test_table_shows_each_rounds_requests_per_second() -> None:
    text = report.table(result(row("home", Group.HOME, rounds_per_s=(1490.4, 1500.0, 812.0))))
    assert table_row(text, "home")[2:5] == ["1,500", "0.75", "1,490 / 1,500 / 812"]
    assert table_row(text, "IATI")[4] == "–"


def test_conditions_say_how_the_rounds_make_a_row() -> None:
    text = report.document(result(rounds=3, duration_s=3), [], when=dt.datetime(2026, 1, 1))
    assert "for 3 s in each of 3 rounds, every row in" in text
    assert "the median round's, **p99** the worst" in text


def test_table_shows_the_small_databases_counts_when_measured() -> None:
    assert table_row(report.table(scaled(result(), small_cold=4)), "home")[11] == "4 / 0"
    assert table_row(report.table(result()), "home")[11] == "–"


def test_table_marks_a_rows_problems_and_how_an_export_was_read() -> None:
    text = report.table(
        result(
            row("aid detail", Group.DETAIL, problems="404×3"),
            row("IATI", Group.EXPORT, method="read whole ×2"),
        )
    )
    assert table_row(text, "aid detail **404×3**")
    assert table_row(text, "IATI (read whole ×2)")


def test_a_pipe_in_a_path_does_not_break_the_table() -> None:
    text = report.table(result(row("search", Group.PAGE, path="/en/search/?q=a|b")))
    assert "`/en/search/?q=a\\|b`" in text


def test_document_has_machine_conditions_table_and_a_line_per_target() -> None:
    bench = result()
    verdicts = targets.evaluate(bench)
    text = report.document(bench, verdicts, when=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC))
    assert "| CPU | Test CPU |" in text
    assert "100 of 120 aid published" in text
    assert "1000000/s" in text  # the raised API limits are said
    assert report.table(bench) in text
    assert text.count("- **PASS**") + text.count("- **NOT MEASURED**") == len(verdicts)


def test_memory_gives_proportional_sizes_beside_rss_when_read() -> None:
    when = dt.datetime(2026, 1, 1)
    shared = result(worker_pss_after=[60 * MB, 58 * MB], worker_pss_after_exports=[70 * MB])
    assert "(Pss) at the same moments were 60, 58 MB and 70 MB." in report.document(
        shared, [], when=when
    )
    assert "(Pss)" not in report.document(result(), [], when=when)
