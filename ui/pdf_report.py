"""Printable reports as PDF (QTextDocument laid out on QPdfWriter pages, A4): the district's report
for a coordinator, a village's report of a month, and a receipt for a record the district accepted.

The words come from the domain's catalogue (``resources/i18n/reports.json``), so a report is made in
the language asked for (Kazakh or Russian for the akimat; English too), whatever the window's.
Painting is Qt's, so this runs on the GUI thread; a district's report is a few pages and takes well
under a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from fieldapp.district import GroupTotals, RecordRow
from fieldapp.i18n import FieldAppError, count, msg, translate
from fieldapp.kato import Kato
from fieldapp.models import CleanupAction
from fieldapp.numbers import format_decimal, format_int
from fieldapp.queries import Period
from fieldapp.reference import ReferenceData
from fieldapp.reporting import State
from fieldapp.units import format_hectares, format_tonnes, kg_to_tonnes, m2_to_hectares
from sync.protocol import CompletenessResponse
from sync.report_files import STATE_STYLES
from ui.dashboard_view import DashboardData, magnitude
from ui.i18n import locale_for

STYLE = """
body { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1d2a24; }
h1 { font-size: 16pt; color: #175c3a; margin: 0 0 4pt 0; }
h2 { font-size: 11.5pt; color: #175c3a; margin: 14pt 0 4pt 0; }
p.muted { color: #5b6a63; margin: 0 0 6pt 0; }
p.headline { font-size: 12.5pt; font-weight: 600; margin: 8pt 0 8pt 0; }
table { border-collapse: collapse; }
th { background: #eef3f0; font-weight: 600; padding: 3pt 5pt; border-bottom: 1px solid #d9e1dd; }
td { padding: 2pt 5pt; border-bottom: 1px solid #eef3f0; }
td.n { text-align: right; }
tr.total td { font-weight: 600; border-top: 1px solid #5b6a63; }
"""


def t(key: str, lang: str, **params: object) -> str:
    return translate(f"report.{key}", lang, **params)


class ReportWriteError(FieldAppError, OSError):
    """The PDF could not be written whole (a full disk, a folder that refuses it). An OSError
    too, so that every caller that says a file could not be written says this one."""


def write_pdf(path: Path, html: str, images: dict[str, QImage] | None = None, title: str = "") -> int:
    """Lay ``html`` out on A4 pages of a PDF at ``path`` (written whole); the number of pages.
    On failure nothing is left: neither at ``path`` nor the partial file beside it."""
    writer_path = path.with_name(f".{path.name}.part")
    try:
        writer = QPdfWriter(str(writer_path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout.Unit.Millimeter)
        writer.setResolution(150)
        writer.setTitle(title)
        writer.setCreator("Taza Field")
        document = QTextDocument()
        document.setDefaultStyleSheet(STYLE)
        for name, image in (images or {}).items():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        document.setHtml(html)
        layout = writer.pageLayout()
        rect = layout.paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        pages = document.pageCount()
        document.print_(writer)
        del writer  # finishes the file
        _check_whole(writer_path, path)
        writer_path.replace(path)
    except BaseException:
        if writer_path.is_symlink() or writer_path.is_file():
            writer_path.unlink()
        raise
    return pages


def _check_whole(written: Path, path: Path) -> None:
    """QPdfWriter says nothing when it cannot write: a PDF that does not end as one was cut short."""
    try:
        size = written.stat().st_size
        # Not a plain file (a device), or empty: nothing a reader could open as the report.
        whole = written.is_file() and size > 0
        if whole:
            with written.open("rb") as fh:
                fh.seek(max(0, size - 1024))
                whole = b"%%EOF" in fh.read(1024)
    except OSError as exc:
        raise ReportWriteError(
            msg("report.write_failed", path=str(path), error=exc.strerror or str(exc))
        ) from exc
    if not whole:
        raise ReportWriteError(msg("report.write_failed", path=str(path), error="—"))


# -- the district's report ------------------------------------------------------------------------------


def district_report(
    path: Path,
    data: DashboardData,
    matrix: CompletenessResponse | None,
    kato: Kato,
    reference: ReferenceData,
    district: str,
    lang: str,
    charts: dict[str, QImage] | None = None,
) -> int:
    charts = report_charts(data, reference, lang) if charts is None else charts
    place = kato.get(district)
    area = place.name(lang) if place else district
    total = data.total
    html = [
        f"<h1>{escape(t('district_title', lang))}</h1>",
        f"<p class='muted'>{escape(area)} · {escape(_period(data.period, lang))} · "
        f"{escape(t('made', lang, when=datetime.now().strftime('%d.%m.%Y %H:%M')))}</p>",
        "<p class='headline'>"
        + escape(
            t(
                "headline",
                lang,
                tonnes=count("tonnes", magnitude(kg_to_tonnes(total.total_kg), lang)),
                hectares=count("hectares", magnitude(m2_to_hectares(total.area_m2), lang)),
                count=magnitude(total.participants, lang),
            )
        )
        + "</p>",
        f"<p>{escape(t('actions_trees', lang, actions=total.actions, trees=total.trees))}</p>",
    ]
    if charts:
        html.append("<table width='100%'><tr>")
        html += [f"<td valign='top'><img src='{name}' width='{CHART_WIDTHS[name]}'></td>" for name in charts]
        html.append("</tr></table>")
    html.append(f"<h2>{escape(t('by_okrug', lang))}</h2>")
    html.append(_totals_table(data.by_okrug, "okrug", kato, reference, lang))
    html.append(f"<h2>{escape(t('by_campaign', lang))}</h2>")
    html.append(_totals_table(data.by_campaign, "campaign", kato, reference, lang))
    html.append(f"<h2>{escape(t('by_fraction', lang))}</h2>")
    html.append(_fraction_table(total, reference, lang))
    if matrix is not None and matrix.rows:
        html.append(f"<h2>{escape(t('completeness', lang, year=str(matrix.year)))}</h2>")
        html.append(_completeness_table(matrix, kato, lang))
    return write_pdf(path, "".join(html), charts, t("district_title", lang))


CHART_WIDTHS = {"trend.png": 540, "fractions.png": 470}  # of the page's 1,051 pixels at 150 dpi


def report_charts(data: DashboardData, reference: ReferenceData, lang: str) -> dict[str, QImage]:
    """The dashboard's two charts drawn again in the report's language (whatever the window's)."""
    from ui.charts import BarChart, DonutChart
    from ui.dashboard_view import fraction_slices, trend_series

    def number(value: float) -> str:
        return format_decimal(Decimal(str(value)), lang, 1)

    trend, fractions = BarChart(), DonutChart()
    try:
        labels, values = trend_series(data, lang)
        trend.set_data(t("chart_trend", lang), labels, values, number)
        fractions.set_data(t("chart_fractions", lang), fraction_slices(data, reference, lang), number)
        return {
            "trend.png": trend.image(CHART_WIDTHS["trend.png"], 250),
            "fractions.png": fractions.image(CHART_WIDTHS["fractions.png"], 250),
        }
    finally:
        trend.deleteLater()
        fractions.deleteLater()


def _totals_table(
    rows: Sequence[GroupTotals], key: str, kato: Kato, reference: ReferenceData, lang: str
) -> str:
    head = [t("okrug" if key == "okrug" else "campaign", lang), t("actions", lang), t("participants", lang)]
    head += [t("tonnes", lang), t("hectares", lang), t("trees", lang)]
    out = ["<table width='100%'><tr>", *(f"<th>{escape(h)}</th>" for h in head), "</tr>"]
    sums = GroupTotals({})
    for row in rows:
        code = row.group[key]
        if key == "okrug":
            found_place = kato.get(code)
            name = found_place.name(lang) if found_place else code
        else:
            found = reference.campaign(code)
            name = found.name(lang) if found else code
        out.append(_figures_row(name, row, lang))
        sums.actions += row.actions
        sums.participants += row.participants
        sums.area_m2 += row.area_m2
        sums.trees += row.trees
        for fraction, kg in row.kg_by_fraction.items():
            sums.kg_by_fraction[fraction] = sums.kg_by_fraction.get(fraction, 0) + kg
    out.append(_figures_row(t("total", lang), sums, lang, total=True))
    out.append("</table>")
    return "".join(out)


def _figures_row(name: str, row: GroupTotals, lang: str, total: bool = False) -> str:
    cells = [
        format_int(row.actions, lang),
        format_int(row.participants, lang),
        format_tonnes(row.total_kg, lang, fixed=True),
        format_hectares(row.area_m2, lang, fixed=True),
        format_int(row.trees, lang),
    ]
    klass = " class='total'" if total else ""
    return f"<tr{klass}><td>{escape(name)}</td>" + "".join(f"<td class='n'>{c}</td>" for c in cells) + "</tr>"


def _fraction_table(total: GroupTotals, reference: ReferenceData, lang: str) -> str:
    out = [f"<table><tr><th>{escape(t('fraction', lang))}</th><th>{escape(t('tonnes', lang))}</th></tr>"]
    for code, kg in sorted(total.kg_by_fraction.items(), key=lambda item: -item[1]):
        found = reference.fraction(code)
        out.append(
            f"<tr><td>{escape(found.name(lang) if found else code)}</td>"
            f"<td class='n'>{format_tonnes(kg, lang, fixed=True)}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def _completeness_table(matrix: CompletenessResponse, kato: Kato, lang: str) -> str:
    """The months as the coordinator's tab reads them (fieldapp.reporting): the month under way and
    the months before an okrug's first record are white, not red; each okrug's rate at the right,
    each month's (and the year's) in the bottom row."""
    found = matrix.reporting()
    months = found.months
    marks = {
        State.REPORTED: "✓",
        State.NOTHING: "0",
        State.MISSING: "—",
        State.UNDER_WAY: "…",
        State.NOT_STARTED: "·",
    }
    colours = {state: f"#{fill}" for state, (fill, _) in STATE_STYLES.items()}
    locale = locale_for(lang)
    out = [f"<p class='muted'>{escape(t('completeness_legend', lang))}</p>"]
    out.append(f"<table width='100%'><tr><th>{escape(t('okrug', lang))}</th>")
    out += [
        f"<th>{escape(locale.standaloneMonthName(int(m[5:]), QLocale.FormatType.ShortFormat))}</th>"
        for m in months
    ]
    out.append(f"<th>{escape(t('rate', lang))}</th></tr>")
    for row in matrix.rows:
        place = kato.get(row.okrug)
        out.append(f"<tr><td>{escape(place.name(lang) if place else row.okrug)}</td>")
        for month in months:
            state = found.shown(row.okrug, month)
            out.append(f"<td align='center' bgcolor='{colours[state]}'>{marks[state]}</td>")
        out.append(f"<td class='n'>{escape(found.rate(okrug=row.okrug).percent)}</td></tr>")
    out.append(f"<tr class='total'><td>{escape(t('reporting_rate', lang))}</td>")
    out += [f"<td align='center'>{escape(found.rate(month=m).percent)}</td>" for m in months]
    out.append(f"<td class='n'>{escape(found.rate().percent)}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _period(period: Period, lang: str) -> str:
    last = date.fromordinal(period.end.toordinal() - 1)
    return t("period", lang, start=period.start.strftime("%d.%m.%Y"), end=last.strftime("%d.%m.%Y"))


# -- a village's month ----------------------------------------------------------------------------------


def village_month_report(
    path: Path,
    rows: Sequence[RecordRow],
    kato: Kato,
    reference: ReferenceData,
    okrug: str,
    period: Period,
    lang: str,
) -> int:
    place = kato.get(okrug)
    area = place.name(lang) if place else okrug
    people = sum(r.participants for r in rows)
    kg = sum(r.total_kg for r in rows)
    area_m2 = sum(r.area_m2 for r in rows)
    trees = sum(r.trees for r in rows)
    html = [
        f"<h1>{escape(t('village_title', lang))}</h1>",
        f"<p class='muted'>{escape(area)} · {escape(_period(period, lang))}</p>",
        "<p class='headline'>"
        + escape(
            t(
                "headline",
                lang,
                tonnes=count("tonnes", magnitude(kg_to_tonnes(kg), lang)),
                hectares=count("hectares", magnitude(m2_to_hectares(area_m2), lang)),
                count=magnitude(people, lang),
            )
        )
        + "</p>",
        f"<p>{escape(t('actions_trees', lang, actions=len(rows), trees=trees))}</p>",
    ]
    if not rows:
        html.append(f"<p>{escape(t('nothing', lang))}</p>")
    else:
        head = [t("date", lang), t("settlement", lang), t("campaign", lang), t("participants", lang)]
        head += [t("tonnes", lang), t("hectares", lang), t("status", lang)]
        html.append("<table width='100%'><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>")
        for row in rows:
            settlement = kato.get(row.settlement)
            campaign = reference.campaign(row.campaign)
            html.append(
                f"<tr><td>{row.action_date[8:10]}.{row.action_date[5:7]}.{row.action_date[:4]}</td>"
                f"<td>{escape(settlement.name(lang) if settlement else row.settlement)}</td>"
                f"<td>{escape(campaign.name(lang) if campaign else row.campaign)}</td>"
                f"<td class='n'>{format_int(row.participants, lang)}</td>"
                f"<td class='n'>{format_tonnes(row.total_kg, lang, fixed=True)}</td>"
                f"<td class='n'>{format_hectares(row.area_m2, lang, fixed=True)}</td>"
                f"<td>{escape(translate(f'status.{row.status}', lang))}</td></tr>"
            )
        html.append("</table>")
    html.append(f"<p class='muted'>{escape(t('signature', lang))}</p>")
    return write_pdf(path, "".join(html), title=t("village_title", lang))


def receipt(path: Path, record: CleanupAction, kato: Kato, reference: ReferenceData, lang: str) -> int:
    """A printable receipt for a record the district accepted."""
    settlement = kato.get(record.settlement)
    okrug = kato.get(record.okrug)
    campaign = reference.campaign(record.campaign)
    lines = [
        (t("okrug", lang), okrug.name(lang) if okrug else record.okrug),
        (t("settlement", lang), settlement.name(lang) if settlement else record.settlement),
        (t("date", lang), record.action_date.strftime("%d.%m.%Y")),
        (t("campaign", lang), campaign.name(lang) if campaign else record.campaign),
        (t("participants", lang), format_int(record.participants, lang)),
        (t("tonnes", lang), format_tonnes(record.total_kg, lang, fixed=True)),
        (t("hectares", lang), format_hectares(record.area_m2, lang, fixed=True)),
        (t("trees", lang), format_int(record.trees, lang)),
        (t("reporter", lang), record.reporter),
        (t("status", lang), translate(f"status.{record.status.value}", lang)),
    ]
    html = [
        f"<h1>{escape(t('receipt_title', lang))}</h1>",
        f"<p class='muted'>{escape(t('receipt_text', lang))}</p><table>",
        # The id in a fixed-width font: never broken over two lines, and no «ff» or «fi» drawn as
        # one ligature glyph (text copied from the PDF would not match the record's id).
        f"<tr><th align='left'>{escape(t('record', lang))}</th>"
        f"<td style='white-space: nowrap; font-family: monospace'>{escape(str(record.id))}</td></tr>",
        *(f"<tr><th align='left'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in lines),
        "</table>",
        f"<p class='muted'>{escape(t('made', lang, when=datetime.now().strftime('%d.%m.%Y %H:%M')))}</p>",
    ]
    return write_pdf(path, "".join(html), title=t("receipt_title", lang))
