"""The desktop app (PySide6). The only package that imports Qt; it talks to the domain
(``fieldapp``) and, later, the sync engine (``sync``) through their public functions."""
