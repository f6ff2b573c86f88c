"""The photo pipeline: check a picture, make its upload copy and thumbnail, keep them by hash.

A photo is accepted as JPEG, PNG, HEIC/HEIF (when pillow-heif is installed) or WebP. Everything
else, and anything damaged, too large or unreadable, is refused with a :class:`PhotoError` naming
the file, before anything is written. An accepted photo becomes:

* the original bytes, untouched;
* an upload copy: EXIF orientation applied, converted to sRGB, alpha flattened onto white, long
  side at most :data:`UPLOAD_LONG_SIDE`, a deterministic JPEG with no metadata at all (time and
  position go to the database as :class:`ProcessedPhoto` fields instead);
* a thumbnail made from the upload copy.

All three are addressed by the SHA-256 of the upload copy, so the same picture is stored once
however often it is imported. :func:`process_photo` is pure CPU work, here;
:mod:`fieldapp.photo_library` stores its results.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from hashlib import sha256
from typing import Any

from PIL import Image, ImageCms, UnidentifiedImageError

from fieldapp.exif import read_exif
from fieldapp.i18n import FieldAppError, msg

logger = logging.getLogger(__name__)

# --- Limits ------------------------------------------------------------------------------------
MAX_FILE_BYTES = 60 * 1024 * 1024
"""Largest file accepted (60 MB as Explorer counts them); phone photos are 2-15 MB."""
MAX_PIXELS = 120_000_000
"""Largest declared picture (width × height) accepted, checked before any pixel is decoded."""
MAX_SIDE = 20_000
"""Longest declared side accepted, in pixels (panoramas are long but not this long)."""

# --- Output ------------------------------------------------------------------------------------
UPLOAD_LONG_SIDE = 1600
THUMBNAIL_LONG_SIDE = 320
UPLOAD_QUALITY = 80
THUMBNAIL_QUALITY = 75
DRAFT_FACTOR = 2
"""JPEGs are decoded at reduced scale, but never below this multiple of the upload size."""

# Pillow's name for each accepted format → ours (MPO is a JPEG carrying extra frames, e.g. Samsung).
_FORMATS = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "WEBP": "webp", "HEIF": "heif"}
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "heif": "heic"}
SHA256_HEX = re.compile(r"[0-9a-f]{64}")

# Warnings Pillow emits while parsing untrusted files (DecompressionBombWarning, "Corrupt EXIF
# data"...) are not ours to print: limits are checked here and bad metadata is ignored. Silencing
# them changes process-wide state, so it is done under one lock.
_WARNINGS_LOCK = threading.Lock()


class PhotoError(FieldAppError):
    """A photo that cannot be attached; ``reason`` is the catalogue key after ``photo.``."""

    def __init__(self, reason: str, name: str, **params: Any):
        super().__init__(msg(f"photo.{reason}", name=name, **params))
        self.reason = reason
        self.name = name


@dataclass(frozen=True, slots=True)
class ProcessedPhoto:
    """What the database keeps about a photo; the pixels live in :class:`PhotoLibrary`."""

    sha256: str  # hex of the upload copy
    width: int  # upload copy
    height: int
    upload_size: int  # bytes of the upload copy
    original_name: str  # file name as the user had it
    original_size: int
    original_format: str  # "jpeg" | "png" | "heif" | "webp"
    taken_at: datetime | None  # from EXIF; aware if OffsetTimeOriginal present, else naive local
    lat: float | None
    lon: float | None


# --- Formats -----------------------------------------------------------------------------------
@cache
def heif_available() -> bool:
    """Whether HEIC/HEIF can be read here (pillow-heif importable); registers it with Pillow once."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        logger.info("pillow-heif is not installed: HEIC/HEIF photos will be refused")
        return False
    register_heif_opener()
    return True


def accepted_formats() -> tuple[str, ...]:
    """Our names of the formats this installation accepts."""
    names = ["jpeg", "png", "heif", "webp"]
    return tuple(name for name in names if name != "heif" or heif_available())


def _accepted_text() -> str:
    labels = {"jpeg": "JPEG", "png": "PNG", "heif": "HEIC/HEIF", "webp": "WebP"}
    return ", ".join(labels[name] for name in accepted_formats())


def _pillow_formats() -> tuple[str, ...]:
    """Pillow openers to try; MPO has none of its own (the JPEG opener returns it)."""
    ours = accepted_formats()
    return tuple(pillow for pillow, name in _FORMATS.items() if name in ours and pillow != "MPO")


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF/RAW"),
    (b"MM\x00*", "TIFF/RAW"),
    (b"II+\x00", "TIFF/RAW"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}


def _sniff_kind(data: bytes) -> str | None:
    """Which picture format ``data`` looks like from its first bytes, without decoding anything.

    Returns one of our format names for accepted kinds, a display name ("GIF", "TIFF/RAW"...) for
    pictures we refuse, or ``None`` when it does not look like a picture at all.
    """
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:2] == b"BM" and len(data) >= 18:
        (dib_header_size,) = struct.unpack_from("<I", data, 14)
        if dib_header_size in (12, 40, 52, 56, 64, 108, 124):
            return "BMP"
    return _sniff_iso_media(data)


def _sniff_iso_media(data: bytes) -> str | None:
    """HEIF or AVIF from the ``ftyp`` box that opens an ISO base media file."""
    if data[4:8] != b"ftyp" or len(data) < 16:
        return None
    (box_size,) = struct.unpack_from(">I", data, 0)
    end = min(max(box_size, 16), len(data), 4096)
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, end - 3, 4)}
    if brands & _AVIF_BRANDS and not brands & (_HEIF_BRANDS - {b"mif1", b"msf1"}):
        return "AVIF"
    return "heif" if brands & _HEIF_BRANDS else None


# --- Decoding ----------------------------------------------------------------------------------
@contextmanager
def _quiet_pillow() -> Iterator[None]:
    with _WARNINGS_LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


# What Pillow and its plugins raise on files they cannot parse or decode.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, RuntimeError)


def _open(data: bytes, name: str) -> Image.Image:
    """Identify the picture and check its declared size; no pixel is decoded yet."""
    try:
        with _quiet_pillow():
            image = Image.open(io.BytesIO(data), formats=_pillow_formats())
    except UnidentifiedImageError:
        raise _unidentified(data, name) from None
    except Image.DecompressionBombError:
        raise _too_many_pixels(name) from None
    except _DECODE_ERRORS as error:
        logger.info("%s: cannot parse picture header: %s", name, error)
        raise PhotoError("damaged", name) from None
    width, height = image.size
    if width < 1 or height < 1 or max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        image.close()
        raise _too_many_pixels(name)
    return image


def _unidentified(data: bytes, name: str) -> PhotoError:
    kind = _sniff_kind(data)
    if kind is None:
        return PhotoError("not_an_image", name, accepted=_accepted_text())
    if kind in accepted_formats():
        return PhotoError("damaged", name)  # looks like one of ours, but Pillow could not parse it
    if kind == "heif":
        return PhotoError("heif_unavailable", name)
    return PhotoError("unsupported_format", name, kind=kind, accepted=_accepted_text())


def _too_many_pixels(name: str) -> PhotoError:
    return PhotoError("too_many_pixels", name, max_megapixels=MAX_PIXELS // 1_000_000, max_side=MAX_SIDE)


def _decode(image: Image.Image, name: str) -> Image.Image:
    """Decode the pixels, letting libjpeg scale a big JPEG down by 2, 4 or 8 while it decodes."""
    draft_size = _draft_size(image.size)
    if draft_size is not None:
        image.draft(None, draft_size)  # JPEG/MPO only; a no-op for the other formats
    try:
        image.load()
    except _DECODE_ERRORS as error:
        logger.info("%s: cannot decode picture: %s", name, error)
        raise PhotoError("damaged", name) from None
    return image


def _draft_size(size: tuple[int, int]) -> tuple[int, int] | None:
    """Smallest decode size that keeps :data:`DRAFT_FACTOR` × the upload size, if any smaller."""
    floor = UPLOAD_LONG_SIDE * DRAFT_FACTOR
    if max(size) <= floor:
        return None
    return _fit(size, floor, ceil=True)


def _fit(size: tuple[int, int], long_side: int, *, ceil: bool = False) -> tuple[int, int]:
    """``size`` scaled so its longer side is ``long_side`` (never scaled up); sides stay ≥ 1."""
    width, height = size
    longest = max(width, height)
    if longest <= long_side:
        return size
    if ceil:
        return (-(-width * long_side // longest), -(-height * long_side // longest))
    return (
        max(1, (2 * width * long_side + longest) // (2 * longest)),
        max(1, (2 * height * long_side + longest) // (2 * longest)),
    )


# --- Pixels ------------------------------------------------------------------------------------
_TRANSPOSE = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}


def _orient(image: Image.Image, orientation: int) -> Image.Image:
    for method in _TRANSPOSE.get(orientation, ()):
        image = image.transpose(method)
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Plain 8-bit sRGB: colour-managed when the file has an ICC profile, alpha flattened on white."""
    icc = image.info.get("icc_profile")
    alpha: Image.Image | None = None
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        image = rgba.convert("RGB")
    elif image.mode in ("I", "I;16", "I;16L", "I;16B", "I;16N"):
        image = image.convert("I").point(lambda value: value / 256).convert("L")  # 16 → 8 bit
    elif image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    image = _apply_icc(image, icc) if icc else image
    if image.mode != "RGB":
        image = image.convert("RGB")
    if alpha is not None:
        image = Image.composite(image, Image.new("RGB", image.size, "white"), alpha)
    return image


def _apply_icc(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from the embedded profile to sRGB; an unusable profile is ignored (as browsers do)."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(image, source, _srgb_profile(), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as error:
        logger.info("ignoring unusable ICC profile: %s", error)
        return image
    return converted if converted is not None else image


@cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _scaled(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode_jpeg(image: Image.Image, quality: int, *, progressive: bool) -> bytes:
    """JPEG with no EXIF, ICC, XMP or comment: the same pixels always give the same bytes."""
    image.info.clear()  # nothing from the source file may ride along
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=progressive)
    return out.getvalue()


# --- The pipeline ------------------------------------------------------------------------------
def check_file_size(size: int, name: str) -> None:
    """Refuse an empty or too big file before reading it."""
    if size == 0:
        raise PhotoError("empty", name)
    if size > MAX_FILE_BYTES:
        raise PhotoError(
            "file_too_big",
            name,
            size_mb=_megabytes(size),
            max_mb=MAX_FILE_BYTES // (1024 * 1024),
        )


def _megabytes(size: int) -> Decimal:
    return (Decimal(size) / (1024 * 1024)).quantize(Decimal("0.1"))


def process_photo(data: bytes, name: str) -> tuple[ProcessedPhoto, bytes, bytes]:
    """Pure CPU work, no disk: returns (info, upload_jpeg_bytes, thumbnail_jpeg_bytes).

    Raises :class:`PhotoError` for anything that is not an acceptable, readable picture.
    """
    check_file_size(len(data), name)
    image = _open(data, name)
    original_format = _FORMATS[image.format or ""]
    stored_size = image.size  # as declared: draft() may shrink the decoded picture
    image = _decode(image, name)
    with _quiet_pillow():
        facts = read_exif(image)
    picture = _to_srgb(_orient(image, facts.orientation))
    upload = _scaled(picture, _fit(_oriented_size(stored_size, facts.orientation), UPLOAD_LONG_SIDE))
    upload_bytes = _encode_jpeg(upload, UPLOAD_QUALITY, progressive=True)
    thumbnail = _scaled(upload, _fit(upload.size, THUMBNAIL_LONG_SIDE))
    thumbnail_bytes = _encode_jpeg(thumbnail, THUMBNAIL_QUALITY, progressive=False)
    info = ProcessedPhoto(
        sha256=sha256(upload_bytes).hexdigest(),
        width=upload.width,
        height=upload.height,
        upload_size=len(upload_bytes),
        original_name=name,
        original_size=len(data),
        original_format=original_format,
        taken_at=facts.taken_at,
        lat=facts.lat,
        lon=facts.lon,
    )
    return info, upload_bytes, thumbnail_bytes


def process_received(data: bytes, sha: str) -> tuple[ProcessedPhoto, bytes]:
    """An upload copy that came from the server (another laptop's photo): kept byte for byte,
    since its name is its hash. Checks that it is that photo and a picture; returns (info,
    thumbnail_jpeg_bytes). Raises :class:`PhotoError` otherwise."""
    name = f"{sha[:12]}.jpg"
    if sha256(data).hexdigest() != sha:
        raise PhotoError("not_that_photo", name)
    image = _decode(_open(data, name), name)
    thumbnail = _scaled(image.convert("RGB"), _fit(image.size, THUMBNAIL_LONG_SIDE))
    info = ProcessedPhoto(
        sha256=sha,
        width=image.width,
        height=image.height,
        upload_size=len(data),
        original_name=name,
        original_size=len(data),
        original_format="jpeg",
        taken_at=None,
        lat=None,
        lon=None,
    )
    return info, _encode_jpeg(thumbnail, THUMBNAIL_QUALITY, progressive=False)


def _oriented_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    """The picture's size once upright: orientations 5-8 turn it a quarter."""
    return (size[1], size[0]) if orientation in (5, 6, 7, 8) else size
