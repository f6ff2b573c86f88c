"""The coordinator's window against a real server and a seeded district: logging in, the district
copy pulled in the background, review one by one and in bulk (and the village receiving a
return), likely duplicates, the completeness matrix with a nil report, each export opened back
and checked against an independent count, a village's USB file brought in, an ended session."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from fieldapp.i18n import msg
from fieldapp.kato import default_kato
from fieldapp.models import CleanupAction, Status
from fieldapp.photo_library import PhotoLibrary
from fieldapp.queries import Period
from fieldapp.reference import default_reference
from fieldapp.schema import connect
from fieldapp.session import load_session
from fieldapp.store import Store, StoreError
from server import schema as t
from sync.district import login
from sync.report_files import label as export_word
from tests.records import DISTRICT, LONG_AGO, OKRUG, OTHER_OKRUG, SETTLEMENT
from tests.server.live import LiveServer
from tests.sync.laptop import Laptop
from tests.sync.test_district import PASSWORD, YEAR, Coordinator, seed
from tests.ui.test_failures import FailingDisk
from ui.app import ask_login
from ui.completeness_view import CompletenessView
from ui.coordinator_window import CoordinatorWindow
from ui.district_controller import State
from ui.failures import LoadFailed
from ui.i18n import Translations
from ui.login_dialog import LoginDialog
from ui.review_table import Column
from ui.tasks import Tasks

TODAY = date(YEAR, 11, 20)
WAIT_MS = 30_000


@pytest.fixture
def villages(sqlite_server: LiveServer, tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    made = {
        "kainar": Laptop(tmp_path / "kainar", sqlite_server, OKRUG, "kainar"),
        "alatau": Laptop(tmp_path / "alatau", sqlite_server, OTHER_OKRUG, "alatau"),
        "far": Laptop(tmp_path / "far", sqlite_server, "194033000", "far"),
    }
    yield made
    for laptop in made.values():
        laptop.close()


@pytest.fixture
def coordinator(sqlite_server: LiveServer, tmp_path: Path) -> Iterator[Coordinator]:
    made = Coordinator(tmp_path / "coordinator", sqlite_server)
    yield made
    made.close()


def open_window(coordinator: Coordinator, translations: Translations, qtbot: QtBot) -> CoordinatorWindow:
    window = CoordinatorWindow(
        coordinator.store,
        coordinator.library,
        default_kato(),
        default_reference(),
        coordinator.session,
        translations,
        today=lambda: TODAY,
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle(window, qtbot)
    return window


def settle(window: CoordinatorWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy and not window.review.model.loading, timeout=WAIT_MS)


def refresh(window: CoordinatorWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.controller.finished, timeout=WAIT_MS):
        qtbot.mouseClick(window.refresh_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)


def column(window: CoordinatorWindow, which: Column) -> list[str]:
    model = window.review.model
    return [model.data(model.index(r, which)) for r in range(model.rowCount())]


def test_login_dialog_says_what_is_wrong_then_logs_in(
    sqlite_server: LiveServer, translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    sqlite_server.user("aigul", "coordinator", district=DISTRICT, password=PASSWORD)
    tasks = Tasks()
    dialog = LoginDialog(tasks, server=sqlite_server.root)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error_box.isVisibleTo(dialog)
    assert "Fill in" in dialog.error.text()

    dialog.username.setText("aigul")
    dialog.password.setText("not the password")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert "Wrong user name or password" in dialog.error.text()
    assert dialog.result() == 0
    assert dialog.session is None

    translations.apply("ru")
    try:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not tasks.busy)
        assert "пароль" in dialog.error.text()  # the server's refusal, in the user's language
    finally:
        translations.apply("en")

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=WAIT_MS):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.session is not None
    assert (dialog.session.district, dialog.session.username) == (DISTRICT, "aigul")
    assert dialog.password.text() == ""  # the password is not kept, not even in the form
    tasks.close()


def test_the_window_is_for_review_not_data_entry(
    coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    window = open_window(coordinator, translations, qtbot)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Review", "Dashboard", "Who has reported", "Likely duplicates", "Month sign-off"]
    items = [a.text() for menu in (window.district_menu, window.export_menu) for a in menu.actions()]
    assert not any("New action" in text for text in items)
    assert "Талгарский район" in window.windowTitle()
    assert window.review.model.total == 0
    assert "Working from the district copy" in window.connection.text()
    window.close()


def test_pull_review_and_the_village_receives_the_return(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    made = seed(villages)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    assert "District copy up to date" in window.connection.text()
    review = window.review
    assert review.model.total == 7  # the district's records, not the other district's
    assert set(column(window, Column.STATUS)) == {"Waiting for review"}
    assert review.count.text() == "7 records"
    # the chosen record beside the list, with its photo
    review.table.selectRow(0)
    assert review.title.text()
    assert review.accept_button.isEnabled()

    # filter by okrug
    review.okrug.setCurrentIndex(review.okrug.findData(OTHER_OKRUG))
    settle(window, qtbot)
    assert review.model.total == 2
    review.okrug.setCurrentIndex(0)
    settle(window, qtbot)

    # accept one
    first = review.model.summary(0)
    assert first is not None
    review.table.selectRow(0)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert review.model.total == 6
    assert "1 decision waits to be sent" in window.waiting.text()

    # return two of kainar's at once
    kainar_ids = {str(r.id) for r in made["kainar"]} - {first.id}
    rows = [r for r in range(review.model.rowCount()) if review.model.summary(r).id in kainar_ids][:2]
    returned = {review.model.summary(r).id for r in rows}
    review.table.clearSelection()
    for r in rows:
        review.table.selectionModel().select(
            review.model.index(r, 0),
            review.table.selectionModel().SelectionFlag.Select
            | review.table.selectionModel().SelectionFlag.Rows,
        )
    assert review.return_button.text() == "Return 2… · Ctrl+R"
    asked: list[int] = []
    review.ask_comment = lambda count: asked.append(count) or "Суреттер жоқ"  # type: ignore[method-assign]
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert asked == [2]
    assert review.model.total == 4
    assert "3 decisions wait to be sent" in window.waiting.text()

    refresh(window, qtbot)
    assert window.waiting.text() == "All decisions sent"
    review.status.setCurrentIndex(review.status.findData("returned"))
    settle(window, qtbot)
    assert {review.model.summary(r).id for r in range(review.model.rowCount())} == returned

    kainar = villages["kainar"]
    kainar.sync()
    for record_id in returned:
        record = kainar.store.get(record_id)
        assert record is not None
        assert (record.status, record.review_comment) == (Status.RETURNED, "Суреттер жоқ")
    if first.id in {str(r.id) for r in made["kainar"]}:
        assert kainar.store.get(first.id).status is Status.ACCEPTED
    window.close()


def test_likely_duplicates_side_by_side(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    kainar = villages["kainar"]
    twins = kainar.add(
        2, photos=1, action_date=date(YEAR, 4, 18), campaign="subbotnik", settlement=SETTLEMENT
    )
    kainar.add(1, action_date=date(YEAR, 4, 19), campaign="subbotnik")
    kainar.sync()
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    view = window.duplicates
    assert len(view.groups) == 1
    assert {s.id for s in view.groups[0]} == {str(r.id) for r in twins}
    assert view.list.item(0).text().endswith("2 records")
    buttons = [b for b in view.grid_holder.findChildren(QPushButton) if b.text() == "Return as a duplicate"]
    assert len(buttons) == 2
    comments: list[str] = []
    view.confirm = lambda comment: comments.append(comment) or True
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    [queued] = coordinator.store.queued_decisions()
    assert queued.decision is Status.RETURNED
    other = next(s.id for s in view.groups[0] if s.id != queued.action_id) if view.groups else None
    assert other is None or other[-8:] in queued.comment
    assert "same action" in comments[0]
    window.close()


def answer_box(qtbot: QtBot, button_text: str, asked: list[str]) -> None:
    """Click ``button_text`` in the message box about to open (as the person would), noting its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_not_duplicates_hides_the_group_and_the_server_keeps_it(
    sqlite_server: LiveServer,
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
) -> None:
    kainar = villages["kainar"]
    day = date(YEAR, 4, 18)
    for place in ("Мектеп ауласы", "Орталық саябақ", "Өзен жағасы", "Зират маңы"):  # four actions
        kainar.add(1, action_date=day, campaign="subbotnik", place=place)
    twins = kainar.add(2, action_date=day, campaign="subbotnik", place="Бала бақша")
    kainar.sync()
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    window.tabs.setCurrentWidget(window.duplicates)
    view = window.duplicates
    settle(window, qtbot)
    assert [{s.id for s in g} for g in view.groups] == [{str(r.id) for r in twins}]  # the place counts
    assert view.list.count() == 1
    assert "Бала бақша" in view.list.item(0).text()
    assert view.not_duplicates.isVisible()

    # the person thinks better of it once: nothing changes
    asked: list[str] = []
    answer_box(qtbot, "Cancel", asked)
    qtbot.mouseClick(view.not_duplicates, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    assert "2 records" in asked[0]
    assert view.list.count() == 1
    assert coordinator.store.dismissals() == []

    answer_box(qtbot, "Different actions", asked)
    qtbot.mouseClick(view.not_duplicates, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.list.count() == 0, timeout=WAIT_MS)
    settle(window, qtbot)
    assert view.intro.text() == "No likely duplicates in the district."
    assert not view.not_duplicates.isVisible()
    [queued] = coordinator.store.dismissals()
    assert (queued.state, queued.dismissed_by) == ("queued", "aigul")
    assert "1 decision wait" in window.waiting.text()

    refresh(window, qtbot)  # sent, and the pull brings it back
    [sent] = coordinator.store.dismissals()
    assert (sent.id, sent.state) == (queued.id, "sent")
    with sqlite_server.engine.connect() as conn:
        [row] = conn.execute(t.duplicate_dismissals.select()).all()
    assert (row.id, row.dismissed_by) == (queued.id, "aigul")
    assert view.list.count() == 0
    assert window.waiting.text() == "All decisions sent"
    window.close()


def test_completeness_shows_reported_nothing_and_missing(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    seed(villages)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    view: CompletenessView = window.completeness
    table = view.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    kainar = next(r for r, name in enumerate(names) if "Қайнар" in name or "Кайнар" in name)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert (
        len(headers) == 2 + 11 + 2
    )  # the okrug, its rate, January to November (today), the last sync, the version

    def state(row: int, month: int) -> str:
        return table.item(row, 1 + month).data(Qt.ItemDataRole.UserRole)

    assert state(kainar, 3) == "nothing"  # the nil report
    assert table.item(kainar, 1 + 3).text() == "nothing done"
    assert state(kainar, 5) == "reported"
    assert state(kainar, 4) == "missing"
    assert state(kainar, 2) == "not_started"  # before its first word (the nil report of March)
    assert table.item(kainar, 13).text() not in ("", "—")  # the laptop's last sync
    assert table.item(kainar, 14).text()  # its app version
    okrugs = range(table.rowCount() - 1)  # the last row: the reporting rate of each month
    silent = [r for r in okrugs if all(state(r, m) == "missing" for m in range(1, 11))]
    assert silent
    assert all(state(r, 11) == "under_way" for r in silent)  # November is not over
    assert all(table.item(r, 13).text() == "—" for r in silent)
    window.close()


def independent_count(records: list[CleanupAction]) -> tuple[Counter[str], int, int]:
    by_okrug: Counter[str] = Counter(r.okrug for r in records)
    return by_okrug, sum(r.participants for r in records), sum(r.total_kg for r in records)


def test_exports_opened_back_match_an_independent_count(
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    made = seed(villages)
    mine = made["kainar"] + made["alatau"]
    by_okrug, people, kg = independent_count(mine)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    period = Period.year(YEAR)
    window.dashboard.year.setCurrentIndex(window.dashboard.year.findData(YEAR))
    settle(window, qtbot)
    assert window.dashboard.data.total.actions == len(mine)
    assert window.dashboard.data.total.participants == people
    assert window.dashboard.okrug_table.rowCount() == len(by_okrug) + 1  # and the total
    assert window.dashboard.okrug_table.item(len(by_okrug), 0).text() == "Total"

    xlsx = tmp_path / "talgar.xlsx"
    window.export("xlsx", xlsx, "ru", period)
    qtbot.waitUntil(xlsx.is_file, timeout=WAIT_MS)
    settle(window, qtbot)
    book = load_workbook(xlsx)
    assert book.sheetnames == ["По округам", "По акциям", "Записи", "Полнота"]
    # who has reported, as the tab reads it: the month under way is not red «missing», the rates
    tab = window.completeness.reporting
    assert tab is not None
    shown = {r[0].value: r for r in book["Полнота"].iter_rows(min_row=7) if r[0].value in tab.okrugs}
    assert set(shown) == set(tab.okrugs)
    for okrug, cells in shown.items():
        months = cells[3 : 3 + len(tab.months)]
        assert [c.value for c in months] == [export_word(tab.shown(okrug, m), "ru") for m in tab.months]
        assert cells[3 + len(tab.months)].value == pytest.approx(tab.rate(okrug=okrug).share)
    assert "месяц идёт" in {c.value for c in shown[OKRUG]}
    sheet = book["По округам"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] and "КАТО" in str(r[0]))
    body = [r for r in sheet.iter_rows(values_only=True) if r and r[0] in by_okrug]
    actions, participants = header.index("Мероприятия"), header.index("Участники")
    assert {r[0]: r[actions] for r in body} == dict(by_okrug)
    assert sum(r[participants] for r in body) == people
    assert ("Қайнар а.о.", "Кайнарский с.о.") in {(r[1], r[2]) for r in body}  # Cyrillic intact
    records = [
        r for r in book["Записи"].iter_rows(values_only=True) if r and r[-1] in {str(a.id) for a in mine}
    ]
    assert len(records) == len(mine)

    text_csv = tmp_path / "talgar.csv"
    window.export("csv", text_csv, "kk", period)
    qtbot.waitUntil(text_csv.is_file, timeout=WAIT_MS)
    raw = text_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel opens it right
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(table) == 1 + len(mine)
    tonnes = next(i for i, h in enumerate(table[0]) if h.startswith("Барлық қалдық"))
    assert sum(float(row[tonnes].replace(",", ".")) for row in table[1:]) == pytest.approx(kg / 1000)

    pdf = tmp_path / "talgar.pdf"
    window.export("pdf", pdf, "kk", period)
    qtbot.waitUntil(pdf.is_file, timeout=WAIT_MS)
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1  # seven records, two okrugs: one page
    assert "Талғар" in text
    assert f"{people}" in text.replace("\u00a0", "").replace(" ", "")
    assert "Қайнар" in text
    words = " ".join(text.split())  # pypdf puts a tab between the words
    assert "Есеп тапсыру үлесі" in words  # who has reported: the rates of the months and the year
    assert "ай әлі біткен жоқ" in words  # the legend: the month under way is not expected yet

    archive = tmp_path / "photos.zip"
    window.export("zip", archive, "kk", period)
    qtbot.waitUntil(archive.is_file, timeout=WAIT_MS)
    settle(window, qtbot)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
    assert len(names) == 3
    assert all(name.startswith("Қайнар а.о/") for name in names)
    window.close()


def test_a_village_usb_file_through_the_window(
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sync.bundle import export_bundle

    kainar = villages["kainar"]
    kainar.add(2, photos=1, seed=5)
    bundle = tmp_path / "kainar.tazabundle"
    export_bundle(kainar.store, kainar.library, kainar.credentials, bundle)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window = open_window(coordinator, translations, qtbot)
    with qtbot.waitSignal(window.controller.finished, timeout=WAIT_MS):  # brought in, then pulled
        window.import_bundle(bundle)
    settle(window, qtbot)
    assert told
    assert "new records — 2" in told[0]
    assert "photos stored — 2" in told[0]
    assert window.review.model.total == 2
    window.close()


def test_an_ended_session_asks_to_log_in_again(
    sqlite_server: LiveServer,
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
) -> None:
    villages["kainar"].add(1)
    villages["kainar"].sync()
    with sqlite_server.engine.begin() as conn:
        conn.execute(update(t.tokens).where(t.tokens.c.kind == "user").values(expires_at=LONG_AGO))
    window = open_window(coordinator, translations, qtbot)
    asked: list[bool] = []
    window.ask_login = lambda: asked.append(True) or login(sqlite_server.root, "aigul", PASSWORD)
    with qtbot.waitSignal(window.controller.finished, timeout=WAIT_MS):
        window.controller.refresh()  # refused: the window asks, the new session refreshes
    settle(window, qtbot)
    assert asked == [True]
    assert window.controller.state is State.IDLE
    assert window.review.model.total == 1
    window.close()


def test_ask_login_keeps_the_session_for_the_next_start(
    sqlite_server: LiveServer, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.paths import DataPaths

    sqlite_server.user("aigul", "coordinator", district=DISTRICT, password=PASSWORD)
    paths = DataPaths(tmp_path / "laptop")
    paths.root.mkdir(parents=True)
    tasks = Tasks()

    def exec_(dialog: LoginDialog) -> int:  # the person types and presses Log in
        dialog.server.setText(sqlite_server.root)
        dialog.username.setText("aigul")
        dialog.password.setText(PASSWORD)
        dialog.log_in()
        qtbot.waitUntil(lambda: not tasks.busy, timeout=WAIT_MS)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    session = ask_login(tasks, paths, None)
    assert session is not None
    assert session.district == DISTRICT
    kept = load_session(paths.session)
    assert kept is not None
    assert kept.token == session.token
    assert PASSWORD not in paths.session.read_text(encoding="utf-8")
    tasks.close()


def test_photos_open_from_the_server_on_demand(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    [record] = villages["kainar"].add(1, photos=1)
    villages["kainar"].sync()
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    sha = record.photos[0].sha256
    library: PhotoLibrary = coordinator.library
    assert library.thumbnail_path(sha).is_file()  # thumbnails come with the pull
    assert not library.upload_path(sha).is_file()  # full photos only when opened
    fetched: list[Path] = []
    window.controller.fetch_photo(sha, fetched.append, lambda exc: pytest.fail(str(exc)))
    qtbot.waitUntil(lambda: bool(fetched), timeout=WAIT_MS)
    assert library.upload_path(sha).is_file()
    window.close()


@contextlib.contextmanager
def table_gone(path: Path, table: str) -> Iterator[None]:
    """The data file without ``table`` (a damaged file, as far as a query can tell) until the
    block ends; then as it was."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    conn.execute(f"ALTER TABLE {table} RENAME TO {table}_away")
    try:
        yield
    finally:
        conn.execute(f"ALTER TABLE {table}_away RENAME TO {table}")
        conn.close()


def failed_text(panel: LoadFailed) -> str:
    assert panel.isVisible()
    return panel.label.text()


def retry(panel: LoadFailed, window: CoordinatorWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    settle(window, qtbot)
    qtbot.waitUntil(lambda: not panel.isVisible())


@pytest.mark.allow_log_warnings("could not load")
def test_panels_that_cannot_load_say_so_and_try_again(
    villages: dict[str, Laptop], coordinator: Coordinator, translations: Translations, qtbot: QtBot
) -> None:
    kainar = villages["kainar"]
    kainar.add(2, action_date=date(YEAR, 4, 18), campaign="subbotnik", settlement=SETTLEMENT)
    kainar.sync()
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    data_file = coordinator.store.path
    panels = (window.review, window.dashboard, window.completeness, window.duplicates)
    assert not any(p.load_failed.isVisibleTo(p) for p in panels)

    window.tabs.setCurrentWidget(window.review)
    with table_gone(data_file, "actions"):
        window.review.status.setCurrentIndex(window.review.status.count() - 1)  # another filter
        settle(window, qtbot)
        assert "Could not load:" in failed_text(window.review.load_failed)
        assert "no such table: actions" in failed_text(window.review.load_failed)
        assert window.review.load_failed.retry_button.text() == "Try again"
    window.review.status.setCurrentIndex(0)
    retry(window.review.load_failed, window, qtbot)
    assert window.review.model.rowCount() == 2

    window.tabs.setCurrentWidget(window.dashboard)
    with table_gone(data_file, "totals_monthly"):
        window.dashboard.month.setCurrentIndex(4)  # April
        settle(window, qtbot)
        assert "Could not load:" in failed_text(window.dashboard.load_failed)
    retry(window.dashboard.load_failed, window, qtbot)
    assert window.dashboard.data is not None
    assert window.dashboard.data.total.actions == 2

    window.tabs.setCurrentWidget(window.completeness)
    with table_gone(data_file, "nil_reports"):
        window.completeness.year.setCurrentIndex(1)  # the year before
        settle(window, qtbot)
        assert "Could not load:" in failed_text(window.completeness.load_failed)
        translations.apply("kk")
        assert "Жүктеу мүмкін болмады:" in failed_text(window.completeness.load_failed)
        assert window.completeness.load_failed.retry_button.text() == "Қайталау"
        translations.apply("en")
    window.completeness.year.setCurrentIndex(0)
    retry(window.completeness.load_failed, window, qtbot)
    assert window.completeness.matrix is not None
    window.close()


@pytest.mark.allow_log_warnings
def test_a_duplicate_that_cannot_be_returned_says_why(
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kainar = villages["kainar"]
    twins = kainar.add(2, action_date=date(YEAR, 4, 18), campaign="subbotnik", settlement=SETTLEMENT)
    kainar.sync()
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    window.tabs.setCurrentWidget(window.duplicates)
    view = window.duplicates
    settle(window, qtbot)
    # Meanwhile the village corrected one of them, and the district copy has its new revision.
    changed = kainar.store.get(twins[0].id)
    assert changed is not None
    kainar.store.save(changed.revise(participants=changed.participants + 1, status=Status.READY))
    kainar.sync()
    coordinator.sync()
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))
    view.confirm = lambda comment: True
    column = next(i for i, r in enumerate(view._shown[1]) if r.id == twins[0].id)  # type: ignore[index]
    buttons = [b for b in view.grid_holder.findChildren(QPushButton) if b.text() == "Return as a duplicate"]
    qtbot.mouseClick(buttons[column], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(warned))
    settle(window, qtbot)
    title, text = warned[0]
    assert title == "Return as a duplicate"
    assert text == StoreError(msg("district.record_changed")).text("en")
    assert coordinator.store.queued_decisions() == []
    window.close()


@pytest.mark.allow_log_warnings
def test_a_district_copy_that_cannot_be_written_is_said_and_decisions_made_are_kept(
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(villages)
    path = coordinator.paths.district_database
    coordinator.store.close()
    FailingDisk.broken = False
    coordinator.store = Store.open(path, lambda: connect(path, factory=FailingDisk))
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    review = window.review
    assert review.model.total == 7
    review.table.selectRow(0)
    kept = review.model.summary(0)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)  # written, waits to be sent
    settle(window, qtbot)
    assert "1 decision waits to be sent" in window.waiting.text()

    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: None)
    FailingDisk.broken = True
    try:
        review.table.selectRow(0)
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: getattr(window, "write_failure_box", None) is not None, timeout=WAIT_MS)
    finally:
        FailingDisk.broken = False
    box = window.write_failure_box
    assert box.isVisible()
    assert box.windowTitle() == "The data file cannot be written"
    assert "disk I/O error" in box.text()
    assert not window.bundle_item.isEnabled()  # bringing a USB file in would only fail
    assert review.model.total == 6  # the copy still reads
    box.done(0)
    window.close()
    coordinator.store.close()

    with Store.open(path) as reopened:  # what was written before the disk failed is all there
        assert [d.action_id for d in reopened.queued_decisions()] == [kept.id]
        assert reopened.integrity_check() == []
    coordinator.store = Store.open(path)  # for the fixture to close


def answer_export_dialog(window: CoordinatorWindow, qtbot: QtBot, lang: str, seen: list[str]) -> None:
    """When the export dialog is up: note what it says, pick the file's language, press its OK."""

    def act() -> None:
        dialog = window.export_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, act)
            return
        seen.append(f"{dialog.what.text()} | {dialog.period_value.text()} | {dialog.hint.text()}")
        dialog.language.setCurrentIndex(dialog.language.findData(lang))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_export_from_the_menu_says_its_period_and_names_the_file(
    villages: dict[str, Laptop],
    coordinator: Coordinator,
    translations: Translations,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl.cell.cell import Cell
    from PySide6.QtWidgets import QFileDialog

    from fieldapp.models import GeoPoint

    note = "Өзен жағасы; 3 қап\nекінші жол"
    [marked] = villages["kainar"].add(
        action_date=date(YEAR, 5, 9), gps=GeoPoint(lat=43.250123, lon=77.012345), notes=note
    )
    seed(villages)
    asked: list[tuple[str, str]] = []

    def save(parent, caption, directory="", filter="", *rest):  # type: ignore[no-untyped-def]
        asked.append((caption, Path(directory).name))
        return str(tmp_path / Path(directory).name), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window = open_window(coordinator, translations, qtbot)
    refresh(window, qtbot)
    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.year.setCurrentIndex(window.dashboard.year.findData(YEAR))
    window.dashboard.month.setCurrentIndex(window.dashboard.month.findData(5))
    settle(window, qtbot)

    seen: list[str] = []
    answer_export_dialog(window, qtbot, "ru", seen)
    window.xlsx_item.trigger()
    xlsx = tmp_path / "Талгар-2026-05.xlsx"
    qtbot.waitUntil(xlsx.is_file, timeout=WAIT_MS)
    settle(window, qtbot)
    assert asked[0] == (f"Export: 01.05.{YEAR} – 31.05.{YEAR}", "Талгар-2026-05.xlsx")
    assert seen[0].startswith("District report as Excel (XLSX) | <b>May 2026</b> · 01.05.2026 – 31.05.2026")
    assert "Dashboard" in seen[0]
    book = load_workbook(xlsx)
    for sheet in book.worksheets:  # every sheet: a filter on its header, printed landscape one page wide
        assert sheet.auto_filter.ref
        assert sheet.auto_filter.ref.startswith("A6:")
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$6:$6"
    records = book["Записи"]
    header = [c.value for c in records[6]]
    rows = [r for r in records.iter_rows(min_row=7) if r[-1].value == str(marked.id)]
    assert len(rows) == 1
    row: dict[str, Cell] = dict(zip(header, rows[0], strict=True))  # type: ignore[arg-type]
    assert row["Дата"].is_date
    assert row["Дата"].value.date() == date(YEAR, 5, 9)
    assert row["Дата"].number_format == "dd.mm.yyyy"
    assert (row["GPS широта"].value, row["GPS долгота"].value) == (43.250123, 77.012345)
    assert row["Примечание"].value == note
    dates = [r[0].value for r in records.iter_rows(min_row=7) if r[-1].value]
    assert all(d.month == 5 for d in dates[:-1])  # the month's records only (and the totals row)

    seen.clear()
    answer_export_dialog(window, qtbot, "kk", seen)
    window.csv_item.trigger()
    text_csv = tmp_path / "Талғар-2026-05.csv"
    qtbot.waitUntil(text_csv.is_file, timeout=WAIT_MS)
    settle(window, qtbot)
    assert seen[0].startswith("All records as CSV")
    table = list(csv.DictReader(io.StringIO(text_csv.read_bytes().decode("utf-8-sig")), delimiter=";"))
    [line] = [r for r in table if r["Жазба ID"] == str(marked.id)]
    assert (line["Күні"], line["GPS ендік"], line["GPS бойлық"]) == ("09.05.2026", "43,250123", "77,012345")
    assert line["Ескертпе"] == note

    cancelled: list[str] = []  # Cancel: no file dialog, no file

    def cancel() -> None:
        dialog = window.export_dialog
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        cancelled.append(dialog.period_value.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    window.zip_item.trigger()
    assert cancelled
    assert len(asked) == 2
    window.close()


def test_the_export_dialog_in_each_language(
    coordinator: Coordinator, translations: Translations, qtbot: QtBot, tmp_path: Path
) -> None:
    """Export ▸ Excel in kk, ru, en: the dialog names the dashboard's period in the window's
    language (a month, or the year), proposes that language for the file, and fits its texts."""
    window = open_window(coordinator, translations, qtbot)
    window.tabs.setCurrentWidget(window.dashboard)
    window.dashboard.year.setCurrentIndex(window.dashboard.year.findData(YEAR))
    months = {"kk": "Наурыз 2026", "ru": "Март 2026", "en": "March 2026"}
    years = {"kk": "2026 жыл", "ru": "2026 год", "en": "The year 2026"}
    for lang in ("kk", "ru", "en"):
        translations.apply(lang)
        for month, words in ((3, months[lang]), (None, years[lang])):
            window.dashboard.month.setCurrentIndex(window.dashboard.month.findData(month))
            settle(window, qtbot)
            seen: dict[str, str] = {}

            def look(lang: str = lang, month: int | None = month, seen: dict[str, str] = seen) -> None:
                dialog = window.export_dialog
                if dialog is None or not dialog.isVisible():
                    QTimer.singleShot(20, look)
                    return
                qtbot.wait(50)  # laid out
                seen["period"] = dialog.period_value.text()
                seen["language"] = str(dialog.language.currentData())
                for label in (dialog.what, dialog.period_value, dialog.hint, dialog.language_label):
                    assert label.sizeHint().width() <= label.width() or label.wordWrap(), label.text()
                if month:
                    dialog.grab().save(str(Path("/work/notes/shots") / f"excelsync-export-dialog-{lang}.png"))
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)

            QTimer.singleShot(0, look)
            window.xlsx_item.trigger()
            assert seen["period"].startswith(f"<b>{words}</b> · ")
            assert seen["language"] == lang
    assert not list(tmp_path.glob("*.xlsx"))  # cancelled: nothing written
    window.close()
