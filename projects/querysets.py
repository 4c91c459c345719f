"""What the public pages of reconstruction projects read, declared once per page kind."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Avg, Count, F, Model, Prefetch, QuerySet, Value

from editorial.joint_prefetch import JointPrefetch, set_prefetched
from editorial.models import Organization, Place
from editorial.publishing import PublishableQuerySet

# A project's relations to organisations, with their names from the organisation's side.
ORGANISATION_RELATIONS = {
    "funders": "funded_projects",
    "implementing_partners": "implemented_projects",
}


class OrganisationsPrefetch(JointPrefetch):
    """The projects' funders and implementing partners in one query, a UNION of both links,
    where a prefetch of each would ask one query each."""

    def __init__(self) -> None:
        super().__init__("funders")

    def fetch(self, rows: list[Model]) -> None:
        ids = [row.pk for row in rows]
        first, *others = (
            Organization.objects.filter(**{f"{reverse}__in": ids})
            .annotate(linked_project=F(reverse), relation=Value(relation))
            .order_by()
            for relation, reverse in ORGANISATION_RELATIONS.items()
        )
        found = defaultdict(list)
        # The organisations' own order, as `project.funders.all()` gives them.
        for organisation in first.union(*others, all=True).order_by("name", "pk"):
            found[organisation.relation, organisation.linked_project].append(organisation)
        for row in rows:
            for relation in ORGANISATION_RELATIONS:
                set_prefetched(row, relation, found[relation, row.pk])


class ReconstructionProjectQuerySet(PublishableQuerySet):
    # The detail page shows each milestone's photos: fetched with the project's own.
    detail_photo_children = ("milestones",)

    def for_listing(self) -> ReconstructionProjectQuerySet:
        """A list card: the project, its city and its public photos."""
        return super().for_listing().select_related("place")

    def for_detail(self) -> ReconstructionProjectQuerySet:
        """A detail page, its admin preview and the partner API: city and region, funders,
        implementing partners, sources, and the milestones in date order with their public
        photos."""
        # Imported here: projects.models imports this module to build its manager.
        from projects.models import Milestone

        milestones = Milestone.objects.order_by("date", "pk")
        return (
            super()
            .for_detail()
            .select_related("place", "place__region")
            .prefetch_related(
                OrganisationsPrefetch(),
                "sources",
                Prefetch("milestones", queryset=milestones),
            )
        )

    def for_map(self) -> ReconstructionProjectQuerySet:
        """Only what a map point needs, for every project of a (filtered) list at once."""
        return self.prefetch_related(None).select_related("place")

    def places_for_map(self) -> QuerySet[Place]:
        """The places of these projects, each with how many of them it holds (`project_count`)
        and the mean of their sites' own coordinates (`sites_latitude`, `sites_longitude`), for
        a place that has none: one grouped query, which loads no project."""
        return (
            Place.objects.filter(reconstruction_projects__in=self.values("pk"))
            .annotate(
                project_count=Count("reconstruction_projects"),
                sites_latitude=Avg("reconstruction_projects__latitude"),
                sites_longitude=Avg("reconstruction_projects__longitude"),
            )
            .only("slug", "name", "latitude", "longitude")
            .order_by()
        )
