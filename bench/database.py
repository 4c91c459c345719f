"""The benchmark's PostgreSQL databases: created, migrated and seeded when they need it, and
left alone otherwise, so a second `make bench` starts measuring at once.

A marker file beside the media records what a database was seeded with; a database without a
matching marker (a first run, another seed, an interrupted seeding) is dropped and seeded anew.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from bench.environment import ROOT, Target, with_database

MANAGE = ROOT / "manage.py"


@dataclass(frozen=True)
class Seed:
    """How to fill a database: `manage.py <command> <arguments>`."""

    name: str
    command: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "command": list(self.command)}


DEMO = Seed("demo", ("loaddemo",))
BULK = Seed("bulk", ("seedbulk",))
# About a hundred aid packages: the small end of "the same queries at 100 and 20,000 records".
BULK_SMALL = Seed("bulk-small", ("seedbulk", "--scale", "0.005"))
SEEDS = {seed.name: seed for seed in (DEMO, BULK)}


def marker(target: Target) -> Path:
    return target.var_dir / f"seeded-{target.database_name}.json"


def is_seeded(target: Target, seed: Seed) -> bool:
    try:
        return json.loads(marker(target).read_text()) == seed.as_json()
    except (OSError, ValueError):
        return False


def _maintenance(url: str) -> psycopg.Connection:
    return psycopg.connect(with_database(url, "postgres"), autocommit=True)


def recreate(target: Target) -> None:
    """Drop the database (and its media) and create it empty."""
    name = sql.Identifier(target.database_name)
    with _maintenance(target.database_url) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    shutil.rmtree(target.media_root, ignore_errors=True)


def manage(env: Mapping[str, str], *arguments: str) -> None:
    """Run `manage.py` with the bench's environment; its output goes to ours."""
    subprocess.run([sys.executable, str(MANAGE), *arguments], cwd=ROOT, env=dict(env), check=True)


def analyze(target: Target) -> None:
    """Fresh planner statistics, as a live database has: otherwise autovacuum would gather
    them in the middle of the measurements."""
    with psycopg.connect(target.database_url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def prepare(
    target: Target,
    seed: Seed,
    env: Mapping[str, str],
    *,
    reseed: bool,
    say: Callable[[str], None],
) -> None:
    """Migrate the database, seeding it from scratch first if it needs it."""
    marker(target).parent.mkdir(parents=True, exist_ok=True)
    if reseed or not is_seeded(target, seed):
        say(
            f"{target.database_name}: new database, seeding with manage.py {' '.join(seed.command)}"
        )
        marker(target).unlink(missing_ok=True)
        recreate(target)
        manage(env, "migrate", "--noinput", "--verbosity=0")
        started = time.monotonic()
        manage(env, *seed.command)
        analyze(target)
        marker(target).write_text(json.dumps(seed.as_json()))
        say(f"{target.database_name}: seeded in {time.monotonic() - started:.0f} s")
    else:
        say(f"{target.database_name}: already seeded ({seed.name}); migrating only")
        manage(env, "migrate", "--noinput", "--verbosity=0")


def busy(target: Target) -> bool:
    """Whether a query runs on the database for anyone but us (the server's abandoned work)."""
    with psycopg.connect(target.database_url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'active' AND pid <> pg_backend_pid()"
        ).fetchone()
    return bool(row and row[0])
