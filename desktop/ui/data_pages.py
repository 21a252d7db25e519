"""The main window's pages that show data, imported in one place, once there is data.

The window paints first with only PySide6 and its own few modules loaded (see
`desktop.ui.main_window`). The first data may come before the store (a first look with
plain sqlite3, while SQLAlchemy loads): these pages are all it needs to show it, and
`main_window` reaches them through `main_window.data_pages`, which imports this module on
first use. What needs the store comes later, through `desktop.ui.later`.
"""

from __future__ import annotations

from desktop.ui.board_view import BoardView
from desktop.ui.empty_state import EmptyState
from desktop.ui.insights_view import InsightsView
from desktop.ui.table_model import ApplicationFilterProxy, ApplicationTableModel
from desktop.ui.table_view import FilterBar, TablePage

__all__ = [
    "ApplicationFilterProxy",
    "ApplicationTableModel",
    "BoardView",
    "EmptyState",
    "FilterBar",
    "InsightsView",
    "TablePage",
]
