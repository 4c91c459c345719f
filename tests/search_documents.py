"""What tests share about search: whether it finds an item, and whether the stored search
documents (public.models) are right."""

from __future__ import annotations

import pytest
from django.db import connection

from editorial.publishing import Publishable
from public.documents import rebuild_documents
from public.search import KINDS, search_keys

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search documents are kept on PostgreSQL only"
)


def found_by_title(item: Publishable) -> bool:
    """Whether a search for `item`'s English title has it among the results, on any page."""
    key = next(kind.key for kind in KINDS if kind.model is type(item))
    return any(
        (row["result_kind"], row["pk"]) == (key, item.pk)
        for row in search_keys(item.title_en).ranked
    )


def stale_documents() -> dict[str, int]:
    """Documents missing or different from what their rows say now, by kind; empty when every
    one is right. Found by a rebuild that is rolled back (PostgreSQL only)."""
    return {
        rebuilt.kind.key: rebuilt.written
        for rebuilt in rebuild_documents(dry_run=True)
        if rebuilt.written
    }
