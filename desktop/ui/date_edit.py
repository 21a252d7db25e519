"""Dates and times picked from a calendar, shown in the user's locale format.

Every date field of the app is a `MomentEdit` (or, in a table, edited by a
`MomentDelegate`): a calendar pop-up, the locale's order of day, month and year (with a
four-digit year, so "26" is never read as 1926), and only dates from 1970 to 2100, the
range the store accepts. The edit holds the wall time in the clock's zone, pinned to UTC
inside Qt, so Qt's own idea of the system zone (which may differ from the injected
clock's) never shifts what is shown.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core import validation

# The store's range (core.validation), as calendar days.
EARLIEST = QDate(validation.EARLIEST.year, validation.EARLIEST.month, validation.EARLIEST.day)
LATEST = QDate(validation.LATEST.year, validation.LATEST.month, validation.LATEST.day)
# The day before EARLIEST stands for "no date" in an optional edit (shown as NOT_SET).
_UNSET = EARLIEST.addDays(-1)
NOT_SET = "Not set"
# Where a table keeps a cell's moment (an aware UTC datetime, or None); the text shows it.
MOMENT_ROLE = Qt.ItemDataRole.UserRole + 1


def to_local_qdatetime(moment: datetime, tz: tzinfo | None) -> QDateTime:
    """A QDateTime, pinned to UTC, that holds `moment`'s wall time in `tz` (None: the
    system's zone)."""
    local = moment.astimezone(tz)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def from_local_qdatetime(value: QDateTime, tz: tzinfo) -> datetime:
    date, time = value.date(), value.time()
    naive = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
    return naive.replace(tzinfo=tz).astimezone(UTC)


def locale_format(*, with_time: bool, locale: QLocale | None = None) -> str:
    """The locale's short date (and time) format, with a four-digit year."""
    locale = locale or QLocale()
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date:
        date = date.replace("yy", "yyyy")
    if not with_time:
        return date
    return f"{date} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def format_moment(moment: datetime, tz: tzinfo | None, *, with_time: bool = True) -> str:
    """`moment` as a `MomentEdit` shows it: the text of a table cell between edits."""
    shown = to_local_qdatetime(moment, tz)
    return QLocale().toString(shown, locale_format(with_time=with_time))


class MomentEdit(QDateTimeEdit):
    """A date (and time) with a calendar pop-up; `optional` adds "Not set" (Delete clears)."""

    def __init__(
        self,
        tz: tzinfo,
        *,
        with_time: bool = True,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._optional = optional
        self.setTimeZone(QTimeZone.utc())
        self.setDisplayFormat(locale_format(with_time=with_time))
        self.setCalendarPopup(True)
        self.setDateRange(_UNSET if optional else EARLIEST, LATEST)
        if optional:
            self.setSpecialValueText(NOT_SET)
            self.setToolTip("Pick a date from the calendar; Delete clears it.")

    def set_moment(self, moment: datetime | None) -> None:
        if moment is None:
            self.setDateTime(QDateTime(_UNSET, QTime(0, 0), QTimeZone.utc()))
        else:
            self.setDateTime(to_local_qdatetime(moment, self._tz))

    def is_set(self) -> bool:
        return not (self._optional and self.date() == _UNSET)

    def moment(self) -> datetime:
        """The aware UTC moment shown (check `is_set` first in an optional edit)."""
        return from_local_qdatetime(self.dateTime(), self._tz)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._optional and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_moment(None)
            return
        super().keyPressEvent(event)


class MomentDelegate(QStyledItemDelegate):
    """Edits a table cell's moment (MOMENT_ROLE) with a `MomentEdit`; writes back its text."""

    def __init__(self, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return MomentEdit(self._tz, parent=parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        moment = index.data(MOMENT_ROLE)
        if isinstance(editor, MomentEdit) and isinstance(moment, datetime):
            editor.set_moment(moment)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if not isinstance(editor, MomentEdit):
            return
        moment = editor.moment()
        model.setData(index, moment, MOMENT_ROLE)
        model.setData(index, format_moment(moment, self._tz), Qt.ItemDataRole.DisplayRole)
