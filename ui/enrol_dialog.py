"""Connecting a laptop to the server: open the file IT staff gave, or type the server's address and
the one-time code. The exchange runs off the GUI thread; what goes wrong is said beside the form,
in the user's language (a mistyped, used or expired code, a code of another okrug, no link)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.device import DeviceCredentials, device_name_default
from fieldapp.i18n import FieldAppError
from sync.enrolment import enrol, forget_provisioning, read_provisioning
from ui.i18n import current_language
from ui.style import SPACING, error_box, set_role
from ui.tasks import Tasks

Enrol = Callable[[str, str, str], DeviceCredentials]  # (server, code, device name) → credentials


class EnrolDialog(QDialog):
    enrolled = Signal(object)  # DeviceCredentials

    def __init__(
        self,
        tasks: Tasks,
        okrug: str | None,
        parent: QWidget | None = None,
        exchange: Enrol | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._exchange = exchange or (
            lambda server, code, name: enrol(server, code, device_name=name, okrug=okrug)
        )
        self._busy = False
        self._file: tuple[Path, str] | None = None  # the provisioning file in use, and its code
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.file_button = QPushButton()
        self.file_button.clicked.connect(self.choose_file)
        self.or_label = set_role(QLabel(), "muted")
        self.server = QLineEdit()
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.name = QLineEdit(device_name_default())
        self.name.setMaxLength(100)
        self.server_label, self.code_label, self.name_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(self.server_label, self.server)
        form.addRow(self.code_label, self.code)
        form.addRow(self.name_label, self.name)
        self.server_label.setBuddy(self.server)
        self.code_label.setBuddy(self.code)
        self.name_label.setBuddy(self.name)
        self.error_box, self.error = error_box(selectable=True)
        self.working = set_role(QLabel(), "muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.connect_laptop)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 3 // 2)
        layout.addWidget(self.intro)
        layout.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.or_label)
        layout.addLayout(form)
        layout.addWidget(self.error_box)
        layout.addWidget(self.working)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.retranslate()

    def retranslate(self) -> None:
        self.file_button.setToolTip(
            self.tr("Open the connection file IT staff gave you (it holds the address and the code)")
        )
        self.server.setToolTip(self.tr("The server's address, from IT staff (https://…)"))
        self.code.setToolTip(self.tr("The one-time enrolment code from IT staff, for your rural okrug"))
        self.setWindowTitle(self.tr("Connect to the server"))
        self.intro.setText(
            self.tr(
                "IT staff give each laptop a file or a one-time code. With it, this laptop gets "
                "its own access to the server and can send its records."
            )
        )
        self.file_button.setText(self.tr("&Open the file from IT staff…"))
        self.or_label.setText(self.tr("or type the server's address and the code:"))
        self.server_label.setText(self.tr("&Server address"))
        self.server.setPlaceholderText("https://taza.example.kz")
        self.code_label.setText(self.tr("&Code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.name_label.setText(self.tr("&Laptop name"))
        self.name.setToolTip(self.tr("How the server lists this laptop"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Connect"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.working.setText(self.tr("Connecting to the server…") if self._busy else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- doing ------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The file from IT staff"), "", self.tr("Enrolment files (*.json);;All files (*)")
        )
        if name:
            self.use_file(Path(name))

    def use_file(self, path: Path) -> None:
        """Fill the form from a provisioning file, then connect at once."""
        try:
            provisioning = read_provisioning(path)
        except FieldAppError as exc:
            self.show_error(exc.text(current_language()))
            return
        self.server.setText(provisioning.server_url)
        self.code.setText(provisioning.code)
        self._file = (path, provisioning.code)
        self.connect_laptop()

    def connect_laptop(self) -> None:
        if self._busy:
            return
        server, code = self.server.text().strip(), self.code.text().strip()
        name = self.name.text().strip() or device_name_default()
        if not server:
            self.show_error(self.tr("Type the server's address, or open the file from IT staff."))
            self.server.setFocus()
            return
        if not code:
            self.show_error(self.tr("Type the code from IT staff."))
            self.code.setFocus()
            return
        self._set_busy(True)
        exchange = self._exchange
        file = self._file[0] if self._file is not None and self._file[1] == code else None

        def work() -> DeviceCredentials:
            credentials = exchange(server, code, name)
            if file is not None:  # its one-time code is used up: it goes from the disk
                forget_provisioning(file)
            return credentials

        self._tasks.run(work, self._done, self._failed)

    def _done(self, credentials: DeviceCredentials) -> None:
        self._set_busy(False)
        self.enrolled.emit(credentials)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, FieldAppError):
            self.show_error(exc.text(current_language()))
        else:
            self.show_error(self.tr("Something went wrong: {error}").format(error=str(exc)))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error_box.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.file_button, self.server, self.code, self.name):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if busy:
            self.error_box.hide()
        self.retranslate()
