"""Aid packages in the IATI file: one activity per published package."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from modeltranslation.settings import AVAILABLE_LANGUAGES

from aid.models import AidItem, AidPackage, DeliveryStatus
from api.iati import (
    Activity,
    ActivityDate,
    ActivityDateType,
    ActivitySource,
    ActivityStatus,
    Money,
    OrganisationRole,
    Participant,
    Transaction,
    TransactionType,
    translations,
)

# Delivered in-kind aid leaves nothing open: the activity is closed, not "finalising".
DELIVERY_STATUSES: dict[str, ActivityStatus] = {
    DeliveryStatus.PLEDGED: ActivityStatus.PIPELINE,
    DeliveryStatus.IN_TRANSIT: ActivityStatus.IMPLEMENTATION,
    DeliveryStatus.DELIVERED: ActivityStatus.CLOSED,
}


def package_rows() -> QuerySet:
    """Published packages with what an activity shows: funder, recipient and items, by id so
    the file's order is stable."""
    return (
        AidPackage.objects.published()
        .select_related("funder", "recipient")
        .prefetch_related("items")
        .order_by("pk")
    )


def _dates(package: AidPackage) -> list[ActivityDate]:
    # The decision plans the aid; dispatch starts it; delivery ends it.
    dates = []
    for kind, name in (
        (ActivityDateType.PLANNED_START, "decided_on"),
        (ActivityDateType.ACTUAL_START, "dispatched_on"),
        (ActivityDateType.ACTUAL_END, "delivered_on"),
    ):
        value = getattr(package, name)
        if value is not None:
            dates.append(ActivityDate(kind, value, getattr(package, f"{name}_precision")))
    return dates


def _money(package: AidPackage, on: dt.date) -> Money | None:
    """The value as officially stated, else its USD equivalent; dated at the exchange rate's
    date when the record has one."""
    return Money.stated_or_usd(
        package.value, package.currency, package.value_usd, package.exchange_rate_date or on
    )


def _transactions(package: AidPackage) -> list[Transaction]:
    """A commitment on the decision date and a disbursement once delivered, each only when
    its date and a value are known."""
    steps = []
    if package.decided_on is not None:
        steps.append((TransactionType.OUTGOING_COMMITMENT, package.decided_on))
    delivered_on = package.delivered_on or package.dispatched_on
    if package.delivery_status == DeliveryStatus.DELIVERED and delivered_on is not None:
        steps.append((TransactionType.DISBURSEMENT, delivered_on))
    transactions = []
    for kind, on in steps:
        money = _money(package, on)
        if money is not None:
            transactions.append(
                Transaction(kind, on, money, provider=package.funder, receiver=package.recipient)
            )
    return transactions


def _item_line(item: AidItem, lang: str) -> str:
    # The description without falling back to English, so a Ukrainian line stays Ukrainian.
    text = item.label(lang)
    detail = getattr(item, f"description_{lang}", "")
    return f"{text} ({detail})" if detail else text


def _contents(package: AidPackage) -> dict[str, str]:
    items = list(package.items.all())
    if not items:
        return {}
    return {
        lang: "; ".join(_item_line(item, lang) for item in items) for lang in AVAILABLE_LANGUAGES
    }


def package_activity(package: AidPackage) -> Activity:
    participants = [Participant(package.funder, OrganisationRole.FUNDING)]
    if package.recipient is not None:
        # The recipient in Ukraine puts the aid to use: IATI has no "recipient" role.
        participants.append(Participant(package.recipient, OrganisationRole.IMPLEMENTING))
    return Activity(
        record=package,
        local_id=f"AID-{package.pk}",
        title=translations(package, "title"),
        description=translations(package, "summary"),
        details=_contents(package),
        status=DELIVERY_STATUSES[package.delivery_status],
        sector=package.dac_code,
        dates=_dates(package),
        participants=participants,
        transactions=_transactions(package),
    )


AID_ACTIVITIES = ActivitySource(model=AidPackage, rows=package_rows, build=package_activity)
