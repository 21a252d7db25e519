"""Date fields: the locale's order with a four-digit year, 1970–2100, optional "Not set"."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from desktop.ui.date_edit import (
    MOMENT_ROLE,
    NOT_SET,
    MomentDelegate,
    MomentEdit,
    format_moment,
    locale_format,
)

BERLIN = ZoneInfo("Europe/Berlin")


def test_the_format_follows_the_locale_with_a_four_digit_year() -> None:
    assert locale_format(with_time=True, locale=QLocale("de_DE")) == "dd.MM.yyyy HH:mm"
    assert locale_format(with_time=False, locale=QLocale("en_US")) == "M/d/yyyy"
    assert locale_format(with_time=False, locale=QLocale("en_GB")) == "dd/MM/yyyy"


def test_dates_stay_between_1970_and_2100(qtbot: QtBot) -> None:
    edit = MomentEdit(BERLIN)
    qtbot.addWidget(edit)
    edit.setDate(QDate(1969, 6, 1))
    assert edit.date() == QDate(1970, 1, 1)
    edit.setDate(QDate(2101, 1, 1))
    assert edit.date() == QDate(2100, 12, 31)
    assert edit.calendarPopup()


def test_the_wall_time_is_the_clocks_zone_not_qts(qtbot: QtBot) -> None:
    edit = MomentEdit(BERLIN)
    qtbot.addWidget(edit)
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    edit.set_moment(summer)
    assert (edit.time().hour(), edit.moment()) == (14, summer)
    assert format_moment(summer, BERLIN) == edit.text()


def test_an_optional_date_can_be_cleared_with_delete(qtbot: QtBot) -> None:
    edit = MomentEdit(BERLIN, with_time=False, optional=True)
    qtbot.addWidget(edit)
    edit.set_moment(datetime(2026, 2, 20, tzinfo=UTC))
    assert edit.is_set()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert not edit.is_set()
    assert edit.text() == NOT_SET


def test_a_table_cell_is_edited_with_the_calendar_and_keeps_its_moment(qtbot: QtBot) -> None:
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setItemDelegateForColumn(0, MomentDelegate(BERLIN, table))
    before = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
    item = QTableWidgetItem(format_moment(before, BERLIN))
    item.setData(MOMENT_ROLE, before)
    table.setItem(0, 0, item)
    table.show()
    table.editItem(item)
    editor = table.findChild(MomentEdit)
    assert editor is not None
    assert editor.moment() == before
    later = datetime(2026, 3, 11, 8, 30, tzinfo=UTC)
    editor.set_moment(later)
    table.commitData(editor)
    assert item.data(MOMENT_ROLE) == later
    assert item.text() == format_moment(later, BERLIN)
