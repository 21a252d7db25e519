"""The one item model behind both the table and the board, and the table's filter proxy.

`ApplicationTableModel` holds the store's `ApplicationSummary` rows in memory. Everything a
search needs (company, role, contact names, notes) is lowercased once per reload into a
"haystack" per row, so a keystroke costs a substring test per row and never a query.

Sorting happens in the source model (a Python `sorted` with a key), not in the proxy: a
proxy sort would call back into Python for every comparison, which is far too slow at
100,000 rows. The proxy only filters, and its `filterAcceptsRow` reads a precomputed list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.core.model import ApplicationSummary, Stage
from desktop.core.timefmt import format_countdown
from desktop.ui.icons import stage_dot
from desktop.ui.theme import current_colors

ModelIndex = QModelIndex | QPersistentModelIndex

# Board drags carry application ids in this format; nothing outside AskWhy reads it.
APPLICATION_IDS_MIME = "application/x-askwhy-application-ids"

COL_COMPANY = 0
COL_ROLE = 1
COL_STAGE = 2
COL_CONTACTS = 3
COL_AGE = 4
COL_DEADLINE = 5
COL_NOTES = 6
COLUMN_COUNT = 7

_HEADERS = {
    COL_COMPANY: "Company",
    COL_ROLE: "Role",
    COL_STAGE: "Stage",
    COL_CONTACTS: "Contacts",
    COL_AGE: "Age",
    COL_DEADLINE: "Follow-up closes",
    COL_NOTES: "Notes",
}

_USER = int(Qt.ItemDataRole.UserRole)
# Custom roles: any column answers them for its row.
SummaryRole = _USER + 1
ApplicationIdRole = _USER + 2
StageRole = _USER + 3
NeedsActionRole = _USER + 4
SortRole = _USER + 5
CountdownRole = _USER + 6
AgeRole = _USER + 7


def encode_application_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(APPLICATION_IDS_MIME, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def decode_application_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(APPLICATION_IDS_MIME):
        return []
    raw = bytes(mime.data(APPLICATION_IDS_MIME).data()).decode("ascii", "replace")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


def format_age(created_at: datetime, now: datetime) -> str:
    """Coarse on purpose: a card needs "3 d", not "3 days, 4:12:09"."""
    seconds = max(0, int((now - created_at).total_seconds()))
    days = seconds // 86_400
    if days >= 14:
        return f"{days // 7} w"
    if days >= 1:
        return f"{days} d"
    hours = seconds // 3600
    if hours >= 1:
        return f"{hours} h"
    return "new"


def countdown_text(summary: ApplicationSummary, now: datetime) -> str:
    """Time left in the open follow-up window, or '' when there is none to show."""
    request = summary.open_request
    if request is None:
        return ""
    if now < request.window_opens_at:
        return ""
    left = request.window_closes_at - now
    if left <= timedelta(0):
        return "window closed"
    return format_countdown(left)


def needs_action(summary: ApplicationSummary) -> bool:
    """An open follow-up (a draft not yet sent) is what the user should act on."""
    return summary.open_request is not None


def _haystack(summary: ApplicationSummary) -> str:
    app = summary.application
    # \x1f keeps words of neighbouring fields from joining into false matches.
    return "\x1f".join((app.company, app.role, *summary.contact_names, app.notes)).casefold()


class ApplicationTableModel(QAbstractTableModel):
    """Rows are `ApplicationSummary` records; `now` drives ages and countdowns.

    Reload with `set_summaries` (one model reset); move the clock with `set_now`, which
    repaints only the time columns.
    """

    HEADERS: ClassVar[dict[int, str]] = _HEADERS

    def __init__(self, now: datetime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ApplicationSummary] = []
        self._haystacks: list[str] = []
        self._needs_action: list[bool] = []
        self._stages: list[Stage] = []
        self._row_of_id: dict[int, int] = {}
        self._now = now
        # Bumped on every reset, so proxies know their cached filter results are stale.
        self.generation = 0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- loading ---------------------------------------------------------------------
    def set_summaries(self, summaries: Sequence[ApplicationSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        if self._sort_column >= 0:
            self._rows.sort(key=self._key_for(self._sort_column), reverse=self._descending())
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        rows = self._rows
        self._haystacks = [_haystack(s) for s in rows]
        self._needs_action = [s.open_request is not None for s in rows]
        self._stages = [s.application.stage for s in rows]
        self._row_of_id = {s.application.id: i for i, s in enumerate(rows)}
        self.generation += 1

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_AGE),
                self.index(len(self._rows) - 1, COL_DEADLINE),
                [Qt.ItemDataRole.DisplayRole, CountdownRole, AgeRole],
            )

    @property
    def now(self) -> datetime:
        return self._now

    # -- fast access for proxies and the board -----------------------------------------
    @property
    def summaries(self) -> Sequence[ApplicationSummary]:
        return self._rows

    @property
    def haystacks(self) -> Sequence[str]:
        return self._haystacks

    @property
    def needs_action_flags(self) -> Sequence[bool]:
        return self._needs_action

    @property
    def stages(self) -> Sequence[Stage]:
        return self._stages

    def summary(self, row: int) -> ApplicationSummary:
        return self._rows[row]

    def row_of(self, application_id: int) -> int:
        """The row of an application, or -1 when it is not loaded."""
        return self._row_of_id.get(application_id, -1)

    # -- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS.get(section)
        return None

    def data(  # noqa: PLR0911, PLR0912 (one early return per role reads best)
        self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        summary = self._rows[row]
        app = summary.application
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NOTES:
                return app.notes or None
            if column == COL_DEADLINE and summary.open_request is not None:
                closes = summary.open_request.window_closes_at.astimezone()
                return f"Closes {closes:%a %d %b %H:%M}"
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STAGE:
            return stage_dot(app.stage)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_DEADLINE:
            return QColor(current_colors().urgent)
        if role == SummaryRole:
            return summary
        if role == ApplicationIdRole:
            return app.id
        if role == StageRole:
            return app.stage.value
        if role == NeedsActionRole:
            return self._needs_action[row]
        if role == CountdownRole:
            return countdown_text(summary, self._now)
        if role == AgeRole:
            return format_age(app.created_at, self._now)
        return None

    def _display(self, summary: ApplicationSummary, column: int) -> str | None:  # noqa: PLR0911
        app = summary.application
        if column == COL_COMPANY:
            return app.company
        if column == COL_ROLE:
            return app.role
        if column == COL_STAGE:
            return app.stage.label
        if column == COL_CONTACTS:
            return ", ".join(summary.contact_names)
        if column == COL_AGE:
            return format_age(app.created_at, self._now)
        if column == COL_DEADLINE:
            return countdown_text(summary, self._now)
        if column == COL_NOTES:
            # One line in the table; the tooltip and the details dialog show the rest.
            return app.notes.split("\n", 1)[0]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        return [APPLICATION_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({self._rows[i.row()].application.id for i in indexes if i.isValid()})
        return encode_application_ids(ids)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    # -- sorting -----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        if column < 0 or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [s.application.id for s in self._rows]
        self._rows.sort(key=self._key_for(column), reverse=self._descending())
        self._reindex()
        # Keep selections and the current row on the same applications.
        old_persistent = self.persistentIndexList()
        new_persistent = []
        for index in old_persistent:
            new_row = self._row_of_id.get(old_ids[index.row()], -1)
            new_persistent.append(
                self.index(new_row, index.column()) if new_row >= 0 else QModelIndex()
            )
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def _descending(self) -> bool:
        return self._sort_order == Qt.SortOrder.DescendingOrder

    def _key_for(self, column: int) -> Callable[[ApplicationSummary], Any]:
        far = datetime.max.replace(tzinfo=self._now.tzinfo)
        keys: dict[int, Callable[[ApplicationSummary], Any]] = {
            COL_COMPANY: lambda s: s.application.company.casefold(),
            COL_ROLE: lambda s: s.application.role.casefold(),
            COL_STAGE: lambda s: _STAGE_ORDER[s.application.stage],
            COL_CONTACTS: lambda s: ", ".join(s.contact_names).casefold(),
            # Younger first when ascending reads oddly; oldest first matches "Age ↑".
            COL_AGE: lambda s: -s.application.created_at.timestamp(),
            COL_DEADLINE: lambda s: (
                s.open_request.window_closes_at if s.open_request is not None else far
            ),
            COL_NOTES: lambda s: s.application.notes.casefold(),
        }
        return keys.get(column, keys[COL_COMPANY])


_STAGE_ORDER = {stage: i for i, stage in enumerate(Stage)}


class ApplicationFilterProxy(QSortFilterProxyModel):
    """Instant search, stage filter and "needs action" filter for the table.

    The filter result is computed in one list comprehension over the source model's
    haystacks; `filterAcceptsRow` then only indexes a list. `invalidate()` rebuilds the
    mapping in one pass, which measured steadier than incremental row removal when a
    keystroke drops tens of thousands of scattered rows.
    """

    filter_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._stage: Stage | None = None
        self._needs_action_only = False
        self._accept: list[bool] | None = None
        self._text_mask: list[bool] | None = None
        self._generation = -1
        self._cached_source: ApplicationTableModel | None = None
        self.setDynamicSortFilter(False)

    def _source(self) -> ApplicationTableModel:
        source = self.sourceModel()
        assert isinstance(source, ApplicationTableModel)
        return source

    # -- the user's filters ------------------------------------------------------------
    @property
    def search_text(self) -> str:
        return self._needle

    @property
    def stage_filter(self) -> Stage | None:
        return self._stage

    @property
    def needs_action_only(self) -> bool:
        return self._needs_action_only

    def set_search_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        self._needle = needle
        self._refilter()

    def set_stage_filter(self, stage: Stage | None) -> None:
        if stage == self._stage:
            return
        self._stage = stage
        self._refilter()

    def set_needs_action_only(self, on: bool) -> None:
        if on == self._needs_action_only:
            return
        self._needs_action_only = on
        self._refilter()

    def text_mask(self) -> Sequence[bool] | None:
        """Rows that pass search and "needs action" (not the stage filter), or None for
        all rows. The board uses this: its columns already split rows by stage."""
        self._ensure_current()
        return self._text_mask

    def _refilter(self) -> None:
        self._compute()
        self.invalidate()
        self.filter_changed.emit()

    # -- the computation ---------------------------------------------------------------
    def _ensure_current(self) -> None:
        if self.sourceModel() is not None and self._generation != self._source().generation:
            self._compute()

    def _compute(self) -> None:
        source = self._source()
        self._generation = source.generation
        needle = self._needle
        text_mask: list[bool] | None = None
        # Several words narrow the search, each may match a different field.
        words = needle.split()
        if words:
            haystacks = source.haystacks
            if len(words) == 1:
                text_mask = [needle in h for h in haystacks]
            else:
                text_mask = [all(w in h for w in words) for h in haystacks]
        if self._needs_action_only:
            flags = source.needs_action_flags
            text_mask = (
                list(flags)
                if text_mask is None
                else [a and b for a, b in zip(text_mask, flags, strict=True)]
            )
        self._text_mask = text_mask
        accept = text_mask
        if self._stage is not None:
            stage = self._stage
            stages = source.stages
            if accept is None:
                accept = [s is stage for s in stages]
            else:
                accept = [a and s is stage for a, s in zip(accept, stages, strict=True)]
        self._accept = accept

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        assert isinstance(source, ApplicationTableModel)
        # Cached: filterAcceptsRow runs once per row per keystroke, and sourceModel() plus
        # an isinstance check cost more than the filter itself.
        self._cached_source = source
        super().setSourceModel(source)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: ARG002
        source = self._cached_source
        if source is not None and self._generation != source.generation:
            self._compute()
        accept = self._accept
        return True if accept is None else accept[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sorted in the source (see the module docstring); the proxy keeps source order.
        self._source().sort(column, order)
