"""What a photo's EXIF says about when and where it was taken, and which way is up.

Metadata is optional and often wrong: phones write placeholders, editors mangle tags, a GPS without a
fix writes zeros. Every reader here returns ``None`` (or orientation 1) for anything absent or
implausible instead of raising, so a photo is never refused because of its metadata.
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from numbers import Real
from typing import Any

from PIL import ExifTags, Image

# Errors Pillow's lazy EXIF/TIFF parser raises on malformed data.
_EXIF_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    ZeroDivisionError,
    SyntaxError,
    struct.error,
    OSError,
)

_DATETIME_RE = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET_RE = re.compile(r"([+-])(\d{2}):?(\d{2})")

# Orientation values 1..8 as defined by EXIF; anything else means "as stored".
_VALID_ORIENTATIONS = range(1, 9)


@dataclass(frozen=True, slots=True)
class ExifFacts:
    """The few EXIF facts the app keeps; the EXIF block itself is never stored."""

    orientation: int = 1
    taken_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None


def read_exif(image: Image.Image) -> ExifFacts:
    """Orientation, capture time and GPS position of ``image``; defaults where missing or garbage.

    Pillow parses EXIF lazily here and may emit warnings ("Corrupt EXIF data") on mangled blocks;
    callers that must stay quiet silence them around this call (see ``fieldapp.photos``).
    """
    try:
        exif = image.getexif()
    except _EXIF_ERRORS:
        return ExifFacts()
    exif_ifd = _sub_ifd(exif, ExifTags.IFD.Exif)
    position = read_gps(_sub_ifd(exif, ExifTags.IFD.GPSInfo))
    return ExifFacts(
        orientation=read_orientation(exif),
        taken_at=read_taken_at(exif_ifd),
        lat=position[0] if position else None,
        lon=position[1] if position else None,
    )


def _sub_ifd(exif: Image.Exif, tag: int) -> Mapping[int, Any]:
    try:
        return exif.get_ifd(tag)
    except _EXIF_ERRORS:
        return {}


def read_orientation(ifd0: Mapping[int, Any]) -> int:
    """EXIF orientation 1..8 (1 = stored upright); 1 for a missing or invalid value."""
    value = ifd0.get(ExifTags.Base.Orientation, 1)
    return value if isinstance(value, int) and value in _VALID_ORIENTATIONS else 1


def read_taken_at(exif_ifd: Mapping[int, Any]) -> datetime | None:
    """``DateTimeOriginal``, made aware with ``OffsetTimeOriginal`` when that is present and valid.

    Without an offset the result is naive: the camera's local wall-clock time.
    """
    taken = _parse_datetime(exif_ifd.get(ExifTags.Base.DateTimeOriginal))
    if taken is None:
        return None
    offset = _parse_offset(exif_ifd.get(ExifTags.Base.OffsetTimeOriginal))
    return taken.replace(tzinfo=offset) if offset is not None else taken


def _parse_datetime(value: Any) -> datetime | None:
    text = _ascii(value)
    match = _DATETIME_RE.fullmatch(text) if text else None
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        return datetime(year, month, day, hour, minute, second)
    except ValueError:  # "0000:00:00 00:00:00" and other impossible dates
        return None


def _parse_offset(value: Any) -> timezone | None:
    text = _ascii(value)
    if text in ("Z", "+00:00", "-00:00"):
        return UTC
    match = _OFFSET_RE.fullmatch(text) if text else None
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    if int(minutes) >= 60 or int(hours) > 14:  # real offsets run from -12:00 to +14:00
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-delta if sign == "-" else delta)


def read_gps(gps_ifd: Mapping[int, Any]) -> tuple[float, float] | None:
    """(latitude, longitude) in signed decimal degrees rounded to 6 places, or ``None``.

    South and west are negative. Missing or unknown hemisphere references, values out of range,
    NaN (a 0/0 rational) and the all-zero placeholder some phones write without a fix give ``None``.
    """
    lat = _coordinate(
        gps_ifd.get(ExifTags.GPS.GPSLatitude), gps_ifd.get(ExifTags.GPS.GPSLatitudeRef), "N", "S", 90
    )
    lon = _coordinate(
        gps_ifd.get(ExifTags.GPS.GPSLongitude), gps_ifd.get(ExifTags.GPS.GPSLongitudeRef), "E", "W", 180
    )
    if lat is None or lon is None or (lat == 0 and lon == 0):
        return None
    return lat, lon


def _coordinate(value: Any, ref: Any, positive: str, negative: str, limit: int) -> float | None:
    hemisphere = _ascii(ref).upper()
    if hemisphere not in (positive, negative):
        return None
    degrees = _degrees(value)
    if degrees is None or degrees > limit:
        return None
    signed = -degrees if hemisphere == negative else degrees
    return round(signed, 6) + 0.0  # + 0.0 turns -0.0 into 0.0


def _degrees(value: Any) -> float | None:
    """Degrees from EXIF's (degrees, minutes, seconds) rationals; ``None`` if not plausible."""
    parts = value if isinstance(value, tuple) else (value,)
    if not 1 <= len(parts) <= 3 or not all(isinstance(part, Real) for part in parts):
        return None
    try:
        numbers = [float(part) for part in parts]
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    numbers += [0.0] * (3 - len(numbers))
    deg, minutes, seconds = numbers
    # 60 minutes or seconds is what rounding in a camera's firmware writes for 59.9999: accept it.
    if not all(math.isfinite(n) and n >= 0 for n in numbers) or minutes > 60 or seconds > 60:
        return None
    return deg + minutes / 60 + seconds / 3600


def _ascii(value: Any) -> str:
    """An EXIF ASCII value as clean text (Pillow gives str, some writers bytes, padding NULs)."""
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="replace")
    if not isinstance(value, str):
        return ""
    return value.strip("\x00 \t\r\n")
