"""The table: sortable columns over the filter proxy, plus the search and filter bar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Stage
from desktop.core.stages import board_stages
from desktop.ui.icons import action_icon, stage_dot
from desktop.ui.table_model import (
    COL_AGE,
    COL_APPLIED,
    COL_COMPANY,
    COL_CONTACTS,
    COL_DEADLINE,
    COL_NOTES,
    COL_ROLE,
    COL_STAGE,
    ApplicationFilterProxy,
    ApplicationIdRole,
)
from desktop.ui.theme import MARGIN, SPACING


class FilterBar(QWidget):
    """Search box, stage filter and "needs action" toggle; drives the shared proxy, so the
    board narrows too."""

    def __init__(self, proxy: ApplicationFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, SPACING, MARGIN, 0)
        layout.setSpacing(SPACING)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search company, role, contacts, notes  (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        find = self.search_edit.addAction(
            action_icon("find"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_edit.setAccessibleName("Search")
        # The line edit's icon buttons are read out by a screen reader: give them names.
        find.setText("Search")
        for button in self.search_edit.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None and action.objectName() == "_q_qlineeditclearaction":
                button.setAccessibleName("Clear search")
        self.stage_combo = QComboBox()
        self.stage_combo.setAccessibleName("Stage filter")
        self.stage_combo.addItem("All stages", None)
        for stage in board_stages():
            self.stage_combo.addItem(stage_dot(stage), stage.label, stage)
        self.needs_action_check = QCheckBox("Needs action")
        self.needs_action_check.setToolTip(
            "Only applications with a follow-up to send, or gone quiet long enough to call Ghosted"
        )
        # An empty result says so, instead of an empty table or board.
        self.no_results_label = QLabel("Nothing matches. Esc clears the search.")
        self.no_results_label.setObjectName("no_results_label")
        self.no_results_label.hide()
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.no_results_label)
        layout.addWidget(self.stage_combo)
        layout.addWidget(self.needs_action_check)
        self.clear_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_edit)
        self.clear_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.clear_shortcut.activated.connect(self.search_edit.clear)

        # Keys that arrive while a filter pass runs (fast typing at 100,000 rows) collapse
        # into one pass: the timer fires as soon as the event loop is free, never later.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.stage_combo.currentIndexChanged.connect(self._on_stage_changed)
        self.needs_action_check.toggled.connect(self._proxy.set_needs_action_only)
        for signal in (
            self._proxy.filter_changed,
            self._proxy.rowsInserted,
            self._proxy.rowsRemoved,
            self._proxy.modelReset,
        ):
            signal.connect(self._update_no_results)

    def _update_no_results(self) -> None:
        proxy = self._proxy
        source = proxy.sourceModel()
        filtered = bool(proxy.search_text) or proxy.needs_action_only or proxy.stage_filter
        empty = proxy.rowCount() == 0 and source is not None and source.rowCount() > 0
        self.no_results_label.setVisible(bool(filtered) and empty)

    def _apply_search(self) -> None:
        self._proxy.set_search_text(self.search_edit.text())

    def _on_stage_changed(self, _index: int) -> None:
        # Qt hands a StrEnum back as its plain string value; None means all stages.
        value = self.stage_combo.currentData()
        self._proxy.set_stage_filter(Stage(str(value)) if value else None)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()


class ApplicationTableView(QTableView):
    open_requested = Signal(int)  # application id
    context_menu_requested = Signal(int, object)  # application id, global QPoint

    def __init__(self, proxy: ApplicationFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        # Fixed row heights let the view skip measuring 100,000 rows.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        widths = {
            COL_COMPANY: 180,
            COL_ROLE: 220,
            COL_STAGE: 110,
            COL_CONTACTS: 160,
            COL_APPLIED: 90,
            COL_AGE: 60,
            COL_DEADLINE: 150,
            COL_NOTES: 200,
        }
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.activated.connect(self._on_activated)
        self.customContextMenuRequested.connect(self._on_context_menu)

    def _on_activated(self, index: QModelIndex) -> None:
        application_id = index.data(ApplicationIdRole)
        if isinstance(application_id, int):
            self.open_requested.emit(application_id)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.isValid():
            self.selectRow(index.row())
            self.context_menu_requested.emit(
                index.data(ApplicationIdRole), self.viewport().mapToGlobal(pos)
            )

    def current_application_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        value = index.data(ApplicationIdRole)
        return value if isinstance(value, int) else None

    def select_application(self, application_id: int) -> bool:
        proxy = self.model()
        assert isinstance(proxy, ApplicationFilterProxy)
        source = proxy.sourceModel()
        row = source.row_of(application_id)  # type: ignore[attr-defined]
        if row < 0:
            return False
        index = proxy.mapFromSource(source.index(row, COL_COMPANY))
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.selectRow(index.row())
        self.scrollTo(index)
        return True


class TablePage(QWidget):
    """The table with nothing above it: the filter bar is shared with the board."""

    def __init__(self, proxy: ApplicationFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, SPACING, MARGIN, 0)
        self.view = ApplicationTableView(proxy)
        layout.addWidget(self.view)
