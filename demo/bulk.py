"""`seedbulk`: a large synthetic record for benchmarks, written with bulk inserts.

Items are built in chunks (`CHUNK` at a time, so memory stays flat) and each chunk is written
with one INSERT per `BATCH` rows of each table: the number of queries grows with the number of
chunks and batches, never with the number of rows. Everything runs in one transaction.

The save path's side effects, and what happens to each here:
- renditions: written as rows, their files hard links to a few drawn originals' renditions
  (`demo.bulk_media`), so pages serve them exactly as uploaded photos';
- revisions: one per item, the transition that left it in its state, with a full snapshot
  (`demo.bulk_revisions`);
- audit stamps and `version`: set to what the workflow would have left (no users: the
  synthetic record has no authors, so the `*_by` fields stay empty);
- search documents: written by the database's triggers as each INSERT goes in, one set-based
  INSERT of documents per batch (`public.models`); on SQLite there are none to write;
- e-mail notifications: none, nobody is waiting for them.

What seedbulk writes is marked so that `--replace` can find it again and nothing else:
slugs of items, organisations and places start with `bulk-`, source addresses with
`SOURCE_URL_PREFIX`, photo and rendition files live under `photos/bulk/` and
`renditions/bulk/`. `--replace` deletes those (and commits) before it seeds, so a failed run
leaves neither the old synthetic record nor a part of the new one.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, reset_queries, transaction
from django.utils import timezone, translation

from aid.models import AidPackage, ReportedFigure
from demo import bulk_vocabulary as vocab
from demo.bulk_media import (
    PHOTO_DIR,
    RENDITION_DIR,
    draw_originals,
    link_renditions,
    media_root,
    remove_bulk_files,
)
from demo.bulk_revisions import revision_for
from demo.bulk_rows import (
    FIRST_DAY,
    LAST_DAY,
    SLUG_PREFIX,
    SOURCE_URL_PREFIX,
    Builder,
    Directory,
    Plan,
)
from demo.content import Text, translated
from editorial import content_version
from editorial.models import Organization, Photo, Place, Rendition, Revision, Source
from people.models import RehabilitationGroup, SisterCityPartnership
from projects.models import ReconstructionProject

CHUNK = 1000  # items built and written at once
BATCH = 1000  # rows per INSERT (SQLite's variable limit may lower it)
DEFAULT_SEED = 2026
PUBLISHABLES: tuple[type[models.Model], ...] = (
    AidPackage,
    ReconstructionProject,
    RehabilitationGroup,
    SisterCityPartnership,
)
# Rows whose presence means the database already holds a record.
CONTENT_MODELS = (*PUBLISHABLES, ReportedFigure, Organization, Place, Source, Photo)
MAX_PARTNERSHIPS = len(vocab.UA_CITIES) * len(vocab.AZ_CITIES)  # one per pair of cities


@dataclass(frozen=True)
class Counts:
    """How many items of each kind to create; the defaults are the benchmark's scale."""

    aid_packages: int = 20_000
    projects: int = 2_000
    groups: int = 500
    partnerships: int = 100

    def scaled(self, factor: float) -> Counts:
        """Each count times `factor`, at least one of each."""
        return Counts(
            **{f.name: max(1, round(getattr(self, f.name) * factor)) for f in fields(self)}
        )

    def items(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


def existing_content() -> dict[str, int]:
    """Rows of the record already in the database, by model label (only non-zero counts)."""
    counts = {model._meta.label: model._default_manager.count() for model in CONTENT_MODELS}
    return {label: count for label, count in counts.items() if count}


def seeded_rows() -> dict[str, int]:
    """Rows an earlier seedbulk run left, by model label: what `--replace` deletes."""
    counts: Counter[str] = Counter()
    for label, queryset in _seeded_querysets():
        counts[label] += queryset.count()
    return {label: count for label, count in counts.items() if count}


def delete_seeded() -> Counter[str]:
    """Delete every row and file an earlier seedbulk run wrote, and nothing else.

    Deleted as they were written: table by table, one DELETE each, without the per-row
    signals (collecting half a million rows to send them would take minutes and most of a
    gigabyte). Children, links, photos and revisions go before what they belong to.
    """
    deleted: Counter[str] = Counter()
    with transaction.atomic():
        for label, queryset in _seeded_querysets():
            deleted[label] += queryset._raw_delete(queryset.db)
        # Deleted without signals: cached pages would still show them.
        content_version.bump_now_and_on_commit()
    remove_bulk_files()
    return deleted


def _seeded_querysets() -> Iterable[tuple[str, models.QuerySet]]:
    for model in PUBLISHABLES:
        items = model._default_manager.filter(slug__startswith=SLUG_PREFIX)
        yield (
            Revision._meta.label,
            Revision.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=items.values("pk"),
            ),
        )
    yield Rendition._meta.label, Rendition.objects.filter(file__startswith=f"{RENDITION_DIR}/")
    yield Photo._meta.label, Photo.objects.filter(image__startswith=f"{PHOTO_DIR}/")
    for model in PUBLISHABLES:
        for name in model.revision_children:
            relation = model._meta.get_field(name)
            yield (
                relation.related_model._meta.label,
                relation.related_model._default_manager.filter(
                    **{f"{relation.field.name}__slug__startswith": SLUG_PREFIX}
                ),
            )
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            yield (
                through._meta.label,
                through.objects.filter(
                    **{f"{m2m.m2m_field_name()}__slug__startswith": SLUG_PREFIX}
                ),
            )
        yield model._meta.label, model._default_manager.filter(slug__startswith=SLUG_PREFIX)
    yield Source._meta.label, Source.objects.filter(url__startswith=SOURCE_URL_PREFIX)
    yield Organization._meta.label, Organization.objects.filter(slug__startswith=SLUG_PREFIX)
    places = Place.objects.filter(slug__startswith=SLUG_PREFIX)
    yield Place._meta.label, places.filter(region__isnull=False)  # cities before their regions
    yield Place._meta.label, places.filter(region__isnull=True)


@functools.cache
def _decimal_fields(model: type[models.Model]) -> list[tuple[str, Decimal]]:
    return [
        (field.attname, Decimal(1).scaleb(-field.decimal_places))
        for field in model._meta.concrete_fields
        if isinstance(field, models.DecimalField)
    ]


class Seeder:
    """Writes the synthetic record; `report` receives the progress lines."""

    def __init__(self, counts: Counts, *, seed: int, report: Callable[[str], None]) -> None:
        self.counts = counts
        self.seed = seed
        self.report = report
        self.created: Counter[str] = Counter()
        self.started = time.monotonic()

    def run(self) -> Counter[str]:
        """Create everything in one transaction; on failure remove the files written too."""
        media_root()  # refuse a storage without local files before anything is written
        try:
            with transaction.atomic(), translation.override("en"):
                self._run()
                # Written with bulk_create, which sends no signals: retire cached pages.
                content_version.bump_now_and_on_commit()
        except BaseException:
            remove_bulk_files()
            raise
        return self.created

    def _run(self) -> None:
        remove_bulk_files()  # left by a database since reset: nothing names them any more
        directory = self._directory()
        originals = draw_originals()
        self.originals = {original.name: original for original in originals}
        self._progress(f"directory and {len(originals)} illustrations")
        builder = Builder(
            seed=self.seed, now=timezone.now(), directory=directory, originals=originals
        )
        self.content_types = builder.content_types
        counts = self.counts
        self._kind("aid packages", counts.aid_packages, builder.aid_package)
        self._kind("projects", counts.projects, builder.project)
        self._kind("rehabilitation groups", counts.groups, builder.group)
        pairs = [(u, a) for u in directory.ua_cities for a in directory.az_cities]
        builder.rng.shuffle(pairs)
        self._kind(
            "partnerships",
            counts.partnerships,
            lambda number: builder.partnership(number, pairs[number]),
        )

    def _kind(self, label: str, total: int, build: Callable[[int], Plan]) -> None:
        for start in range(0, total, CHUNK):
            stop = min(total, start + CHUNK)
            self._write([build(number) for number in range(start, stop)])
            self._progress(f"{label}: {stop}/{total}")
            if not connection.force_debug_cursor:
                # In DEBUG every query is kept, megabytes each for a bulk INSERT: let the
                # chunk's go, unless someone is counting them (CaptureQueriesContext).
                reset_queries()

    def _write(self, plans: list[Plan]) -> None:
        """One chunk of items of one model: rows, children, links, photos, renditions and
        revisions, each table in as few INSERTs as its batch size allows."""
        model = type(plans[0].obj)
        self._insert(model, [plan.obj for plan in plans])
        for name in {name for plan in plans for name in plan.children}:
            parent = model._meta.get_field(name).field.attname
            children = []
            for plan in plans:
                for child, _photos in plan.children.get(name, []):
                    setattr(child, parent, plan.obj.pk)
                    children.append(child)
            self._insert(model._meta.get_field(name).related_model, children)
        for m2m in model._meta.many_to_many:
            through = m2m.remote_field.through
            source, target = m2m.m2m_column_name(), m2m.m2m_reverse_name()
            self._insert(
                through,
                [
                    through(**{source: plan.obj.pk, target: pk})
                    for plan in plans
                    for pk in plan.m2m.get(m2m.name, [])
                ],
            )
        photos, live = [], []
        for plan in plans:
            owned = list(plan.photos)
            for photo in plan.photos:
                photo.object_id = plan.obj.pk
            for children in plan.children.values():
                for child, child_photos in children:
                    for photo in child_photos:
                        photo.object_id = child.pk
                        owned.append(photo)
            photos.extend(owned)
            if plan.obj.is_public():
                live.extend(photo for photo in owned if photo.is_public())
        self._insert(Photo, photos)
        public = {photo.pk for photo in live}
        self._insert(Rendition, link_renditions(photos, self.originals, public))
        content_type = self.content_types[model]
        self._insert(Revision, [revision_for(plan, content_type) for plan in plans])

    def _insert(self, model: type[models.Model], rows: list[models.Model]) -> None:
        decimals = _decimal_fields(model)
        for row in rows:
            # As the database will give them back (1 -> 1.000000), so that the snapshots
            # taken from these objects equal those taken from the rows later.
            for name, places in decimals:
                value = getattr(row, name)
                if value is not None:
                    setattr(row, name, value.quantize(places))
        if rows:
            model._default_manager.bulk_create(rows, batch_size=BATCH)
            self.created[model._meta.label] += len(rows)

    def _directory(self) -> Directory:
        """Places, organisations and a pool of sources that the items point at."""
        names: dict[tuple[str, int], Text] = {}
        coordinates: dict[int, tuple[Decimal, Decimal]] = {}

        def places(
            specs: tuple[vocab.PlaceSpec, ...], regions: dict[str, int], **values: object
        ) -> dict[str, int]:
            rows = [
                Place(
                    slug=f"{SLUG_PREFIX}{spec.stem}",
                    **translated("name", spec.name),
                    latitude=spec.latitude,
                    longitude=spec.longitude,
                    region_id=regions.get(spec.region),
                    **values,
                )
                for spec in specs
            ]
            self._insert(Place, rows)
            for spec, row in zip(specs, rows, strict=True):
                names["place", row.pk] = spec.name
                coordinates[row.pk] = (spec.latitude, spec.longitude)
            return {spec.stem: row.pk for spec, row in zip(specs, rows, strict=True)}

        def organizations(specs: tuple[vocab.OrgSpec, ...]) -> list[int]:
            rows = [
                Organization(
                    slug=f"{SLUG_PREFIX}{spec.stem}",
                    **translated("name", spec.name),
                    acronym=spec.acronym,
                    kind=spec.kind,
                    country=spec.country,
                )
                for spec in specs
            ]
            self._insert(Organization, rows)
            for spec, row in zip(specs, rows, strict=True):
                names["org", row.pk] = spec.name
            return [row.pk for row in rows]

        regions = places(vocab.UA_REGIONS, {}, kind=Place.Kind.REGION, country="UA")
        ua_cities = places(vocab.UA_CITIES, regions, kind=Place.Kind.CITY, country="UA")
        az_cities = places(vocab.AZ_CITIES, regions, kind=Place.Kind.CITY, country="AZ")
        return Directory(
            ua_regions=list(regions.values()),
            ua_cities=list(ua_cities.values()),
            az_cities=list(az_cities.values()),
            funders=organizations(vocab.FUNDERS),
            recipients=organizations(vocab.RECIPIENTS),
            hosts=organizations(vocab.HOSTS),
            builders=organizations(vocab.BUILDERS),
            sources=self._sources(),
            names=names,
            coordinates=coordinates,
        )

    def _sources(self) -> list[int]:
        """A pool of citations, about one for every five items: each report covers several."""
        sectors = list(vocab.SECTOR_WORDS.values())
        span = (LAST_DAY - FIRST_DAY).days
        rows = [
            Source(
                title=f"{sectors[number % len(sectors)].en}: report {number + 1:05d}",
                publisher=vocab.PUBLISHERS[number % len(vocab.PUBLISHERS)],
                url=f"{SOURCE_URL_PREFIX}{number + 1}",
                published_on=FIRST_DAY + dt.timedelta(days=number * 37 % span),
                note="Synthetic source written by seedbulk for benchmarks.",
            )
            for number in range(max(20, self.counts.items() // 5))
        ]
        self._insert(Source, rows)
        return [row.pk for row in rows]

    def _progress(self, what: str) -> None:
        self.report(f"{what} ({time.monotonic() - self.started:.1f} s)")
