"""`python -m bench.probe endpoints|queries`: the harness's questions to Django, asked in a
child process with the server's own environment (settings, database, cache), answered as JSON
on stdout. The runner stays free of Django, so one run can ask two databases in turn."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe", description=__doc__)
    parser.add_argument("question", choices=("endpoints", "queries"))
    parser.add_argument("--host", default="127.0.0.1", help="Host header, as wrk sends it.")
    parser.add_argument(
        "--skip", action="append", default=[], metavar="LABEL", help="Endpoints not to count."
    )
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    # Imported once Django is set up: they import models.
    from bench import addresses, queries

    if args.question == "endpoints":
        answer = {
            "endpoints": [endpoint.as_json() for endpoint in addresses.bench_endpoints()],
            "loadtest": addresses.loadtest_paths(),
            "csv_pages": addresses.csv_export_pages(),
            "records": addresses.record_counts(),
        }
    else:
        endpoints = [e for e in addresses.bench_endpoints() if e.label not in args.skip]
        counts = queries.count_queries(endpoints, host=args.host)
        answer = {label: asdict(count) for label, count in counts.items()}
    json.dump(answer, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
