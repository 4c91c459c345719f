"""Every photo enters through `validate_and_clean`: it refuses what is not a still photo within
the limits, and returns a re-encoded copy, turned upright, with no metadata left in it.

Limits are settings: PHOTO_MAX_UPLOAD_BYTES, PHOTO_MAX_PIXELS, PHOTO_ALLOW_ANIMATED. HEIC/HEIF
is read through pillow-heif, registered with Pillow in `EditorialConfig.ready`.
"""

from __future__ import annotations

import io
import warnings
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

# What each accepted format is stored as. MPO is a camera's JPEG with extra pictures in it
# (a preview, a depth map); only its first picture is kept, as with HEIF.
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "HEIF": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSION = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SAVE_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 88, "progressive": True, "optimize": True},
    "PNG": {},
    "WEBP": {"quality": 88, "method": 4},
}
# Formats whose extra frames are an animation (in MPO and HEIF they are other pictures).
ANIMATION_FORMATS = frozenset({"GIF", "PNG", "WEBP"})
# Modes each stored format keeps as they are; any other is converted.
STORED_MODES = {
    "JPEG": frozenset({"L", "RGB"}),
    "PNG": frozenset({"1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"}),
    "WEBP": frozenset({"RGB", "RGBA"}),
}
SRGB = ImageCms.createProfile("sRGB")
MARKUP_TAGS = (b"<svg", b"<html", b"<!doctype", b"<script", b"<?xml")

ACCEPTED = _("Upload a photo in JPEG, PNG, WebP or HEIC.")
MESSAGES = {
    "too_large": _("This file is larger than %(limit)s, the most a photo may have."),
    "not_an_image": _("This file is not an image. %(accepted)s"),
    "markup": _("This file is SVG or HTML markup named like a photo. %(accepted)s"),
    "corrupt": _(
        "This image is damaged or incomplete, perhaps cut short while it was copied. "
        "Export or copy it again and upload the new file."
    ),
    "too_many_pixels": _(
        "This image has more than %(megapixels)s megapixels, the most a photo may have. "
        "Scale it down and upload it again."
    ),
    "animated": _("Animated images are not accepted. Upload a still photo."),
    "format": _("%(format)s images are not accepted. %(accepted)s"),
}


def refusal(code: str, **params: Any) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params={"accepted": ACCEPTED, **params})


def validate_and_clean(upload: File) -> ContentFile:
    """A safe copy of an uploaded photo, or a ValidationError saying why it is refused.

    Refused: a file above PHOTO_MAX_UPLOAD_BYTES (checked before reading it), markup (SVG,
    HTML) named like a photo, anything else Pillow cannot identify, an image above
    PHOTO_MAX_PIXELS (checked from its header, before decoding), an animation unless
    PHOTO_ALLOW_ANIMATED, a format other than JPEG, PNG, WebP and HEIC/HEIF, and an image
    that fails to verify or to decode in full.

    Kept: the pixels, turned upright by their EXIF orientation and converted to sRGB. Not
    kept: EXIF (GPS above all), XMP, IPTC, ICC profiles, comments. JPEG and HEIC are stored as
    progressive JPEG, PNG as PNG, WebP as WebP, named by the slugified uploaded name with the
    extension of what is stored.
    """
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise refusal("too_large", limit=filesizeformat(limit))
    upload.seek(0)
    data = upload.read(limit + 1)  # the reported size may be wrong: read no more than allowed
    if len(data) > limit:
        raise refusal("too_large", limit=filesizeformat(limit))
    if looks_like_markup(data[:512], strict=True):
        raise refusal("markup")

    # A decompression bomb Pillow notices while decoding is refused like one seen in the header.
    # catch_warnings is process-wide; the header check in checked_image holds under threads.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image, stored_format, frames = checked_image(data)
            cleaned = [clean_frame(frame, stored_format) for frame in frames]
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_many_pixels() from None

    buffer = io.BytesIO()
    options = dict(SAVE_OPTIONS[stored_format])
    if len(cleaned) > 1:
        options.update(
            save_all=True,
            append_images=cleaned[1:],
            duration=[frame.info.get("duration", 100) for frame in frames],
            loop=image.info.get("loop", 0),
        )
    cleaned[0].save(buffer, format=stored_format, **options)
    return ContentFile(buffer.getvalue(), name=safe_name(upload.name, stored_format))


def too_many_pixels() -> ValidationError:
    # The lower of our limit and Pillow's, which refuses on its own while decoding.
    limit = min(settings.PHOTO_MAX_PIXELS, Image.MAX_IMAGE_PIXELS or settings.PHOTO_MAX_PIXELS)
    megapixels = limit / 1_000_000
    shown = f"{megapixels:.1f}".removesuffix(".0") if megapixels >= 1 else f"{megapixels:g}"
    return refusal("too_many_pixels", megapixels=shown)


def looks_like_markup(head: bytes, *, strict: bool) -> bool:
    """Whether a file's first bytes are SVG or HTML. No image format starts with "<"; a file
    no image reader recognises (`strict=False`) counts as markup if a tag appears early on."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith(b"<"):
        return True
    return not strict and any(tag in text for tag in MARKUP_TAGS)


def checked_image(data: bytes) -> tuple[Image.Image, str, list[Image.Image]]:
    """The opened image, the format to store it in, and its decoded frames, in that order of
    checks: identity, pixel count from the header, animation, format, verify, full decode."""
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        code = "markup" if looks_like_markup(data[:1024], strict=False) else "not_an_image"
        raise refusal(code) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise
    except Exception:
        # A reader that recognised the file failed on its header.
        raise refusal("corrupt") from None

    width, height = image.size
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise too_many_pixels()
    animated = image.format in ANIMATION_FORMATS and getattr(image, "is_animated", False)
    if animated and not settings.PHOTO_ALLOW_ANIMATED:
        raise refusal("animated")
    if image.format not in STORED_FORMAT:
        raise refusal("format", format=image.format)
    if animated and width * height * image.n_frames > settings.PHOTO_MAX_PIXELS:
        raise too_many_pixels()

    try:
        Image.open(io.BytesIO(data)).verify()
        image = Image.open(io.BytesIO(data))
        if animated:
            frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
        else:
            image.load()
            frames = [image]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise
    except Exception:
        # Truncated data, bad checksums, broken compressed streams: Pillow raises OSError,
        # SyntaxError, ValueError, EOFError or struct.error, depending on the format.
        raise refusal("corrupt") from None
    return image, STORED_FORMAT[image.format], frames


def clean_frame(frame: Image.Image, stored_format: str) -> Image.Image:
    """The frame upright, in sRGB, in a mode `stored_format` keeps, with no metadata."""
    upright = ImageOps.exif_transpose(frame)  # a copy, with the ICC profile and transparency
    if "transparency" in upright.info:
        upright = upright.convert("RGBA")
    upright = to_srgb(upright)
    if upright.mode not in STORED_MODES[stored_format]:
        upright = to_stored_mode(upright, stored_format)
    clean = upright.copy()
    # Pillow's writers fall back to the image's info for some metadata (PNG's ICC profile,
    # JPEG's XMP): with it empty, nothing but pixels is written.
    clean.info = {}
    return clean


def to_srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB, which browsers assume for an image without a profile.

    A phone's Display P3 photo would look dull with its profile simply dropped; a profile that
    cannot be read is dropped and the pixels kept as they are.
    """
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(profile).lower().replace(" ", ""):
            return image
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, profile, SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def to_stored_mode(image: Image.Image, stored_format: str) -> Image.Image:
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    if stored_format == "JPEG" and has_alpha:
        # JPEG has no transparency: what was transparent becomes white, not black.
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGBA" if has_alpha and stored_format != "JPEG" else "RGB")


def safe_name(uploaded: str | None, stored_format: str) -> str:
    """The uploaded name slugified, with the extension of what is stored: never the uploaded
    extension, which says nothing about the content."""
    stem = slugify(PurePath(uploaded or "").stem)[:60].strip("-_") or "photo"
    return f"{stem}.{EXTENSION[stored_format]}"
