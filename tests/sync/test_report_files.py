"""The XLSX writer's long-sheet path (rows written as XML over openpyxl's template rows) gives the
same workbook, cell for cell and format for format, as openpyxl writing every cell itself."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from sync import report_files
from sync.report_files import Column, Kind, Sheet, xlsx_bytes

COLUMNS = [
    Column("Күні", Kind.CODE),
    Column("Елді мекен", Kind.TEXT),
    Column("Қатысушылар", Kind.COUNT),
    Column("Қалдық, т", Kind.TONNES),
    Column("Аумақ, га", Kind.HECTARES),
    Column("Ағаштар", Kind.COUNT, styled=False),
    Column("Жіберілді", Kind.MOMENT),
    Column("Ескертпе", Kind.TEXT),
]
ODD_TEXTS = ["", "  бос орын алдында", "A & B <c> \"d\" 'e'", "жол\x01басқару", "Қайнар а.о.", "=1+1"]


def sheet(rows: int) -> Sheet:
    rng = random.Random(rows)
    start = datetime(2026, 3, 1, 4, 30, tzinfo=UTC)
    made = [
        [
            f"{rng.randint(1, 28):02d}.05.2026",
            rng.choice(["Еркін а.", "с.Еркин", "Бірлік а."]),
            rng.randint(1, 300),
            rng.choice([0, 1, 999, 1000, 1001, rng.randint(0, 10**7)]),
            rng.choice([0, 5, 10_000, 10_001, rng.randint(0, 10**8)]),
            rng.randint(0, 50),
            start + timedelta(minutes=rng.randint(0, 10**6)) if rng.random() < 0.9 else None,
            rng.choice(ODD_TEXTS) if rng.random() < 0.5 else None,
        ]
        for _ in range(rows)
    ]
    footer: list[object] = ["Барлығы", None, sum(r[2] for r in made), sum(r[3] for r in made)]
    footer += [sum(r[4] for r in made), None, None, None]
    return Sheet("Жазбалар", ["Тақырып", "Талғар ауданы"], COLUMNS, made, "kk", footer)  # type: ignore[arg-type]


def cells(book: bytes) -> list[list[tuple[object, str]]]:
    ws = load_workbook(io.BytesIO(book))["Жазбалар"]
    return [
        [(c.value, c.number_format if c.value is not None else "") for c in row] for row in ws.iter_rows()
    ]


@pytest.mark.parametrize("rows", [report_files.FAST_ROWS + 1, 3000])
def test_a_long_sheet_is_written_as_openpyxl_writes_it(rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = sheet(rows)
    fast = xlsx_bytes(data)
    monkeypatch.setattr(report_files, "FAST_ROWS", 10**9)
    slow = xlsx_bytes(data)
    fast_cells, slow_cells = cells(fast), cells(slow)
    assert len(fast_cells) == len(slow_cells) == 2 + 2 + 1 + rows + 1  # title, blank, header, rows, totals
    for number, (got, wanted) in enumerate(zip(fast_cells, slow_cells, strict=True), start=1):
        for column, ((value, fmt), (value_wanted, fmt_wanted)) in enumerate(zip(got, wanted, strict=True)):
            if isinstance(value_wanted, datetime):  # an Excel serial keeps milliseconds at most
                assert abs(value - value_wanted) < timedelta(milliseconds=1), (number, column)
            else:
                assert value == value_wanted, (number, column)
            assert fmt == fmt_wanted, (number, column)


def test_a_short_sheet_keeps_openpyxl_writing_every_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[int] = []
    monkeypatch.setattr(report_files, "_splice", lambda book, sheets: called.append(1) or book)
    xlsx_bytes(sheet(10))
    assert called == []


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (0, 1000, "0"),
        (1, 1000, "0.001"),
        (1000, 1000, "1"),
        (1234567, 1000, "1234.567"),
        (5, 10_000, "0.0005"),
    ],
)
def test_scaled_figures_are_exact(value: int, unit: int, written: str) -> None:
    assert report_files._scaled(value, unit) == written
