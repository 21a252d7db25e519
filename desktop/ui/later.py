"""What the main window uses once it has data, imported in one place, after its first paint.

The window paints first with only PySide6 and its own few modules loaded (see
`desktop.ui.main_window`): every Qt class a module touches costs start-up time. Everything
it needs once it has a store, the dialogs, the undo commands, the worker tasks and the
store's import reader, is imported here, and `main_window` reaches it through
`main_window.later`, which imports this module on first use (when the store is attached).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from desktop.core.wording import plural
from desktop.native.store_changes import StoreChanges
from desktop.store import imports
from desktop.store.backups import Backups
from desktop.store.changes import Change
from desktop.ui import report_pdf, undo_commands
from desktop.ui.details_dialog import DetailsAction, DetailsDialog
from desktop.ui.follow_ups_view import FollowUpsDialog, draft_to_open
from desktop.ui.import_preview_dialog import ImportPreviewDialog
from desktop.ui.missed_list import MissedList
from desktop.ui.rejection_flow import RejectionFlow
from desktop.ui.report_dialog import ReportDialog
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.tasks import Task
from desktop.ui.template_manager import TemplateManager

__all__ = [
    "Backups",
    "Change",
    "DetailsAction",
    "DetailsDialog",
    "FollowUpsDialog",
    "ImportPreviewDialog",
    "MissedList",
    "QFileDialog",
    "QMessageBox",
    "QProgressDialog",
    "RejectionFlow",
    "ReportDialog",
    "SettingsDialog",
    "StoreChanges",
    "Task",
    "TemplateManager",
    "draft_to_open",
    "imports",
    "plural",
    "report_pdf",
    "undo_commands",
]
