"""Single requests to the bench server from the runner: the home page and its assets, and the
exports read to their end in chunks (never held whole), timed."""

from __future__ import annotations

import http.client
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

CHUNK = 64 * 1024
# As wrk sends them (bench/wrk.py), but uncompressed: the exports' sizes are their real ones.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "identity"}


@dataclass(frozen=True)
class Fetched:
    status: int
    size: int  # body bytes
    seconds: float
    body: bytes | None  # only when asked to keep it


def fetch(
    url: str,
    *,
    keep: bool = False,
    timeout_s: float = 300,
    headers: Mapping[str, str] = HEADERS,
) -> Fetched:
    """GET `url`, reading the body in chunks. Send wrk's headers (compressed) to fill the
    cache entry wrk will ask for: a cached page is stored per encoding."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout_s)
    started = time.monotonic()
    try:
        connection.request("GET", path, headers={**headers, "Host": parts.netloc})
        response = connection.getresponse()
        kept = bytearray()
        size = 0
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if keep:
                kept += chunk
    finally:
        connection.close()
    return Fetched(
        status=response.status,
        size=size,
        seconds=time.monotonic() - started,
        body=bytes(kept) if keep else None,
    )
