"""`loaddemo`: the seed texts' facts as rows, idempotently, with honest illustrations.

The demo is loaded once for the module (see conftest.py).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Sum
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from aid.models import AidItem, AidPackage, ItemKind, ReportedFigure
from editorial import photo_files
from editorial.dates import DatePrecision
from editorial.models import Organization, Photo, Place, Rendition, Source
from editorial.roles import EDITORS, PUBLISHERS
from people.models import Cohort, PartnershipActivity, RehabilitationGroup, SisterCityPartnership
from projects.models import Milestone, Phase, ReconstructionProject, WorkKind
from tests.demo.loading import loaddemo
from tests.search_documents import found_by_title, on_postgresql, stale_documents

pytestmark = pytest.mark.django_db

CONTENT_MODELS: list[type[models.Model]] = [
    Organization,
    Place,
    Source,
    Photo,
    AidPackage,
    AidItem,
    ReportedFigure,
    ReconstructionProject,
    Milestone,
    RehabilitationGroup,
    SisterCityPartnership,
    PartnershipActivity,
]
WITH_PHOTOS = [AidPackage, ReconstructionProject, RehabilitationGroup, SisterCityPartnership]
TRANSLATED = [
    (Organization, "name"),
    (Place, "name"),
    (AidPackage, "title"),
    (AidPackage, "summary"),
    (AidPackage, "body"),
    (ReportedFigure, "title"),
    (ReportedFigure, "summary"),
    (ReconstructionProject, "title"),
    (ReconstructionProject, "summary"),
    (ReconstructionProject, "body"),
    (Milestone, "title"),
    (RehabilitationGroup, "title"),
    (RehabilitationGroup, "summary"),
    (RehabilitationGroup, "body"),
    (SisterCityPartnership, "title"),
    (SisterCityPartnership, "summary"),
    (PartnershipActivity, "title"),
    (Photo, "caption"),
    (Photo, "alt_text"),
]
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in CONTENT_MODELS}


def _files(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_loaddemo_second_run_changes_nothing(
    demo_output: str, demo_media: Path, settings: pytest.FixtureRequest
) -> None:
    settings.MEDIA_ROOT = demo_media
    counts, files = _counts(), _files(demo_media)
    last_change = AidPackage.objects.aggregate(models.Max("updated_at"))

    output = loaddemo()

    assert _counts() == counts
    assert _files(demo_media) == files
    assert AidPackage.objects.aggregate(models.Max("updated_at")) == last_change
    assert "Demo record loaded: 0 created, 0 updated" in output


def test_loaddemo_first_run_writes_one_file_per_photo(demo_output: str, demo_media: Path) -> None:
    originals = [name for name in _files(demo_media) if name.startswith("private/photos/")]
    assert len(originals) == Photo.objects.count() > 0
    assert "0 unchanged" in demo_output.splitlines()[-1]


def test_loaddemo_redraws_a_missing_file_under_the_same_name(
    demo_output: str, demo_media: Path, settings: pytest.FixtureRequest
) -> None:
    settings.MEDIA_ROOT = demo_media
    photo = Photo.objects.first()
    (demo_media / "private" / photo.image.name).unlink()

    output = loaddemo()

    photo.refresh_from_db()
    assert (demo_media / "private" / photo.image.name).is_file()
    assert "editorial.Photo: 0 created, 1 updated" in output


def test_loaddemo_copies_the_public_photos_renditions_to_public_storage(
    demo_output: str, demo_media: Path
) -> None:
    public = {r.public_name for r in Rendition.objects.exclude(public_name="")}
    assert public
    assert set(_files(demo_media / "public")) == public
    hidden = Rendition.objects.filter(public_name="").select_related("photo")
    assert all(not photo_files.is_visible(rendition.photo) for rendition in hidden)


def test_loaddemo_prints_the_password_first(demo_output: str) -> None:
    assert demo_output.splitlines()[0] == "Demo password: korpu-demo"
    assert "editorial.Photo:" in demo_output


def test_loaddemo_prints_the_authenticator_key_and_gives_it_to_admin_and_publisher(
    demo_output: str,
) -> None:
    assert "authenticator key KORP UDEM OKOR PUDE MOKO RPUD EMOK ORPU" in demo_output
    assert "manage.py totp <username>" in demo_output
    owners = TOTPDevice.objects.filter(confirmed=True).values_list("user__username", flat=True)
    assert sorted(owners) == ["admin", "publisher"]


@pytest.mark.parametrize(
    ("model", "field"),
    [pytest.param(m, f, id=f"{m.__name__}.{f}") for m, f in TRANSLATED],
)
def test_loaddemo_texts_exist_in_english_ukrainian_and_azerbaijani(
    demo_output: str, model: type[models.Model], field: str
) -> None:
    rows = list(model.objects.values(f"{field}_en", f"{field}_uk", f"{field}_az"))
    assert rows
    for row in rows:
        english, ukrainian, azerbaijani = row.values()
        assert english.strip() and ukrainian.strip() and azerbaijani.strip(), row
        assert CYRILLIC.search(ukrainian) or ukrainian == english, row


@pytest.mark.parametrize("model", WITH_PHOTOS, ids=lambda m: m.__name__)
def test_loaddemo_published_items_have_a_public_photo(
    demo_output: str, model: type[models.Model]
) -> None:
    published = model.objects.published()
    assert published.exists()
    for item in published:
        assert item.photos.public().exists(), item


def test_loaddemo_photos_are_labelled_illustrations_of_no_one(demo_output: str) -> None:
    for photo in Photo.objects.all():
        assert photo.credit == "Körpü illustration"
        assert not photo.shows_minors
        assert "not a photograph" in photo.caption_en
        assert (photo.width, photo.height) == (1200, 750)


def test_loaddemo_finished_repairs_have_before_and_after_pictures(demo_output: str) -> None:
    finished = ReconstructionProject.objects.filter(phase=Phase.COMPLETED).exclude(
        work_kind=WorkKind.NEW_CONSTRUCTION
    )
    assert finished.count() >= 5
    for project in finished:
        assert set(project.photos.values_list("role", flat=True)) == {"before", "after"}


@pytest.mark.parametrize(
    ("figure", "cohorts", "total"),
    [
        # The spring figure counts children deprived of parental care only; the 2025 groups
        # of other cohorts, dated like it only to 2025, are not in it.
        ("children-rehabilitated-spring-2025", [Cohort.PARENTAL_CARE], 270),
        ("children-rehabilitated-july-2025", Cohort.values, 330),
    ],
)
def test_loaddemo_group_totals_match_the_reported_figures(
    demo_output: str, figure: str, cohorts: list[str], total: int
) -> None:
    reported = ReportedFigure.objects.get(slug=figure)
    # A group dated only to a month or year is stored at the period's first day, so it
    # counts as arrived by a cut-off inside that period.
    arrived = RehabilitationGroup.objects.filter(arrived_on__lte=reported.as_of, cohort__in=cohorts)

    assert reported.value == total
    assert arrived.aggregate(children=Sum("children_count"))["children"] == total


@pytest.mark.parametrize(
    ("slug", "field", "date", "precision"),
    [
        ("first-aid-flights-2022", "dispatched_on", dt.date(2022, 2, 1), DatePrecision.MONTH),
        ("energy-allocation-2023", "decided_on", dt.date(2023, 7, 1), DatePrecision.MONTH),
        ("energy-decree-february-2025", "decided_on", dt.date(2025, 2, 1), DatePrecision.MONTH),
        ("energy-decree-february-2025", "delivered_on", dt.date(2025, 3, 1), DatePrecision.MONTH),
        ("energy-allocation-august-2025", "decided_on", dt.date(2025, 8, 1), DatePrecision.MONTH),
        ("sumgait-energy-shipment-2026", "decided_on", dt.date(2026, 1, 16), DatePrecision.DAY),
        ("revival-p-spare-parts-2025", "delivered_on", dt.date(2025, 1, 1), DatePrecision.YEAR),
    ],
)
def test_loaddemo_aid_dates_are_as_precise_as_the_seeds(
    demo_output: str, slug: str, field: str, date: dt.date, precision: str
) -> None:
    package = AidPackage.objects.get(slug=slug)

    assert getattr(package, field) == date
    assert getattr(package, f"{field}_precision") == precision


def test_loaddemo_group_arrivals_are_dated_only_to_the_year(demo_output: str) -> None:
    # No seed gives a group's arrival more precisely than the year (spring is a season).
    group = RehabilitationGroup.objects.get(slug="parental-care-2022-1")

    assert (group.arrived_on, group.arrived_on_precision) == (
        dt.date(2022, 1, 1),
        DatePrecision.YEAR,
    )
    assert set(RehabilitationGroup.objects.values_list("arrived_on_precision", flat=True)) == {
        DatePrecision.YEAR
    }


def test_loaddemo_approximate_dates_display_without_a_day(demo_output: str) -> None:
    flights = AidPackage.objects.get(slug="first-aid-flights-2022")
    allocation = AidPackage.objects.get(slug="energy-allocation-august-2025")
    group = RehabilitationGroup.objects.get(slug="parental-care-spring-2025")

    with translation.override("en"):
        assert flights.dispatched_on_display() == "February 2022"
        assert allocation.decided_on_display() == "August 2025"
        assert group.arrived_on_display() == "2025"


def test_loaddemo_has_the_four_partnerships(demo_output: str) -> None:
    pairs = set(
        SisterCityPartnership.objects.values_list(
            "ukrainian_place__slug", "azerbaijani_place__slug", "kind"
        )
    )
    assert pairs == {
        ("kyiv", "baku", "partnership"),
        ("cherkasy", "sumgait", "partnership"),
        ("odesa", "ganja", "partnership"),
        ("irpin", "lachin", "sister_cities"),
    }
    assert not SisterCityPartnership.objects.filter(established_on__isnull=False).exists()


def test_loaddemo_sumgait_shipment_carries_the_seed_facts(demo_output: str) -> None:
    package = AidPackage.objects.get(slug="sumgait-energy-shipment-2026")

    assert package.decided_on == dt.date(2026, 1, 16)
    assert package.value_usd == Decimal("1000000")
    assert package.funder.slug == "ministry-of-energy-azerbaijan"
    assert package.origin.slug == "sumgait"
    assert set(package.items.values_list("kind", flat=True)) == {
        ItemKind.LOW_VOLTAGE_PANEL,
        ItemKind.GENERATOR,
        ItemKind.TRANSFORMER,
        ItemKind.CABLE,
    }


def test_loaddemo_gives_a_quantity_only_where_a_seed_does(demo_output: str) -> None:
    counted = AidItem.objects.filter(quantity__isnull=False)
    assert list(counted.values_list("package__slug", "quantity")) == [
        ("revival-p-demining-machine", Decimal("1"))
    ]


@pytest.mark.parametrize(
    ("slug", "value", "qualifier"),
    [
        ("total-aid-end-2023", 34_000_000, "about"),
        ("aid-in-2024", 40_000_000, "more_than"),
        ("total-aid-july-2025", 42_000_000, "more_than"),
        ("total-aid-early-2026", 45_000_000, "more_than"),
        ("transformers-july-2025", 134, "exact"),
        ("generators-july-2025", 70, "exact"),
        ("cable-july-2025", 2_000_000, "more_than"),
        ("areas-of-aid-july-2025", 10, "more_than"),
    ],
)
def test_loaddemo_reported_figures_match_the_seeds(
    demo_output: str, slug: str, value: int, qualifier: str
) -> None:
    figure = ReportedFigure.objects.get(slug=slug)
    assert (figure.value, figure.qualifier) == (value, qualifier)


@pytest.mark.parametrize("model", WITH_PHOTOS, ids=lambda m: m.__name__)
def test_loaddemo_every_item_cites_a_source(demo_output: str, model: type[models.Model]) -> None:
    assert not model.objects.filter(sources__isnull=True).exists()


def test_loaddemo_creates_the_demo_accounts_with_their_roles(
    demo_output: str, client: pytest.FixtureRequest
) -> None:
    users = {user.username: user for user in get_user_model().objects.all()}

    assert users["admin"].is_superuser
    assert users["editor"].is_staff and not users["editor"].is_superuser
    assert list(users["editor"].groups.values_list("name", flat=True)) == [EDITORS]
    assert list(users["publisher"].groups.values_list("name", flat=True)) == [PUBLISHERS]
    for username in ("admin", "editor", "publisher"):
        # Through the login form: the lockout (django-axes) needs the request to count tries.
        form = {"username": username, "password": "korpu-demo", "next": "/admin/"}
        assert client.post("/admin/login/", form).status_code == 302, username


def test_loaddemo_resets_the_password_and_nothing_else(
    demo_output: str,
    demo_media: Path,
    settings: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.MEDIA_ROOT = demo_media
    editor = get_user_model().objects.get(username="editor")
    editor.email = "editor@example.org"
    editor.save()
    monkeypatch.setenv("KORPU_DEMO_PASSWORD", "another-demo-password")

    output = loaddemo()

    editor.refresh_from_db()
    assert output.startswith("Demo password: another-demo-password\n")
    assert editor.check_password("another-demo-password")
    assert editor.email == "editor@example.org"
    assert "auth.User: 0 created, 3 updated" in output


@pytest.mark.parametrize("model", WITH_PHOTOS, ids=lambda m: m.__name__)
def test_loaddemo_published_items_are_found_by_search(
    demo_output: str, model: type[models.Model]
) -> None:
    for item in model.objects.published():
        assert found_by_title(item), item


@on_postgresql
def test_loaddemo_search_documents_are_right(demo_output: str) -> None:
    assert stale_documents() == {}
