"""The XLSX writer's long-sheet path (rows written as XML over openpyxl's template rows) gives the
same workbook, cell for cell and format for format, as openpyxl writing every cell itself; either
way days are Excel dates, every sheet has an AutoFilter and its print setup (read back from the
file's own XML too); file names say the place and the period."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from sync import report_files
from sync.report_files import Column, Kind, Sheet, xlsx_bytes

COLUMNS = [
    Column("Күні", Kind.DATE),
    Column("Ай", Kind.MONTH),
    Column("GPS ендік", Kind.DEGREES),
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
            date(2026, 5, rng.randint(1, 28)),
            f"2026-{rng.randint(1, 12):02d}",
            rng.choice([43.123456, 43.5, -0.000001, None]),
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
    footer: list[object] = ["Барлығы", None, None, None, sum(r[4] for r in made), sum(r[5] for r in made)]
    footer += [sum(r[6] for r in made), None, None, None]
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


@pytest.mark.parametrize("rows", [10, report_files.FAST_ROWS + 1])
def test_dates_filters_and_print_setup_either_way(rows: int) -> None:
    data = sheet(rows)
    book = xlsx_bytes(data)
    ws = load_workbook(io.BytesIO(book))["Жазбалар"]
    header = 2 + 2 + 1  # the title, the generation time, a blank line, the header
    first = ws.cell(header + 1, 1)
    assert first.is_date
    assert first.value == datetime.combine(data.rows[0][0], datetime.min.time())
    assert first.number_format == "dd.mm.yyyy"
    month = ws.cell(header + 1, 2)
    assert month.is_date
    assert month.number_format == "mm.yyyy"
    assert f"{month.value:%Y-%m}" == data.rows[0][1]
    assert ws.auto_filter.ref == f"A{header}:J{header + rows}"  # the rows, not the totals under them
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${header}:${header}"
    with zipfile.ZipFile(io.BytesIO(book)) as opened:  # as Excel reads it
        xml = opened.read("xl/worksheets/sheet1.xml").decode()
        names = opened.read("xl/workbook.xml").decode()
    assert f'<autoFilter ref="A{header}:J{header + rows}"/>' in xml
    assert '<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>' in xml
    assert (
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">\'Жазбалар\'!${header}:${header}<' in names
    )


def test_english_days_are_iso_and_the_csv_writes_days_and_coordinates() -> None:
    data = sheet(3)
    data.lang = "en"
    ws = load_workbook(io.BytesIO(xlsx_bytes(data)))["Жазбалар"]
    assert ws.cell(6, 1).number_format == "yyyy-mm-dd"
    data.rows[0][2] = 43.123456
    data.lang = "kk"
    line = report_files.csv_bytes(data).decode("utf-8-sig").splitlines()[1].split(";")
    assert line[0] == f"{data.rows[0][0]:%d.%m.%Y}"
    assert line[2] == "43,123456"


def test_file_names_say_the_place_and_the_period() -> None:
    from fieldapp.kato import default_kato

    kato = default_kato()
    talgar = kato.get("196200000")
    year, march = (date(2026, 1, 1), date(2027, 1, 1)), (date(2026, 3, 1), date(2026, 4, 1))
    assert report_files.file_name(talgar, *year, "xlsx", "ru") == "Талгар-2026.xlsx"
    assert report_files.file_name(talgar, *march, "xlsx", "ru") == "Талгар-2026-03.xlsx"
    assert report_files.file_name(talgar, *march, "csv", "kk") == "Талғар-2026-03.csv"
    assert report_files.file_name(talgar, *march, "pdf", "en") == "Талгар-2026-03.pdf"  # KATO has no Latin
    december = (date(2026, 12, 1), date(2027, 1, 1))
    assert report_files.file_name(talgar, *december, "xlsx", "ru") == "Талгар-2026-12.xlsx"
    days = (date(2026, 3, 2), date(2026, 3, 16))
    assert report_files.file_name(None, *days, "csv", "en") == "Kazakhstan-2026-03-02_2026-03-15.csv"
    # a Russian adjective is cut only where it is the Kazakh name
    assert report_files.short_name(kato.get("196230000") or talgar, "ru")
    names = {p.code: report_files.short_name(p, "ru") for p in kato.children("190000000")}
    assert names["196200000"] == "Талгар"
    assert all(name and not name.endswith(" район") for name in names.values())


def test_the_completeness_file_reads_the_months_as_the_coordinator_does() -> None:
    """The month under way and the months before an okrug's first record are not red «missing»;
    an okrug that never reported is; the rates of the okrugs beside the months, of the months
    and the year under them (the CSV: the states and the okrugs' rates)."""
    from fieldapp.kato import default_kato
    from sync.protocol import Completeness, CompletenessResponse, CompletenessRow
    from sync.report_files import completeness_sheet, csv_bytes

    kato = default_kato()
    kainar, alatau, silent = "196247000", "196233000", "196235000"  # Қайнар, Алатау, Белбұлақ
    months = ["2026-08", "2026-09", "2026-10", "2026-11"]
    r, n, m = Completeness.REPORTED, Completeness.NOTHING, Completeness.MISSING
    facts = {kainar: [r, m, n, m], alatau: [m, m, r, m], silent: [m, m, m, m]}
    matrix = CompletenessResponse(
        year=2026,
        rows=[CompletenessRow(okrug=o, months=dict(zip(months, s, strict=True))) for o, s in facts.items()],
    ).read_against({kainar: "2025-09", alatau: "2026-10"}, "2026-11")
    sheet = completeness_sheet(matrix, kato, area="196200000", several=False, lang="ru")

    book = load_workbook(io.BytesIO(xlsx_bytes(sheet)))
    ws = book.active
    assert ws is not None
    header = [c.value for c in ws[6]]
    assert header[3:8] == [*months, "Доля сданных отчётов"]
    shown = {row[0].value: row for row in ws.iter_rows(min_row=7, max_row=9)}
    words = [[c.value for c in shown[o][3:7]] for o in (kainar, alatau, silent)]
    assert words == [
        ["есть отчёт", "нет отчёта", "не проводилось", "месяц идёт"],
        ["ещё не начали", "ещё не начали", "есть отчёт", "месяц идёт"],
        ["нет отчёта", "нет отчёта", "нет отчёта", "месяц идёт"],
    ]
    fills = [[c.fill.fgColor.rgb[-6:] for c in shown[o][3:7]] for o in (kainar, alatau, silent)]
    assert fills == [
        ["C6EFCE", "FFC7CE", "D9D9D9", "FFFFFF"],
        ["FFFFFF", "FFFFFF", "C6EFCE", "FFFFFF"],
        ["FFC7CE", "FFC7CE", "FFC7CE", "FFFFFF"],  # never reported: red, as in the tab
    ]
    rates = [shown[o][7] for o in (kainar, alatau, silent)]
    assert [c.value for c in rates] == [pytest.approx(2 / 3), 1, 0]
    assert {c.number_format for c in rates} == {"0%"}
    footer = [c for c in ws[10]]
    assert footer[0].value == "Доля сданных отчётов"
    assert [c.value for c in footer[3:8]] == [
        pytest.approx(1 / 2),  # August: Алатау had not begun
        0,
        pytest.approx(2 / 3),
        None,  # the month under way: nothing expected, no rate
        pytest.approx(3 / 7),  # the year
    ]
    assert footer[3].number_format == "0%"
    assert footer[3].font.b
    assert [c.value for c in ws[6][8:]] == ["Последняя синхронизация (UTC+5)", "Версия приложения"]
    book.close()

    table = [line.split(";") for line in csv_bytes(sheet).decode("utf-8-sig").splitlines()]
    assert table[0][3:8] == [*months, "Доля сданных отчётов"]
    assert [line[3:8] for line in table[1:]] == [
        ["есть отчёт", "нет отчёта", "не проводилось", "месяц идёт", "67%"],
        ["ещё не начали", "ещё не начали", "есть отчёт", "месяц идёт", "100%"],
        ["нет отчёта", "нет отчёта", "нет отчёта", "месяц идёт", "0%"],
    ]
    kk = completeness_sheet(matrix, kato, area="196200000", several=False, lang="kk")
    assert kk.columns[7].header == "Есеп тапсыру үлесі"
    kk_table = [line.split(";") for line in csv_bytes(kk).decode("utf-8-sig").splitlines()]
    assert kk_table[2][3:7] == ["әлі басталмаған", "әлі басталмаған", "есеп бар", "ай жүріп жатыр"]
