"""Renditions: a few widths of every photo as WebP and JPEG, made once, without metadata, and
rendered as `<picture>` at a constant number of queries however many photos a page shows."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.template import Context, Template
from django.test import Client
from PIL import ExifTags, Image, ImageCms

from aid.models import AidPackage
from demo.content import Text
from demo.content.captions import SECTOR_THEMES
from demo.photos import NewFiles, PhotoSpec, sync_photos
from demo.records import Tally
from editorial import workflow
from editorial.models import Photo, Rendition
from editorial.renditions import ensure_renditions, photos_prefetch
from editorial.snapshots import take_snapshot
from tests.admin_helpers import change_url, form_data, inline_rows
from tests.factories import AidPackageFactory, PhotoFactory, png_file
from tests.workflow_helpers import make_user

pytestmark = pytest.mark.django_db


def jpeg_file(size: tuple[int, int], **save_options: Any) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="JPEG", **save_options)
    return SimpleUploadedFile("camera.jpg", buffer.getvalue(), content_type="image/jpeg")


def photo_of(width: int, height: int, **fields: Any) -> Photo:
    return PhotoFactory(image=png_file(size=(width, height)), renditions=False, **fields)


def sizes(photo: Photo) -> set[tuple[str, int, int]]:
    return {(r.format, r.width, r.height) for r in photo.renditions.all()}


def read_back(rendition: Rendition) -> Image.Image:
    with rendition.file.storage.open(rendition.file.name, "rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


# --- Generating ------------------------------------------------------------------------------


def test_renditions_are_made_for_each_width_up_to_the_original_in_both_formats(
    settings: Any,
) -> None:
    settings.RENDITION_WIDTHS = (480, 960, 1600)
    photo = photo_of(1000, 600)

    created = ensure_renditions(photo)

    assert len(created) == 6
    assert sizes(photo) == {
        (fmt, width, height)
        for fmt in ("webp", "jpeg")
        for width, height in ((480, 288), (960, 576), (1000, 600))
    }
    for rendition in photo.renditions.all():
        image = read_back(rendition)
        assert (image.format.lower(), image.size) == (
            rendition.format,
            (rendition.width, rendition.height),
        )
        assert rendition.bytes == rendition.file.size
        assert rendition.file.name.startswith(f"renditions/photo-{photo.pk}-")


def test_renditions_never_upscale_a_small_original() -> None:
    photo = photo_of(300, 200)
    ensure_renditions(photo)
    assert sizes(photo) == {("webp", 300, 200), ("jpeg", 300, 200)}


def test_renditions_of_a_large_original_stop_at_the_widest_configured_width(
    settings: Any,
) -> None:
    settings.RENDITION_WIDTHS = (480, 960, 1600)
    photo = photo_of(2000, 1000)
    ensure_renditions(photo)
    assert {r.width for r in photo.renditions.all()} == {480, 960, 1600}


def test_renditions_carry_no_metadata_and_are_upright() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # turned a quarter: the upright picture is 300 x 500
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N"}
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = jpeg_file(
        (500, 300), exif=exif.tobytes(), icc_profile=srgb, xmp=b"<x:xmpmeta>secret</x:xmpmeta>"
    )
    photo = PhotoFactory(image=original, renditions=False)

    ensure_renditions(photo)

    assert sizes(photo) == {("webp", 300, 500), ("jpeg", 300, 500)}
    for rendition in photo.renditions.all():
        image = read_back(rendition)
        assert not image.getexif()
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile"} & set(image.info)


def test_jpeg_renditions_are_progressive() -> None:
    photo = photo_of(600, 400)
    ensure_renditions(photo)
    jpeg = photo.renditions.get(format="jpeg", width=600)
    assert read_back(jpeg).info.get("progressive")


def test_ensure_renditions_a_second_time_does_no_image_work_and_no_writes(
    django_assert_num_queries: Any,
) -> None:
    photo = photo_of(600, 400)
    ensure_renditions(photo)
    rows = list(Rendition.objects.values_list("pk", "file"))

    with (
        mock.patch("PIL.Image.open") as image_open,
        mock.patch.object(FileSystemStorage, "save") as storage_save,
        django_assert_num_queries(1),  # the photo's renditions
    ):
        assert ensure_renditions(photo) == []

    image_open.assert_not_called()
    storage_save.assert_not_called()
    assert list(Rendition.objects.values_list("pk", "file")) == rows


def test_a_new_original_replaces_the_renditions_of_the_old_one(
    django_capture_on_commit_callbacks: Any,
) -> None:
    photo = photo_of(600, 400)
    ensure_renditions(photo)
    old = {r.file.name for r in photo.renditions.all()}

    photo.image = png_file("new.png", size=(500, 500))
    photo.save()
    with django_capture_on_commit_callbacks(execute=True):
        ensure_renditions(photo)

    assert sizes(photo) == {(fmt, w, w) for fmt in ("webp", "jpeg") for w in (480, 500)}
    storage = photo.image.storage
    assert not any(storage.exists(name) for name in old)


# --- Saving a photo --------------------------------------------------------------------------


def test_a_photo_added_in_the_admin_gets_renditions_once_the_save_commits(
    admin_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    package = AidPackageFactory()
    response = admin_client.get(change_url(package))
    data = form_data(response)
    prefix = next(
        inline.formset.prefix
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Photo
    )
    inline_rows(
        data,
        prefix,
        [
            {
                "image": png_file("upload.png", size=(700, 500)),
                "alt_text_en": "Trucks at a border crossing",
                "credit": "AZERTAC",
                "order": "0",
                "role": Photo.Role.GENERAL,
            }
        ],
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(package), data).status_code == 302

    photo = package.photos.get()
    assert sizes(photo) == {
        ("webp", 480, 343),
        ("jpeg", 480, 343),
        ("webp", 700, 500),
        ("jpeg", 700, 500),
    }


def test_admin_preview_shows_the_smallest_rendition(admin_client: Client) -> None:
    photo = photo_of(1000, 600)
    ensure_renditions(photo)
    smallest = photo.renditions.get(format="webp", width=480)

    content = admin_client.get(change_url(photo.content_object)).content.decode()

    assert f'src="{smallest.file.url}"' in content


def test_a_demo_photo_has_renditions(tmp_path: Path) -> None:
    package = AidPackageFactory()
    new_files = NewFiles()
    sync_photos(
        package,
        slug=package.slug,
        title=Text("Generators for Kharkiv", "Генератори для Харкова", "Xarkov üçün generatorlar"),
        specs=[PhotoSpec(Photo.Role.GENERAL, next(iter(SECTOR_THEMES.values())))],
        tally=Tally(),
        new_files=new_files,
    )

    photo = package.photos.get()
    assert {r.format for r in photo.renditions.all()} == {"webp", "jpeg"}
    # A dry run or a rollback removes what the loader wrote: the renditions too.
    assert {r.file.name for r in photo.renditions.all()} <= {name for _, name in new_files.saved}


# --- The management command ------------------------------------------------------------------


def run_command(*args: str) -> str:
    out = io.StringIO()
    call_command("renditions", *args, stdout=out)
    return out.getvalue()


def test_renditions_command_fills_in_missing_renditions_and_is_idempotent() -> None:
    photo_of(600, 400)
    done = photo_of(300, 200)
    ensure_renditions(done)

    assert "4 renditions created for 1 photos" in run_command()
    assert "0 renditions created for 0 photos" in run_command()
    assert Rendition.objects.count() == 6


def test_renditions_command_dry_run_counts_and_writes_nothing() -> None:
    photo_of(600, 400)

    output = run_command("--dry-run")

    assert "4 renditions missing for 1 of 1 photos" in output
    assert not Rendition.objects.exists()


# --- Rendering -------------------------------------------------------------------------------

PICTURE = Template(
    '{% load photos %}{% picture photo sizes="(min-width: 60rem) 50vw, 100vw" loading="lazy" %}'
)


def render_picture(photo: Photo) -> str:
    return PICTURE.render(Context({"photo": photo}))


def test_picture_lists_every_width_and_falls_back_to_the_middle_jpeg(settings: Any) -> None:
    settings.RENDITION_WIDTHS = (480, 960, 1600)
    photo = photo_of(2000, 1000)
    ensure_renditions(photo)
    url = {(r.format, r.width): r.file.url for r in photo.renditions.all()}

    html = render_picture(photo)

    webp = ", ".join(f"{url['webp', width]} {width}w" for width in (480, 960, 1600))
    jpeg = ", ".join(f"{url['jpeg', width]} {width}w" for width in (480, 960, 1600))
    sizes = 'sizes="(min-width: 60rem) 50vw, 100vw"'
    assert f'<source type="image/webp" srcset="{webp}" {sizes}>' in html
    assert (
        f'<img src="{url["jpeg", 960]}" srcset="{jpeg}" {sizes} width="960" height="480" '
        f'alt="Generators lined up on a loading dock" loading="lazy" decoding="async">'
    ) in html
    assert html.startswith("<figure><picture>")
    assert html.endswith("</figure>")


def test_picture_without_renditions_shows_the_public_nothing() -> None:
    # The original is private (editorial/private_media.py): no broken picture.
    photo = photo_of(600, 400)

    assert render_picture(photo) == ""
    assert not Rendition.objects.exists()


def test_picture_escapes_caption_and_credit() -> None:
    photo = photo_of(600, 400, caption="<script>alert(1)</script>", credit="A & B <i>")
    ensure_renditions(photo)

    html = render_picture(photo)

    assert (
        "<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; "
        '<small class="photo-credit">A &amp; B &lt;i&gt;</small></figcaption>'
    ) in html
    assert "<script>" not in html


def test_picture_without_renditions_shows_staff_the_original_at_its_size() -> None:
    photo = photo_of(600, 400)
    staff = SimpleNamespace(user=SimpleNamespace(is_authenticated=True, is_staff=True))

    html = PICTURE.render(Context({"photo": photo, "request": staff}))

    assert "<source" not in html
    assert "srcset" not in html
    assert f'<img src="{photo.image.url}" width="600" height="400"' in html
    assert not Rendition.objects.exists()  # never generated while rendering


PAGE = Template(
    "{% load photos %}{% for photo in package.photos.all %}{% picture photo %}{% endfor %}"
)


@pytest.mark.parametrize("count", [5, 20])
def test_rendering_photos_costs_the_same_queries_however_many(
    count: int, django_assert_num_queries: Any
) -> None:
    package = AidPackageFactory(photos=count)
    for photo in package.photos.all():
        ensure_renditions(photo)

    with django_assert_num_queries(3):  # the package, its photos, their renditions
        found = AidPackage.objects.prefetch_related(photos_prefetch()).get(pk=package.pk)
        html = PAGE.render(Context({"package": found}))

    assert html.count("<picture>") == count


def test_photos_prefetch_leaves_out_minors_without_consent() -> None:
    package = AidPackageFactory(photos=1)
    PhotoFactory(content_object=package, shows_minors=True, consent_on_file=False)

    found = AidPackage.objects.prefetch_related(photos_prefetch()).get(pk=package.pk)

    assert [photo.is_public() for photo in found.photos.all()] == [True]


def test_approving_a_held_edit_makes_renditions_of_its_new_photo(
    django_capture_on_commit_callbacks: Any,
) -> None:
    package = AidPackageFactory(published=True)
    with transaction.atomic():  # the admin holds an edit this way: save, snapshot, roll back
        savepoint = transaction.savepoint()
        new_photo = PhotoFactory(content_object=package, image=png_file(size=(600, 400)))
        snapshot = take_snapshot(package)
        transaction.savepoint_rollback(savepoint)
    workflow.hold_pending(
        obj=package, user=make_user("editor"), snapshot=snapshot, base_version=package.version
    )

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(obj=package, user=make_user("publisher"))

    assert Rendition.objects.filter(photo_id=new_photo.pk, width=480).count() == 2
