"""Small helpers for statements whose SQL differs between SQLite and PostgreSQL."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    String,
    Table,
    and_,
    any_,
    bindparam,
    cast,
    column,
    func,
    select,
    table,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from server.schema import changes, record_revisions, records


def insert(conn: Connection, target: Table) -> Any:
    """An INSERT that knows ON CONFLICT, in the connection's dialect."""
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(target)


def among(conn: Connection, column: Any, values: Sequence[Any]) -> Any:
    """``column IN (values)``. On PostgreSQL as ``column = ANY(array)``: one short statement that
    psycopg parses once, instead of a new one with a placeholder per value."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))
    return column.in_(list(values))


def chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_rows(conn: Connection, rows: Sequence[dict[str, Any]], statement: Any) -> None:
    """Write many rows (all with the same keys) with ``statement``, an ``insert()`` of a table
    (from :func:`insert` when it has an ``ON CONFLICT`` clause) given no values.

    SQLite takes them as one ``executemany`` (a loop in C). On PostgreSQL, psycopg's
    ``executemany`` sends one statement per row, and SQLAlchemy cannot batch an ``ON CONFLICT``
    insert without ``RETURNING``; so the rows are COPYed into a temporary table and moved with one
    ``INSERT … SELECT`` that keeps the statement's ``ON CONFLICT`` clause; a plain INSERT's rows
    are COPYed straight into the table. The rows of one call must not conflict with each other
    (as in any single statement). A 500-record push spends a few
    milliseconds per table here instead of most of its time.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(statement, rows)
        return
    target: Table = statement.table
    names = list(rows[0])
    missing = {
        c.name: c.default.arg
        for c in target.columns
        if c.name not in names and isinstance(c.default, ScalarElementColumnDefault)
    }
    names += list(missing)
    processors = [target.c[name].type.bind_processor(conn.dialect) for name in names]
    if getattr(statement, "_post_values_clause", None) is None:
        # A plain INSERT: straight into the table (its defaults fill the columns not named).
        _copy(conn, target.name, names, processors, missing, rows)
        return
    # One staging table per session and column list, emptied at each commit (a rollback takes back
    # what it held): only the named columns, with their types, no constraints and no defaults.
    staging = f"copy_{target.name}_{zlib.crc32(','.join(names).encode()):08x}"
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS AS "
        f"SELECT {', '.join(names)} FROM {target.name} WITH NO DATA"
    )
    conn.exec_driver_sql(f"DELETE FROM {staging}")
    _copy(conn, staging, names, processors, missing, rows)
    source = table(staging, *[column(name) for name in names])
    conn.execute(statement.from_select(names, select(source)))


def _copy(
    conn: Connection,
    into: str,
    names: list[str],
    processors: list[Any],
    missing: dict[str, Any],
    rows: Sequence[dict[str, Any]],
) -> None:
    given = [name for name in names if name not in missing]
    converted = [(i, p) for i, p in enumerate(processors) if p is not None]
    defaults = [missing[name] for name in names if name in missing]
    driver = conn.connection.driver_connection
    if driver is None:  # only a connection that was closed (invalidated) has none
        raise RuntimeError("COPY on a closed database connection")
    cursor = driver.cursor()  # the same connection: the same transaction
    try:
        with cursor.copy(f"COPY {into} ({', '.join(names)}) FROM STDIN") as copy:
            write = copy.write_row
            for row in rows:
                values = [row[name] for name in given]
                values += defaults
                for i, process in converted:
                    values[i] = process(values[i])
                write(values)
    finally:
        cursor.close()


def log_changes(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Append to ``changes``: what the pulls of an okrug and a district see.

    A pull's cursor must never skip a change. On PostgreSQL two transactions could take seqs 7 and
    8 and commit 8 first: a pull between the two commits that answered "up to 8" would never see 7.
    So each row also carries its transaction's id (``txid``), pulls read in (txid, seq) order and
    only the rows of transactions older than every transaction still running (the snapshot's
    ``xmin``): whatever commits later has a txid at or above that horizon, so it always sorts after
    every cursor handed out. Writers never wait for each other (no lock: PostgreSQL can flush their
    commits together). SQLite has one writer at a time: its rows keep txid 0, in seq order.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        txid = conn.execute(select(cast(cast(func.pg_current_xact_id(), String), BigInteger))).scalar_one()
        rows = [row | {"txid": txid} for row in rows]
    insert_rows(conn, rows, changes.insert())


def visible_horizon(conn: Connection) -> Any | None:
    """The txid below which every transaction has ended (PostgreSQL), as a SQL expression; None
    on SQLite, where commits happen in seq order anyway."""
    if conn.dialect.name != "postgresql":
        return None
    snapshot_xmin = func.pg_snapshot_xmin(func.pg_current_snapshot())
    return select(cast(cast(snapshot_xmin, String), BigInteger)).scalar_subquery()


def current_records() -> Any:
    """``SELECT`` the records with their current revision's JSON (``body``), kept once, in
    ``record_revisions``. Lock with ``with_for_update(of=records)``."""
    on = and_(record_revisions.c.record_id == records.c.id, record_revisions.c.revision == records.c.revision)
    return select(records, record_revisions.c.body).join_from(records, record_revisions, on)
