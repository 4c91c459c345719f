"""How aid packages and their items look in the partner API."""

from __future__ import annotations

from rest_framework import serializers

from aid.models import AidItem, AidPackage, ReportedFigure
from api.serializers import (
    ApproximateDateField,
    DetailUrlField,
    OrganizationSummarySerializer,
    PlaceSummarySerializer,
    PublishableSerializer,
    SourceSerializer,
)


class AidItemSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField(help_text="E.g. 'Generator: 10 pieces'.")

    class Meta:
        model = AidItem
        fields = ["kind", "description", "quantity", "unit", "label"]

    def get_label(self, item: AidItem) -> str:
        return str(item)


class AidPackageSerializer(PublishableSerializer):
    url = DetailUrlField("api:aidpackage-detail")
    dac_code = serializers.CharField(read_only=True, help_text="OECD DAC 5-digit purpose code.")
    decided_on = ApproximateDateField()
    dispatched_on = ApproximateDateField()
    delivered_on = ApproximateDateField()
    funder = OrganizationSummarySerializer(read_only=True)
    recipient = OrganizationSummarySerializer(read_only=True, allow_null=True)
    origin = PlaceSummarySerializer(read_only=True, allow_null=True)
    items = AidItemSerializer(many=True, read_only=True)

    class Meta:
        model = AidPackage
        fields = PublishableSerializer.fields_with(
            "sector",
            "dac_code",
            "delivery_status",
            "decided_on",
            "legal_basis",
            "dispatched_on",
            "delivered_on",
            "value",
            "currency",
            "value_usd",
            "exchange_rate",
            "exchange_rate_date",
            "exchange_rate_source",
            "funder",
            "recipient",
            "origin",
            "items",
        )


class ReportedFigureSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)

    class Meta:
        model = ReportedFigure
        fields = ["metric", "title", "summary", "value", "qualifier", "as_of", "source"]


class AmountByStatusSerializer(serializers.Serializer):
    pledged = serializers.DecimalField(max_digits=18, decimal_places=2)
    in_transit = serializers.DecimalField(max_digits=18, decimal_places=2)
    delivered = serializers.DecimalField(max_digits=18, decimal_places=2)


class AidTotalSerializer(serializers.Serializer):
    packages = serializers.IntegerField(help_text="Published packages in this group.")
    packages_without_usd = serializers.IntegerField(
        help_text="Of those, how many have no USD value: the sums leave them out."
    )
    usd = AmountByStatusSerializer(help_text="Sum of value_usd by delivery status.")


class AidBySectorSerializer(AidTotalSerializer):
    sector = serializers.ChoiceField(choices=AidPackage._meta.get_field("sector").choices)


class AidByYearSerializer(AidTotalSerializer):
    year = serializers.IntegerField(allow_null=True, help_text="Year of decision; null if unknown.")


class AidByYearAndSectorSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Year of decision.")
    sector = serializers.ChoiceField(choices=AidPackage._meta.get_field("sector").choices)
    usd = serializers.DecimalField(
        max_digits=18, decimal_places=2, help_text="Sum of value_usd, whatever the status."
    )
    packages = serializers.IntegerField()


class ItemTotalSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AidItem.Kind.choices)
    unit = serializers.ChoiceField(choices=AidItem.Unit.choices)
    quantity = serializers.DecimalField(
        max_digits=18, decimal_places=2, help_text="Sum of the stated quantities."
    )
    packages = serializers.IntegerField(help_text="Published packages with items of this kind.")
    items_without_quantity = serializers.IntegerField(
        help_text="Items of this kind listed without a quantity: the sum leaves them out."
    )


class AidStatsSerializer(serializers.Serializer):
    aid_by_sector = AidBySectorSerializer(many=True)
    aid_by_year = AidByYearSerializer(many=True)
    aid_by_year_and_sector = AidByYearAndSectorSerializer(
        many=True,
        help_text="USD by year of decision and sector; packages without a decision date or "
        "a USD value are left out (they are in aid_by_sector).",
    )
    usd_by_status = AmountByStatusSerializer(
        help_text="Sum of value_usd over all published packages, by delivery status."
    )
    packages_without_usd = serializers.IntegerField(
        help_text="Published packages without a USD value: no sum includes them."
    )
    items = ItemTotalSerializer(many=True)
    reported_figures = ReportedFigureSerializer(
        many=True, help_text="Official cumulative figures, beside what the record itemises."
    )
