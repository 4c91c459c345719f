"""Load the demo record: the seed texts' facts as rows, with illustrations and demo accounts.

Everything runs in one transaction and is idempotent: rows are found by slug or natural key,
written only when their values differ, and illustrations are reused when already on disk.
Each publishable item is then walked to its editorial state through the workflow, once
(`demo.states`), so every item has a history and every state has an example.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from aid.models import AidItem, AidPackage, ReportedFigure
from demo.accounts import DemoUsers, ensure_demo_accounts
from demo.content import Dated, Event, translated
from demo.content.aid_packages import AID_RELIEF
from demo.content.captions import GROUP_THEME, PARTNERSHIP_THEME, PROJECT_THEMES, SECTOR_THEMES
from demo.content.directory import ORGANIZATIONS, PLACES
from demo.content.energy import AID_ENERGY
from demo.content.figures import FIGURES
from demo.content.groups import GROUPS
from demo.content.partnerships import PARTNERSHIPS
from demo.content.planned_projects import PLANNED_PROJECTS
from demo.content.projects import PROJECTS
from demo.content.sources import SOURCES
from demo.content.states import STATES, WORKFLOW_COPIES, DemoState
from demo.photos import NewFiles, PhotoSpec, sync_photos
from demo.records import Tally, sync, sync_m2m
from demo.states import settle_states
from editorial import photo_files
from editorial.dates import DatePrecision
from editorial.models import Organization, Photo, Place, Publishable, Source, Status
from editorial.money import Currency
from people.models import PartnershipActivity, RehabilitationGroup, SisterCityPartnership
from projects.models import FacilityType, Milestone, Phase, ReconstructionProject, WorkKind

GENERAL, BEFORE, AFTER = Photo.Role.GENERAL, Photo.Role.BEFORE, Photo.Role.AFTER


@dataclass
class Loader:
    """What every step needs: who writes, what exists so far (slug -> pk), and the tally.

    `items` collects each publishable item with the editorial state it is to stand in.
    """

    users: DemoUsers
    tally: Tally
    new_files: NewFiles
    organizations: dict[str, int]
    places: dict[str, int]
    sources: dict[str, int]
    items: list[tuple[Publishable, DemoState]] = field(default_factory=list)

    def orgs(self, slugs: list[str]) -> list[int]:
        return [self.organizations[slug] for slug in slugs]

    def org(self, slug: str | None) -> int | None:
        return self.organizations[slug] if slug else None

    def place(self, slug: str | None) -> int | None:
        return self.places[slug] if slug else None

    def cited(self, keys: list[str]) -> list[int]:
        return [self.sources[key] for key in keys]


def load_demo(*, password: str, dry_run: bool = False) -> Tally:
    """Load the whole demo record and the demo accounts in one transaction.

    With `dry_run`, everything is done and then rolled back, and the image files written on
    the way are deleted, so nothing is left behind. Returns what was created, updated,
    left unchanged or deleted, per model.
    """
    tally, new_files = Tally(), NewFiles()
    try:
        with transaction.atomic():
            users = ensure_demo_accounts(password=password, tally=tally)
            loader = Loader(
                users=users,
                tally=tally,
                new_files=new_files,
                organizations=load_organizations(tally=tally),
                places=load_places(tally=tally),
                sources=load_sources(tally=tally),
            )
            load_aid_packages(loader)
            load_reported_figures(loader)
            load_projects(loader)
            load_rehabilitation_groups(loader)
            load_partnerships(loader)
            settle_states(loader.items, users=users, tally=tally)
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        new_files.delete_all()  # the rows that named these files were rolled back
        raise
    if dry_run:
        new_files.delete_all()
    else:
        # Public copies of the public photos' renditions; withdraws those no longer public.
        photo_files.sync_all()
    return tally


def load_organizations(*, tally: Tally) -> dict[str, int]:
    """Organisations from `demo.content.directory`; returns slug -> pk."""
    pks = {}
    for slug, spec in ORGANIZATIONS.items():
        values = {
            **translated("name", spec["name"]),
            "acronym": spec.get("acronym", ""),
            "kind": spec["kind"],
            "country": spec["country"],
        }
        obj, outcome = sync(Organization, lookup={"slug": slug}, values=values)
        tally.add(Organization, outcome)
        pks[slug] = obj.pk
    return pks


def load_places(*, tally: Tally) -> dict[str, int]:
    """Places from `demo.content.directory` (regions before their cities); slug -> pk."""
    pks: dict[str, int] = {}
    for slug, spec in PLACES.items():
        values = {
            **translated("name", spec["name"]),
            "kind": spec["kind"],
            "country": spec["country"],
            "region_id": pks[spec["region"]] if spec.get("region") else None,
            "latitude": spec["latitude"],
            "longitude": spec["longitude"],
        }
        obj, outcome = sync(Place, lookup={"slug": slug}, values=values)
        tally.add(Place, outcome)
        pks[slug] = obj.pk
    return pks


def load_sources(*, tally: Tally) -> dict[str, int]:
    """The five seed texts as citations, found by publisher and title; key -> pk."""
    pks = {}
    for key, spec in SOURCES.items():
        obj, outcome = sync(
            Source,
            lookup={"publisher": spec["publisher"], "title": spec["title"]},
            values={"url": "", "published_on": None, "note": spec["note"]},
        )
        tally.add(Source, outcome)
        pks[key] = obj.pk
    return pks


def load_aid_packages(loader: Loader) -> None:
    """Aid packages with their items, sources and one illustration each."""
    for slug, spec in {**AID_RELIEF, **AID_ENERGY}.items():
        value: Decimal | None = spec.get("value")
        values = {
            **_texts(spec, "title", "summary", "body", "legal_basis"),
            "sector": spec["sector"],
            **_dated(spec, "decided_on"),
            **_dated(spec, "dispatched_on"),
            **_dated(spec, "delivered_on"),
            "delivery_status": spec["delivery_status"],
            # Every value in the seeds is stated in US dollars, hence a rate of exactly 1.
            "value": value,
            "currency": Currency.USD,
            "value_usd": value,
            "exchange_rate": Decimal(1) if value is not None else None,
            "funder_id": loader.org(spec["funder"]),
            "recipient_id": loader.org(spec.get("recipient")),
            "origin_id": loader.place(spec.get("origin")),
        }
        package = _publishable(
            loader, AidPackage, slug, spec, values, sources=loader.cited(spec["sources"])
        )
        for order, item in enumerate(spec.get("items", [])):
            _, outcome = sync(
                AidItem,
                lookup={"package_id": package.pk, "order": order},
                values={
                    "kind": item.kind,
                    "quantity": item.quantity,
                    "unit": item.unit,
                    **translated("description", item.description),
                },
            )
            loader.tally.add(AidItem, outcome)
        _delete_extra(
            loader, AidItem.objects.filter(package=package, order__gte=len(spec.get("items", [])))
        )
        photo = PhotoSpec(GENERAL, SECTOR_THEMES[spec["sector"]])
        _photos(loader, package, slug, spec, [photo])


def load_reported_figures(loader: Loader) -> None:
    """Officially reported cumulative figures, each with its as-of date and source."""
    for slug, spec in FIGURES.items():
        values = {
            **_texts(spec, "title", "summary"),
            "metric": spec["metric"],
            "value": spec["value"],
            "qualifier": spec["qualifier"],
            "as_of": spec["as_of"],
            "source_id": loader.sources[spec["source"]],
        }
        _publishable(loader, ReportedFigure, slug, spec, values)


def load_projects(loader: Loader) -> None:
    """Reconstruction projects with funders, partners, milestones and before/after pictures,
    and the labelled copies that show the editorial states a record cannot take."""
    for slug, spec in {**PROJECTS, **PLANNED_PROJECTS, **WORKFLOW_COPIES}.items():
        values = {
            **_texts(spec, "title", "summary", "body", "address"),
            "place_id": loader.places[spec["place"]],
            "facility_type": spec["facility_type"],
            "work_kind": spec["work_kind"],
            "phase": spec["phase"],
            "actual_completion": spec.get("actual_completion"),
        }
        project = _publishable(
            loader,
            ReconstructionProject,
            slug,
            spec,
            values,
            sources=loader.cited(spec["sources"]),
            funders=loader.orgs(spec["funders"]),
            implementing_partners=loader.orgs(spec.get("implementing_partners", [])),
        )
        _timeline(loader, Milestone, {"project_id": project.pk}, spec.get("milestones", []))
        _photos(loader, project, slug, spec, _project_photos(spec))


def load_rehabilitation_groups(loader: Loader) -> None:
    """Rehabilitation groups: counts, dates, cohorts and partners; never a child's record."""
    for slug, spec in GROUPS.items():
        values = {
            **_texts(spec, "title", "summary", "body"),
            **_dated(spec, "arrived_on"),
            "children_count": spec["children_count"],
            "cohort": spec["cohort"],
            "programme": spec["programme"],
            "host_place_id": loader.place(spec.get("host_place")),
        }
        group = _publishable(
            loader,
            RehabilitationGroup,
            slug,
            spec,
            values,
            sources=loader.cited(spec["sources"]),
            partners=loader.orgs(spec["partners"]),
            home_regions=[loader.places[s] for s in spec.get("home_regions", [])],
        )
        _photos(loader, group, slug, spec, [PhotoSpec(GENERAL, GROUP_THEME)])


def load_partnerships(loader: Loader) -> None:
    """The four city partnerships with their dated activities."""
    for slug, spec in PARTNERSHIPS.items():
        values = {
            **_texts(spec, "title", "summary", "body"),
            "ukrainian_place_id": loader.places[spec["ukrainian_place"]],
            "azerbaijani_place_id": loader.places[spec["azerbaijani_place"]],
            "kind": spec["kind"],
        }
        partnership = _publishable(
            loader, SisterCityPartnership, slug, spec, values, sources=loader.cited(spec["sources"])
        )
        _timeline(
            loader,
            PartnershipActivity,
            {"partnership_id": partnership.pk},
            spec.get("activities", []),
        )
        _photos(loader, partnership, slug, spec, [PhotoSpec(GENERAL, PARTNERSHIP_THEME)])


def _texts(spec: dict[str, Any], *fields: str) -> dict[str, str]:
    return {
        key: value for field in fields for key, value in translated(field, spec.get(field)).items()
    }


def _dated(spec: dict[str, Any], field: str) -> dict[str, Any]:
    """The date and its `<field>_precision`: a plain date is exact, a `Dated` says how not."""
    value = spec.get(field)
    if isinstance(value, Dated):
        return {field: value.value, f"{field}_precision": value.precision}
    return {field: value, f"{field}_precision": DatePrecision.DAY}


def _publishable(
    loader: Loader,
    model: type[models.Model],
    slug: str,
    spec: dict[str, Any],
    values: dict[str, Any],
    **many: list[int],
) -> Any:
    """Sync one publishable row's content and its M2M fields; queue it for its state.

    A new row is the editor's draft. Its state, and every audit stamp after 'created', come
    from the workflow (`demo.states`), which runs once all children and photos are in place.
    """
    obj, outcome = sync(
        model,
        lookup={"slug": slug},
        values=values,
        on_create={
            "status": Status.DRAFT,
            "created_by_id": loader.users.editor.pk,
            "updated_by_id": loader.users.editor.pk,
        },
    )
    for field_name, pks in many.items():
        if sync_m2m(obj, field_name, pks) and outcome == "unchanged":
            outcome = "updated"
    loader.tally.add(model, outcome)
    loader.items.append((obj, STATES.get(slug, DemoState.PUBLISHED)))
    return obj


def _timeline(
    loader: Loader, model: type[models.Model], parent: dict[str, int], events: list[Event]
) -> None:
    """Milestones or activities, keyed by their date within the parent."""
    for event in events:
        _, outcome = sync(
            model,
            lookup={**parent, "date": event.date},
            values={**translated("title", event.title), **translated("text", event.text)},
        )
        loader.tally.add(model, outcome)
    dates = [event.date for event in events]
    _delete_extra(loader, model._default_manager.filter(**parent).exclude(date__in=dates))


def _project_photos(spec: dict[str, Any]) -> list[PhotoSpec]:
    """Before and after for finished repairs; before for work under way; a plan otherwise."""
    park = spec["facility_type"] == FacilityType.PARK
    repair = spec["work_kind"] != WorkKind.NEW_CONSTRUCTION
    roles = {
        (Phase.COMPLETED, True): [BEFORE, AFTER],
        (Phase.COMPLETED, False): [AFTER],
        (Phase.UNDER_CONSTRUCTION, True): [BEFORE, GENERAL],
    }.get((spec["phase"], repair), [GENERAL])
    return [PhotoSpec(role, PROJECT_THEMES[park, role]) for role in roles]


def _photos(
    loader: Loader, owner: models.Model, slug: str, spec: dict[str, Any], photos: list[PhotoSpec]
) -> None:
    sync_photos(
        owner,
        slug=slug,
        title=spec["title"],
        specs=photos,
        tally=loader.tally,
        new_files=loader.new_files,
    )


def _delete_extra(loader: Loader, queryset: models.QuerySet) -> None:
    # Children no longer in the demo content (e.g. after an edit to it) go away.
    count = queryset.count()
    if count:
        queryset.delete()
        loader.tally.add(queryset.model, "deleted", count)
