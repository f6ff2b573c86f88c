"""The photo pipeline on real, generated files: orientation, metadata, sizes, storage, bad input."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import string
import subprocess
import sys
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageCms, TiffImagePlugin

from fieldapp import photo_library, photos
from fieldapp.exif import read_gps
from fieldapp.i18n import LANGUAGES
from fieldapp.photo_library import PhotoLibrary
from fieldapp.photos import PhotoError, ProcessedPhoto, process_photo
from fieldapp.resources import resource_path
from tests import photo_factory as factory

NAME = "субботник 2025-09-20.jpg"  # Cyrillic and spaces, as people name files
ASTANA = timezone(timedelta(hours=5))
R = TiffImagePlugin.IFDRational


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def files_under(root: Path) -> set[Path]:
    """Every file below ``root``, temp files included (they start with a dot)."""
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.fixture
def library(tmp_path: Path) -> PhotoLibrary:
    return PhotoLibrary(tmp_path / "photos")


# --- Orientation ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("orientation", "corner", "size"),
    [
        (None, "top-left", (400, 300)),
        (1, "top-left", (400, 300)),
        (3, "bottom-right", (400, 300)),
        (6, "top-right", (300, 400)),
        (8, "bottom-left", (300, 400)),
        (2, "top-right", (400, 300)),
        (9, "top-left", (400, 300)),  # not an EXIF orientation: shown as stored
    ],
)
def test_exif_orientation_is_applied(orientation, corner, size):
    info, upload, thumbnail = process_photo(factory.make_jpeg(400, 300, orientation=orientation), NAME)
    assert (info.width, info.height) == size
    assert factory.red_corner(decoded(upload)) == corner
    assert factory.red_corner(decoded(thumbnail)) == corner
    assert decoded(upload).getexif().get(ExifTags.Base.Orientation) is None


def test_orientation_in_png_exif_is_applied():
    info, upload, _ = process_photo(factory.make_png(400, 300, orientation=6), "scan.png")
    assert (info.width, info.height) == (300, 400)
    assert factory.red_corner(decoded(upload)) == "top-right"


def test_big_rotated_jpeg_is_scaled_on_its_upright_long_side():
    data = factory.make_jpeg(4000, 3000, orientation=8)
    info, upload, thumbnail = process_photo(data, NAME)
    assert (info.width, info.height) == (1200, 1600)
    assert decoded(thumbnail).size == (240, 320)
    assert factory.red_corner(decoded(upload)) == "bottom-left"


# --- Time and place -------------------------------------------------------------------------------
def test_gps_south_and_west_are_negative():
    info, _, _ = process_photo(factory.make_jpeg(gps=(-33.868820, -151.209290)), NAME)
    assert info.lat == pytest.approx(-33.868820, abs=1e-6)
    assert info.lon == pytest.approx(-151.209290, abs=1e-6)


def test_gps_north_east_is_rounded_to_six_places():
    info, _, _ = process_photo(factory.make_jpeg(gps=(51.128207, 71.430420)), NAME)
    assert info.lat == pytest.approx(51.128207, abs=1e-6)
    assert info.lon == pytest.approx(71.430420, abs=1e-6)
    assert info.lat == round(info.lat, 6)
    assert info.lon == round(info.lon, 6)


def test_no_gps_gives_none():
    info, _, _ = process_photo(factory.make_jpeg(), NAME)
    assert (info.lat, info.lon, info.taken_at) == (None, None, None)


LAT, LON = ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLongitude
LAT_REF, LON_REF = ExifTags.GPS.GPSLatitudeRef, ExifTags.GPS.GPSLongitudeRef
GOOD_GPS = factory.gps_tags(43.238949, 76.889709)


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({LAT_REF: None}, id="no latitude ref"),
        pytest.param({LON_REF: "Q"}, id="unknown longitude ref"),
        pytest.param({LAT: None}, id="no latitude"),
        pytest.param({LAT: (R(0, 0), R(0, 0), R(0, 0))}, id="0/0 rationals"),
        pytest.param({LAT: (R(95, 1), R(0, 1), R(0, 1))}, id="latitude over 90"),
        pytest.param({LON: (R(76, 1), R(75, 1), R(0, 1))}, id="75 minutes"),
        pytest.param({LAT: (R(1, 1),) * 4}, id="four parts"),
        pytest.param(
            {LAT: (R(0, 1), R(0, 1), R(0, 1)), LON: (R(0, 1), R(0, 1), R(0, 1))},
            id="zeros without a fix",
        ),
    ],
)
def test_garbage_gps_is_ignored(changes):
    tags = {**GOOD_GPS, **changes}
    gps_ifd = {tag: value for tag, value in tags.items() if value is not None}
    info, _, _ = process_photo(factory.make_jpeg(gps_ifd=gps_ifd), NAME)
    assert (info.lat, info.lon) == (None, None)


@pytest.mark.parametrize(
    "gps_ifd",
    [
        {LAT_REF: "N", LAT: "43.2", LON_REF: "E", LON: (76.0, 0.0, 0.0)},
        {LAT_REF: 1, LAT: (43.0, 0.0, 0.0), LON_REF: "E", LON: (76.0, 0.0, 0.0)},
        {LAT_REF: "N", LAT: (43.0, -1.0, 0.0), LON_REF: "E", LON: (76.0, 0.0, 0.0)},
        {LAT_REF: "N", LAT: (43.0, float("inf"), 0.0), LON_REF: "E", LON: (76.0, 0.0, 0.0)},
        {LAT_REF: "N", LAT: (43.0, 0.0, 0.0), LON_REF: "E", LON: ()},
        {LAT_REF: "N", LAT: (43.0, 0.0, 0.0), LON_REF: "W", LON: (181.0, 0.0, 0.0)},
    ],
)
def test_read_gps_ignores_values_no_writer_should_produce(gps_ifd):
    assert read_gps(gps_ifd) is None


def test_read_gps_accepts_byte_refs_with_padding():
    gps_ifd = {LAT_REF: b"S\x00", LAT: (43.0, 30.0, 0.0), LON_REF: "w ", LON: (76.0, 0.0, 36.0)}
    assert read_gps(gps_ifd) == (-43.5, -76.01)


def test_gps_with_decimal_degrees_in_first_rational():
    gps_ifd = {**GOOD_GPS, LAT: (R(43238949, 1000000),), LON: (R(76889709, 1000000),)}
    info, _, _ = process_photo(factory.make_jpeg(gps_ifd=gps_ifd), NAME)
    assert (info.lat, info.lon) == (43.238949, 76.889709)


def test_taken_at_with_offset_is_aware():
    when = datetime(2025, 9, 20, 10, 30, 5, tzinfo=ASTANA)
    info, _, _ = process_photo(factory.make_jpeg(taken_at=when), NAME)
    assert info.taken_at == when
    assert info.taken_at.utcoffset() == timedelta(hours=5)


def test_taken_at_without_offset_is_naive_local_time():
    info, _, _ = process_photo(factory.make_jpeg(taken_at=datetime(2025, 4, 26, 9, 0, 0)), NAME)
    assert info.taken_at == datetime(2025, 4, 26, 9, 0, 0)
    assert info.taken_at.tzinfo is None


def test_taken_at_in_png_exif():
    info, _, _ = process_photo(factory.make_png(taken_at=datetime(2025, 4, 26, 9, 0, 0)), "a.png")
    assert info.taken_at == datetime(2025, 4, 26, 9, 0, 0)


@pytest.mark.parametrize(
    "text", ["0000:00:00 00:00:00", "    :  :     :  :  ", "2025:13:01 10:00:00", "yesterday"]
)
def test_garbage_time_is_ignored(text):
    info, _, _ = process_photo(factory.make_jpeg(taken_at=text), NAME)
    assert info.taken_at is None


@pytest.mark.parametrize("offset", ["+5", "+25:00", "local", "+05:75"])
def test_garbage_offset_leaves_time_naive(offset):
    info, _, _ = process_photo(factory.make_jpeg(taken_at="2025:09:20 10:30:05", offset=offset), NAME)
    assert info.taken_at == datetime(2025, 9, 20, 10, 30, 5)


def test_corrupt_exif_block_is_ignored():
    jpeg = factory.make_jpeg()
    exif = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\xff\x7f" + b"\x01\x02\x03\x04" * 8
    segment = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
    info, upload, _ = process_photo(jpeg[:2] + segment + jpeg[2:], NAME)
    assert (info.taken_at, info.lat, info.lon) == (None, None, None)
    assert factory.red_corner(decoded(upload)) == "top-left"


# --- Sizes, encoding and metadata -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("size", "upload", "thumb"),
    [
        ((4000, 3000), (1600, 1200), (320, 240)),
        ((3000, 4000), (1200, 1600), (240, 320)),
        ((1600, 900), (1600, 900), (320, 180)),
        ((400, 300), (400, 300), (320, 240)),  # never scaled up
        ((200, 100), (200, 100), (200, 100)),
        ((12000, 30), (1600, 4), (320, 1)),  # a panorama strip keeps at least one pixel
    ],
)
def test_upload_and_thumbnail_sizes(size, upload, thumb):
    info, upload_bytes, thumb_bytes = process_photo(factory.make_png(*size), "p.png")
    assert (info.width, info.height) == upload
    assert decoded(upload_bytes).size == upload
    assert decoded(thumb_bytes).size == thumb
    assert info.upload_size == len(upload_bytes)


def test_upload_copy_is_a_plain_progressive_rgb_jpeg_without_metadata():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = factory.make_jpeg(
        2400, 1800, orientation=6, gps=(43.2, 76.9), taken_at=datetime(2025, 9, 20), icc_profile=srgb
    )
    _, upload, thumbnail = process_photo(data, NAME)
    for jpeg in (upload, thumbnail):
        image = decoded(jpeg)
        assert image.format == "JPEG"
        assert image.mode == "RGB"
        assert not image.getexif()
        assert "exif" not in image.info
        assert "icc_profile" not in image.info
        assert b"Exif\x00\x00" not in jpeg
        assert b"ICC_PROFILE" not in jpeg
    assert decoded(upload).info.get("progressive")


def test_big_jpeg_is_drafted_without_visible_loss():
    """A 6400×4800 JPEG decodes at half size (3200×2400) and still matches a full decode."""
    gradient = Image.linear_gradient("L").resize((6400, 4800))
    picture = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT), gradient))
    data = factory.make_jpeg(picture=picture, quality=92)
    info, upload, _ = process_photo(data, NAME)
    reference = decoded(data).resize((1600, 1200), Image.Resampling.LANCZOS)
    ours = decoded(upload)
    assert (info.width, info.height) == (1600, 1200)
    diff = [abs(a - b) for a, b in zip(ours.tobytes(), reference.tobytes(), strict=True)]
    assert sum(diff) / len(diff) < 2.0


def test_same_input_gives_same_bytes_and_hash():
    data = factory.make_jpeg(1800, 1200, orientation=6, gps=(43.2, 76.9))
    first, second = process_photo(data, "a.jpg"), process_photo(data, "b.jpg")
    assert first[1:] == second[1:]
    assert first[0].sha256 == second[0].sha256


def test_hash_is_the_same_in_another_process(tmp_path: Path):
    data = factory.make_png(900, 700, mode="RGBA")
    (tmp_path / "in.png").write_bytes(data)
    code = (
        "import sys; from pathlib import Path; from fieldapp.photos import process_photo;"
        "print(process_photo(Path(sys.argv[1]).read_bytes(), 'in.png')[0].sha256)"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "in.png")],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    assert other.stdout.strip() == process_photo(data, "in.png")[0].sha256


def test_sha256_is_of_the_upload_copy():
    from hashlib import sha256

    info, upload, _ = process_photo(factory.make_jpeg(), NAME)
    assert info.sha256 == sha256(upload).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{64}", info.sha256)


# --- Colour modes and formats ---------------------------------------------------------------------
def test_png_alpha_is_flattened_onto_white():
    picture = Image.new("RGBA", (100, 50), (0, 0, 0, 0))
    picture.paste((200, 0, 0, 255), (0, 0, 50, 50))
    picture.paste((0, 0, 0, 128), (50, 0, 75, 50))
    info, upload, _ = process_photo(factory.make_png(picture=picture), "alpha.png")
    image = decoded(upload)
    assert info.original_format == "png"
    assert _close(image.getpixel((20, 25)), (200, 0, 0))
    assert _close(image.getpixel((60, 25)), (127, 127, 127))
    assert _close(image.getpixel((90, 25)), (255, 255, 255))


def test_grey_with_alpha_png():
    picture = Image.new("LA", (60, 40), (0, 0))
    picture.paste((0, 255), (0, 0, 30, 40))
    _, upload, _ = process_photo(factory.make_png(picture=picture), "la.png")
    image = decoded(upload)
    assert _close(image.getpixel((10, 20)), (0, 0, 0))
    assert _close(image.getpixel((50, 20)), (255, 255, 255))


def test_palette_png():
    info, upload, _ = process_photo(factory.make_png(400, 300, mode="P"), "palette.png")
    assert (info.width, info.height) == (400, 300)
    assert factory.red_corner(decoded(upload)) == "top-left"


def test_palette_png_with_transparent_index():
    picture = factory.make_picture(80, 60).convert("P")
    picture.info["transparency"] = picture.getpixel((79, 59))  # the blue background index
    _, upload, _ = process_photo(factory.make_png(picture=picture), "trns.png")
    image = decoded(upload)
    assert _close(image.getpixel((79, 59)), (255, 255, 255))
    assert factory.red_corner(image) == "top-left"


def test_sixteen_bit_grey_png_keeps_its_tones():
    row = (0).to_bytes(2, "little") * 32 + (32768).to_bytes(2, "little") * 32
    picture = Image.frombytes("I;16", (64, 16), row * 16)
    _, upload, _ = process_photo(factory.make_png(picture=picture), "16bit.png")
    image = decoded(upload)
    assert _close(image.getpixel((8, 8)), (0, 0, 0))
    assert _close(image.getpixel((56, 8)), (128, 128, 128))


@pytest.mark.parametrize("mode", ["L", "CMYK", "1"])
def test_other_jpeg_and_png_modes_become_rgb(mode):
    data = factory.make_png(200, 100, mode=mode) if mode == "1" else factory.make_jpeg(200, 100, mode=mode)
    info, upload, _ = process_photo(data, "mode")
    assert decoded(upload).mode == "RGB"
    assert (info.width, info.height) == (200, 100)


def test_icc_profile_is_converted_to_srgb_not_dropped():
    red_in_swapped_space = Image.new("RGB", (64, 48), (255, 0, 0))
    icc = factory.icc_profile_swapping_red_and_green()
    for data in (
        factory.make_png(picture=red_in_swapped_space, icc_profile=icc),
        factory.make_jpeg(picture=red_in_swapped_space, icc_profile=icc, quality=95),
    ):
        _, upload, _ = process_photo(data, "p3.jpg")
        r, g, b = decoded(upload).getpixel((32, 24))
        assert (g > 200, r < 60, b < 60) == (True, True, True), (r, g, b)
        assert "icc_profile" not in decoded(upload).info


def test_unusable_icc_profile_is_ignored():
    data = factory.make_jpeg(icc_profile=b"not really a profile" * 10)
    _, upload, _ = process_photo(data, NAME)
    assert factory.red_corner(decoded(upload)) == "top-left"


def test_heic_from_an_iphone():
    when = datetime(2025, 9, 20, 11, 0, 0)
    data = factory.make_heic(400, 300, orientation=6, gps=(43.238949, 76.889709), taken_at=when)
    info, upload, _ = process_photo(data, "IMG_0001.HEIC")
    assert info.original_format == "heif"
    assert (info.width, info.height) == (300, 400)
    assert factory.red_corner(decoded(upload)) == "top-right"
    assert (info.lat, info.lon, info.taken_at) == (43.238949, 76.889709, when)


def test_mpo_jpeg_with_extra_frames_is_a_jpeg():
    """Some phones (Samsung, Fujifilm) write JPEGs with extra frames, which Pillow opens as MPO."""
    out = io.BytesIO()
    factory.make_picture(2000, 1500).save(
        out, "MPO", save_all=True, append_images=[factory.make_picture(200, 150)]
    )
    info, upload, _ = process_photo(out.getvalue(), "20250920_103005.jpg")
    assert info.original_format == "jpeg"
    assert (info.width, info.height) == (1600, 1200)
    assert factory.red_corner(decoded(upload)) == "top-left"


def test_webp_is_accepted():
    info, upload, _ = process_photo(factory.make_webp(300, 200), "whatsapp.webp")
    assert info.original_format == "webp"
    assert factory.red_corner(decoded(upload)) == "top-left"


def _close(pixel, expected, tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected, strict=True))


# --- The library ----------------------------------------------------------------------------------
def test_import_stores_original_upload_and_thumbnail(library: PhotoLibrary, tmp_path: Path):
    data = factory.make_jpeg(2000, 1500, gps=(43.2, 76.9))
    source = tmp_path / NAME
    source.write_bytes(data)
    info = library.import_file(source)
    assert isinstance(info, ProcessedPhoto)
    assert (info.original_name, info.original_size, info.original_format) == (NAME, len(data), "jpeg")
    assert library.has(info.sha256)
    expected_original = library.root / "originals" / info.sha256[:2] / f"{info.sha256}.jpg"
    assert library.original_path(info.sha256) == expected_original
    assert library.original_path(info.sha256).read_bytes() == data  # untouched
    assert library.upload_path(info.sha256).stat().st_size == info.upload_size
    assert decoded(library.upload_path(info.sha256).read_bytes()).size == (1600, 1200)
    assert decoded(library.thumbnail_path(info.sha256).read_bytes()).size == (320, 240)
    assert list(library.iter_hashes()) == [info.sha256]
    assert source.read_bytes() == data
    assert not [p for p in files_under(library.root) if p.name.startswith(".")]


def test_same_photo_twice_is_stored_once(library: PhotoLibrary, tmp_path: Path):
    data = factory.make_jpeg(800, 600)
    source = tmp_path / "a.jpg"
    source.write_bytes(data)
    first = library.import_file(source)
    stored = {p: p.stat().st_mtime_ns for p in files_under(library.root)}
    second = library.import_bytes(data, "copy of a.jpg")
    assert second.sha256 == first.sha256
    assert second.original_name == "copy of a.jpg"
    assert {p: p.stat().st_mtime_ns for p in files_under(library.root)} == stored
    assert len(stored) == 3


def test_two_files_with_the_same_upload_copy_are_stored_once(library: PhotoLibrary):
    plain = factory.make_png(500, 400)
    with_metadata = factory.make_png(500, 400, gps=(43.2, 76.9), taken_at=datetime(2025, 1, 1))
    assert plain != with_metadata
    first = library.import_bytes(plain, "a.png")
    second = library.import_bytes(with_metadata, "b.png")
    assert first.sha256 == second.sha256
    assert len(files_under(library.root)) == 3
    assert library.original_path(first.sha256).read_bytes() == plain  # the first one is kept


def test_concurrent_imports_of_one_photo_store_one_set(library: PhotoLibrary):
    data = factory.make_jpeg(1200, 900, gps=(43.2, 76.9))
    with ThreadPoolExecutor(max_workers=6) as pool:
        infos = list(pool.map(lambda i: library.import_bytes(data, f"copy {i}.jpg"), range(12)))
    assert len({info.sha256 for info in infos}) == 1
    assert len(files_under(library.root)) == 3
    assert library.original_path(infos[0].sha256).read_bytes() == data


def test_heic_original_keeps_its_extension(library: PhotoLibrary):
    info = library.import_bytes(factory.make_heic(), "IMG_0002.HEIC")
    assert library.original_path(info.sha256).suffix == ".heic"


def test_remove_deletes_all_three_files(library: PhotoLibrary):
    kept = library.import_bytes(factory.make_jpeg(300, 200), "kept.jpg")
    gone = library.import_bytes(factory.make_png(300, 200, mode="L"), "gone.png")
    library.remove(gone.sha256)
    assert not library.has(gone.sha256)
    assert library.original_path(gone.sha256) is None
    assert not library.thumbnail_path(gone.sha256).exists()
    assert list(library.iter_hashes()) == [kept.sha256]
    assert len(files_under(library.root)) == 3
    library.remove(gone.sha256)  # removing again is fine


def test_missing_files_are_rewritten_on_import(library: PhotoLibrary):
    data = factory.make_jpeg(300, 200)
    info = library.import_bytes(data, "a.jpg")
    library.thumbnail_path(info.sha256).unlink()
    library.import_bytes(data, "a.jpg")
    assert library.thumbnail_path(info.sha256).is_file()


def test_empty_library(library: PhotoLibrary):
    assert list(library.iter_hashes()) == []
    assert not library.has("0" * 64)
    assert library.original_path("0" * 64) is None
    assert not library.root.exists()  # folders are made when the first photo arrives


@pytest.mark.parametrize(
    "bad", ["", "../../etc/passwd", "A" * 64, "0" * 63, "0" * 65, "g" * 64, "0" * 63 + "/", None]
)
def test_paths_refuse_anything_but_a_sha256(library: PhotoLibrary, bad):
    methods = (library.upload_path, library.thumbnail_path, library.original_path)
    for method in (*methods, library.has, library.remove):
        with pytest.raises(ValueError, match="SHA-256"):
            method(bad)


@pytest.mark.allow_log_warnings(r"cannot store photo")
def test_failed_store_leaves_nothing_half_written(library: PhotoLibrary):
    data = factory.make_jpeg(300, 200)
    sha = process_photo(data, "a.jpg")[0].sha256
    blocker = library.root / "upload" / sha[:2]
    blocker.parent.mkdir(parents=True)
    blocker.write_bytes(b"")  # a file where the upload folder should be: mkdir fails
    with pytest.raises(PhotoError) as caught:
        library.import_bytes(data, "a.jpg")
    assert caught.value.reason == "cannot_store"
    assert files_under(library.root) == {blocker}
    assert not library.has(sha)


# --- Bad input ------------------------------------------------------------------------------------
def _truncated_jpeg() -> bytes:
    data = factory.make_jpeg(picture=factory.noisy_picture(800, 600))
    return data[: len(data) // 2]


def _corrupt_jpeg() -> bytes:
    data = bytearray(factory.make_jpeg(800, 600))
    data[20:300] = b"\x00" * 280  # quantisation and Huffman tables are gone
    return bytes(data)


def _pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


BAD_INPUT: dict[str, tuple[Callable[[], bytes], str]] = {
    "truncated jpeg": (_truncated_jpeg, "damaged"),
    "truncated png": (lambda: factory.make_png(picture=factory.noisy_picture(300, 200))[:5000], "damaged"),
    "truncated heic": (lambda: factory.make_heic()[:400], "damaged"),
    "corrupt jpeg": (_corrupt_jpeg, "damaged"),
    "random bytes": (lambda: bytes(range(256)) * 8, "not_an_image"),
    "decompression bomb": (lambda: factory.png_claiming(100_000, 100_000), "too_many_pixels"),
    "over our pixel limit": (lambda: factory.png_claiming(11_000, 11_000), "too_many_pixels"),
    "too long a side": (lambda: factory.png_claiming(25_000, 1_000), "too_many_pixels"),
    "empty": (lambda: b"", "empty"),
    "text": (lambda: "Ақсу ауылы, сенбілік\n".encode() * 20, "not_an_image"),
    "pdf": (_pdf, "not_an_image"),
    "gif": (lambda: factory.make_other("GIF"), "unsupported_format"),
    "bmp": (lambda: factory.make_other("BMP"), "unsupported_format"),
    "tiff": (lambda: factory.make_other("TIFF"), "unsupported_format"),
    "avif": (lambda: factory.make_other("AVIF"), "unsupported_format"),
}


def assert_names_the_file(error: PhotoError, name: str) -> None:
    for lang in LANGUAGES:
        text = error.text(lang)
        assert name in text, (lang, text)
        assert "{" not in text, (lang, text)
        assert text != error.message.key, (lang, text)


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_bytes_are_refused_and_nothing_is_written(library: PhotoLibrary, case: str):
    make, reason = BAD_INPUT[case]
    library.import_bytes(factory.make_jpeg(300, 200), "earlier.jpg")
    before = files_under(library.root)
    with pytest.raises(PhotoError) as caught:
        library.import_bytes(make(), NAME)
    assert caught.value.reason == reason
    assert caught.value.name == NAME
    assert caught.value.message.key == f"photo.{reason}"
    assert files_under(library.root) == before
    assert_names_the_file(caught.value, NAME)


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_files_are_refused_and_nothing_is_written(library: PhotoLibrary, tmp_path: Path, case: str):
    make, reason = BAD_INPUT[case]
    source = tmp_path / "incoming" / NAME
    source.parent.mkdir()
    source.write_bytes(make())
    with pytest.raises(PhotoError) as caught:
        library.import_file(source)
    assert caught.value.reason == reason
    assert files_under(library.root) == set()
    assert_names_the_file(caught.value, NAME)


def test_unsupported_format_names_it_and_the_accepted_ones():
    with pytest.raises(PhotoError) as caught:
        process_photo(factory.make_other("GIF"), "anim.gif")
    for lang in LANGUAGES:
        text = caught.value.text(lang)
        for kind in ("GIF", "JPEG", "PNG", "HEIC", "WebP"):
            assert kind in text, (lang, text)


def test_warning_filters_are_left_as_they_were():
    before = list(warnings.filters)
    for data in (factory.png_claiming(11_000, 11_000), factory.make_jpeg(orientation=6)):
        with contextlib.suppress(PhotoError):
            process_photo(data, NAME)
    assert warnings.filters == before


def test_decompression_bomb_is_refused_before_decoding():
    bomb = factory.png_claiming(100_000, 100_000)
    assert len(bomb) < 200
    with pytest.raises(PhotoError, match="too large"):
        process_photo(bomb, "bomb.png")


def test_missing_file(library: PhotoLibrary, tmp_path: Path):
    with pytest.raises(PhotoError) as caught:
        library.import_file(tmp_path / "gone.jpg")
    assert caught.value.reason == "file_missing"
    assert_names_the_file(caught.value, "gone.jpg")
    assert files_under(library.root) == set()


def test_folder_instead_of_a_file(library: PhotoLibrary, tmp_path: Path):
    (tmp_path / "DCIM").mkdir()
    with pytest.raises(PhotoError) as caught:
        library.import_file(tmp_path / "DCIM")
    assert caught.value.reason in ("unreadable", "no_permission")  # Windows says "permission"
    assert_names_the_file(caught.value, "DCIM")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(library: PhotoLibrary, tmp_path: Path):
    source = tmp_path / "locked.jpg"
    source.write_bytes(factory.make_jpeg())
    source.chmod(0)
    with pytest.raises(PhotoError) as caught:
        library.import_file(source)
    assert caught.value.reason == "no_permission"
    assert_names_the_file(caught.value, "locked.jpg")


def test_too_big_file_is_refused_without_reading_it(library: PhotoLibrary, tmp_path: Path):
    source = tmp_path / "video.jpg"
    with source.open("wb") as fh:  # sparse: no disk space used, nothing worth reading
        fh.truncate(photos.MAX_FILE_BYTES + 1)
    with pytest.raises(PhotoError) as caught:
        library.import_file(source)
    assert caught.value.reason == "file_too_big"
    assert caught.value.text("ru").startswith("Файл «video.jpg» слишком большой (60 МБ)")
    assert caught.value.text("en") == (
        "“video.jpg” is too big (60 MB). Photos of up to 60 MB can be attached."
    )
    assert files_under(library.root) == set()


def test_too_big_bytes_are_refused(library: PhotoLibrary, monkeypatch: pytest.MonkeyPatch):
    data = factory.make_jpeg(400, 300)
    monkeypatch.setattr(photos, "MAX_FILE_BYTES", len(data) - 1)
    with pytest.raises(PhotoError) as caught:
        library.import_bytes(data, NAME)
    assert caught.value.reason == "file_too_big"
    assert_names_the_file(caught.value, NAME)
    assert files_under(library.root) == set()


def test_pixel_limits_are_module_constants(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(photos, "MAX_SIDE", 399)
    with pytest.raises(PhotoError, match="too large"):
        process_photo(factory.make_jpeg(400, 300), NAME)
    monkeypatch.setattr(photos, "MAX_SIDE", 400)
    monkeypatch.setattr(photos, "MAX_PIXELS", 400 * 300 - 1)
    with pytest.raises(PhotoError, match="too large"):
        process_photo(factory.make_jpeg(400, 300), NAME)


def test_heic_without_pillow_heif_says_so(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(photos, "heif_available", lambda: False)
    assert "heif" not in photos.accepted_formats()
    with pytest.raises(PhotoError) as caught:
        process_photo(factory.make_heic(), "IMG_0003.HEIC")
    assert caught.value.reason == "heif_unavailable"
    assert_names_the_file(caught.value, "IMG_0003.HEIC")
    with pytest.raises(PhotoError) as caught:
        process_photo(b"plain text", "notes.txt")
    assert "HEIC" not in caught.value.text("en")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096))
def test_arbitrary_bytes_give_a_photo_or_a_photo_error(data: bytes):
    with contextlib.suppress(PhotoError):
        assert_a_sound_upload_copy(*process_photo(data, "fuzz"))


_SEED_JPEG = factory.make_jpeg(64, 48, orientation=6, gps=(43.2, 76.9), taken_at="2025:09:20 10:30:05")
_SEED_PNG = factory.make_png(64, 48, mode="RGBA", taken_at="2025:09:20 10:30:05")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from([_SEED_JPEG, _SEED_PNG]),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.integers(0, 10_000),
)
def test_damaged_photos_give_a_photo_or_a_photo_error(seed: bytes, edits, cut: int):
    data = bytearray(seed)
    for position, value in edits:
        data[position % len(data)] = value
    with contextlib.suppress(PhotoError):
        assert_a_sound_upload_copy(
            *process_photo(bytes(data[: max(1, len(data) - cut % len(data))]), "fuzz.jpg")
        )


def assert_a_sound_upload_copy(info: ProcessedPhoto, upload: bytes, thumbnail: bytes) -> None:
    """What any accepted photo gives: a JPEG upload copy of long side at most 1,600 px whose
    SHA-256 is the one recorded, with the size recorded, and a JPEG thumbnail of it."""
    assert hashlib.sha256(upload).hexdigest() == info.sha256
    assert info.upload_size == len(upload)
    copy = decoded(upload)
    assert copy.format == "JPEG"
    assert copy.size == (info.width, info.height)
    assert max(copy.size) <= photos.UPLOAD_LONG_SIDE
    small = decoded(thumbnail)
    assert small.format == "JPEG"
    assert max(small.size) <= photos.THUMBNAIL_LONG_SIDE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.integers(1, 3600),
    height=st.integers(1, 3600),
    orientation=st.sampled_from([None, 1, 3, 6, 8]),
    png=st.booleans(),
)
def test_any_accepted_size_gives_a_sound_upload_copy_in_the_library(
    tmp_path_factory: pytest.TempPathFactory, width: int, height: int, orientation: int | None, png: bool
):
    make = factory.make_png if png else factory.make_jpeg
    data = make(width, height, orientation=orientation)
    library = PhotoLibrary(tmp_path_factory.mktemp("library"))
    info = library.import_bytes(data, "fuzz.png" if png else "fuzz.jpg")
    stored = library.upload_path(info.sha256).read_bytes()  # what sync will send, by this name
    assert_a_sound_upload_copy(info, stored, library.thumbnail_path(info.sha256).read_bytes())
    assert max(info.width, info.height) == min(max(width, height), photos.UPLOAD_LONG_SIDE)


# --- Messages -------------------------------------------------------------------------------------
def _catalogue() -> dict[str, dict[str, str]]:
    data = json.loads(resource_path("i18n", "photos.json").read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_message_has_kk_ru_en_with_the_same_placeholders():
    catalogue = _catalogue()
    assert catalogue
    for key, entry in catalogue.items():
        assert key.startswith("photo."), key
        assert set(entry) == set(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key
        assert len({frozenset(_placeholders(entry[lang])) for lang in LANGUAGES}) == 1, key
        assert "name" in _placeholders(entry["en"]), key
        for lang in ("kk", "ru"):
            assert re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", entry[lang]), (key, lang)
    assert any(re.search("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", entry["kk"]) for entry in catalogue.values())


def test_every_reason_raised_in_code_is_in_the_catalogue():
    source = "".join(Path(module.__file__).read_text(encoding="utf-8") for module in (photos, photo_library))
    reasons = set(re.findall(r'PhotoError\(\s*"([a-z_]+)"', source))
    assert len(reasons) >= 10
    assert {f"photo.{reason}" for reason in reasons} == set(_catalogue())


def test_half_written_files_left_by_a_crash_are_cleaned_up(library: PhotoLibrary):
    info = library.import_bytes(factory.make_jpeg(400, 300), NAME)
    shard = library.upload_path(info.sha256).parent
    stale, fresh = shard / ".tmp-abc.part", shard / ".tmp-def.part"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written now")
    old = os.stat(stale).st_mtime - 7200
    os.utime(stale, (old, old))
    assert library.remove_leftovers() == 1
    assert not stale.exists()
    assert fresh.exists()
    assert library.has(info.sha256)


def test_gps_with_rounded_up_seconds_is_read():
    """Camera firmware rounding 59.9999″ writes 60″; the position is still good (77° 18′)."""
    from PIL import TiffImagePlugin

    gps = factory.gps_tags(43.33, 77.30)
    gps[ExifTags.GPS.GPSLongitude] = (
        TiffImagePlugin.IFDRational(77, 1),
        TiffImagePlugin.IFDRational(17, 1),
        TiffImagePlugin.IFDRational(60, 1),
    )
    info, _, _ = process_photo(factory.make_jpeg(400, 300, gps_ifd=gps), NAME)
    assert (info.lat, info.lon) == (43.33, 77.3)


@pytest.mark.parametrize(("lat", "lon"), [(43.33, 77.30), (51.1694, 71.4491), (-33.8688, -151.2093)])
def test_the_factory_writes_exact_positions(lat: float, lon: float):
    info, _, _ = process_photo(factory.make_jpeg(400, 300, gps=(lat, lon)), NAME)
    assert (info.lat, info.lon) == (lat, lon)
