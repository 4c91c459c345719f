"""Search documents: what full-text search reads of each item, stored and indexed.

One table per kind of content, one row per item, holding the weighted tsvector that
`public.search` matches and ranks (title A; summary and the names of related places and
organisations B; body C; every language). Every item has one, published or not: going live at a
scheduled time writes nothing, so the document must already be there; `published()` on the
content rows decides what is found.

Separate tables, not a column on the content models, because every concrete field of those is
content to `editorial.snapshots` (revisions, diffs, rollback) and every `save()` writes each field
back: a document column would be snapshotted, listed as a change, and overwritten with whatever
copy an editor's form had loaded. Here nothing of that sees it: the reverse one-to-one
(`search_document`) is no field of the item, no serializer or admin form names it, and
DO_NOTHING keeps it out of the admin's list of what a deletion takes along (the database deletes
the row itself, ON DELETE CASCADE). The backup leaves the tables out: they are rebuilt from the
rows restored.

On PostgreSQL only the database writes them: triggers installed by this app's migrations rewrite
an item's document whenever its texts or related rows change, however the change is made (a
save, `QuerySet.update()`, `bulk_create`, `loaddata`, raw SQL), and the renaming of a place or
organisation rewrites the documents that name it. `rebuild_documents()` (manage.py
rebuildsearch) rewrites them all, for a database loaded with its triggers off. On SQLite the
tables stay empty: search there reads the content columns.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from aid.models import AidPackage
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject


def _item(model: type[models.Model]) -> models.OneToOneField:
    return models.OneToOneField(
        model,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        # The migration adds the constraint with ON DELETE CASCADE, which Django cannot declare.
        db_constraint=False,
        related_name="search_document",
    )


class SearchDocument(models.Model):
    document = SearchVectorField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"Search document of {self.item}"


class AidPackageSearchDocument(SearchDocument):
    item = _item(AidPackage)


class ReconstructionProjectSearchDocument(SearchDocument):
    item = _item(ReconstructionProject)


class RehabilitationGroupSearchDocument(SearchDocument):
    item = _item(RehabilitationGroup)


class SisterCityPartnershipSearchDocument(SearchDocument):
    item = _item(SisterCityPartnership)
