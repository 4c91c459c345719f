"""gunicorn.conf.py, read as gunicorn reads it: a Python file of settings."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest
from gunicorn.util import load_class
from gunicorn.workers.gthread import ThreadWorker

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def settings(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    for name in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_MAX_REQUESTS", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_defaults_are_threaded_preloaded_workers_recycled_with_jitter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = settings(monkeypatch)
    assert config["wsgi_app"] == "config.wsgi:application"
    # gthread, as gunicorn loads it, recycled by draining (tests/bench/test_gunicorn_recycling.py).
    assert issubclass(load_class(config["worker_class"]), ThreadWorker)
    assert config["preload_app"] is True
    assert config["max_requests"] == 10_000
    assert config["max_requests_jitter"] == 1_000
    assert 1 <= config["workers"] <= 2 * len(__import__("os").sched_getaffinity(0)) + 1


def test_the_environment_sets_workers_threads_recycling_and_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = settings(
        monkeypatch,
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="2",
        GUNICORN_MAX_REQUESTS="0",
        GUNICORN_BIND="0.0.0.0:8080",
    )
    assert (config["workers"], config["threads"], config["bind"]) == (3, 2, "0.0.0.0:8080")
    assert (config["max_requests"], config["max_requests_jitter"]) == (0, 0)


def test_a_worker_count_that_is_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="WEB_CONCURRENCY"):
        settings(monkeypatch, WEB_CONCURRENCY="many")


def test_default_workers_never_exceed_what_memory_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    config = settings(monkeypatch)
    monkeypatch.setattr("os.sysconf", lambda name: {"SC_PAGE_SIZE": 4096}.get(name, 75 * 1024))
    # 300 MB of memory: half of it holds one worker at 150 MB.
    assert config["default_workers"]() == 1


def test_the_arbiter_freezes_what_it_loaded_before_each_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    hook = settings(monkeypatch)["pre_fork"]
    assert gc.get_freeze_count() == 0
    try:
        hook(server=None, worker=None)
        assert gc.get_freeze_count() > 10_000  # Django and the apps, loaded by this process
    finally:
        gc.unfreeze()


def test_the_access_log_names_each_requests_id_after_gunicorns_own_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gunicorn.config import AccessLogFormat

    line = settings(monkeypatch)["access_log_format"]
    assert line == f"{AccessLogFormat.default} %({{x-request-id}}o)s"
