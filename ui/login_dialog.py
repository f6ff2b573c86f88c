"""A district coordinator logs in: the server's address, the user name, the password. The exchange
runs off the GUI thread; what goes wrong is said beside the form in the user's language. The
password is never kept: the server gives a token that lasts a working day."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import FieldAppError
from fieldapp.session import CoordinatorSession
from sync.district import login
from ui.i18n import current_language
from ui.style import SPACING, error_box, set_role
from ui.tasks import Tasks

Login = Callable[[str, str, str], CoordinatorSession]  # (server, user, password) → session


class LoginDialog(QDialog):
    logged_in = Signal(object)  # CoordinatorSession

    def __init__(
        self,
        tasks: Tasks,
        parent: QWidget | None = None,
        server: str = "",
        username: str = "",
        exchange: Login | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._exchange = exchange or login
        self._busy = False
        self.session: CoordinatorSession | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.server = QLineEdit(server)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_label, self.username_label, self.password_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.setSpacing(SPACING)
        for label, field in (
            (self.server_label, self.server),
            (self.username_label, self.username),
            (self.password_label, self.password),
        ):
            form.addRow(label, field)
            label.setBuddy(field)
        self.error_box, self.error = error_box(selectable=True)
        self.working = set_role(QLabel(), "muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 3 // 2)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_box)
        layout.addWidget(self.working)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        (self.password if server and username else self.server).setFocus()

    def retranslate(self) -> None:
        self.server.setToolTip(self.tr("The server's address, from IT staff (https://…)"))
        self.username.setToolTip(self.tr("The user name IT staff made for you"))
        self.setWindowTitle(self.tr("Log in as a district coordinator"))
        self.intro.setText(
            self.tr(
                "Coordinators review the records of their district, see who has not reported and "
                "export the district's report. IT staff give you the server's address and your user name."
            )
        )
        self.server_label.setText(self.tr("&Server address"))
        self.server.setPlaceholderText("https://taza.example.kz")
        self.username_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.working.setText(self.tr("Logging in…") if self._busy else "")
        self.working.setVisible(self._busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def log_in(self) -> None:
        if self._busy:
            return
        server, user, password = (
            self.server.text().strip(),
            self.username.text().strip(),
            self.password.text(),
        )
        if not server or not user or not password:
            self.show_error(self.tr("Fill in the server's address, your user name and your password."))
            return
        self._set_busy(True)
        exchange = self._exchange
        self._tasks.run(lambda: exchange(server, user, password), self._done, self._failed)

    def _done(self, session: CoordinatorSession) -> None:
        self._set_busy(False)
        self.password.clear()
        self.session = session
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(exc, FieldAppError):
            self.show_error(exc.text(current_language()))
        else:
            self.show_error(self.tr("Something went wrong: {error}").format(error=str(exc)))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error_box.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server, self.username, self.password):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if busy:
            self.error_box.hide()
        self.retranslate()
