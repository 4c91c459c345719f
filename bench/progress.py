"""Progress lines on stderr, stamped with the time since the run began, so a run's log shows
where its minutes went."""

from __future__ import annotations

import sys
import time

STARTED = time.monotonic()


def say(message: str) -> None:
    elapsed = time.monotonic() - STARTED
    print(
        f"bench [{elapsed // 60:02.0f}:{elapsed % 60:02.0f}]: {message}",
        file=sys.stderr,
        flush=True,
    )
