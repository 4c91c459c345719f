"""Unsaved rows of `seedbulk`'s synthetic record, drawn from one seeded random generator.

Each `build_*` function returns one `Plan`: a publishable item (not yet saved) with its inline
children, many-to-many targets and photos, valid for every constraint of its model. Values
vary the way the real record does (sectors, years 2022–2026, cities, currencies, phases,
cohorts, editorial states); texts are filled in all three languages from
`demo.bulk_vocabulary`. The same seed gives the same record.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from aid.models import AidItem, AidPackage, DeliveryStatus, Sector
from demo import bulk_vocabulary as vocab
from demo.bulk_media import Original
from demo.bulk_money import RATE_SOURCES, USD_RATES, round_sum, usd
from demo.bulk_texts import labelled, per_language, sentences, untranslated
from demo.content import Text, translated
from editorial.dates import DatePrecision
from editorial.models import Photo, Status
from editorial.money import Currency
from people.models import (
    Cohort,
    PartnershipActivity,
    PartnershipKind,
    Programme,
    RehabilitationGroup,
    SisterCityPartnership,
)
from projects.models import FacilityType, Milestone, Phase, ReconstructionProject, WorkKind

SLUG_PREFIX = "bulk-"
SOURCE_URL_PREFIX = "https://seedbulk.example.org/"
FIRST_DAY, LAST_DAY = dt.date(2022, 1, 1), dt.date(2026, 10, 31)


@dataclass(frozen=True)
class Directory:
    """Primary keys of the organisations, places and sources that items point at, with the
    names texts quote."""

    ua_regions: list[int]
    ua_cities: list[int]
    az_cities: list[int]
    funders: list[int]
    recipients: list[int]
    hosts: list[int]
    builders: list[int]
    sources: list[int]
    names: dict[tuple[str, int], Text]  # ("place" | "org", pk) -> name
    coordinates: dict[int, tuple[Decimal, Decimal]]  # city pk -> (latitude, longitude)


@dataclass
class Plan:
    """One item to insert: the row, its inline children (each with photos of its own), its
    many-to-many targets and its photos. Foreign keys to the item are filled once it has a pk."""

    obj: models.Model
    children: dict[str, list[tuple[models.Model, list[Photo]]]] = field(default_factory=dict)
    m2m: dict[str, list[int]] = field(default_factory=dict)
    photos: list[Photo] = field(default_factory=list)


class Builder:
    """Draws plans from one random generator; `now` places scheduled and expired items."""

    def __init__(
        self, *, seed: int, now: dt.datetime, directory: Directory, originals: list[Original]
    ) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.dir = directory
        self.originals = originals
        self.content_types = {
            model: ContentType.objects.get_for_model(model).pk
            for model in (
                AidPackage,
                ReconstructionProject,
                Milestone,
                RehabilitationGroup,
                SisterCityPartnership,
            )
        }

    # --- Aid packages ---------------------------------------------------------------------

    def aid_package(self, number: int) -> Plan:
        rng = self.rng
        sector = rng.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()))[0]
        city = rng.choice(self.dir.ua_cities)
        origin = rng.choice(self.dir.az_cities)
        funder = rng.choice(self.dir.funders)
        recipient = rng.choice(self.dir.recipients) if rng.random() < 0.9 else None
        decided, decided_precision = self._imprecise(self._day())
        status = rng.choices(
            (DeliveryStatus.DELIVERED, DeliveryStatus.IN_TRANSIT, DeliveryStatus.PLEDGED),
            weights=(70, 15, 15),
        )[0]
        dispatched = delivered = None
        if status != DeliveryStatus.PLEDGED:
            dispatched = decided + dt.timedelta(days=rng.randint(3, 60))
        if status == DeliveryStatus.DELIVERED:
            delivered = dispatched + dt.timedelta(days=rng.randint(2, 20))
        currency = rng.choices(list(USD_RATES), weights=(55, 25, 15, 5))[0]
        rate = USD_RATES[currency][decided.year]
        # A round sum in its own currency, about 20 thousand to 5 million dollars' worth.
        value = round_sum(Decimal(rng.randrange(20_000, 5_000_000)) / rate)
        if rng.random() < 0.05:
            value = None  # the sources give no value
        kinds = vocab.SECTOR_ITEMS[sector]
        items = [self._aid_item(order, *rng.choice(kinds)) for order in range(rng.randint(2, 6))]
        month = vocab.MONTHS[decided.month - 1]
        title = per_language(
            lambda s, c, m: f"{s} — {c}, {m} {decided.year}",
            vocab.SECTOR_WORDS[sector],
            self._name("place", city),
            month,
        )
        summary = sentences(
            labelled(vocab.LABELS["funder"], self._name("org", funder)),
            labelled(vocab.LABELS["recipient"], self._name("org", recipient))
            if recipient
            else None,
            labelled(vocab.LABELS["items"], untranslated(str(len(items)))),
        )
        legal = rng.choice(vocab.LEGAL_BASES)
        package = AidPackage(
            slug=f"{SLUG_PREFIX}aid-{number:06d}-{sector}-{decided.year}".replace("_", "-"),
            **translated("title", title),
            **translated("summary", summary),
            **translated("body", self._body(vocab.AID_SENTENCES, summary)),
            **translated("legal_basis", per_language(lambda s: f"{s}, {decided:%d.%m.%Y}", legal)),
            sector=sector,
            decided_on=decided,
            decided_on_precision=decided_precision,
            dispatched_on=dispatched,
            delivered_on=delivered,
            delivery_status=status,
            value=value,
            currency=currency,
            value_usd=usd(value * rate) if value is not None else None,
            exchange_rate=rate if value is not None else None,
            exchange_rate_date=decided if value is not None and currency != Currency.USD else None,
            exchange_rate_source=RATE_SOURCES[currency] if value is not None else "",
            funder_id=funder,
            recipient_id=recipient,
            origin_id=origin,
            **self._state(decided),
        )
        return Plan(
            package,
            children={"items": [(item, []) for item in items]},
            m2m={"sources": self._sample(self.dir.sources, 1, 3)},
            photos=self._photos(AidPackage, title, ["general"] * rng.randint(1, 3)),
        )

    def _aid_item(self, order: int, kind: str, unit: str) -> AidItem:
        low, high = vocab.QUANTITY_RANGES[unit]
        quantity = Decimal(self.rng.randint(low, high)) if self.rng.random() < 0.9 else None
        description = self.rng.choice(vocab.ITEM_DESCRIPTIONS[kind])
        return AidItem(
            kind=kind,
            quantity=quantity,
            unit=unit,
            order=order,
            **translated("description", description),
        )

    # --- Reconstruction projects ----------------------------------------------------------

    def project(self, number: int) -> Plan:
        rng = self.rng
        city = rng.choice(self.dir.ua_cities)
        facility = rng.choice(FacilityType.values)
        work = rng.choices(WorkKind.values, weights=(45, 35, 20))[0]
        phase = rng.choices(Phase.values, weights=(10, 10, 15, 30, 30, 5))[0]
        planned_start = self._day(last=dt.date(2025, 12, 31))
        planned_end = planned_start + dt.timedelta(days=rng.randint(120, 900))
        actual_start = actual_end = None
        if phase in (Phase.UNDER_CONSTRUCTION, Phase.COMPLETED, Phase.ON_HOLD):
            actual_start = planned_start + dt.timedelta(days=rng.randint(0, 90))
        if phase == Phase.COMPLETED:
            actual_end = actual_start + dt.timedelta(days=rng.randint(90, 700))
        currency = rng.choices(list(USD_RATES), weights=(60, 25, 10, 5))[0]
        rate = USD_RATES[currency][planned_start.year]
        budget = round_sum(Decimal(rng.randrange(100_000, 30_000_000)) / rate)
        street, house = rng.choice(vocab.STREETS), rng.randint(1, 140)
        lat = lon = None
        if rng.random() < 0.6:
            lat, lon = self._near(city)
        city_name = self._name("place", city)
        title = per_language(
            lambda f, c, s: f"{f} — {c}, {s} {house}",
            vocab.FACILITY_WORDS[facility],
            city_name,
            street,
        )
        summary = sentences(
            labelled(vocab.LABELS["work"], vocab.WORK_WORDS[work]),
            labelled(vocab.LABELS["phase"], vocab.PHASE_WORDS[phase]),
            labelled(vocab.LABELS["city"], city_name),
        )
        address = Text(
            f"{house} {street.en} {vocab.LABELS['street'].en}",
            f"{vocab.LABELS['street'].uk} {street.uk}, {house}",
            f"{street.az} {vocab.LABELS['street'].az}, {house}",
        )
        project = ReconstructionProject(
            slug=f"{SLUG_PREFIX}project-{number:05d}-{facility}".replace("_", "-"),
            **translated("title", title),
            **translated("summary", summary),
            **translated("body", self._body(vocab.PROJECT_SENTENCES, summary)),
            **translated("address", address),
            place_id=city,
            latitude=lat,
            longitude=lon,
            facility_type=facility,
            work_kind=work,
            phase=phase,
            planned_start=planned_start,
            planned_completion=planned_end,
            actual_start=actual_start,
            actual_completion=actual_end,
            budget=budget,
            currency=currency,
            budget_usd=usd(budget * rate),
            **self._state(planned_start),
        )
        roles = {
            Phase.COMPLETED: ["before", "after"],
            Phase.UNDER_CONSTRUCTION: ["before", "general"],
        }.get(phase, ["general"])
        return Plan(
            project,
            children={"milestones": self._milestones(planned_start, actual_end or planned_end)},
            m2m={
                "funders": self._sample(self.dir.funders, 1, 2),
                "implementing_partners": self._sample(self.dir.builders, 0, 2),
                "sources": self._sample(self.dir.sources, 1, 3),
            },
            photos=self._photos(ReconstructionProject, title, roles),
        )

    def _milestones(self, start: dt.date, end: dt.date) -> list[tuple[models.Model, list[Photo]]]:
        count = self.rng.randint(2, 6)
        step = max(1, (end - start).days // count)
        milestones = []
        for index, title in enumerate(self.rng.sample(vocab.MILESTONES, count)):
            text = self.rng.choice(vocab.MILESTONE_TEXTS) if self.rng.random() < 0.6 else None
            milestone = Milestone(
                date=start + dt.timedelta(days=index * step + self.rng.randint(0, step - 1)),
                **translated("title", title),
                **translated("text", text),
            )
            photos = self._photos(Milestone, title, ["general"]) if self.rng.random() < 0.3 else []
            milestones.append((milestone, photos))
        return milestones

    # --- Rehabilitation groups ------------------------------------------------------------

    def group(self, number: int) -> Plan:
        rng = self.rng
        arrived, precision = self._imprecise(self._day())
        departed = None
        if precision == DatePrecision.DAY and rng.random() < 0.8:
            departed = arrived + dt.timedelta(days=rng.randint(10, 30))
        cohort = rng.choice(Cohort.values)
        programme = rng.choice(Programme.values)
        children = rng.randint(10, 120)
        host_place = rng.choice(self.dir.az_cities)
        season = vocab.SEASONS[(arrived.month % 12) // 3]
        title = per_language(
            lambda g, s, p: f"{g} — {s} {arrived.year}, {p}",
            vocab.GROUP_WORD,
            season,
            self._name("place", host_place),
        )
        summary = sentences(
            labelled(vocab.LABELS["children"], untranslated(str(children))),
            labelled(vocab.LABELS["cohort"], vocab.COHORT_WORDS[cohort]),
            labelled(vocab.LABELS["programme"], vocab.PROGRAMME_WORDS[programme]),
        )
        group = RehabilitationGroup(
            slug=f"{SLUG_PREFIX}group-{number:04d}-{arrived.year}",
            **translated("title", title),
            **translated("summary", summary),
            **translated("body", self._body(vocab.GROUP_SENTENCES, summary)),
            arrived_on=arrived,
            arrived_on_precision=precision,
            departed_on=departed,
            children_count=children,
            adults_count=rng.randint(1, 15) if rng.random() < 0.7 else None,
            cohort=cohort,
            programme=programme,
            host_institution_id=rng.choice(self.dir.hosts) if rng.random() < 0.9 else None,
            host_place_id=host_place,
            **self._state(arrived),
        )
        photos = self._photos(RehabilitationGroup, title, ["general"] * rng.randint(1, 2))
        for photo in photos:
            # Children are in the pictures of most groups; a few lack consent and stay hidden.
            photo.shows_minors = rng.random() < 0.9
            photo.consent_on_file = photo.shows_minors and rng.random() < 0.94
        return Plan(
            group,
            m2m={
                "home_regions": self._sample(self.dir.ua_regions, 1, 3),
                "partners": self._sample(self.dir.recipients, 1, 2),
                "sources": self._sample(self.dir.sources, 1, 2),
            },
            photos=photos,
        )

    # --- Sister-city partnerships ---------------------------------------------------------

    def partnership(self, number: int, pair: tuple[int, int]) -> Plan:
        rng = self.rng
        ukrainian, azerbaijani = pair
        kind = rng.choice(PartnershipKind.values)
        established = self._day() if rng.random() < 0.8 else None
        title = per_language(
            lambda u, a, x: f"{u} {x} {a}",
            self._name("place", ukrainian),
            self._name("place", azerbaijani),
            vocab.AND,
        )
        summary = sentences(
            labelled(vocab.LABELS["kind"], vocab.PARTNERSHIP_WORDS[kind]),
            rng.choice(vocab.PARTNERSHIP_SENTENCES),
        )
        start = established or FIRST_DAY
        activities = [
            (
                PartnershipActivity(
                    date=self._day(first=start),
                    **translated("title", rng.choice(vocab.ACTIVITIES)),
                    **translated("text", rng.choice(vocab.PARTNERSHIP_SENTENCES)),
                ),
                [],
            )
            for _ in range(rng.randint(1, 5))
        ]
        partnership = SisterCityPartnership(
            slug=f"{SLUG_PREFIX}partnership-{number:04d}",
            **translated("title", title),
            **translated("summary", summary),
            **translated("body", self._body(vocab.PARTNERSHIP_SENTENCES, summary)),
            ukrainian_place_id=ukrainian,
            azerbaijani_place_id=azerbaijani,
            established_on=established,
            kind=kind,
            **self._state(start),
        )
        return Plan(
            partnership,
            children={"activities": activities},
            m2m={"sources": self._sample(self.dir.sources, 1, 2)},
            photos=self._photos(SisterCityPartnership, title, ["general"] * rng.randint(1, 2)),
        )

    # --- Shared pieces --------------------------------------------------------------------

    def _state(self, dated: dt.date) -> dict[str, Any]:
        """Editorial state and audit stamps: mostly live, the rest draft, in review, archived,
        scheduled to go live or expired. Stamps follow the item's own date."""
        rng = self.rng
        state = rng.choices(list(STATE_WEIGHTS), weights=list(STATE_WEIGHTS.values()))[0]
        created = dt.datetime.combine(
            dated, dt.time(rng.randint(8, 18), rng.randint(0, 59)), tzinfo=dt.UTC
        ) + dt.timedelta(days=rng.randint(0, 20))
        created = min(created, self.now - dt.timedelta(days=2))
        values: dict[str, Any] = {"created_at": created, "version": 1, "status": Status.DRAFT}
        if state == "draft":
            return values
        values.update(status=Status.IN_REVIEW, version=2)
        if state == "in_review":
            return values
        reviewed = created + dt.timedelta(hours=rng.randint(2, 72))
        values.update(
            status=Status.PUBLISHED, version=3, reviewed_at=reviewed, published_at=reviewed
        )
        if state == "scheduled":
            values["publish_at"] = self.now + dt.timedelta(days=rng.randint(1, 30))
        elif state == "expired":
            values["publish_at"] = reviewed
            values["expire_at"] = self.now - dt.timedelta(days=rng.randint(1, 30))
            values["expire_at"] = max(values["expire_at"], reviewed + dt.timedelta(hours=1))
        elif state == "archived":
            values.update(status=Status.ARCHIVED, version=4)
        return values

    def _photos(self, model: type[models.Model], title: Text, roles: list[str]) -> list[Photo]:
        photos = []
        for order, role in enumerate(roles):
            original = self.rng.choice(self.originals)
            caption = per_language(lambda c, t: f"{c}: {t}", vocab.PHOTO_CAPTIONS[role], title)
            photos.append(
                Photo(
                    content_type_id=self.content_types[model],
                    image=original.name,
                    width=original.width,
                    height=original.height,
                    **translated("caption", caption),
                    **translated("alt_text", vocab.PHOTO_ALT),
                    credit=self.rng.choice(vocab.CREDITS),
                    taken_on=None,
                    role=role,
                    order=order,
                )
            )
        return photos

    def _body(self, pool: tuple[Text, ...], summary: Text) -> Text:
        return sentences(summary, *self.rng.sample(pool, min(len(pool), self.rng.randint(2, 3))))

    def _day(self, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
        span = max(0, (last - first).days)
        return first + dt.timedelta(days=self.rng.randint(0, span))

    def _imprecise(self, day: dt.date) -> tuple[dt.date, str]:
        """Most dates are exact; some sources give only the month or the year."""
        roll = self.rng.random()
        if roll < 0.05:
            return day.replace(month=1, day=1), DatePrecision.YEAR
        if roll < 0.2:
            return day.replace(day=1), DatePrecision.MONTH
        return day, DatePrecision.DAY

    def _near(self, city: int) -> tuple[Decimal, Decimal]:
        """A site within about two kilometres of the city centre."""
        lat, lon = self.dir.coordinates[city]
        north, east = (Decimal(self.rng.randint(-200, 200)) / 10_000 for _ in range(2))
        return lat + north, lon + east

    def _sample(self, pks: list[int], low: int, high: int) -> list[int]:
        return sorted(self.rng.sample(pks, min(len(pks), self.rng.randint(low, high))))

    def _name(self, kind: str, pk: int) -> Text:
        return self.dir.names[kind, pk]


SECTOR_WEIGHTS = {
    Sector.ENERGY: 30,
    Sector.DEMINING: 10,
    Sector.MEDICAL: 15,
    Sector.FOOD_ESSENTIALS: 15,
    Sector.FUEL: 10,
    Sector.REHABILITATION: 5,
    Sector.RECONSTRUCTION: 10,
    Sector.OTHER: 5,
}
# About 85% published (a few of them scheduled or expired), the rest in the other states.
STATE_WEIGHTS = {
    "published": 82,
    "scheduled": 1.5,
    "expired": 1.5,
    "draft": 7,
    "in_review": 4,
    "archived": 4,
}
