"""Follow-ups: every request (open, sent, skipped, replied, expired) with its countdown, and a
way back to its draft once the editor is closed.

Enter (the default button), a double-click or "Open draft" emits
`open_requested(request_id)`; the window opens the editor. The dialog is not modal, so it
can stay open beside the editor. It follows the store's change feed: a request sent,
skipped or added elsewhere (the editor, the tray, the command line) shows at once.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UserFacingError
from desktop.core.model import DueItem, FollowUpRequest, RequestStatus
from desktop.core.timefmt import format_countdown, format_local
from desktop.native.store_changes import StoreChanges
from desktop.store.changes import Change
from desktop.ui.request_editor import KIND_TITLES
from desktop.ui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from desktop.native.clock import Clock
    from desktop.store.repository import Store

COL_STATUS, COL_COMPANY, COL_ROLE, COL_KIND, COL_WHEN = range(5)
HEADERS = ("Status", "Company", "Role", "Kind", "Window")
STATUS_LABELS = {
    RequestStatus.DRAFT: "Open",
    RequestStatus.SENT: "Sent",
    RequestStatus.SKIPPED: "Skipped",
    RequestStatus.REPLIED: "Replied",
    RequestStatus.EXPIRED: "Expired",
}
REQUEST_ROLE = Qt.ItemDataRole.UserRole


def draft_to_open(requests: list[FollowUpRequest]) -> FollowUpRequest | None:
    """The request "Open draft" means for one application: its newest open one, else its
    newest one (sent or skipped drafts can still be read, reopened or logged)."""
    if not requests:
        return None
    newest_first = sorted(requests, key=lambda r: (r.created_at, r.id), reverse=True)
    return next((r for r in newest_first if r.status.is_open), newest_first[0])


def window_text(request: FollowUpRequest, now: datetime, tz: tzinfo) -> str:
    if request.status is RequestStatus.SENT and request.sent_at is not None:
        return f"sent {format_local(request.sent_at, tz)}"
    if request.status.is_open:
        return format_countdown(request.window_closes_at - now)
    return f"closed {format_local(request.window_closes_at, tz)}"


class FollowUpsDialog(QDialog):
    open_requested = Signal(int)  # a request's id

    def __init__(self, store: Store, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.setWindowTitle("Follow-ups")
        self.setObjectName("follow_ups_dialog")
        self.tree = QTreeWidget()
        self.tree.setObjectName("follow_ups_tree")
        self.tree.setAccessibleName("Follow-up requests")
        self.tree.setHeaderLabels(list(HEADERS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (COL_COMPANY, COL_ROLE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (COL_STATUS, COL_KIND, COL_WHEN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(
            "No follow-up requests yet. Log a rejection (Ctrl+R) and one opens here."
        )
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.addButton(
            "&Open draft", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("open_button")
        self.open_button.setToolTip("Open the selected request in the editor (Enter)")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # Once the button sits inside the dialog, so that Enter in the list presses it.
        self.open_button.setDefault(True)

        self.tree.itemDoubleClicked.connect(self._open_item)
        self.tree.currentItemChanged.connect(self._update_button)
        self.open_button.clicked.connect(self.open_current)
        self.buttons.rejected.connect(self.reject)
        self._changes = StoreChanges(store.changes, self)
        self._changes.changed.connect(self._on_store_changed)
        self.refresh()
        fit_to_screen(self, QSize(820, 480))

    def _on_store_changed(self, change: Change) -> None:
        if change.touches_requests():
            self.refresh()

    def refresh(self) -> None:
        """Re-read every request (after a change, or once the editor sent or skipped one)."""
        try:
            items = self._store.follow_ups()
        except UserFacingError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        current = self.current_request_id()
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        now, tz = self._clock.now(), self._clock.local_tz()
        # What still can be sent first, the soonest closing on top; then the rest, latest
        # first. A click on a column header sorts by that column instead.
        still_open = sorted(
            (i for i in items if i.request.status.is_open),
            key=lambda i: i.request.window_closes_at,
        )
        done = [i for i in items if not i.request.status.is_open]
        for item in still_open + done:
            self.tree.addTopLevelItem(self._row(item, now, tz))
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        self.empty_label.setVisible(not items)
        self._select(current)
        self._update_button()

    @staticmethod
    def _row(item: DueItem, now: datetime, tz: tzinfo) -> QTreeWidgetItem:
        request = item.request
        texts = (
            STATUS_LABELS.get(request.status, request.status.value),
            item.company,
            item.role,
            KIND_TITLES.get(request.kind, "Follow-up"),
            window_text(request, now, tz),
        )
        row = QTreeWidgetItem(list(texts))
        for column, text in enumerate(texts):
            row.setToolTip(column, text)  # the whole name where the column elides it
        row.setData(COL_STATUS, REQUEST_ROLE, request.id)
        return row

    def _select(self, request_id: int | None) -> None:
        """Keep the selected request selected across a refresh; else select the first."""
        rows = [self.tree.topLevelItem(index) for index in range(self.tree.topLevelItemCount())]
        found = (
            r for r in rows if r is not None and r.data(COL_STATUS, REQUEST_ROLE) == request_id
        )
        chosen = next(found, rows[0] if rows else None)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)

    def current_request_id(self) -> int | None:
        item = self.tree.currentItem()
        request_id = item.data(COL_STATUS, REQUEST_ROLE) if item is not None else None
        return request_id if isinstance(request_id, int) else None

    def open_current(self) -> None:
        request_id = self.current_request_id()
        if request_id is not None:
            self.open_requested.emit(request_id)

    def _open_item(self, item: QTreeWidgetItem, _column: int) -> None:
        self.tree.setCurrentItem(item)
        self.open_current()

    def _update_button(self) -> None:
        self.open_button.setEnabled(self.current_request_id() is not None)
