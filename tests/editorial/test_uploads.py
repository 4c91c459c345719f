"""Photo uploads: every bad file is refused with its own message and leaves nothing stored, no
row and no file; an accepted photo is stored upright and re-encoded, with no metadata left.

Each bad file is posted through the photo inline of a draft aid package, as an editor would,
and handed to `validate_and_clean` directly."""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any

import pillow_heif
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.utils.html import escape
from PIL import ExifTags, Image, ImageCms

from editorial.models import Photo
from editorial.uploads import validate_and_clean
from tests.admin_helpers import change_url, form_data, inline_rows
from tests.factories import AidPackageFactory, PhotoFactory, png_file
from tests.test_settings import import_settings

pytestmark = pytest.mark.django_db

ACCEPTED = "Upload a photo in JPEG, PNG, WebP or HEIC."
NOT_AN_IMAGE = f"This file is not an image. {ACCEPTED}"
MARKUP = f"This file is SVG or HTML markup named like a photo. {ACCEPTED}"
CORRUPT = (
    "This image is damaged or incomplete, perhaps cut short while it was copied. "
    "Export or copy it again and upload the new file."
)
ANIMATED = "Animated images are not accepted. Upload a still photo."


def too_many_pixels(megapixels: str) -> str:
    return (
        f"This image has more than {megapixels} megapixels, the most a photo may have. "
        "Scale it down and upload it again."
    )


# --- Files ------------------------------------------------------------------------------------


def noise(size: tuple[int, int] = (64, 48)) -> Image.Image:
    """A picture that does not compress to nothing, so that a cut-off file loses pixels."""
    width, height = size
    return Image.frombytes("RGB", size, random.Random(4).randbytes(width * height * 3))


def encoded(image: Image.Image, format: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # The browser's content type says nothing either; the sniffing ignores it.
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def png_header(width: int, height: int) -> bytes:
    """A PNG of a few dozen bytes whose header claims `width` by `height` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def animation(format: str) -> bytes:
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "blue", "green")]
    return encoded(frames[0], format, save_all=True, append_images=frames[1:], duration=200)


def photo_with_metadata() -> bytes:
    """A landscape JPEG (left half red, right half blue) that a phone held upright took: its
    EXIF says turn it 90° clockwise, and it carries GPS, XMP and an ICC profile."""
    image = Image.new("RGB", (40, 20), "blue")
    image.paste("red", (0, 0, 20, 20))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Phone"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (50.0, 27.0, 0.0),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: (30.0, 31.0, 0.0),
        }
    )
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>50,27N</exif:GPSLatitude>'
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encoded(image, "JPEG", exif=exif, xmp=xmp + b"</x:xmpmeta>", icc_profile=srgb)
    with Image.open(io.BytesIO(data)) as original:  # what the test relies on is really there
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert {"exif", "xmp", "icc_profile"} <= original.info.keys()
    return data


def heic() -> bytes:
    buffer = io.BytesIO()
    pillow_heif.from_pillow(noise((32, 24))).save(buffer, quality=90)
    return buffer.getvalue()


# name, file content, message, settings
BAD_UPLOADS: dict[str, tuple[str, Callable[[], bytes], str, dict[str, Any]]] = {
    "not-an-image": ("report.jpg", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, NOT_AN_IMAGE, {}),
    "text": ("notes.jpg", lambda: b"Generators delivered to Kyiv.\n" * 20, NOT_AN_IMAGE, {}),
    "truncated-jpeg": ("cut.jpg", lambda: encoded(noise(), "JPEG")[:2000], CORRUPT, {}),
    "png-with-bad-checksum": (
        "bad.png",
        lambda: encoded(noise(), "PNG").replace(b"IDAT", b"IDAT\x00", 1)[:-200],
        CORRUPT,
        {},
    ),
    "svg-renamed-jpg": (
        "drawing.jpg",
        lambda: (
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
            b"<script>alert(document.cookie)</script></svg>"
        ),
        MARKUP,
        {},
    ),
    "html-renamed-jpg": (
        "page.jpg",
        lambda: b"\xef\xbb\xbf\n  <!DOCTYPE html><html><script>alert(1)</script></html>",
        MARKUP,
        {},
    ),
    "html-after-text": ("page.jpg", lambda: b"hello\n<html><body>hi</body></html>", MARKUP, {}),
    "pixel-bomb-in-the-header": (
        "bomb.png",
        lambda: png_header(100_000, 100_000),
        too_many_pixels("40"),
        {},
    ),
    "above-the-pixel-limit": (
        "big.png",
        lambda: png_header(8_000, 6_000),
        too_many_pixels("40"),
        {},
    ),
    # Pillow warns of a bomb above its own limit (89.5 megapixels): refused the same way.
    "above-pillows-limit": (
        "big.png",
        lambda: png_header(10_000, 10_000),
        too_many_pixels("89.5"),
        {"PHOTO_MAX_PIXELS": 500_000_000},
    ),
    "above-the-byte-limit": (
        "large.png",
        lambda: encoded(noise(), "PNG"),
        f"This file is larger than {filesizeformat(1000)}, the most a photo may have.",
        {"PHOTO_MAX_UPLOAD_BYTES": 1000},
    ),
    "animated-gif": ("moving.gif", lambda: animation("GIF"), ANIMATED, {}),
    "animated-webp": ("moving.webp", lambda: animation("WEBP"), ANIMATED, {}),
    "animated-png": ("moving.png", lambda: animation("PNG"), ANIMATED, {}),
    "bmp": (
        "scan.jpg",
        lambda: encoded(noise(), "BMP"),
        f"BMP images are not accepted. {ACCEPTED}",
        {},
    ),
    "tiff": (
        "scan.tiff",
        lambda: encoded(noise(), "TIFF"),
        f"TIFF images are not accepted. {ACCEPTED}",
        {},
    ),
    "gif": (
        "still.gif",
        lambda: encoded(noise(), "GIF"),
        f"GIF images are not accepted. {ACCEPTED}",
        {},
    ),
}
BAD = [pytest.param(*case, id=key) for key, case in BAD_UPLOADS.items()]


def stored_files() -> list[str]:
    """Every file kept in private storage, where uploads go."""
    root = Path(settings.MEDIA_ROOT) / "private"
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


# --- Through the admin ------------------------------------------------------------------------


def photo_prefix(response: HttpResponse) -> str:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is Photo:
            return inline.formset.prefix
    raise AssertionError("no photo inline")


def post_photo(client: Client, name: str, content: bytes) -> HttpResponse:
    """Add a photo through the inline of a draft package's change form, as a superuser."""
    package = AidPackageFactory()
    page = client.get(change_url(package))
    data = inline_rows(
        form_data(page),
        photo_prefix(page),
        [
            {
                "image": upload(name, content),
                "order": "0",
                "role": Photo.Role.GENERAL,
                "credit": "AZERTAC",
                "alt_text_en": "Generators on a loading dock",
            }
        ],
    )
    return client.post(change_url(package), data)


def photo_errors(response: HttpResponse) -> list[str]:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is Photo:
            return [
                error for form in inline.formset.forms for error in form.errors.get("image", [])
            ]
    raise AssertionError("no photo inline")


@pytest.mark.parametrize(("name", "content", "message", "overrides"), BAD)
def test_admin_refuses_a_bad_upload_and_stores_nothing(
    admin_client: Client,
    settings: Any,
    name: str,
    content: Callable[[], bytes],
    message: str,
    overrides: dict[str, Any],
) -> None:
    for setting, value in overrides.items():
        setattr(settings, setting, value)
    response = post_photo(admin_client, name, content())
    assert response.status_code == 200
    assert photo_errors(response) == [message]
    assert escape(message) in response.content.decode()
    assert not Photo.objects.exists()
    assert stored_files() == []


def stored_photo() -> Image.Image:
    photo = Photo.objects.get()
    with photo.image.open("rb") as file:
        image = Image.open(io.BytesIO(file.read()))
    image.load()
    return image


def test_admin_stores_a_phone_photo_upright_without_its_metadata(admin_client: Client) -> None:
    assert post_photo(admin_client, "IMG_0042.JPG", photo_with_metadata()).status_code == 302
    image = stored_photo()
    assert (image.format, image.size) == ("JPEG", (20, 40))
    assert (Photo.objects.get().width, Photo.objects.get().height) == (20, 40)
    assert dict(image.getexif()) == {}
    assert not {"exif", "xmp", "icc_profile", "comment"} & image.info.keys()
    # Turned 90° clockwise: the left half (red) is now on top, the right half (blue) below.
    red, _green, blue = image.getpixel((10, 5))
    assert red > 200 and blue < 60
    red, _green, blue = image.getpixel((10, 35))
    assert red < 60 and blue > 200


def test_admin_stores_a_heic_photo_as_jpeg(admin_client: Client) -> None:
    assert post_photo(admin_client, "IMG_0043.HEIC", heic()).status_code == 302
    image = stored_photo()
    assert (image.format, image.size) == ("JPEG", (32, 24))
    assert PurePath(Photo.objects.get().image.name).name == "img_0043.jpg"


@pytest.mark.parametrize(("format", "extension"), [("PNG", "png"), ("WEBP", "webp")])
def test_admin_keeps_png_and_webp_in_their_format(
    admin_client: Client, format: str, extension: str
) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    content = encoded(noise(), format, exif=exif)
    assert post_photo(admin_client, f"Depot.{extension}", content).status_code == 302
    image = stored_photo()
    assert (image.format, image.size) == (format, (64, 48))
    assert dict(image.getexif()) == {}
    assert PurePath(Photo.objects.get().image.name).name == f"depot.{extension}"


def test_admin_names_the_stored_file_by_its_content_not_its_name(admin_client: Client) -> None:
    content = encoded(noise(), "JPEG")
    assert post_photo(admin_client, "../Kyiv Depot.php.svg", content).status_code == 302
    assert PurePath(Photo.objects.get().image.name).name == "kyiv-depotphp.jpg"


def test_photo_page_refuses_a_bad_replacement_and_keeps_the_stored_file(
    admin_client: Client,
) -> None:
    photo = PhotoFactory(renditions=False)
    before = stored_files()
    data = form_data(admin_client.get(change_url(photo)))
    data["image"] = upload("drawing.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    response = admin_client.post(change_url(photo), data)
    assert response.context["adminform"].form.errors["image"] == [MARKUP]
    photo.refresh_from_db()
    assert [f"{photo.image.name}"] == before == stored_files()


def test_photo_page_cleans_a_replacement(admin_client: Client) -> None:
    photo = PhotoFactory()
    data = form_data(admin_client.get(change_url(photo)))
    data["image"] = upload("IMG_0044.jpg", photo_with_metadata())
    assert admin_client.post(change_url(photo), data).status_code == 302
    image = stored_photo()
    assert (image.format, image.size, dict(image.getexif())) == ("JPEG", (20, 40), {})


def test_photo_page_makes_renditions_of_a_replacement(
    admin_client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    photo = PhotoFactory()
    data = form_data(admin_client.get(change_url(photo)))
    data["image"] = upload("IMG_0045.jpg", photo_with_metadata())
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(photo), data).status_code == 302
    assert photo.renditions.filter(format="webp").exists()


# --- The function itself ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "message", "overrides"), BAD)
def test_validate_and_clean_refuses_a_bad_file(
    settings: Any,
    name: str,
    content: Callable[[], bytes],
    message: str,
    overrides: dict[str, Any],
) -> None:
    for setting, value in overrides.items():
        setattr(settings, setting, value)
    with pytest.raises(ValidationError) as refused:
        validate_and_clean(upload(name, content()))
    assert refused.value.messages == [message]
    assert stored_files() == []


class UnreadableUpload(SimpleUploadedFile):
    def read(self, *args: Any) -> bytes:
        raise AssertionError("read before its size was checked")


def test_validate_and_clean_checks_the_size_before_reading(settings: Any) -> None:
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match="larger than"):
        validate_and_clean(UnreadableUpload("big.jpg", b"x" * 1001))


def test_validate_and_clean_reads_no_more_than_the_limit_whatever_the_size_says(
    settings: Any,
) -> None:
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    lying = upload("large.png", encoded(noise(), "PNG"))
    lying.size = 10
    with pytest.raises(ValidationError, match="larger than"):
        validate_and_clean(lying)


def test_validate_and_clean_keeps_an_animation_where_allowed(settings: Any) -> None:
    settings.PHOTO_ALLOW_ANIMATED = True
    cleaned = validate_and_clean(upload("moving.webp", animation("WEBP")))
    with Image.open(cleaned) as image:
        assert (image.format, image.n_frames, cleaned.name) == ("WEBP", 3, "moving.webp")


def test_validate_and_clean_drops_an_unreadable_colour_profile() -> None:
    content = encoded(noise(), "JPEG", icc_profile=b"not a colour profile")
    with Image.open(validate_and_clean(upload("odd.jpg", content))) as image:
        assert "icc_profile" not in image.info


def test_validate_and_clean_accepts_what_the_photo_factory_makes() -> None:
    with Image.open(validate_and_clean(png_file())) as image:
        assert (image.format, image.size) == ("PNG", (8, 6))


def test_photo_limits_must_be_positive() -> None:
    result = import_settings(DJANGO_DEBUG="1", PHOTO_MAX_PIXELS="0")
    assert result.returncode != 0
    assert "PHOTO_MAX_UPLOAD_BYTES and PHOTO_MAX_PIXELS must be positive." in result.stderr
