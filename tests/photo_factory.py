"""Photos made in code for tests: JPEG, PNG, HEIC and WebP with chosen EXIF, ICC and damage.

Pictures are asymmetric on purpose: a grey-blue field with a red square in the stored top-left
corner, so a test can see where that corner ends up once EXIF orientation is applied
(:func:`red_corner`).
"""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime
from fractions import Fraction
from typing import Any

from PIL import ExifTags, Image, TiffImagePlugin

BACKGROUND = (60, 90, 160)
MARK = (230, 20, 20)


def make_picture(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A ``width`` × ``height`` picture with a red square in its top-left corner."""
    image = Image.new("RGB", (width, height), BACKGROUND)
    side = max(1, min(width, height) // 4)
    image.paste(MARK, (0, 0, side, side))
    return image.convert(mode) if mode != "RGB" else image


def noisy_picture(width: int, height: int) -> Image.Image:
    """A picture that compresses like a real photo (noise), for size and speed tests."""
    return Image.effect_noise((width, height), 40).convert("RGB")


def exif_block(
    *,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    gps_ifd: dict[int, Any] | None = None,
    taken_at: datetime | str | None = None,
    offset: str | None = None,
) -> Image.Exif:
    """EXIF with the given orientation, GPS position (signed degrees) and capture time.

    ``gps_ifd`` writes raw GPS tags instead of ``gps``, for garbage. An aware ``taken_at`` also writes
    ``OffsetTimeOriginal`` unless ``offset`` says otherwise.
    """
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if taken_at is not None:
        exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
        if isinstance(taken_at, datetime):
            exif_ifd[ExifTags.Base.DateTimeOriginal] = taken_at.strftime("%Y:%m:%d %H:%M:%S")
            if offset is None and taken_at.utcoffset() is not None:
                offset = taken_at.strftime("%z")
                offset = f"{offset[:3]}:{offset[3:]}"
        else:
            exif_ifd[ExifTags.Base.DateTimeOriginal] = taken_at
        if offset is not None:
            exif_ifd[ExifTags.Base.OffsetTimeOriginal] = offset
    if gps is not None:
        gps_ifd = gps_tags(*gps)
    if gps_ifd is not None:
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(gps_ifd)
    return exif


def gps_tags(lat: float, lon: float) -> dict[int, Any]:
    """GPS IFD tags for a position in signed decimal degrees, as a phone writes them."""
    return {
        ExifTags.GPS.GPSVersionID: b"\x02\x02\x00\x00",
        ExifTags.GPS.GPSLatitudeRef: "N" if lat >= 0 else "S",
        ExifTags.GPS.GPSLatitude: dms(abs(lat)),
        ExifTags.GPS.GPSLongitudeRef: "E" if lon >= 0 else "W",
        ExifTags.GPS.GPSLongitude: dms(abs(lon)),
    }


def dms(degrees: float) -> tuple[TiffImagePlugin.IFDRational, ...]:
    """Degrees → (degrees, minutes, seconds/10000) rationals."""
    tenths_of_ms = round(degrees * 3600 * 10000)  # whole ten-thousandths of a second: no float carry
    whole, rest = divmod(tenths_of_ms, 3600 * 10000)
    minutes, rest = divmod(rest, 60 * 10000)
    seconds = Fraction(rest, 10000)
    return (
        TiffImagePlugin.IFDRational(whole, 1),
        TiffImagePlugin.IFDRational(minutes, 1),
        TiffImagePlugin.IFDRational(seconds.numerator, seconds.denominator),
    )


def make_jpeg(
    width: int = 400,
    height: int = 300,
    *,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    gps_ifd: dict[int, Any] | None = None,
    taken_at: datetime | str | None = None,
    offset: str | None = None,
    icc_profile: bytes | None = None,
    mode: str = "RGB",
    quality: int = 90,
    picture: Image.Image | None = None,
) -> bytes:
    """A JPEG of :func:`make_picture` (or ``picture``) with the EXIF of :func:`exif_block`."""
    image = picture if picture is not None else make_picture(width, height, mode)
    exif = exif_block(orientation=orientation, gps=gps, gps_ifd=gps_ifd, taken_at=taken_at, offset=offset)
    params: dict[str, Any] = {"quality": quality, "exif": exif.tobytes()}
    if icc_profile is not None:
        params["icc_profile"] = icc_profile
    return _save(image, "JPEG", **params)


def make_png(
    width: int = 400,
    height: int = 300,
    *,
    mode: str = "RGB",
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    taken_at: datetime | str | None = None,
    icc_profile: bytes | None = None,
    picture: Image.Image | None = None,
) -> bytes:
    """A PNG of :func:`make_picture` (or ``picture``) in ``mode``, EXIF in an ``eXIf`` chunk."""
    image = picture if picture is not None else make_picture(width, height, mode)
    params: dict[str, Any] = {}
    if orientation is not None or gps is not None or taken_at is not None:
        exif = exif_block(orientation=orientation, gps=gps, taken_at=taken_at)
        params["exif"] = exif.tobytes()
    if icc_profile is not None:
        params["icc_profile"] = icc_profile
    return _save(image, "PNG", **params)


def make_heic(
    width: int = 400,
    height: int = 300,
    *,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    taken_at: datetime | str | None = None,
) -> bytes:
    """A HEIC (HEVC in HEIF) as an iPhone writes it; orientation becomes HEIF's ``irot``/``imir``."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    exif = exif_block(orientation=orientation, gps=gps, taken_at=taken_at)
    return _save(make_picture(width, height), "HEIF", quality=90, exif=exif.tobytes())


def make_webp(width: int = 400, height: int = 300, *, mode: str = "RGB") -> bytes:
    return _save(make_picture(width, height, mode), "WEBP", quality=90)


def make_other(kind: str, width: int = 64, height: int = 48) -> bytes:
    """A picture in a format we refuse: ``"GIF"``, ``"BMP"``, ``"TIFF"``..."""
    return _save(make_picture(width, height), kind)


def _save(image: Image.Image, fmt: str, **params: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny, valid-looking PNG whose header claims ``width`` × ``height`` (a decompression bomb).

    Only a few bytes of compressed data follow; decoding it would need the full canvas in memory.
    """

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    row = b"\x00" + b"\x00" * 3 * min(width, 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * 4, 9))
        + chunk(b"IEND", b"")
    )


def red_corner(image: Image.Image) -> str:
    """Which corner of ``image`` holds the red mark: ``"top-left"``, ``"bottom-right"``..."""
    width, height = image.size
    inset = max(1, min(width, height) // 16)
    corners = {
        "top-left": (inset, inset),
        "top-right": (width - 1 - inset, inset),
        "bottom-left": (inset, height - 1 - inset),
        "bottom-right": (width - 1 - inset, height - 1 - inset),
    }
    rgb = image.convert("RGB")
    red = [name for name, xy in corners.items() if _is_red(rgb.getpixel(xy))]
    if len(red) != 1:
        raise AssertionError(f"expected exactly one red corner, found {red}")
    return red[0]


def _is_red(pixel: Any) -> bool:
    r, g, b = pixel
    return r > 180 and g < 80 and b < 80


# --- ICC ------------------------------------------------------------------------------------------
# sRGB's colourants adapted to D50, as in every sRGB ICC profile.
_SRGB_RED = (0.4361, 0.2225, 0.0139)
_SRGB_GREEN = (0.3851, 0.7169, 0.0971)
_SRGB_BLUE = (0.1431, 0.0606, 0.7141)
_D50 = (0.9642, 1.0, 0.8249)


def icc_profile_swapping_red_and_green() -> bytes:
    """A small ICC v2 RGB display profile whose red primary is sRGB green and vice versa.

    A pure red pixel tagged with it *is* green, so a pipeline that colour-manages turns it green,
    and one that only drops the profile leaves it red.
    """

    def s15f16(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(values: tuple[float, float, float]) -> bytes:
        return b"XYZ \x00\x00\x00\x00" + b"".join(s15f16(v) for v in values)

    def desc(text: str) -> bytes:
        ascii_text = text.encode("ascii") + b"\x00"
        body = b"desc\x00\x00\x00\x00" + struct.pack(">I", len(ascii_text)) + ascii_text
        body += b"\x00" * 8  # no Unicode description
        body += b"\x00" * 3 + b"\x00" * 67  # no ScriptCode description
        return body

    gamma = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, round(2.2 * 256)) + b"\x00\x00"
    tags = [
        (b"desc", desc("Swapped red/green (test)")),
        (b"wtpt", xyz(_D50)),
        (b"rXYZ", xyz(_SRGB_GREEN)),
        (b"gXYZ", xyz(_SRGB_RED)),
        (b"bXYZ", xyz(_SRGB_BLUE)),
        (b"rTRC", gamma),
        (b"gTRC", gamma),
        (b"bTRC", gamma),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        padded = body + b"\x00" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += padded
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"\x00\x00\x00\x00"  # preferred CMM
        + bytes([2, 0x10, 0, 0])  # version 2.1
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2025, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\x00" * 4  # platform
        + b"\x00" * 4  # flags
        + b"\x00" * 8  # manufacturer, model
        + b"\x00" * 8  # attributes
        + struct.pack(">I", 0)  # perceptual intent
        + b"".join(s15f16(v) for v in _D50)
        + b"\x00" * 4  # creator
        + b"\x00" * 16  # profile ID
        + b"\x00" * 28
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data
