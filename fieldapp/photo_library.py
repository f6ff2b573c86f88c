"""Photos on disk, addressed by the SHA-256 of their upload copy.

``root/upload/ab/<sha>.jpg`` (what is sent), ``root/thumbs/ab/<sha>.jpg`` (what lists show) and
``root/originals/ab/<sha>.<ext>`` (the file as the camera made it), ``ab`` being the hash's first
two hex digits. The pictures themselves are made by :func:`fieldapp.photos.process_photo`.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

from fieldapp.atomic import PARTIAL_PREFIX, PARTIAL_SUFFIX, write_atomic
from fieldapp.photos import (
    EXTENSIONS,
    MAX_FILE_BYTES,
    SHA256_HEX,
    PhotoError,
    ProcessedPhoto,
    check_file_size,
    process_photo,
    process_received,
)

logger = logging.getLogger(__name__)


class PhotoLibrary:
    """Photos on disk, by upload-copy hash: ``upload/ab/<sha>.jpg``, ``thumbs/ab/<sha>.jpg`` and
    ``originals/ab/<sha>.<ext>`` under ``root`` (``ab`` = the hash's first two hex digits).

    Every file is written atomically, originals and thumbnails before the upload copy, so a photo
    whose upload copy exists is complete: that is what :meth:`has` checks.
    """

    def __init__(self, root: Path):
        self.root = Path(root)

    # Paths
    def upload_path(self, sha256: str) -> Path:
        return self._path("upload", sha256, "jpg")

    def thumbnail_path(self, sha256: str) -> Path:
        return self._path("thumbs", sha256, "jpg")

    def original_path(self, sha256: str) -> Path | None:
        """The stored original, whatever its format, or ``None`` if there is none."""
        for ext in sorted(set(EXTENSIONS.values())):
            path = self._path("originals", sha256, ext)
            if path.is_file():
                return path
        return None

    def _path(self, kind: str, sha256: str, ext: str) -> Path:
        if not isinstance(sha256, str) or not SHA256_HEX.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / kind / sha256[:2] / f"{sha256}.{ext}"

    # Queries
    def has(self, sha256: str) -> bool:
        return self.upload_path(sha256).is_file()

    def iter_hashes(self) -> Iterator[str]:
        """Hashes of the complete photos (those with an upload copy), in sorted order."""
        upload_root = self.root / "upload"
        if not upload_root.is_dir():
            return
        for shard in sorted(upload_root.iterdir()):
            if not shard.is_dir():
                continue
            for path in sorted(shard.glob("*.jpg")):
                if SHA256_HEX.fullmatch(path.stem) and path.stem[:2] == shard.name:
                    yield path.stem

    # Changes
    def import_file(self, path: Path) -> ProcessedPhoto:
        """Read (size-checked), process and store the photo at ``path``; importing again is a no-op."""
        path = Path(path)
        return self.import_bytes(_read_photo_file(path), path.name)

    def import_bytes(self, data: bytes, name: str) -> ProcessedPhoto:
        """Process and store a photo; a photo already stored is not written again."""
        info, upload, thumbnail = process_photo(data, name)
        ext = EXTENSIONS[info.original_format]
        try:
            self._store(info.sha256, data, ext, upload, thumbnail)
        except OSError as error:
            logger.warning("cannot store photo %s: %s", name, error)
            raise PhotoError("cannot_store", name) from error
        return info

    def add_received(self, sha: str, data: bytes) -> ProcessedPhoto:
        """Keep an upload copy received from the server (verified against its hash) with a
        thumbnail made from it; it is its own original."""
        info, thumbnail = process_received(data, sha)
        try:
            self._store(sha, data, "jpg", data, thumbnail)
        except OSError as error:
            logger.warning("cannot store photo %s: %s", sha, error)
            raise PhotoError("cannot_store", info.original_name) from error
        return info

    def add_thumbnail(self, sha: str, data: bytes) -> None:
        """A thumbnail received from the server for a photo whose copy is not here (yet)."""
        if not data.startswith(b"\xff\xd8\xff"):
            raise PhotoError("not_that_photo", f"{sha[:12]}.jpg")
        write_atomic(self.thumbnail_path(sha), data)

    def _store(self, sha: str, original: bytes, ext: str, upload: bytes, thumbnail: bytes) -> None:
        """Write what is missing, upload copy last; on failure remove what this call wrote."""
        pending: list[tuple[Path, bytes]] = []
        if self.original_path(sha) is None:
            pending.append((self._path("originals", sha, ext), original))
        if not self.thumbnail_path(sha).is_file():
            pending.append((self.thumbnail_path(sha), thumbnail))
        if not self.has(sha):
            pending.append((self.upload_path(sha), upload))
        written: list[Path] = []
        try:
            for target, content in pending:
                write_atomic(target, content)
                written.append(target)
        except BaseException:
            for target in written:
                target.unlink(missing_ok=True)
            raise

    def remove_leftovers(self, older_than_s: float = 3600) -> int:
        """Delete half-written files a crash left behind (never a complete photo)."""
        removed = 0
        if not self.root.is_dir():
            return removed
        cutoff = time.time() - older_than_s
        for path in self.root.rglob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def remove(self, sha256: str) -> None:
        """Delete the photo's files, upload copy first so it stops counting as stored at once."""
        self.upload_path(sha256).unlink(missing_ok=True)
        self.thumbnail_path(sha256).unlink(missing_ok=True)
        original = self.original_path(sha256)
        if original is not None:
            original.unlink(missing_ok=True)


def _read_photo_file(path: Path) -> bytes:
    """The file's bytes, refusing a too big one before reading it."""
    name = path.name
    try:
        with path.open("rb") as fh:
            check_file_size(os.fstat(fh.fileno()).st_size, name)
            data = fh.read(MAX_FILE_BYTES + 1)  # the file may have grown since fstat
    except FileNotFoundError:
        raise PhotoError("file_missing", name) from None
    except PermissionError:
        raise PhotoError("no_permission", name) from None
    except OSError as error:  # a folder, a device, an unplugged USB stick...
        logger.info("cannot read %s: %s", path, error)
        raise PhotoError("unreadable", name) from None
    check_file_size(len(data), name)
    return data
