"""The load harness of issue 8 and issue 7: `make bench` (one table of every endpoint against
the static-file ceiling, written to BENCHMARKS.md) and `make loadtest` (50 connections for 30
seconds over the public pages and the API, failing on any 5xx).

Everything here drives the real thing from outside: gunicorn with `gunicorn.conf.py` and
production settings, PostgreSQL, Redis, and Debian's `wrk` as the load generator. Only
`bench.probe` imports Django, in a child process with the same environment as the server.
"""
