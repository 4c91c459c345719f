"""Rewrite the stored search documents from the content rows: `manage.py rebuildsearch`.

The database's triggers keep every document right as rows change (public.models), so nothing
calls this in the normal course. It is for a database whose rows were loaded with its triggers
off (`pg_restore --disable-triggers`, a replica promoted from a dump), and for checking: it
writes only the documents that differ from what their rows say, and counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction

from public.search import KINDS, SearchableKind


class DocumentsUnavailable(Exception):
    """The database keeps no search documents (SQLite: search reads the content columns)."""


@dataclass(frozen=True)
class Rebuilt:
    kind: SearchableKind
    items: int
    written: int  # documents that were missing or differed


def rebuild_documents(*, dry_run: bool = False) -> list[Rebuilt]:
    """Rewrite, for every kind, the documents that are missing or differ from their rows: one
    set-based INSERT per kind, by the database's own function (public/migrations/0002), so the
    document is the triggers' to the letter. With `dry_run` the same work is rolled back."""
    if connection.vendor != "postgresql":
        raise DocumentsUnavailable(
            "Search documents are kept on PostgreSQL only; on "
            f"{connection.display_name} search reads the content columns."
        )
    rebuilt = []
    with transaction.atomic(), connection.cursor() as cursor:
        for kind in KINDS:
            cursor.execute(f"SELECT public_{kind.model._meta.model_name}_search_documents(NULL)")
            (written,) = cursor.fetchone()
            rebuilt.append(Rebuilt(kind, kind.model._default_manager.count(), written))
        if dry_run:
            transaction.set_rollback(True)
    return rebuilt
