"""The one item model behind both the table and the board, and the table's filter proxy.

`ApplicationTableModel` holds the store's `ApplicationSummary` rows in memory. Everything a
search needs (company, role, notes, contact names and emails) is casefolded once per reload into a
"haystack" per row, so a keystroke costs a substring test per row and never a query.

Sorting happens in the source model (a Python `sorted` with a key), not in the proxy: a
proxy sort would call back into Python for every comparison, which is far too slow at
100,000 rows.

Filtering is not a `QSortFilterProxyModel` either: even with a precomputed answer, Qt's
proxy asks Python once per row (`filterAcceptsRow`) and rebuilds its C++ mapping on every
keystroke, which alone measured about 47 ms at 100,000 rows. `ApplicationFilterProxy`
instead keeps the list of visible source rows, computed by list comprehensions over the
haystacks, and tells the view about a new filter with one `layoutChanged`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any, ClassVar, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor

from desktop.core.ghosting import GhostRule
from desktop.core.model import Application, ApplicationSummary, Settings, Stage
from desktop.core.search import fold
from desktop.core.timefmt import format_countdown
from desktop.core.validation import EARLIEST
from desktop.ui.date_edit import format_moment
from desktop.ui.icons import stage_dot
from desktop.ui.theme import current_colors

ModelIndex = QModelIndex | QPersistentModelIndex

# Board drags carry application ids in this format; nothing outside AskWhy reads it.
APPLICATION_IDS_MIME = "application/x-askwhy-application-ids"

COL_COMPANY = 0
COL_ROLE = 1
COL_STAGE = 2
COL_CONTACTS = 3
COL_APPLIED = 4
COL_AGE = 5
COL_DEADLINE = 6
COL_NOTES = 7

_HEADERS = {
    COL_COMPANY: "Company",
    COL_ROLE: "Role",
    COL_STAGE: "Stage",
    COL_CONTACTS: "Contacts",
    COL_APPLIED: "Applied",
    COL_AGE: "Age",
    COL_DEADLINE: "Follow-up closes",
    COL_NOTES: "Notes",
}
COLUMN_COUNT = len(_HEADERS)

_USER = int(Qt.ItemDataRole.UserRole)
# Custom roles: any column answers them for its row.
SummaryRole = _USER + 1
ApplicationIdRole = _USER + 2
StageRole = _USER + 3
NeedsActionRole = _USER + 4
SortRole = _USER + 5
CountdownRole = _USER + 6
AgeRole = _USER + 7

# Plain ints: `data` runs for every role of every painted cell, and comparing with an int
# is cheaper than looking up and comparing an enum member each time.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


def encode_application_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(APPLICATION_IDS_MIME, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def decode_application_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(APPLICATION_IDS_MIME):
        return []
    raw = bytes(mime.data(APPLICATION_IDS_MIME).data()).decode("ascii", "replace")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


def started_at(app: Application) -> datetime:
    """Where an application's age counts from: the day it was sent, when known (an import
    of last summer's applications is not "new"), else the day it was added."""
    return app.applied_at or app.created_at


def format_age(started: datetime, now: datetime) -> str:
    """Coarse on purpose: a card needs "3 d", not "3 days, 4:12:09"."""
    seconds = max(0, int((now - started).total_seconds()))
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


def action_due(summary: ApplicationSummary, rule: GhostRule) -> datetime | None:
    """From when a row needs action: at once for an open follow-up (a draft not yet sent),
    from its Ghosted proposal for a company gone quiet (core.ghosting), else never."""
    if summary.open_request is not None:
        return EARLIEST
    return rule.due(summary.application)


def needs_action(summary: ApplicationSummary, rule: GhostRule, now: datetime) -> bool:
    due = action_due(summary, rule)
    return due is not None and due <= now


def _application_id(summary: ApplicationSummary) -> int:
    return summary.application.id


def _haystacks(rows: Sequence[ApplicationSummary]) -> list[str]:
    # \x1f keeps words of neighbouring fields from joining into false matches. Most rows
    # have no contacts, and the f-string skips building a tuple for them. Folded as the
    # search text is (core.search): no case, no accents.
    return [
        fold(
            f"{s.application.company}\x1f{s.application.role}\x1f{s.application.notes}"
            if not s.contact_names and not s.contact_emails
            else "\x1f".join(
                (
                    s.application.company,
                    s.application.role,
                    s.application.notes,
                    *s.contact_names,
                    *s.contact_emails,
                )
            )
        )
        for s in rows
    ]


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
        self._stages: list[Stage] = []
        self._stage_counts: Counter[Stage] = Counter()
        self._open_rows: list[int] = []
        # Built on first use, and only for rows out of id order (sorted by a column): at
        # 100,000 rows the dict costs tens of milliseconds and about 10 MB. Rows in id
        # order (the store's, unsorted) are found by a binary search instead.
        self._row_of_id: dict[int, int] | None = None
        self._in_id_order: bool | None = True  # None: not known since the last reset
        self._now = now
        self._settings = Settings()
        self._ghost_rule = GhostRule.from_settings(self._settings)
        self._needs_action_rows: list[int] = []
        self._needs_action_for: tuple[int, datetime, Settings] | None = None
        # The next moment a listed row would newly need action (a proposal falling due):
        # `set_now` past it tells the proxies, so the "Needs action" list grows on a tick.
        self._next_proposal_at: datetime | None = None
        # Bumped on every reset and sort, so proxies and the board know that their cached
        # row numbers are stale.
        self.generation = 0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- loading ---------------------------------------------------------------------
    def set_summaries(self, summaries: Sequence[ApplicationSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._in_id_order = None
        if self._sort_column >= 0:
            self._rows.sort(key=self._key_for(self._sort_column), reverse=self._descending())
            self._in_id_order = False
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        rows = self._rows
        self._haystacks = _haystacks(rows)
        self._stages = [s.application.stage for s in rows]
        self._stage_counts = Counter(self._stages)
        self._open_rows = [i for i, s in enumerate(rows) if s.open_request is not None]
        self._row_of_id = None
        self.generation += 1

    def apply_change(
        self, summaries: Sequence[ApplicationSummary], removed: Collection[int]
    ) -> None:
        """Update only the rows a change named: `summaries` are their current state (rows
        already shown are updated in place with `dataChanged`, new ones inserted), and the
        `removed` ids leave the model with row removals. Never a reset.

        A row edited in place keeps its position under a sort; a new row is inserted where
        the sort puts it (at the end, in id order, when unsorted).
        """
        for row in sorted((self.row_of(i) for i in removed), reverse=True):
            if row >= 0:
                self._remove_row(row)
        for summary in summaries:
            row = self.row_of(summary.application.id)
            if row >= 0:
                self._replace_row(row, summary)
            else:
                self._insert_row(summary)

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._stage_counts[self._stages[row]] -= 1
        del self._rows[row], self._haystacks[row], self._stages[row]
        position = bisect_left(self._open_rows, row)
        if position < len(self._open_rows) and self._open_rows[position] == row:
            del self._open_rows[position]
        self._open_rows[position:] = [r - 1 for r in self._open_rows[position:]]
        self._row_of_id = None
        self.generation += 1
        self.endRemoveRows()

    def _insert_row(self, summary: ApplicationSummary) -> None:
        row = self._insert_position(summary)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, summary)
        self._haystacks.insert(row, _haystacks([summary])[0])
        self._stages.insert(row, summary.application.stage)
        self._stage_counts[summary.application.stage] += 1
        position = bisect_left(self._open_rows, row)
        self._open_rows[position:] = [r + 1 for r in self._open_rows[position:]]
        if summary.open_request is not None:
            self._open_rows.insert(position, row)
        if row == len(self._rows) - 1 and self._row_of_id is not None:
            self._row_of_id[summary.application.id] = row
        else:
            self._row_of_id = None
        self.generation += 1
        self.endInsertRows()

    def _replace_row(self, row: int, summary: ApplicationSummary) -> None:
        self._rows[row] = summary
        self._haystacks[row] = _haystacks([summary])[0]
        self._stage_counts[self._stages[row]] -= 1
        self._stages[row] = summary.application.stage
        self._stage_counts[summary.application.stage] += 1
        position = bisect_left(self._open_rows, row)
        listed = position < len(self._open_rows) and self._open_rows[position] == row
        if summary.open_request is not None and not listed:
            self._open_rows.insert(position, row)
        elif summary.open_request is None and listed:
            del self._open_rows[position]
        self.generation += 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def _insert_position(self, summary: ApplicationSummary) -> int:
        """Where the current sort puts `summary`: a binary search, O(log n) key calls."""
        if self._sort_column < 0:
            # Unsorted rows are in id order (the store's) unless a sort was cleared, which
            # leaves them where it put them: then a row that comes goes last, as a new
            # application (the highest id) does in id order.
            application_id = summary.application.id
            rows = self._rows
            if not rows or rows[-1].application.id < application_id or not self._id_ordered():
                return len(rows)
            return bisect_left(rows, application_id, key=_application_id)
        key = self._key_for(self._sort_column)
        target = key(summary)
        low, high = 0, len(self._rows)
        descending = self._descending()
        while low < high:
            middle = (low + high) // 2
            other = key(self._rows[middle])
            before = target < other if not descending else other < target
            if before:
                high = middle
            else:
                low = middle + 1
        return low

    def set_now(self, now: datetime) -> None:
        self._now = now
        if self._next_proposal_at is not None and now >= self._next_proposal_at:
            self._next_proposal_at = None
            self.generation += 1  # a Ghosted proposal fell due: "needs action" changed
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_AGE),
                self.index(len(self._rows) - 1, COL_DEADLINE),
                [Qt.ItemDataRole.DisplayRole, CountdownRole, AgeRole],
            )

    @property
    def now(self) -> datetime:
        return self._now

    def set_settings(self, settings: Settings) -> None:
        """The user's settings: their quiet periods decide the Ghosted proposals."""
        if settings == self._settings:
            return
        self._settings = settings
        self._ghost_rule = GhostRule.from_settings(settings)
        self.generation += 1  # "needs action" changes: proxies compute again
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_DEADLINE), self.index(len(self._rows) - 1, COL_DEADLINE)
            )

    # -- fast access for proxies, the board and the status bar -------------------------
    @property
    def summaries(self) -> Sequence[ApplicationSummary]:
        return self._rows

    @property
    def haystacks(self) -> Sequence[str]:
        return self._haystacks

    @property
    def stages(self) -> Sequence[Stage]:
        return self._stages

    @property
    def stage_counts(self) -> Mapping[Stage, int]:
        """How many rows are at each stage, kept as rows come, change and go."""
        return self._stage_counts

    @property
    def open_rows(self) -> Sequence[int]:
        """The rows with an open follow-up, in row order."""
        return self._open_rows

    @property
    def needs_action_rows(self) -> Sequence[int]:
        """The rows that need action (`needs_action`) at `now`, in row order. Computed when
        asked (only the "Needs action" filter asks), once per change, tick or setting."""
        key = (self.generation, self._now, self._settings)
        if self._needs_action_for != key:
            rule, now = self._ghost_rule, self._now
            rows: list[int] = []
            upcoming: datetime | None = None
            # One pass that also finds the next proposal to fall due.
            for i, s in enumerate(self._rows):
                due = action_due(s, rule)
                if due is None:
                    continue
                if due <= now:
                    rows.append(i)
                elif upcoming is None or due < upcoming:
                    upcoming = due
            self._needs_action_rows = rows
            self._needs_action_for = key
            self._next_proposal_at = upcoming
        return self._needs_action_rows

    def summary(self, row: int) -> ApplicationSummary:
        return self._rows[row]

    def row_of(self, application_id: int) -> int:
        """The row of an application, or -1 when it is not loaded."""
        rows = self._rows
        if self._id_ordered():
            row = bisect_left(rows, application_id, key=_application_id)
            return row if row < len(rows) and rows[row].application.id == application_id else -1
        row_of_id = self._row_of_id
        if row_of_id is None:
            row_of_id = {s.application.id: i for i, s in enumerate(self._rows)}
            self._row_of_id = row_of_id
        return row_of_id.get(application_id, -1)

    def _id_ordered(self) -> bool:
        """The rows ascend by id: found by a binary search, with no id-to-row dict."""
        if self._in_id_order is None:
            rows = self._rows
            self._in_id_order = all(a.application.id < b.application.id for a, b in pairwise(rows))
        return self._in_id_order

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

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.row_data(index.row(), index.column(), role)

    def row_data(  # noqa: PLR0911 (one early return per role reads best)
        self, row: int, column: int, role: int
    ) -> Any:
        """`data` by row and column: the filter proxy calls it without building an index."""
        if row >= len(self._rows):
            return None
        summary = self._rows[row]
        if role == _DISPLAY:
            return self._display(summary, column)
        if role < _USER:
            # Qt's own roles: the delegate asks for several of them per cell and paint.
            return self._qt_role(summary, column, role)
        app = summary.application
        if role == SummaryRole:
            return summary
        if role == ApplicationIdRole:
            return app.id
        if role == StageRole:
            return app.stage.value
        if role == NeedsActionRole:
            return needs_action(summary, self._ghost_rule, self._now)
        if role == CountdownRole:
            return self._deadline_text(summary)
        if role == AgeRole:
            return format_age(started_at(app), self._now)
        return None

    @staticmethod
    def _qt_role(summary: ApplicationSummary, column: int, role: int) -> Any:
        if role == _DECORATION:
            return stage_dot(summary.application.stage) if column == COL_STAGE else None
        if role == _FOREGROUND:
            return QColor(current_colors().urgent) if column == COL_DEADLINE else None
        if role == _TOOLTIP:
            if column == COL_NOTES:
                return summary.application.notes or None
            if column == COL_DEADLINE and summary.open_request is not None:
                closes = summary.open_request.window_closes_at.astimezone()
                return f"Closes {closes:%a %d %b %H:%M}"
        return None

    def _deadline_text(self, summary: ApplicationSummary) -> str:
        """The open follow-up's countdown, else why Ghosted is proposed ("No word for …")."""
        return countdown_text(summary, self._now) or self._ghost_rule.reason(
            summary.application, self._now
        )

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
        if column == COL_APPLIED:
            # The user's local day (None: the system's zone, as the deadline tooltip).
            return format_moment(app.applied_at, None, with_time=False) if app.applied_at else ""
        if column == COL_AGE:
            return format_age(started_at(app), self._now)
        if column == COL_DEADLINE:
            return self._deadline_text(summary)
        if column == COL_NOTES:
            # One line in the table; the tooltip and the details dialog show the rest.
            return app.notes.split("\n", 1)[0]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

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
        self._in_id_order = False  # and stays so when the sort is cleared: rows keep it
        self._reindex()
        # Keep selections and the current row on the same applications.
        old_persistent = self.persistentIndexList()
        new_persistent = []
        for index in old_persistent:
            new_row = self.row_of(old_ids[index.row()])
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
            # Undated applications sort after the dated ones, either way round.
            COL_APPLIED: lambda s: (
                s.application.applied_at is None,
                s.application.applied_at.timestamp() if s.application.applied_at else 0.0,
            ),
            COL_AGE: lambda s: -started_at(s.application).timestamp(),
            COL_DEADLINE: lambda s: (
                s.open_request.window_closes_at if s.open_request is not None else far
            ),
            COL_NOTES: lambda s: s.application.notes.casefold(),
        }
        return keys.get(column, keys[COL_COMPANY])


_STAGE_ORDER = {stage: i for i, stage in enumerate(Stage)}


def _search(
    haystacks: Sequence[str], candidates: Sequence[int] | None, needle: str
) -> list[int] | None:
    """The candidate rows (None: all) whose haystack holds every word of `needle`, or None
    when `needle` has no words and every row is a candidate."""
    # Several words narrow the search, each may match a different field. One pass per
    # word, the longest (likely the rarest) first: a generator per row for `all()` would
    # cost several times the substring tests themselves.
    words = sorted(set(needle.split()), key=len, reverse=True)
    if not words:
        return None if candidates is None else list(candidates)
    first = words[0]
    if candidates is None:
        rows = [i for i, h in enumerate(haystacks) if first in h]
    else:
        rows = [i for i in candidates if first in haystacks[i]]
    for word in words[1:]:
        rows = [i for i in rows if word in haystacks[i]]
    return rows


class ApplicationFilterProxy(QAbstractProxyModel):
    """Instant search, stage filter and "needs action" filter for the table.

    Proxy row i shows source row `self._rows[i]`. The rows keep source order (sorting
    happens in the source), so they ascend, and `mapFromSource` is a binary search
    rather than a second 100,000-entry map to rebuild on every keystroke.

    A filter change is one `layoutChanged`, with the view's persistent indexes (current
    row, selection) moved to where their applications are now, or dropped when filtered
    out. A longer search that contains the previous one (typing on) only re-tests the
    previous matches.
    """

    filter_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._stage: Stage | None = None
        self._needs_action_only = False
        self._source_model: ApplicationTableModel | None = None
        # Visible source rows, ascending; a `range` while nothing is filtered out, which
        # costs no memory per row.
        self._rows: Sequence[int] = range(0)
        # Rows that pass search and "needs action" (None: every row), and what they were
        # computed for: (source generation, needle, needs action only).
        self._text_rows: list[int] | None = None
        self._text_rows_for: tuple[int, str, bool] | None = None
        self._text_mask: list[bool] | None = None
        self._text_mask_ready = False
        self._generation = -1
        # Application ids of the persistent indexes, across a sort in the source.
        self._ids_across_layout: list[int] = []
        # How to finish following a source row insert or removal (see _followed).
        self._finish_rows: Callable[[], None] | None = None

    def _source(self) -> ApplicationTableModel:
        source = self._source_model
        assert source is not None, "set a source model first"
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
        needle = fold(text.strip())
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
        if not self._text_mask_ready:
            # Built only when asked for: the table alone never needs it.
            rows = self._text_rows
            mask: list[bool] | None = None
            if rows is not None:
                mask = [False] * len(self._source().stages)
                for row in rows:
                    mask[row] = True
            self._text_mask = mask
            self._text_mask_ready = True
        return self._text_mask

    def _refilter(self) -> None:
        if self._source_model is None:
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        persistent = self.persistentIndexList()
        source_rows = [old_rows[index.row()] for index in persistent]
        self._compute()
        self.changePersistentIndexList(
            persistent,
            [
                self._proxy_index(row, index.column())
                for row, index in zip(source_rows, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()
        self.filter_changed.emit()

    # -- the computation ---------------------------------------------------------------
    def _ensure_current(self) -> None:
        if self._source_model is not None and self._generation != self._source().generation:
            self._compute()

    def _compute(self) -> None:
        source = self._source()
        self._generation = source.generation
        text_rows = self._compute_text_rows(source)
        self._text_mask_ready = False
        stage = self._stage
        if stage is None:
            self._rows = range(len(source.stages)) if text_rows is None else text_rows
        else:
            stages = source.stages
            candidates = range(len(stages)) if text_rows is None else text_rows
            self._rows = [i for i in candidates if stages[i] is stage]

    def _compute_text_rows(self, source: ApplicationTableModel) -> list[int] | None:
        key = (source.generation, self._needle, self._needs_action_only)
        previous = self._text_rows_for
        if previous == key:
            return self._text_rows
        candidates: Sequence[int] | None = (
            source.needs_action_rows if self._needs_action_only else None
        )
        if previous is not None:
            generation, old_needle, old_needs_action_only = previous
            if (
                generation == source.generation
                and old_needs_action_only == self._needs_action_only
                and old_needle in self._needle
            ):
                # Typing on: every word of the previous needle lies inside a word of this
                # one, so only the previous matches can match now.
                candidates = self._text_rows
        rows = _search(source.haystacks, candidates, self._needle)
        self._text_rows = rows
        self._text_rows_for = key
        return rows

    def _proxy_index(self, source_row: int, column: int) -> QModelIndex:
        rows = self._rows
        position = bisect_left(rows, source_row)
        if position < len(rows) and rows[position] == source_row:
            return self.createIndex(position, column)
        return QModelIndex()

    # -- following the source ----------------------------------------------------------
    def _followed(
        self, source: ApplicationTableModel
    ) -> list[tuple[SignalInstance, Callable[..., Any] | SignalInstance]]:
        # The source resets (start, import, restore), sorts (a layout change), repaints
        # (dataChanged) and inserts, edits or removes the rows a change named.
        return [
            (source.modelAboutToBeReset, self.beginResetModel),
            (source.modelReset, self._on_source_reset),
            (source.layoutAboutToBeChanged, self._on_source_layout_about_to_change),
            (source.layoutChanged, self._on_source_layout_changed),
            (source.dataChanged, self._on_source_data_changed),
            (source.headerDataChanged, self.headerDataChanged),
            (source.rowsAboutToBeInserted, self._on_source_rows_about_to_be_inserted),
            (source.rowsInserted, self._on_source_rows_changed),
            (source.rowsAboutToBeRemoved, self._on_source_rows_about_to_be_removed),
            (source.rowsRemoved, self._on_source_rows_changed),
        ]

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        assert isinstance(source, ApplicationTableModel)
        self.beginResetModel()
        if self._source_model is not None:
            for signal, slot in self._followed(self._source_model):
                signal.disconnect(slot)
        super().setSourceModel(source)
        self._source_model = source
        for signal, slot in self._followed(source):
            signal.connect(slot)
        self._text_rows_for = None
        self._compute()
        self.endResetModel()

    def _on_source_reset(self) -> None:
        self._compute()
        self.endResetModel()

    def _on_source_layout_about_to_change(self, *_args: object) -> None:
        self.layoutAboutToBeChanged.emit()
        source = self._source()
        rows = self._rows
        self._ids_across_layout = [
            source.summary(rows[index.row()]).application.id for index in self.persistentIndexList()
        ]

    def _on_source_layout_changed(self, *_args: object) -> None:
        source = self._source()
        self._compute()
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [
                self._proxy_index(source.row_of(application_id), index.column())
                for application_id, index in zip(self._ids_across_layout, persistent, strict=True)
            ],
        )
        self._ids_across_layout = []
        self.layoutChanged.emit()

    def _filtered(self) -> bool:
        return bool(self._needle) or self._stage is not None or self._needs_action_only

    # Rows the source inserts or removes: unfiltered, the proxy's rows are the source's,
    # and it says the same (row inserts and removals); filtered, which rows pass may
    # change, and it says so with one layout change, as a new filter does.
    def _on_source_rows_about_to_be_inserted(self, _parent: object, first: int, last: int) -> None:
        if self._filtered():
            self._on_source_layout_about_to_change()
            self._finish_rows = self._on_source_layout_changed
        else:
            self.beginInsertRows(QModelIndex(), first, last)
            self._finish_rows = self.endInsertRows

    def _on_source_rows_about_to_be_removed(self, _parent: object, first: int, last: int) -> None:
        if self._filtered():
            self._on_source_layout_about_to_change()
            self._finish_rows = self._on_source_layout_changed
        else:
            self.beginRemoveRows(QModelIndex(), first, last)
            self._finish_rows = self.endRemoveRows

    def _on_source_rows_changed(self, _parent: object, _first: int, _last: int) -> None:
        finish, self._finish_rows = self._finish_rows, None
        assert finish is not None, "rows changed without the about-to signal"
        if not self._filtered():
            self._compute()  # the new range of rows, before the view hears of them
        finish()

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        if self._generation != self._source().generation:
            # A row's content changed (not just the clock): whether it passes may too.
            if self._filtered():
                self._on_source_layout_about_to_change()
                self._on_source_layout_changed()
                return
            self._compute()
        rows = self._rows
        first = bisect_left(rows, top_left.row())
        last = bisect_right(rows, bottom_right.row()) - 1
        if first <= last:
            self.dataChanged.emit(
                self.index(first, top_left.column()),
                self.index(last, bottom_right.column()),
                list(roles),
            )

    # -- QAbstractProxyModel -------------------------------------------------------------
    def mapToSource(self, proxy_index: ModelIndex) -> QModelIndex:
        if not proxy_index.isValid() or self._source_model is None:
            return QModelIndex()
        return self._source_model.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: ModelIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        return self._proxy_index(source_index.row(), source_index.column())

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    @overload
    def parent(self) -> QObject | None: ...
    @overload
    def parent(self, child: ModelIndex) -> QModelIndex: ...
    def parent(self, child: ModelIndex | None = None) -> QObject | QModelIndex | None:
        # Qt's two parent() overloads share one Python name: without an argument it is
        # QObject's. A table's rows have no parent.
        if child is None:
            return super().parent()
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        # Not the source's answer: the source may have rows that the filter hides.
        return not parent.isValid() and bool(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the source's row: Qt's default would call back into Python twice
        # (mapToSource, then the source's data) for every role of every painted cell.
        if not index.isValid() or self._source_model is None:
            return None
        return self._source_model.row_data(self._rows[index.row()], index.column(), role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Columns are the source's; rows have no header of their own.
        return (
            None
            if self._source_model is None
            else self._source_model.headerData(section, orientation, role)
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Sorted in the source (see the module docstring); the proxy keeps source order.
        self._source().sort(column, order)
