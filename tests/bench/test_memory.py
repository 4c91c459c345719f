"""Worker memory from /proc, read here from a small tree laid out as the kernel does."""

from __future__ import annotations

import os
from pathlib import Path

from bench.memory import MB, Usage, children, growth, snapshot, usage
from bench.server import cpu_seconds


def process(proc: Path, pid: int, parent: int, rss_kb: int, pss_kb: int | None = None) -> None:
    folder = proc / str(pid)
    folder.mkdir()
    # A command name with spaces and parentheses, as a thread may set it.
    (folder / "stat").write_text(f"{pid} (gunicorn: worker (x)) S {parent} {pid} 0 0\n")
    (folder / "status").write_text(f"Name:\tgunicorn\nVmPeak:\t 9 kB\nVmRSS:\t {rss_kb} kB\n")
    if pss_kb is not None:
        (folder / "smaps_rollup").write_text(f"Rss: {rss_kb} kB\nPss:  {pss_kb} kB\n")


def test_children_are_the_processes_whose_parent_is_the_arbiter(tmp_path: Path) -> None:
    process(tmp_path, 100, 1, 50_000)
    process(tmp_path, 101, 100, 60_000)
    process(tmp_path, 102, 100, 70_000)
    process(tmp_path, 200, 101, 10)  # a grandchild is not a worker
    assert children(100, tmp_path) == [101, 102]


def test_usage_reads_rss_and_pss_in_bytes(tmp_path: Path) -> None:
    process(tmp_path, 101, 100, 61_440, pss_kb=30_720)
    assert usage(101, tmp_path) == Usage(rss=60 * MB, pss=30 * MB)


def test_usage_without_smaps_rollup_has_no_pss(tmp_path: Path) -> None:
    process(tmp_path, 101, 100, 1024)
    assert usage(101, tmp_path) == Usage(rss=MB, pss=None)


def test_a_process_that_ended_has_no_usage_and_leaves_the_snapshot(tmp_path: Path) -> None:
    process(tmp_path, 101, 100, 1024)
    (tmp_path / "102").mkdir()
    (tmp_path / "102" / "stat").write_text("102 (gunicorn) S 100 0\n")  # status gone already
    assert usage(999, tmp_path) is None
    assert list(snapshot(100, tmp_path)) == [101]


def test_growth_is_the_most_one_worker_grew() -> None:
    before = {1: Usage(100 * MB, None), 2: Usage(100 * MB, None)}
    samples = [
        {1: Usage(130 * MB, None), 2: Usage(101 * MB, None)},
        {1: Usage(120 * MB, None), 2: Usage(110 * MB, None)},
    ]
    assert growth(before, samples) == 30 * MB


def test_growth_of_a_worker_started_meanwhile_counts_from_its_first_sample() -> None:
    samples = [{3: Usage(70 * MB, None)}, {3: Usage(75 * MB, None)}]
    assert growth({}, samples) == 5 * MB


def test_cpu_seconds_adds_user_and_system_time_in_clock_ticks(tmp_path: Path) -> None:
    folder = tmp_path / "101"
    folder.mkdir()
    ticks = os.sysconf("SC_CLK_TCK")
    # pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    fields = f"S 100 1 1 0 -1 0 0 0 0 0 {3 * ticks} {ticks} 0 0"
    (folder / "stat").write_text(f"101 (gunicorn: worker) {fields}\n")
    assert cpu_seconds(101, tmp_path) == 4.0
    assert cpu_seconds(999, tmp_path) == 0.0
