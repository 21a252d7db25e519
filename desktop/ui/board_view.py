"""The kanban board: one column per stage, one painted card per application.

Each column is a QListView over a small list model that holds row numbers into the shared
`ApplicationTableModel`, in an `array` (4 bytes a row, where a list of ints costs 36); a
card is painted by a delegate, not built from widgets, so thousands of applications cost a
few list views and no per-card objects. Rebuilding the columns is one pass over the source
rows in card order (sorted once per reload), triggered by a source reset or a filter
change. The countdowns repaint when the source model's clock moves (`set_now`), so the
board has no timers of its own.

A drop on a column does not move anything itself: it emits `move_requested`, and the main
window validates the move, runs it through the undo stack, or starts the rejection flow.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import ApplicationSummary, Stage
from desktop.core.stages import board_stages
from desktop.core.wording import plural
from desktop.ui.table_model import (
    APPLICATION_IDS_MIME,
    AgeRole,
    ApplicationFilterProxy,
    ApplicationIdRole,
    ApplicationTableModel,
    CountdownRole,
    SummaryRole,
    countdown_text,
    decode_application_ids,
    encode_application_ids,
    format_age,
    started_at,
)
from desktop.ui.theme import CARD_RADIUS, MARGIN, SPACING, STAGE_COLORS, current_colors

ModelIndex = QModelIndex | QPersistentModelIndex

CARD_HEIGHT = 74
CARD_LINE_GAP = 1
# Room kept for a glyph that draws past its advance, so an elided text still fits its box.
BEARING = 2
CARD_PADDING = 12 + 6  # the card's inner margins, top and bottom, and its outline
# Columns share the window's width between these bounds, so that all nine stages (the
# closed ones too, where a fresh rejection lands) fit a 1280 px wide window.
COLUMN_MIN_WIDTH = 116
COLUMN_WIDTH = 224


class BoardColumnModel(QAbstractListModel):
    """The cards of one stage: row numbers into the shared source model, most urgent first."""

    move_requested = Signal(int, object)  # application id, target Stage

    def __init__(
        self, source: ApplicationTableModel, stage: Stage, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source
        self.stage = stage
        self._rows = _row_numbers()

    def set_rows(self, rows: Sequence[int]) -> None:
        """Show these source rows (already in card order)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, array) else _row_numbers(rows)
        self.endResetModel()

    def rebuild(self, mask: Sequence[bool] | None) -> None:
        """Recompute this column alone (tests; the board rebuilds all columns in one pass)."""
        stage = self.stage
        stages = self._source.stages
        self.set_rows(
            [
                i
                for i in card_order(self._source)
                if stages[i] is stage and (mask is None or mask[i])
            ]
        )

    # -- following single rows (a change named them) -----------------------------------
    def take(self, source_row: int) -> bool:
        """Remove the card of `source_row`, if this column shows it."""
        try:
            row = self._rows.index(source_row)
        except ValueError:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def place(self, source_row: int) -> None:
        """Insert the card of `source_row` where the card order puts it."""
        key = partial(card_key, self._source)
        row = bisect_left(self._rows, key(source_row), key=key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, source_row)
        self.endInsertRows()

    def repaint(self, source_row: int) -> bool:
        """Repaint the card of `source_row` if it is still in place; False if it must move
        (to another place here, or to another column)."""
        try:
            row = self._rows.index(source_row)
        except ValueError:
            return False
        if self._source.stages[source_row] is not self.stage:
            return False
        key = partial(card_key, self._source)
        own = key(source_row)
        if (row > 0 and key(self._rows[row - 1]) > own) or (
            row + 1 < len(self._rows) and key(self._rows[row + 1]) < own
        ):
            return False
        self.dataChanged.emit(self.index(row), self.index(row))
        return True

    def shift(self, first: int, count: int) -> None:
        """The source inserted (count > 0) or removed (count < 0) rows at `first`: the
        cards keep their applications, only the row numbers they hold move."""
        self._rows = _row_numbers(row + count if row >= first else row for row in self._rows)

    def repaint_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [CountdownRole, AgeRole]
            )

    def summary(self, row: int) -> ApplicationSummary:
        return self._source.summary(self._rows[row])

    def row_of(self, application_id: int) -> int:
        source_row = self._source.row_of(application_id)
        try:
            return self._rows.index(source_row)
        except ValueError:
            return -1

    # -- QAbstractListModel --------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(  # noqa: PLR0911 (one early return per role reads best)
        self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._source.summary(self._rows[index.row()])
        app = summary.application
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{app.company} — {app.role}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            countdown = countdown_text(summary, self._source.now)
            return f"{app.company}, {app.role}" + (f", {countdown}" if countdown else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return app.notes or None
        if role == SummaryRole:
            return summary
        if role == ApplicationIdRole:
            return app.id
        if role == CountdownRole:
            return countdown_text(summary, self._source.now)
        if role == AgeRole:
            return format_age(started_at(app), self._source.now)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Dropping between or below cards lands on the column itself.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        return [APPLICATION_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        return encode_application_ids(
            sorted({self.summary(i.row()).application.id for i in indexes if i.isValid()})
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,  # noqa: ARG002 (Qt's signature)
        row: int,  # noqa: ARG002
        column: int,  # noqa: ARG002
        parent: ModelIndex,  # noqa: ARG002
    ) -> bool:
        return data.hasFormat(APPLICATION_IDS_MIME)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,  # noqa: ARG002 (Qt's signature)
        row: int,  # noqa: ARG002
        column: int,  # noqa: ARG002
        parent: ModelIndex,  # noqa: ARG002
    ) -> bool:
        ids = decode_application_ids(data)
        for application_id in ids:
            source_row = self._source.row_of(application_id)
            if source_row >= 0 and self._source.stages[source_row] is not self.stage:
                self.move_requested.emit(application_id, self.stage)
        # False: the dragging view must not remove rows itself; the store move and the
        # reload that follows put the card in its new column.
        return False


def _row_numbers(rows: Iterable[int] = ()) -> array[int]:
    """Row numbers as C ints: 100,000 of them take 0.4 MB, against 3.6 MB as a list."""
    return array("i", rows)


def card_order(source: ApplicationTableModel) -> list[int]:
    """Every source row in card order: open follow-ups first, the window that closes
    soonest on top; then the rest, the most recently updated first."""
    summaries = source.summaries
    open_rows = source.open_rows
    urgent = sorted(open_rows, key=lambda row: _closes_at(summaries[row]))
    updated = [s.application.updated_at for s in summaries]
    # reverse=True keeps rows with equal keys in row order, like an ascending sort would.
    recent = sorted(range(len(summaries)), key=updated.__getitem__, reverse=True)
    if not urgent:
        return recent
    is_open = set(open_rows)
    return urgent + [row for row in recent if row not in is_open]


def card_key(source: ApplicationTableModel, row: int) -> tuple[int, float, int]:
    """A row's place in `card_order`, for a binary search among a column's cards."""
    summary = source.summary(row)
    request = summary.open_request
    if request is not None:
        return (0, request.window_closes_at.timestamp(), row)
    return (1, -summary.application.updated_at.timestamp(), row)


def _closes_at(summary: ApplicationSummary) -> datetime:
    request = summary.open_request
    assert request is not None, "only rows with an open follow-up"
    return request.window_closes_at


@dataclass(frozen=True, slots=True)
class CardText:
    """One text of a card as painted: which one, what is shown (elided to fit), its font and
    the rectangle it covers (as wide as the shown text, not as the card)."""

    kind: str  # "company", "role", "age" or "countdown"
    text: str
    font: QFont
    rect: QRect


@dataclass(frozen=True, slots=True)
class CardLayout:
    texts: tuple[CardText, ...]  # company, role, then age and countdown where shown
    clock: QRect | None  # the drawn clock face before the countdown


def card_fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    """The company's (bold), the role's and the bottom line's (smaller) fonts."""
    bold = QFont(base)
    bold.setBold(True)
    small = QFont(base)
    small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
    return bold, base, small


def card_height(base: QFont) -> int:
    """Three lines and the padding around them: a card grows with the user's font."""
    bold, regular, small = card_fonts(base)
    lines = (QFontMetrics(f).height() + BEARING for f in (bold, regular, small))
    return max(CARD_HEIGHT, sum(lines) + 2 * CARD_LINE_GAP + CARD_PADDING)


def card_layout(
    rect: QRect, base: QFont, *, company: str, role: str, age: str, countdown: str
) -> CardLayout:
    """Where each text of a card goes, measured, so that no two overlap at any width.

    The countdown matters most on the bottom line: it keeps its room (elided only when
    even alone it does not fit), and the age goes when the card is too narrow for both.
    """
    bold, regular, small = card_fonts(base)
    inner = rect.adjusted(12, 6, -8, -6)
    width = inner.width()
    texts: list[CardText] = []
    top = inner.top()
    for kind, text, font in (("company", company, bold), ("role", role, regular)):
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - BEARING)
        high = _height(metrics, shown)
        box = QRect(inner.left(), top, min(_span(metrics, shown), width), high)
        texts.append(CardText(kind, shown, font, box))
        top += high + CARD_LINE_GAP
    metrics = QFontMetrics(small)
    line = max(_height(metrics, countdown), _height(metrics, age))
    bottom = max(top, inner.bottom() + 1 - line)
    clock: QRect | None = None
    room = width
    if countdown:
        size = max(8, line - 6)
        shown = metrics.elidedText(
            countdown, Qt.TextElideMode.ElideRight, width - size - 4 - BEARING
        )
        advance = _span(metrics, shown)
        right = inner.left() + width
        countdown_rect = QRect(right - advance, bottom, advance, line)
        clock = QRect(countdown_rect.left() - size - 4, bottom + (line - size) // 2, size, size)
        texts.append(CardText("countdown", shown, small, countdown_rect))
        room = clock.left() - SPACING - inner.left()
    # The age is short ("3 d"): shown whole or not at all, never as a lone "…".
    advance = _span(metrics, age)
    if age and advance <= room:
        texts.insert(2, CardText("age", age, small, QRect(inner.left(), bottom, advance, line)))
    return CardLayout(tuple(texts), clock)


def _span(metrics: QFontMetrics, text: str) -> int:
    """How wide `text` draws: its advance, or its ink where a glyph overhangs (bold Arabic)."""
    return max(metrics.horizontalAdvance(text), metrics.boundingRect(text).width())


def _height(metrics: QFontMetrics, text: str) -> int:
    return max(metrics.height(), metrics.boundingRect(text).height())


class CardDelegate(QStyledItemDelegate):
    """Paints a card: company (bold), role, then age and the follow-up countdown."""

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: ARG002
        height = card_height(option.font)
        view = self.parent()
        if isinstance(view, QListView):
            # A card fills its column, whatever width the column got.
            return QSize(view.viewport().width(), height)
        return QSize(COLUMN_WIDTH - 2 * SPACING, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        summary = index.data(SummaryRole)
        if not isinstance(summary, ApplicationSummary):
            super().paint(painter, option, index)
            return
        colors = current_colors()
        app = summary.application
        rect: QRect = option.rect.adjusted(2, 3, -2, -3)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor(colors.highlight if selected or focused else colors.card_border)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(QColor(colors.card))
        painter.drawRoundedRect(rect, CARD_RADIUS, CARD_RADIUS)
        # A stage-coloured edge ties the card to its column at a glance.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAGE_COLORS[app.stage]))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 4, rect.height()), 2, 2)

        layout = card_layout(
            rect,
            option.font,
            company=app.company,
            role=app.role,
            age=str(index.data(AgeRole) or ""),
            countdown=str(index.data(CountdownRole) or ""),
        )
        pens = {"age": colors.muted, "countdown": colors.urgent}
        for text in layout.texts:
            painter.setFont(text.font)
            painter.setPen(QColor(pens.get(text.kind, colors.text)))
            painter.drawText(
                text.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text.text
            )
        if layout.clock is not None:
            # A small clock, drawn: not every system font has a stopwatch glyph.
            face = layout.clock
            painter.setPen(QPen(QColor(colors.urgent), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(face)
            center = face.center()
            painter.drawLine(center, QPoint(center.x(), face.top() + 2))
            painter.drawLine(center, QPoint(face.right() - 2, center.y()))
        painter.restore()


class StageColumnView(QListView):
    """A list of cards that accepts card drops from any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        # Laying out a column asks the model for every card (from Python: about 1.6 µs a
        # card). In batches, a column of 30,000 cards never holds the GUI thread for long
        # when one card arrives or leaves: the layout continues between events.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(2000)
        # Lay the cards out again when the column's width changes (they fill it).
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSpacing(0)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.setMaximumWidth(COLUMN_WIDTH)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)


class BoardColumn(QFrame):
    def __init__(self, model: BoardColumnModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName(f"column_{model.stage.value}")
        colors = current_colors()
        # A tinted lane with borderless cards on it reads as a board, not as nine lists.
        self.setStyleSheet(
            f"#column_{model.stage.value} {{ background: {colors.alternate};"
            f" border: 1px solid {colors.card_border}; border-radius: {CARD_RADIUS + 2}px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING // 2, SPACING, SPACING // 2, SPACING // 2)
        layout.setSpacing(SPACING // 2)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self.view = StageColumnView()
        self.view.setModel(model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setAccessibleName(f"{model.stage.label} column")
        # The lane shows through the list; a style sheet would do it too, but would also
        # take the scroll bar off the palette (it turned black in both themes).
        self.view.viewport().setAutoFillBackground(False)
        layout.addWidget(self.view, 1)
        self.update_header()

    def update_header(self) -> None:
        color = STAGE_COLORS[self.model.stage]
        self.header.setText(
            f"<span style='color:{color}'>●</span>&nbsp;<b>{self.model.stage.label}</b>"
            f"&nbsp;&nbsp;<span style='color:{current_colors().muted}'>"
            f"{self.model.rowCount()}</span>"
        )
        # Read out as words, not as "● Saved 0".
        self.header.setAccessibleName(
            f"{self.model.stage.label}: {plural(self.model.rowCount(), 'application')}"
        )


class BoardView(QWidget):
    """All the columns side by side in a horizontal scroll area."""

    move_requested = Signal(int, object)  # application id, target Stage
    open_requested = Signal(int)  # application id
    context_menu_requested = Signal(int, object)  # application id, global QPoint

    def __init__(
        self,
        source: ApplicationTableModel,
        proxy: ApplicationFilterProxy,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._proxy = proxy
        self.columns: dict[Stage, BoardColumn] = {}
        self._stale = True
        self._order = _row_numbers()
        self._order_generation = -1
        self._seen_generation = -1  # the source's generation when the board last followed it

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        self._scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        strip = QWidget()
        row = QHBoxLayout(strip)
        row.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        row.setSpacing(SPACING)
        for stage in board_stages():
            column = BoardColumn(BoardColumnModel(source, stage, self))
            self.columns[stage] = column
            row.addWidget(column)
        row.addStretch(1)
        scroll.setWidget(strip)
        outer.addWidget(scroll)

        self._connect()
        self.rebuild()

    def _connect(self) -> None:
        self._source.modelReset.connect(self.rebuild)
        self._source.layoutChanged.connect(self.rebuild)
        self._source.dataChanged.connect(self._on_source_data_changed)
        self._source.rowsAboutToBeRemoved.connect(self._on_source_rows_about_to_be_removed)
        self._source.rowsRemoved.connect(self._on_source_rows_removed)
        self._source.rowsInserted.connect(self._on_source_rows_inserted)
        self._proxy.filter_changed.connect(self.rebuild)
        for column in self.columns.values():
            column.model.move_requested.connect(self.move_requested)
            column.view.selectionModel().currentChanged.connect(
                partial(self._on_current_changed, column)
            )
            column.view.activated.connect(partial(self._on_activated, column.model))
            column.view.customContextMenuRequested.connect(partial(self._on_context_menu, column))

    def rebuild(self) -> None:
        """Split the (filtered) rows into columns: one pass over the rows, not one per column.

        Skipped while the board is hidden (typing a search in the table); `showEvent`
        catches up.
        """
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._seen_generation = self._source.generation
        mask = self._proxy.text_mask()
        stages = self._source.stages
        order = self._card_order()
        visible = order if mask is None else (row for row in order if mask[row])
        groups = {stage: _row_numbers() for stage in self.columns}
        add = {stage: rows.append for stage, rows in groups.items()}
        for row in visible:
            add[stages[row]](row)
        for stage, column in self.columns.items():
            column.model.set_rows(groups[stage])
            column.update_header()

    def _card_order(self) -> array[int]:
        # Sorted once per reload, not on every keystroke: a filter keeps the order.
        if self._order_generation != self._source.generation:
            self._order = _row_numbers(card_order(self._source))
            self._order_generation = self._source.generation
        return self._order

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.rebuild()
        super().showEvent(event)

    def _on_current_changed(
        self, column: BoardColumn, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        # One card is "the selected application" across the whole board, as in the table.
        if not current.isValid():
            return
        for other in self.columns.values():
            if other is not column:
                other.view.selectionModel().clear()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if self._seen_generation == self._source.generation:
            # The clock moved: every countdown repaints, no card moves.
            for column in self.columns.values():
                column.model.repaint_all()
            return
        # Rows edited in place: each card repaints, or moves to where its stage and
        # urgency put it now.
        if self._follow_rows():
            for row in range(top_left.row(), bottom_right.row() + 1):
                if not any(column.model.repaint(row) for column in self.columns.values()):
                    for column in self.columns.values():
                        column.model.take(row)
                    self._place(row)

    def _on_source_rows_about_to_be_removed(self, _parent: object, first: int, last: int) -> None:
        if self._follow_rows():
            for row in range(first, last + 1):
                for column in self.columns.values():
                    column.model.take(row)

    def _on_source_rows_removed(self, _parent: object, first: int, last: int) -> None:
        if self._follow_rows():
            for column in self.columns.values():
                column.model.shift(last + 1, first - last - 1)
                column.update_header()

    def _on_source_rows_inserted(self, _parent: object, first: int, last: int) -> None:
        if self._follow_rows():
            for column in self.columns.values():
                column.model.shift(first, last - first + 1)
            for row in range(first, last + 1):
                self._place(row)

    def _follow_rows(self) -> bool:
        """Whether a single-row change can be followed card by card: the board is on
        screen and unfiltered. Otherwise the next rebuild (on show, or the filter's own)
        does it, as after a reload."""
        self._seen_generation = self._source.generation
        if self.isVisible() and not self._stale and self._proxy.text_mask() is None:
            return True
        self._stale = True
        if self.isVisible():
            self.rebuild()
        return False

    def _place(self, row: int) -> None:
        column = self.columns.get(self._source.stages[row])
        if column is not None:
            column.model.place(row)
            column.update_header()

    def _on_activated(self, model: BoardColumnModel, index: QModelIndex) -> None:
        self.open_requested.emit(model.summary(index.row()).application.id)

    def _on_context_menu(self, column: BoardColumn, pos: Any) -> None:
        index = column.view.indexAt(pos)
        if index.isValid():
            column.view.setCurrentIndex(index)
            self.context_menu_requested.emit(
                column.model.summary(index.row()).application.id,
                column.view.viewport().mapToGlobal(pos),
            )

    # -- selection, for the window's actions ---------------------------------------------
    def current_application_id(self) -> int | None:
        focus = self.focusWidget()
        candidates = [c for c in self.columns.values() if c.view is focus] + list(
            self.columns.values()
        )
        for column in candidates:
            index = column.view.currentIndex()
            if index.isValid() and column.view.selectionModel().isSelected(index):
                return column.model.summary(index.row()).application.id
        return None

    def select_application(self, application_id: int) -> bool:
        for column in self.columns.values():
            row = column.model.row_of(application_id)
            if row >= 0:
                column.view.setCurrentIndex(column.model.index(row))
                column.view.scrollTo(column.model.index(row))
                self._scroll.ensureWidgetVisible(column, SPACING, 0)
                column.view.setFocus()
                return True
        return False

    def focus_first_card(self) -> None:
        for column in self.columns.values():
            if column.model.rowCount() > 0:
                column.view.setFocus()
                if not column.view.currentIndex().isValid():
                    column.view.setCurrentIndex(column.model.index(0))
                return
        first = next(iter(self.columns.values()))
        first.view.setFocus()
