"""Versions compared as PEP 440 orders them, and the release a laptop keeps in its store's meta."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.store import Store
from fieldapp.updates import (
    META_DISMISSED,
    META_RELEASE,
    Release,
    dismiss,
    download_link,
    newer_available,
    parse_version,
    pending_notice,
    release_tag,
    remember_release,
    stored_release,
)


@pytest.mark.parametrize(
    ("current", "latest"),
    [
        ("0.1.0", "0.2.0"),
        ("0.9.1", "0.10.0"),  # numbers, not text
        ("0.9", "0.9.1"),
        ("1.9.9", "2.0"),
        ("0.2.0rc1", "0.2.0"),  # a pre-release comes before its release
        ("0.2.0a2", "0.2.0b1"),
        ("0.2.0b1", "0.2.0rc1"),
        ("0.2.0.dev3", "0.2.0a1"),
        ("0.2.0", "0.2.0.post1"),
        ("0.2.0", "v0.2.1"),
        ("0.2.0", " 0.2.1 "),
        ("0.2.0-rc.1", "0.2.0"),  # other spellings of a pre-release
    ],
)
def test_newer(current: str, latest: str) -> None:
    assert newer_available(current, latest)
    assert not newer_available(latest, current)


@pytest.mark.parametrize(
    ("current", "latest"),
    [
        ("0.2.0", "0.2.0"),
        ("0.2", "0.2.0"),  # the same version written shorter
        ("0.2.0", "0.2.0rc1"),
        ("0.2.0", "0.1.9"),
        ("0.1.0", "latest"),  # not versions: never newer
        ("0.1.0", ""),
        ("0.1.0", "1.0.0+local"),
        ("0.1.0", "1..0"),
        ("0.1.0", "1.0 beta"),
        ("0.1.0", "9" * 50),
        ("garbage", "0.2.0"),
        ("", "0.2.0"),
    ],
)
def test_not_newer(current: str, latest: str) -> None:
    assert not newer_available(current, latest)


def test_normal_form() -> None:
    assert [parse_version(v).text for v in ("v1.2", "1.2.0-RC1", "1.2c", "1.2-1", "1.2.dev")] == [  # type: ignore[union-attr]
        "1.2",
        "1.2.0rc1",
        "1.2rc0",
        "1.2.post1",
        "1.2.dev0",
    ]
    assert parse_version("not a version") is None


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.kz/TazaField.exe", "https://example.kz/TazaField.exe"),
        ("http://127.0.0.1:8000/a.exe", "http://127.0.0.1:8000/a.exe"),
        ("file:///C:/TazaField.exe", ""),
        ("javascript:alert(1)", ""),
        ("https://", ""),
        ("https://example.kz/a b.exe", ""),
        ("", ""),
    ],
)
def test_only_web_addresses_are_opened(url: str, link: str) -> None:
    assert download_link(url) == link
    assert Release("0.2.0", url).link == link


def test_tags() -> None:
    assert release_tag("") == ""
    tag = release_tag("0.2.0", "https://example.kz/a.exe")
    assert len(tag) == 12
    assert tag == Release("0.2.0", "https://example.kz/a.exe").tag
    assert tag != release_tag("0.2.0", "https://example.kz/b.exe")
    assert tag != release_tag("0.2.0", "https://example.kz/a.exe", "notes")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "taza-field.sqlite") as opened:
        yield opened


def test_kept_in_the_meta_and_dismissed_per_version(store: Store) -> None:
    assert stored_release(store) is None
    assert pending_notice(store, "0.1.0") is None
    release = Release("0.2.0", "https://example.kz/a.exe", "Тезірек")
    assert remember_release(store, release)
    assert not remember_release(store, release)  # unchanged: not written again
    assert stored_release(store) == release
    assert pending_notice(store, "0.1.0") == release
    assert pending_notice(store, "0.2.0") is None  # this app is that version already

    dismiss(store, release)
    assert store.get_meta(META_DISMISSED) == "0.2.0"
    assert pending_notice(store, "0.1.0") is None
    newer = Release("0.3.0", "https://example.kz/b.exe")
    remember_release(store, newer)
    assert pending_notice(store, "0.1.0") == newer  # a newer one shows again

    assert remember_release(store, Release(""))  # withdrawn
    assert store.get_meta(META_RELEASE) is None
    assert pending_notice(store, "0.1.0") is None


def test_a_damaged_meta_value_is_no_notice(store: Store) -> None:
    for text in ("{not json", '{"download_url": "https://example.kz"}', "[1, 2]", '{"version": ""}'):
        store.set_meta(META_RELEASE, text)
        assert stored_release(store) is None
        assert pending_notice(store, "0.1.0") is None
