"""The machine's description, read from /proc and /etc as the kernel and Debian lay them out."""

from __future__ import annotations

from pathlib import Path

from bench.machine import cpu_model, memory_gb, operating_system


def test_cpu_model_is_the_first_model_name(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(
        "processor\t: 0\nmodel name\t: AMD EPYC 7B13\n\n"
        "processor\t: 1\nmodel name\t: AMD EPYC 7B13\n"
    )
    assert cpu_model(cpuinfo) == "AMD EPYC 7B13"


def test_memory_is_read_in_gigabytes(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24684544 kB\nMemFree:  1 kB\n")
    assert round(memory_gb(meminfo) or 0, 1) == 23.5


def test_operating_system_is_debians_pretty_name(tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\n')
    assert operating_system(release).startswith("Debian GNU/Linux 12 (bookworm), Linux ")


def test_missing_files_give_no_figure_rather_than_an_error(tmp_path: Path) -> None:
    assert memory_gb(tmp_path / "nothing") is None
