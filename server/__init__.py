"""The central server: receives what the villages send, serves the district coordinators.

FastAPI over SQLAlchemy Core: SQLite by default (no setup), PostgreSQL in production. Imports no
Qt and nothing from ``ui``; shares the record and the protocol with the app (``fieldapp.models``,
``sync.protocol``)."""
