"""Whom the app's users ask for help: the contact IT staff set on the server
(``TAZA_SERVER_SUPPORT_CONTACT``). The server sends it at enrolment and with a sync when it differs
from what the laptop has (by ``support_tag``); the laptop keeps it in its store for Help."""

from __future__ import annotations

import hashlib
from typing import Protocol

MAX_SUPPORT_LENGTH = 300
META_SUPPORT = "support_contact"


class _Meta(Protocol):
    def get_meta(self, key: str, default: str | None = None) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def delete_meta(self, key: str) -> None: ...


def support_tag(contact: str) -> str:
    """A short name for a contact, to ask the server whether it has another ("" for none)."""
    contact = contact.strip()
    return hashlib.sha256(contact.encode()).hexdigest()[:16] if contact else ""


def stored_support(store: _Meta) -> str:
    return store.get_meta(META_SUPPORT) or ""


def remember_support(store: _Meta, contact: str) -> bool:
    """Keep what the server said ("" : none any more). True if it changed."""
    contact = contact.strip()
    if contact == stored_support(store):
        return False
    if contact:
        store.set_meta(META_SUPPORT, contact)
    else:
        store.delete_meta(META_SUPPORT)
    return True
