"""The IATI 2.03 activity file, as the apps describe their records: the codes it uses and one
`Activity` value per published record.

`aid/iati.py` and `projects/iati.py` describe their published records as `Activity` values;
api/iati_xml.py writes them in the order the schema's `xsd:sequence` demands, so the apps never
need to know it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from modeltranslation.settings import AVAILABLE_LANGUAGES

from editorial.dates import DatePrecision
from editorial.models import Organization, OrganizationKind, Publishable
from editorial.money import Currency

IATI_VERSION = "2.03"
# Narratives without xml:lang are in the activity's default language, declared on each activity.
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE  # the language every text has
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- IATI codelists (the codes we use) --------------------------------------------------------


class ActivityStatus(IntEnum):
    PIPELINE = 1
    IMPLEMENTATION = 2
    FINALISATION = 3
    CLOSED = 4
    CANCELLED = 5
    SUSPENDED = 6


class OrganisationRole(IntEnum):
    FUNDING = 1
    ACCOUNTABLE = 2
    EXTENDING = 3
    IMPLEMENTING = 4


class ActivityDateType(IntEnum):
    PLANNED_START = 1
    ACTUAL_START = 2
    PLANNED_END = 3
    ACTUAL_END = 4


class TransactionType(IntEnum):
    OUTGOING_COMMITMENT = 2
    DISBURSEMENT = 3


# IATI OrganisationType for each kind of organisation in the record. State companies (SOCAR,
# Azerishiq) and public institutions (hospitals, schools) are "other public sector", not
# private; municipalities are local government.
ORGANISATION_TYPES: dict[str, str] = {
    OrganizationKind.GOVERNMENT_BODY: "10",  # Government
    OrganizationKind.AGENCY: "10",  # Government (state agencies such as ANAMA)
    OrganizationKind.MUNICIPALITY: "11",  # Local Government
    OrganizationKind.STATE_COMPANY: "15",  # Other Public Sector
    OrganizationKind.INSTITUTION: "15",  # Other Public Sector
    OrganizationKind.NGO: "22",  # National NGO
}
DOCUMENT_CATEGORY_WEB_PAGE = "A12"  # DocumentCategory "Activity web page"
SECTOR_VOCABULARY_DAC = "1"  # OECD DAC CRS purpose codes, 5 digits
DESCRIPTION_GENERAL = "1"
DESCRIPTION_OTHER = "4"
EXACTNESS = {True: "1", False: "2"}  # GeographicExactness: exact, approximate
LOCATION_CLASS = {True: "3", False: "2"}  # GeographicLocationClass: structure, populated place
SRS_WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"


# --- What an app says about one of its records ------------------------------------------------

Texts = Mapping[str, str]  # language code -> text; a missing or empty entry is no translation


@dataclass(frozen=True)
class Participant:
    organization: Organization
    role: OrganisationRole


@dataclass(frozen=True)
class ActivityDate:
    kind: ActivityDateType
    date: dt.date
    # A month- or year-precise date is stored as the first day of its period; IATI has no
    # precision, so the file says so in a narrative.
    precision: str = DatePrecision.DAY
    note: str = ""  # an English narrative, said instead of the precision's


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    value_date: dt.date  # the date an exchange rate would be taken at

    @classmethod
    def stated_or_usd(
        cls, stated: Decimal | None, currency: str, usd: Decimal | None, on: dt.date
    ) -> Money | None:
        """The amount as officially stated, else its USD equivalent, else nothing."""
        if stated is not None:
            return cls(stated, currency, on)
        if usd is not None:
            return cls(usd, Currency.USD, on)
        return None


@dataclass(frozen=True)
class Transaction:
    kind: TransactionType
    date: dt.date
    value: Money
    provider: Organization | None = None
    receiver: Organization | None = None


@dataclass(frozen=True)
class Budget:
    start: dt.date
    end: dt.date
    value: Money


@dataclass(frozen=True)
class Location:
    name: Texts
    latitude: Decimal
    longitude: Decimal
    exact: bool  # the site's own coordinates, not its city's
    description: Texts = field(default_factory=dict)


@dataclass
class Activity:
    """One published record as an IATI activity, before it becomes XML."""

    record: Publishable  # for its public pages, last change and first publication
    local_id: str  # e.g. "AID-12"; the file prefixes the reporting organisation's identifier
    title: Texts
    description: Texts
    status: ActivityStatus
    sector: str  # DAC 5-digit purpose code
    dates: list[ActivityDate] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    details: Texts = field(default_factory=dict)  # a second description ("other"), e.g. contents
    locations: list[Location] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)


@dataclass(frozen=True)
class ActivitySource:
    """One kind of record in the file: its model, its published rows with what `build` reads
    (a queryset made per request, so `published()` sees the request's time), and `build`."""

    model: type[Publishable]
    rows: Callable[[], QuerySet]
    build: Callable[[Any], Activity]


def translations(obj: Any, field_name: str) -> dict[str, str]:
    """A modeltranslation field in every language that has it, without falling back to English:
    a narrative tagged Ukrainian must be Ukrainian."""
    texts = {}
    for lang in AVAILABLE_LANGUAGES:
        value = getattr(obj, f"{field_name}_{lang}", None) or ""
        if value.strip():
            texts[lang] = value
    return texts
