"""The IATI 2.03 activity file itself: `Activity` values (api/iati.py) written as XML, in the
order the schema's `xsd:sequence` demands, and the streamed view. It knows none of the apps:
`config/api.py` hands the view their `ActivitySource`s.

The XML is built with the standard library (lxml is only a test dependency), one activity at a
time, so the file streams with flat memory whatever the number of records.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponseBase, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from modeltranslation.settings import AVAILABLE_LANGUAGES
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from api.iati import (
    DEFAULT_LANGUAGE,
    DESCRIPTION_GENERAL,
    DESCRIPTION_OTHER,
    DOCUMENT_CATEGORY_WEB_PAGE,
    EXACTNESS,
    IATI_VERSION,
    LOCATION_CLASS,
    ORGANISATION_TYPES,
    SECTOR_VOCABULARY_DAC,
    SRS_WGS84,
    XML_LANG,
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivitySource,
    Location,
    Money,
    OrganisationRole,
    Participant,
    Texts,
    Transaction,
    translations,
)
from api.negotiation import OneFormatNegotiation
from api.schema import BAD_REQUEST
from api.streaming import in_chunks, last_change, state_text, weak_etag
from api.viewsets import PartnerApiMixin
from editorial.dates import DatePrecision
from editorial.models import Organization, Publishable

# XML 1.0 cannot carry these characters at all, even escaped; a stray one pasted into a text
# field would make the whole file unreadable, so it is dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class ReportingOrg:
    ref: str
    type: str
    name: str

    @classmethod
    def from_settings(cls) -> ReportingOrg:
        return cls(
            ref=settings.IATI_REPORTING_ORG_REF,
            type=settings.IATI_REPORTING_ORG_TYPE,
            name=settings.IATI_REPORTING_ORG_NAME,
        )


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _decimal(value: Decimal) -> str:
    # xsd:decimal has no exponent: Decimal("1E+6") must be written 1000000.
    return format(value, "f")


def _datetime(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _element(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, tag, {key.replace("_", "-"): v for key, v in attributes.items()})


def _narratives(parent: ET.Element, texts: Texts) -> ET.Element:
    for lang in AVAILABLE_LANGUAGES:
        if not texts.get(lang):
            continue
        narrative = ET.SubElement(parent, "narrative")
        if lang != DEFAULT_LANGUAGE:
            narrative.set(XML_LANG, lang)
        narrative.text = _text(texts[lang])
    return parent


def _organization(parent: ET.Element, tag: str, organization: Organization, **attrs: str) -> None:
    if organization.iati_identifier:
        attrs["ref"] = organization.iati_identifier
    if organization.kind in ORGANISATION_TYPES:
        attrs["type"] = ORGANISATION_TYPES[organization.kind]
    _narratives(_element(parent, tag, **attrs), translations(organization, "name"))


def _value(parent: ET.Element, money: Money) -> None:
    value = _element(
        parent, "value", currency=money.currency, value_date=money.value_date.isoformat()
    )
    value.text = _decimal(money.amount)


def _first_publication(record: Publishable) -> ActivityDate:
    # The schema needs at least one activity-date; when the sources give none, the file says
    # when the record went public rather than inventing a date for the aid itself.
    when = timezone.localdate(record.published_at or record.created_at)
    note = "No date reported; the date the record was first published."
    return ActivityDate(ActivityDateType.PLANNED_START, when, note=note)


PRECISION_NOTES = {
    DatePrecision.MONTH: "Known to the month only.",
    DatePrecision.YEAR: "Known to the year only.",
}


class ActivityWriter:
    """Writes `Activity` values as `<iati-activity>` elements, in the schema's order."""

    def __init__(self, *, reporting_org: ReportingOrg, absolute_url: Callable[[str], str]) -> None:
        self.reporting_org = reporting_org
        self.absolute_url = absolute_url

    def header(self, generated: dt.datetime) -> str:
        attributes = f'version="{IATI_VERSION}" generated-datetime="{_datetime(generated)}"'
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities {attributes}>\n'

    footer = "</iati-activities>\n"

    def to_bytes(self, activity: Activity) -> bytes:
        # encoding="utf-8" writes no XML declaration: the file's header has the only one.
        return ET.tostring(self.element(activity), encoding="utf-8") + b"\n"

    def element(self, activity: Activity) -> ET.Element:
        record = activity.record
        root = ET.Element(
            "iati-activity",
            {
                "last-updated-datetime": _datetime(record.updated_at),
                XML_LANG: DEFAULT_LANGUAGE,
                "humanitarian": "1",
            },
        )
        org = self.reporting_org
        ET.SubElement(root, "iati-identifier").text = _text(f"{org.ref}-{activity.local_id}")
        _narratives(
            _element(root, "reporting-org", ref=org.ref, type=org.type),
            {DEFAULT_LANGUAGE: org.name},
        )
        _narratives(ET.SubElement(root, "title"), activity.title)
        _narratives(_element(root, "description", type=DESCRIPTION_GENERAL), activity.description)
        if activity.details:
            _narratives(_element(root, "description", type=DESCRIPTION_OTHER), activity.details)
        self._participants(root, activity.participants)
        _element(root, "activity-status", code=str(activity.status.value))
        for date in activity.dates or [_first_publication(record)]:
            element = _element(root, "activity-date", type=str(date.kind.value))
            element.set("iso-date", date.date.isoformat())
            note = date.note or PRECISION_NOTES.get(date.precision)
            if note:
                _narratives(element, {DEFAULT_LANGUAGE: note})
        _element(root, "recipient-country", code="UA", percentage="100")
        for location in activity.locations:
            self._location(root, location)
        _element(root, "sector", vocabulary=SECTOR_VOCABULARY_DAC, code=activity.sector)
        for budget in activity.budgets:
            element = _element(root, "budget", type="1")  # BudgetType 1: original
            _element(element, "period-start", iso_date=budget.start.isoformat())
            _element(element, "period-end", iso_date=budget.end.isoformat())
            _value(element, budget.value)
        for transaction in activity.transactions:
            self._transaction(root, transaction)
        self._pages(root, activity)
        return root

    def _participants(self, root: ET.Element, participants: Sequence[Participant]) -> None:
        if not participants:
            # The schema needs one: the reporting organisation answers for the record.
            org = self.reporting_org
            element = _element(root, "participating-org", ref=org.ref, type=org.type)
            element.set("role", str(OrganisationRole.ACCOUNTABLE.value))
            _narratives(element, {DEFAULT_LANGUAGE: org.name})
        for participant in participants:
            _organization(
                root,
                "participating-org",
                participant.organization,
                role=str(participant.role.value),
            )

    def _location(self, root: ET.Element, location: Location) -> None:
        element = ET.SubElement(root, "location")
        if location.name:
            _narratives(ET.SubElement(element, "name"), location.name)
        if location.description:
            _narratives(ET.SubElement(element, "description"), location.description)
        point = _element(element, "point", srsName=SRS_WGS84)
        pos = f"{_decimal(location.latitude)} {_decimal(location.longitude)}"
        ET.SubElement(point, "pos").text = pos
        _element(element, "exactness", code=EXACTNESS[location.exact])
        _element(element, "location-class", code=LOCATION_CLASS[location.exact])

    def _transaction(self, root: ET.Element, transaction: Transaction) -> None:
        element = ET.SubElement(root, "transaction")
        _element(element, "transaction-type", code=str(transaction.kind.value))
        _element(element, "transaction-date", iso_date=transaction.date.isoformat())
        _value(element, transaction.value)
        if transaction.provider is not None:
            _organization(element, "provider-org", transaction.provider)
        if transaction.receiver is not None:
            _organization(element, "receiver-org", transaction.receiver)

    def _pages(self, root: ET.Element, activity: Activity) -> None:
        """A link to the public page in each language, titled in that language."""
        for lang in AVAILABLE_LANGUAGES:
            with translation.override(lang):
                url = self.absolute_url(activity.record.get_absolute_url())
            element = _element(root, "document-link", url=url, format="text/html")
            # A page without a title in its language shows the English one (untagged: English
            # is the activity's default language).
            title = activity.title.get(lang)
            texts = {lang: title} if title else {DEFAULT_LANGUAGE: activity.title[DEFAULT_LANGUAGE]}
            _narratives(ET.SubElement(element, "title"), texts)
            _element(element, "category", code=DOCUMENT_CATEGORY_WEB_PAGE)
            _element(element, "language", code=lang)


def stream_activities(
    writer: ActivityWriter, rows: Iterable[tuple[QuerySet, Callable[[Any], Activity]]]
) -> Iterator[bytes]:
    """The whole file, one activity at a time, reading rows a chunk at a time."""
    yield writer.header(timezone.now()).encode()
    for queryset, build in rows:
        for chunk in in_chunks(queryset):
            for record in chunk:
                yield writer.to_bytes(build(record))
    yield writer.footer.encode()


# --- The view ---------------------------------------------------------------------------------


class IatiXmlRenderer(BaseRenderer):
    """Names the file's media type for content negotiation and the schema. The file itself
    streams past the renderer; errors are answered as JSON (`PartnerApiMixin`)."""

    media_type = "application/xml"
    format = "xml"
    charset = "utf-8"

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return JSONRenderer().render(data, accepted_media_type, renderer_context)


class IatiActivitiesView(PartnerApiMixin, APIView):
    """Every published aid package and reconstruction project as an activity of the
    [IATI Activity Standard 2.03](https://iatistandard.org/en/iati-standard/203/activity-standard/),
    in one XML file that validates against the official schema.

    Each activity carries its texts in English (the default language), Ukrainian and
    Azerbaijani (`xml:lang`), so `?lang=` changes nothing here. Identifiers are the reporting
    organisation's identifier followed by `-AID-<id>` or `-PRJ-<id>`, stable over time.
    Aid packages give their funder and recipient, delivery status (pledged 1, in transit 2,
    delivered 4), decision, dispatch and delivery dates, DAC sector and their value as a
    commitment (on the decision date) and a disbursement (once delivered), in the currency
    officially stated, else USD. Projects give their funders and implementing partners, phase
    (on hold 6), planned and actual dates, the site's coordinates, a DAC sector by facility
    (schools 11120, clinics and hospitals 12230, culture 16061, sport 16065, housing 16040,
    parks 43030, shelters 73010) and their budget. A date known only to the month or the year
    is the first day of that period, with a narrative saying so. Every activity links to its
    public page in each language.

    The file is streamed. Its ETag and Last-Modified change whenever a published record is
    edited, goes live or expires: send them back in If-None-Match or If-Modified-Since to get
    304 when nothing changed.
    """

    renderer_classes: ClassVar[list] = [IatiXmlRenderer]
    content_negotiation_class = OneFormatNegotiation
    # Set by `as_view(sources=...)` in config/api.py: the apps whose records are activities.
    sources: Sequence[ActivitySource] = ()

    @extend_schema(
        operation_id="iati_activities",
        parameters=[
            OpenApiParameter(
                "lang",
                OpenApiTypes.STR,
                enum=list(AVAILABLE_LANGUAGES),
                description="Accepted for symmetry; the file carries every language.",
            ),
            OpenApiParameter("format", OpenApiTypes.STR, enum=["xml"], description="Only xml."),
            OpenApiParameter(
                "If-Modified-Since",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description="The Last-Modified of a file you hold: 304 if it is current.",
            ),
            OpenApiParameter(
                "Last-Modified",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                response=[200, 304],
                description="When a published record last changed; absent when there is none.",
            ),
        ],
        responses={
            (200, "application/xml"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="An `<iati-activities>` document (IATI 2.03), UTF-8.",
            ),
            (304, "application/xml"): OpenApiResponse(
                description="Not modified since the ETag or date sent (no body)."
            ),
            (400, "application/json"): BAD_REQUEST,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        # Counted before streaming: the body-hash ETag of PartnerApiMiddleware cannot see a
        # streamed body, and a poll that changes nothing should cost no more than these queries.
        states = [last_change(source.model) for source in self.sources]
        changed = max((moment for _, moment in states if moment), default=None)
        reporting_org = ReportingOrg.from_settings()
        etag = weak_etag(
            IATI_VERSION,
            request.get_host(),
            translation.get_language() or "",
            repr(reporting_org),
            *(state_text(state) for state in states),
        )
        last_modified = int(changed.timestamp()) if changed else None

        writer = ActivityWriter(
            reporting_org=reporting_org, absolute_url=request.build_absolute_uri
        )
        # The querysets are made now, so `published()` takes the time of this request.
        rows = [(source.rows(), source.build) for source in self.sources]
        response = StreamingHttpResponse(
            stream_activities(writer, rows), content_type="application/xml; charset=utf-8"
        )
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
