"""Taza Field domain core: records, validation, local store, photos, reference data.

Nothing in this package imports Qt, an HTTP client or a web framework; the desktop app (``ui``),
the sync engine (``sync``) and the server (``server``) build on it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("taza-field")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
