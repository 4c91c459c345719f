"""How rehabilitation groups and sister-city partnerships look in the partner API.

A group holds counts only: no record of an individual child exists anywhere.
"""

from __future__ import annotations

from rest_framework import serializers

from api.serializers import (
    ApproximateDateField,
    DetailUrlField,
    OrganizationSummarySerializer,
    PlaceSummarySerializer,
    PublishableSerializer,
)
from people.models import PartnershipActivity, RehabilitationGroup, SisterCityPartnership


class RehabilitationGroupSerializer(PublishableSerializer):
    url = DetailUrlField("api:rehabilitationgroup-detail")
    arrived_on = ApproximateDateField()
    home_regions = PlaceSummarySerializer(many=True, read_only=True)
    host_institution = OrganizationSummarySerializer(read_only=True, allow_null=True)
    host_place = PlaceSummarySerializer(read_only=True, allow_null=True)
    partners = OrganizationSummarySerializer(many=True, read_only=True)

    class Meta:
        model = RehabilitationGroup
        fields = PublishableSerializer.fields_with(
            "cohort",
            "programme",
            "arrived_on",
            "departed_on",
            "children_count",
            "adults_count",
            "home_regions",
            "host_institution",
            "host_place",
            "partners",
        )


class PartnershipActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = PartnershipActivity
        fields = ["date", "title", "text"]


class SisterCityPartnershipSerializer(PublishableSerializer):
    url = DetailUrlField("api:sistercitypartnership-detail")
    ukrainian_place = PlaceSummarySerializer(read_only=True)
    azerbaijani_place = PlaceSummarySerializer(read_only=True)
    activities = PartnershipActivitySerializer(many=True, read_only=True)

    class Meta:
        model = SisterCityPartnership
        fields = PublishableSerializer.fields_with(
            "kind",
            "established_on",
            "ukrainian_place",
            "azerbaijani_place",
            "activities",
        )


class PeopleStatsSerializer(serializers.Serializer):
    children_rehabilitated = serializers.IntegerField(
        help_text="Children in published rehabilitation groups (the record's own sum; see "
        "reported_figures for the official total)."
    )
    rehabilitation_groups = serializers.IntegerField()
    partnerships = serializers.IntegerField(help_text="Published sister-city partnerships.")
    partner_places_ukraine = serializers.IntegerField(
        help_text="Distinct Ukrainian cities and regions in those partnerships."
    )
    partner_places_azerbaijan = serializers.IntegerField(
        help_text="Distinct Azerbaijani cities and regions in those partnerships."
    )
