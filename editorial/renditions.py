"""Renditions: each photo resized to a few widths, as WebP with a JPEG fallback.

They are generated once, when a photo is saved with a new image (the admin's save path and
the demo call `ensure_renditions`; `manage.py renditions` fills in any that are missing), and
stored through Django's storage API, so media can move to S3 without a code change. A public
request never generates one: a photo without renditions is served as its original.

A rendition's file name carries the photo's id, the width and a digest of the original's
name, so the same photo and original always give the same name, and a new original gives
new names (the old renditions are then stale and replaced).
"""

from __future__ import annotations

import hashlib
import io
import logging
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageCms, ImageOps

from editorial import content_version, photo_files
from editorial.joint_prefetch import JointPrefetch
from editorial.storage import public_storage

if TYPE_CHECKING:
    from editorial.models import Photo

logger = logging.getLogger(__name__)

DEFAULT_WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 82
WEBP_QUALITY = 80
# EXIF orientations that turn the picture a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}


class RenditionFormat(models.TextChoices):
    WEBP = "webp", "WebP"
    JPEG = "jpeg", "JPEG"


class Rendition(models.Model):
    """One resized copy of a photo's original, in one format."""

    Format = RenditionFormat

    photo = models.ForeignKey(
        "editorial.Photo",
        on_delete=models.CASCADE,
        related_name="renditions",
        verbose_name=_("photo"),
        help_text=_("The photo this is a resized copy of."),
    )
    width = models.PositiveIntegerField(_("width (px)"), help_text=_("Width of the file, pixels."))
    height = models.PositiveIntegerField(
        _("height (px)"), help_text=_("Height of the file, pixels.")
    )
    format = models.CharField(
        _("format"),
        max_length=4,
        choices=Format.choices,
        help_text=_("WebP for browsers that read it, JPEG for the rest."),
    )
    file = models.FileField(
        _("file"),
        upload_to="renditions/",
        max_length=200,
        db_index=True,
        help_text=_("Generated from the original; never edited by hand. Kept in private storage."),
    )
    bytes = models.PositiveIntegerField(_("size (bytes)"), help_text=_("Size of the file."))
    public_name = models.CharField(
        _("public copy"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_(
            "Its copy's name in public storage while the photo is public, drawn at random; "
            "empty otherwise (editorial/photo_files.py)."
        ),
    )

    class Meta:
        ordering = ["photo_id", "format", "width"]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(
                fields=["photo", "width", "format"], name="rendition_unique_photo_width_format"
            ),
            models.CheckConstraint(
                condition=models.Q(format__in=RenditionFormat.values), name="rendition_format_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.photo_id} {self.width}w {self.format}"

    @property
    def url(self) -> str:
        """Its public copy's address; without one (not yet copied, or not public), the private
        file's, which Django serves only after checking who asks."""
        if self.public_name:
            return public_storage().url(self.public_name)
        return self.file.url


# --- Planning: which renditions a photo should have (no image work) --------------------------


def rendition_widths() -> tuple[int, ...]:
    return tuple(sorted(getattr(settings, "RENDITION_WIDTHS", DEFAULT_WIDTHS)))


def planned_widths(original_width: int) -> list[int]:
    """The configured widths up to the original's; never wider than the original. The
    original's own width is added when it is narrower than the widest configured one."""
    widths = rendition_widths()
    planned = [width for width in widths if width <= original_width]
    if original_width < widths[-1] and original_width not in planned:
        planned.append(original_width)
    return planned


def _name_prefix(photo: Photo) -> str:
    digest = hashlib.sha256(photo.image.name.encode()).hexdigest()[:10]
    return f"photo-{photo.pk}-{digest}-"


def rendition_file_name(photo: Photo, width: int, fmt: str) -> str:
    """The file name of `photo`'s rendition `width` pixels wide in `fmt`. It starts with a hash
    of the original's name, so renditions of a replaced original are told apart (`_current`)."""
    return f"{_name_prefix(photo)}{width}w.{'jpg' if fmt == RenditionFormat.JPEG else 'webp'}"


def _current(photo: Photo, renditions: Iterable[Rendition]) -> list[Rendition]:
    """Those made from the photo's present original (a new original gives a new name prefix).
    The prefix is hashed once per photo: this runs for every photo a page renders."""
    prefix = _name_prefix(photo)
    return [r for r in renditions if posixpath.basename(r.file.name).startswith(prefix)]


def current_renditions(photo: Photo) -> list[Rendition]:
    """The photo's renditions made from its present original, narrowest first; from the
    prefetched renditions (see `photos_prefetch`), so no query per photo."""
    return sorted(_current(photo, photo.renditions.all()), key=lambda r: (r.format, r.width))


def _missing(original_width: int, current: list[Rendition]) -> list[tuple[int, str]]:
    have = {(rendition.width, rendition.format) for rendition in current}
    return [
        (width, fmt)
        for width in planned_widths(original_width)
        for fmt in RenditionFormat.values
        if (width, fmt) not in have
    ]


def missing_renditions(photo: Photo) -> list[tuple[int, str]]:
    """(width, format) pairs `ensure_renditions` would create, judged from the database alone:
    the photo's recorded width (the widest configured one when none is recorded) and its
    renditions, prefetched or queried."""
    if not photo.image:
        return []
    current = _current(photo, photo.renditions.all())
    return _missing(photo.width or rendition_widths()[-1], current)


# --- Generating --------------------------------------------------------------------------------


def ensure_renditions(photo: Photo) -> list[Rendition]:
    """Create the renditions `photo` lacks and return them; replace those of an older original.

    When nothing is missing this costs one query (none with `renditions` prefetched): no
    image is opened and nothing is written to storage.
    """
    if photo.pk is None or not photo.image:
        return []
    existing = list(photo.renditions.all())
    current = _current(photo, existing)
    stale = [r for r in existing if r not in current]
    if stale:
        _discard(stale)
    if photo.width and not _missing(photo.width, current):
        return []
    # From storage, not the uploaded file object: what is stored is what the public gets.
    with photo.image.storage.open(photo.image.name, "rb") as stored, Image.open(stored) as image:
        # The recorded width is the file's; a quarter-turn EXIF orientation swaps it.
        orientation = image.getexif().get(ExifTags.Base.Orientation)
        upright_width = image.height if orientation in QUARTER_TURNS else image.width
        missing = _missing(upright_width, current)
        if not missing:
            return []
        upright = _upright_srgb(image)
        files = [(fmt, *_encode(upright, width, fmt)) for width, fmt in missing]
    return _store(photo, files)


def ensure_renditions_on_commit(photos: Iterable[Photo]) -> None:
    """`ensure_renditions` for photos just saved with a new image, once the save is committed,
    so the image work holds no database lock. Should it fail, it is logged and
    `manage.py renditions` fills them in; until then the original is served."""
    for photo in photos:
        transaction.on_commit(partial(_ensure_if_still_saved, photo), robust=True)


def _ensure_if_still_saved(photo: Photo) -> None:
    # A savepoint rolled back by hand (a live item's edit held for approval) does not drop
    # on_commit callbacks: the row, or this image of it, may not have been kept.
    if type(photo).objects.filter(pk=photo.pk, image=photo.image.name).exists():
        ensure_renditions(photo)


class RenditionsRun(NamedTuple):
    created: list[Rendition]
    failed: list[int]  # ids of photos whose original could not be read


def renditions_for(photos: Iterable[Photo] | QuerySet[Photo]) -> RenditionsRun:
    """`ensure_renditions` for many photos, reading their renditions in one query per batch.

    An unreadable original does not stop the others: it is logged and its photo keeps being
    served as the original.
    """
    if isinstance(photos, QuerySet):
        photos = photos.prefetch_related("renditions").iterator(chunk_size=200)
    else:
        photos = list(photos)
        models.prefetch_related_objects(photos, "renditions")
    run = RenditionsRun(created=[], failed=[])
    for photo in photos:
        try:
            run.created.extend(ensure_renditions(photo))
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            logger.exception("No renditions for photo %s: its original cannot be read.", photo.pk)
            run.failed.append(photo.pk)
    return run


def _upright_srgb(image: Image.Image) -> Image.Image:
    """The picture as it is meant to be seen, in sRGB, with no metadata left on it."""
    image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    mode = "RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB"
    if icc:
        try:
            image = ImageCms.profileToProfile(
                image.convert(mode) if image.mode not in ("RGB", "RGBA") else image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
        except (ImageCms.PyCMSError, OSError):
            logger.warning("Unreadable colour profile; rendering the pixels as they are.")
    image = image.convert(mode)
    image.info = {}
    return image


def _encode(image: Image.Image, width: int, fmt: str) -> tuple[int, int, bytes]:
    """(width, height, file content) of `image` resized to `width`, without metadata."""
    height = max(1, round(image.height * width / image.width))
    if (width, height) != image.size:
        image = image.resize((width, height), Image.LANCZOS)
    buffer = io.BytesIO()
    if fmt == RenditionFormat.WEBP:
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=6)
    else:
        if image.mode == "RGBA":  # JPEG has no transparency: flatten onto white
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
    return width, height, buffer.getvalue()


def _store(photo: Photo, files: list[tuple[str, int, int, bytes]]) -> list[Rendition]:
    """Write the files, then their rows in one transaction; remove the files if that fails."""
    written: list[Rendition] = []
    try:
        for fmt, width, height, data in files:
            rendition = Rendition(photo=photo, format=fmt, width=width, height=height)
            rendition.bytes = len(data)
            name = rendition_file_name(photo, width, fmt)
            storage = rendition.file.storage
            target = rendition.file.field.generate_filename(rendition, name)
            if storage.exists(target):
                # Left by a database since reset: replace it, keeping the name deterministic.
                storage.delete(target)
            rendition.file.save(name, ContentFile(data), save=False)
            written.append(rendition)
        with transaction.atomic():
            Rendition.objects.bulk_create(written)
            # bulk_create sends no post_save: pages showing the bare original must go.
            content_version.bump_now_and_on_commit()
            # Public copies, if the public may see the photo.
            transaction.on_commit(lambda: photo_files.sync([photo]), robust=True)
    except IntegrityError:
        # Another process made them at the same moment, under the same names: keep theirs.
        return []
    except BaseException:
        for rendition in written:
            rendition.file.storage.delete(rendition.file.name)
        raise
    return written


def _discard(stale: list[Rendition]) -> None:
    """Delete renditions of a replaced original; their public copies go at once, their files
    once that is committed."""
    photo_files.withdraw(stale)
    Rendition.objects.filter(pk__in=[r.pk for r in stale]).delete()
    for rendition in stale:
        # Storage.delete() ignores a file that is already gone: no exists() round-trip.
        transaction.on_commit(partial(rendition.file.storage.delete, rendition.file.name))


# --- Reading: what a page needs to show a photo ------------------------------------------------


@dataclass(frozen=True)
class PictureSources:
    """What `<picture>` needs: srcsets per format, and the fallback `<img>`'s file and size."""

    webp_srcset: str
    jpeg_srcset: str
    src: str
    width: int | None
    height: int | None


def picture_sources(photo: Photo) -> PictureSources:
    """From the photo's renditions (prefetch them: see `photos_prefetch`); the original when
    there are none yet. Never generates anything."""
    renditions = _current(photo, photo.renditions.all())
    by_format = {
        fmt: sorted((r for r in renditions if r.format == fmt), key=lambda r: r.width)
        for fmt in RenditionFormat.values
    }
    jpegs = by_format[RenditionFormat.JPEG]
    if not jpegs:
        return PictureSources("", "", photo.image.url, photo.width, photo.height)
    middle = jpegs[len(jpegs) // 2]
    return PictureSources(
        webp_srcset=_srcset(by_format[RenditionFormat.WEBP]),
        jpeg_srcset=_srcset(jpegs),
        src=middle.url,
        width=middle.width,
        height=middle.height,
    )


def smallest_rendition(photo: Photo) -> Rendition | None:
    """The narrowest WebP (else JPEG) rendition, if renditions were prefetched; for thumbnails
    in lists, which must not query once per photo."""
    cached = getattr(photo, "_prefetched_objects_cache", {}).get("renditions")
    if cached is None:
        return None
    current = _current(photo, cached)
    current.sort(key=lambda r: (r.format != RenditionFormat.WEBP, r.width))
    return current[0] if current else None


def _srcset(renditions: list[Rendition]) -> str:
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


class PhotosPrefetch(JointPrefetch):
    """The public photos, with their renditions, of the rows and of their `children` (e.g. a
    project's milestones), all in one query for the photos and one for the renditions: a
    prefetch per level would ask two queries for each."""

    def __init__(self, photos: QuerySet[Photo], children: tuple[str, ...] = ()) -> None:
        super().__init__("photos", queryset=photos)
        self.children = children

    def fetch(self, rows: list[models.Model]) -> None:
        # A no-op for children already prefetched (a Prefetch of them with its own queryset).
        models.prefetch_related_objects(rows, *self.children)
        owners = [
            *rows,
            *(
                child
                for row in rows
                for name in self.children
                for child in getattr(row, name).all()
            ),
        ]
        # A generic relation's prefetch groups its owners by content type: rows of several
        # models share the same two queries.
        models.prefetch_related_objects(owners, Prefetch("photos", queryset=self.queryset))


def photos_prefetch(
    queryset: QuerySet[Photo] | None = None, *, children: tuple[str, ...] = ()
) -> PhotosPrefetch:
    """Prefetch for a publishable's public photos with their renditions, so that
    `{% picture %}` costs no query per photo: `Model.objects.prefetch_related(photos_prefetch())`.

    `queryset` narrows the photos further (e.g. `.only(...)`); `public()` is always applied.
    `children` names relations of the rows whose photos are fetched in the same queries, once the
    rows are (see `PhotosPrefetch`). It serves `prefetch_related_objects()` as well, on a list of
    rows of several models (the home page's cards).
    """
    from editorial.models import Photo  # editorial.models imports this module

    photos = Photo.objects.all() if queryset is None else queryset
    return PhotosPrefetch(photos.public().prefetch_related("renditions"), children=children)
