"""How reconstruction projects and their milestones look in the partner API."""

from __future__ import annotations

from rest_framework import serializers

from api.serializers import (
    DetailUrlField,
    OrganizationSummarySerializer,
    PhotoSerializer,
    PlaceSummarySerializer,
    PublishableSerializer,
)
from projects.models import Milestone, Phase, ReconstructionProject


class MilestoneSerializer(serializers.ModelSerializer):
    photos = PhotoSerializer(many=True, read_only=True)

    class Meta:
        model = Milestone
        fields = ["date", "title", "text", "photos"]


class ReconstructionProjectSerializer(PublishableSerializer):
    url = DetailUrlField("api:reconstructionproject-detail")
    place = PlaceSummarySerializer(read_only=True)
    funders = OrganizationSummarySerializer(many=True, read_only=True)
    implementing_partners = OrganizationSummarySerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = ReconstructionProject
        fields = PublishableSerializer.fields_with(
            "facility_type",
            "work_kind",
            "phase",
            "place",
            "address",
            "latitude",
            "longitude",
            "planned_start",
            "planned_completion",
            "actual_start",
            "actual_completion",
            "budget",
            "currency",
            "budget_usd",
            "funders",
            "implementing_partners",
            "milestones",
        )


class ProjectsByPhaseSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=Phase.choices)
    projects = serializers.IntegerField()


class ProjectStatsSerializer(serializers.Serializer):
    projects_by_phase = ProjectsByPhaseSerializer(many=True)
    projects_completed = serializers.IntegerField(help_text="Published projects completed.")
    projects_under_way = serializers.IntegerField(
        help_text="In design or under construction: work has begun."
    )
    projects_not_started = serializers.IntegerField(help_text="Planned or agreed.")
