"""Issue 8's targets judged on a run's figures."""

from __future__ import annotations

from dataclasses import replace

from bench import targets
from bench.endpoints import Group
from bench.results import MB
from tests.bench.results import HOME, result, row, scaled


def test_a_run_within_every_target_passes_them_all() -> None:
    verdicts = targets.evaluate(scaled(result()))
    assert [v.target for v in verdicts if v.passed is not True] == []


def test_p99_at_the_limit_fails_and_names_the_endpoint() -> None:
    verdict = targets.p99(result(row("API aid list", Group.API, p99_ms=100.0)))
    assert verdict.passed is False
    assert "API aid list 100 ms" in verdict.detail


def test_exports_have_no_latency_target() -> None:
    assert targets.p99(result(row("IATI", Group.EXPORT, p99_ms=60_000.0))).passed


def test_pages_served_below_half_the_static_ceiling_fail() -> None:
    verdict = targets.cached_share(result(row("aid detail", Group.DETAIL, requests_per_s=999.0)))
    assert verdict.passed is False
    assert "aid detail 0.50" in verdict.detail


def test_the_api_is_not_held_to_the_static_ceiling() -> None:
    assert targets.cached_share(result(row("API aid list", Group.API, requests_per_s=10.0))).passed


def test_more_than_eight_uncached_queries_fail() -> None:
    verdict = targets.query_ceiling(result(row("home", Group.HOME, queries_cold=9)))
    assert verdict.passed is False
    assert "home 9" in verdict.detail


def test_export_queries_are_not_held_to_the_ceiling() -> None:
    assert targets.query_ceiling(result(row("IATI", Group.EXPORT, queries_cold=80))).passed


def test_query_scaling_is_not_measured_without_a_small_database() -> None:
    assert targets.query_scaling(result()).passed is None


def test_queries_that_differ_between_the_databases_fail() -> None:
    verdict = targets.query_scaling(scaled(result(), small_cold=4))
    assert verdict.passed is False
    assert "home 4→5" in verdict.detail
    assert "100 and 20,000" in verdict.target


def test_an_export_growing_fifty_megabytes_fails() -> None:
    verdict = targets.export_memory(result(export_growth={"IATI": 50 * MB, "CSV": MB}))
    assert verdict.passed is False
    assert "IATI +50.0 MB" in verdict.detail


def test_a_worker_over_150_megabytes_at_the_end_fails() -> None:
    assert targets.worker_memory(result(worker_rss_after=[100 * MB, 150 * MB])).passed is False


def test_a_home_page_of_sixty_kilobytes_fails() -> None:
    heavy = replace(HOME, html=30 * 1024, css=20 * 1024, js=10 * 1024)
    assert targets.home_weight(result(home=heavy)).passed is False


def test_a_render_blocking_request_to_another_host_fails() -> None:
    other = replace(HOME, blocking_other_hosts=["https://cdn.example/x.css"])
    assert targets.home_hosts(result(home=other)).passed is False


def test_an_image_without_srcset_fails() -> None:
    assert targets.home_images(result(home=replace(HOME, images_with_srcset=3))).passed is False


def test_a_row_with_problems_fails_the_sanity_target() -> None:
    verdict = targets.all_answered(result(row("aid detail", Group.DETAIL, problems="404×10")))
    assert verdict.passed is False
    assert "aid detail: 404×10" in verdict.detail


def test_a_run_of_fifteen_minutes_fails() -> None:
    assert targets.runtime(result(runtime_s=900.0)).passed is False


def test_a_worker_over_150_megabytes_after_the_exports_fails() -> None:
    assert targets.worker_memory(result(worker_rss_after_exports=[160 * MB])).passed is False


def test_worker_memory_says_which_moment_each_figure_is_from() -> None:
    verdict = targets.worker_memory(
        result(worker_rss_after=[110 * MB], worker_rss_after_exports=[134 * MB])
    )
    assert verdict.detail == (
        "largest 134 MB: after every page and API row 110 MB (peak meanwhile 120 MB); "
        "after the exports 134 MB"
    )
