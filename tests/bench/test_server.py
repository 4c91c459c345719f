"""Waiting for the server to finish what wrk left it, between the table's rows."""

from __future__ import annotations

import os

from bench.server import Server


def idle_server() -> Server:
    # This process as the "arbiter": it has no busy children.
    return Server(host="127.0.0.1", port=1, arbiter=os.getpid())


def test_an_idle_server_is_idle_at_once() -> None:
    assert idle_server().wait_until_idle(limit_s=2, interval_s=0.05) is None


def test_a_busy_database_keeps_it_waiting_until_the_limit() -> None:
    waited = idle_server().wait_until_idle(limit_s=0.3, database_busy=lambda: True, interval_s=0.05)
    assert waited is not None
    assert waited >= 0.3
