"""The main window: board, table and insights over one shared model, with every action in a
menu and on a shortcut.

Construction (what `desktop.app` does)::

    window = MainWindow(None, clock, clipboard, on_quit=wiring_quit, settings=None)
    window.show()                                        # painted before the store exists
    window.show_first_look(summaries)                    # optional: rows read without a store
    window.attach_store(store)                           # then the data: loads it too
    window.loaded.connect(...)                           # each full load has been shown
    window.refresh()                                     # reload everything, in the background
    window.open_request(request_id)                      # e.g. a notification was clicked
    window.show_missed(count)                            # stale reminders went to the list
    window.start_rejection(None)                         # e.g. the tray's "Log rejection"

The window is built and painted without a store, so that a start shows the window with only
PySide6 loaded; SQLAlchemy and the database come after the first paint (see `desktop.app`).
Until the data comes, a "loading" page fills the window and the actions that need data
are disabled. The data comes from `attach_store`, or first from `show_first_look` (the
applications read with plain sqlite3 while SQLAlchemy is still loading: on screen, but
read-only until the store is attached); either builds the shared model, the filter bar
and the pages that show data (board, table, insights, empty state). Tests and tools that
have a store pass it to the constructor instead. For the same reason the model, the pages,
the dialogs, the rejection flow and the undo commands are not imported at the top: each Qt
class a module touches costs start-up time (PySide6 builds its enums then). Two modules
import them, each reached here by its name and loaded on first use:
`desktop.ui.data_pages` (the model and the pages, once there is data to show) and
`desktop.ui.later` (all the rest, once the store is attached).

`settings` is where geometry and the chosen view are kept; tests pass a QSettings on a
temporary file, `None` means the application's default QSettings. Geometry and view are
saved in `closeEvent` (and by `save_settings()`, for an app that hides to the tray instead).

Optional services, set as attributes when the app has them: `window.notifier` (for
Settings' "send a test notification") and `window.autostart` (for "start at login").
`window.rejection_flow` is the shared `RejectionFlow`; `window.show_and_raise()` brings the
window forward (tray, second launch). `task_finished(ok, message)` follows export, import,
backup and restore, which run in a worker thread behind a busy indicator.

`on_quit` is what File › Quit does: the app passes its own quit (which lets the window close
instead of hiding to the tray).

Data flow: `refresh()` reads `Store.list_summaries()` in a worker (a `Task`) into
`ApplicationTableModel`, with the status bar showing it loads; that full reload happens at
start, after an import or a restore (a change that says `everything`) and when "Show
archived" flips. The table (through `ApplicationFilterProxy`) and the board (through
per-column list models) both read that one model, so they can't disagree. After that the
window listens to the store's change feed (`StoreChanges`): a change names applications,
and only their rows are read again (`Store.summaries_for`) and updated, inserted or removed.
Every change the user makes runs as an undo command (`undo_commands.py`) on the window's
one `undo_stack`, which the rejection flow and the request editors push onto too. The
reminder service and the tray follow the same feed; nobody tells them. One QTimer, once a
minute, moves the model's clock so countdowns tick.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QByteArray,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QHideEvent,
    QIcon,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.errors import InvalidInput, UserFacingError
from desktop.core.model import Application, ApplicationSummary, RequestKind, Stage
from desktop.core.reminders import snooze_until
from desktop.core.stages import allowed_transitions, board_stages, check_move
from desktop.core.timefmt import format_local
from desktop.core.user_text import isolate
from desktop.ui import email_drop
from desktop.ui.empty_state import LoadingPage
from desktop.ui.icons import action_icon, stage_dot
from desktop.ui.screen_fit import clamp_to_screen, fit_to_screen
from desktop.ui.status_bar import StatusBar
from desktop.ui.theme import MARGIN, SPACING, ThemeController, current_colors


class _Deferred:
    """A module imported on first use: the window paints before it loads."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(self._name), name)


if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtWidgets import QDialog, QProgressDialog

    from desktop.core.proof import Period, ProofReport
    from desktop.native.autostart import Autostart
    from desktop.native.clipboard import Clipboard
    from desktop.native.clock import Clock
    from desktop.native.notifications import Notifier
    from desktop.store.changes import Change
    from desktop.store.database import Database
    from desktop.store.exchange import TableImport
    from desktop.store.repository import Store
    from desktop.store.snapshots import ImportResult
    from desktop.ui import data_pages, later
    from desktop.ui.details_dialog import DetailsDialog
    from desktop.ui.mail_found import MailFindings
    from desktop.ui.mail_settings import MailSetup
    from desktop.ui.rejection_flow import RejectionFlow
    from desktop.ui.restore_controller import RestoreController
    from desktop.ui.restore_dialog import RestoreDialog
    from desktop.ui.table_model import ApplicationFilterProxy, ApplicationTableModel
    from desktop.ui.tasks import Task
    from desktop.ui.undo_commands import StoreCommand
else:
    data_pages = _Deferred("desktop.ui.data_pages")
    later = _Deferred("desktop.ui.later")

log = logging.getLogger(__name__)

VIEW_BOARD = "board"
VIEW_TABLE = "table"
VIEW_INSIGHTS = "insights"
VIEWS = (VIEW_BOARD, VIEW_TABLE, VIEW_INSIGHTS)
# Usable while the window waits for its store; every other action reads or writes data.
_ACTIONS_WITHOUT_DATA = frozenset(
    {"quit", "about", "undo", "redo", *(f"view_{view}" for view in VIEWS)}
)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_VIEW = "main_window/view"

TICK_MS = 60_000
# Past this many rows in one change (undoing a large import), one background reload costs
# less than updating the rows one by one on the GUI thread.
ROWS_UPDATED_ONE_BY_ONE = 200
MESSAGE_MS = 10_000


class MessageBar(QWidget):
    """A dismissable line at the top of the window for refusals and results.

    It does not block like a message box, so a refused drag or a finished export never
    interrupts the user's flow, and tests can read it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, SPACING // 2, SPACING, SPACING // 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # An optional action beside the text ("Show" for the missed list).
        self.action_button = QToolButton()
        self.action_button.setObjectName("messageBarAction")
        self.action_button.hide()
        self._action: Callable[[], object] | None = None
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        close.clicked.connect(self.hide)
        self.action_button.clicked.connect(self._on_action)
        self.hide()

    def show_message(
        self,
        text: str,
        *,
        error: bool = False,
        action: tuple[str, Callable[[], object]] | None = None,
    ) -> None:
        colors = current_colors()
        tint = colors.urgent if error else colors.highlight
        self.setStyleSheet(
            f"#messageBar {{ border-bottom: 2px solid {tint}; }}"
            f" QLabel {{ color: {colors.urgent if error else colors.text}; }}"
        )
        self.label.setText(text)
        self._action = None if action is None else action[1]
        self.action_button.setText("" if action is None else action[0])
        self.action_button.setVisible(action is not None)
        self.show()
        self._timer.start(MESSAGE_MS)

    def _on_action(self) -> None:
        action = self._action
        self.hide()
        if action is not None:
            action()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class MainWindow(QMainWindow):
    """See the module docstring for how `desktop.app` builds and wires it."""

    loaded = Signal()  # a full load (start, import, restore) is on screen
    task_finished = Signal(bool, str)  # ok, the message shown to the user
    resume_requested = Signal()  # "Resume" beside "Reminders paused until …"

    def __init__(
        self,
        store: Store | None,
        clock: Clock,
        clipboard: Clipboard,
        *,
        on_quit: Callable[[], None],
        settings: QSettings | None = None,
        restore: RestoreController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._restore = restore
        self._flow: RejectionFlow | None = None
        self._clock = clock
        self._clipboard = clipboard
        self._on_quit = on_quit
        self._settings = settings if settings is not None else QSettings()
        self._view = VIEW_BOARD
        self._show_archived = False
        self._tasks: set[Task] = set()
        self._loading: Task | None = None
        self._has_data = False  # the first load has arrived: until then, the loading page
        self._reload_again = False
        # Ids a change named while a full load ran: the load may have read them before.
        self._changed_while_loading: set[int] = set()
        self._progress: QProgressDialog | None = None
        self.details_dialog: DetailsDialog | None = None
        self.side_dialog: QDialog | None = None  # settings or templates, while open
        self.undo_stack = QUndoStack(self)

        # The icon is the application's, set by desktop.app after the first paint.
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        fit_to_screen(self, QSize(1280, 780))

        # Settings' "send a test notification" and "start at login": desktop.app sets them
        # once they exist, after the first paint; without them those controls are off.
        self.notifier: Notifier | None = None
        self.autostart: Autostart | None = None
        self.theme: ThemeController | None = None  # Settings' colour scheme, from desktop.app
        # The "From your mail" list's controller, set by desktop.app with the mail sources.
        self.mail_findings: MailFindings | None = None
        self.mail_setup: MailSetup | None = None  # Settings › Mail's, likewise
        self.email_drop_filter = email_drop.EmailDropFilter(self)
        self.email_drop_filter.install(self)

        self._build_widgets()
        self.actions_by_name: dict[str, QAction] = {}
        self._icons_to_add: list[tuple[QAction | QMenu, Callable[[], QIcon]]] = []
        self._build_actions()
        self._build_menus()
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._connect()
        self._restore_settings()
        self._enable_data_actions(False)
        if store is not None:
            self.attach_store(store)

    def show_first_look(self, summaries: list[ApplicationSummary]) -> None:
        """Show the applications read before the store opens (`store.summaries.first_look`):
        on screen at once, read-only until `attach_store`, which adds what only the store
        knows (the reminders' times, the user's Ghosted rule) to these rows instead of
        loading them all again. `loaded` follows."""
        if self._store is not None or self._has_data:
            return  # the store's own load is the newer one
        self._build_data_pages()
        self._show_loaded(summaries)

    def attach_store(self, store: Store) -> None:
        """Give the window its data: enables the data actions and loads the store (or,
        after `show_first_look`, completes the rows shown)."""
        self._store = store
        self._flow = later.RejectionFlow(store, self._clock, self._clipboard, self.undo_stack, self)
        self.changes = later.StoreChanges(store.changes, self)
        self.changes.changed.connect(self._on_store_changed)
        if not self._has_data:
            self._build_data_pages()
        self._connect_pages()
        self._connect_flow()
        self._enable_data_actions(True)
        self._show_pause(self._clock.now())
        if not self._has_data:
            self.refresh()
            return
        self._load_model_settings()
        # The first look had no reminder times: read again the rows that have an open
        # request (a handful), with the store's one definition of a pending reminder.
        rows = self.model.summaries
        self._update_rows({rows[row].application.id for row in self.model.open_rows})
        self._after_rows_changed()

    @property
    def has_data(self) -> bool:
        """The data is on screen (from `show_first_look` or the store's first load)."""
        return self._has_data

    @property
    def store(self) -> Store:
        """The store given to `attach_store`; before it, no action that needs it is enabled."""
        if self._store is None:
            raise RuntimeError("MainWindow.attach_store() has not run yet")
        return self._store

    @property
    def rejection_flow(self) -> RejectionFlow:
        """The shared rejection flow; it exists once the store is attached."""
        if self._flow is None:
            raise RuntimeError("MainWindow.attach_store() has not run yet")
        return self._flow

    def _enable_data_actions(self, enabled: bool) -> None:
        for name, action in self.actions_by_name.items():
            if name not in _ACTIONS_WITHOUT_DATA:
                action.setEnabled(enabled)

    # -- building ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        """What the first paint shows: the message bar, a loading page and the status bar."""
        central = QWidget()
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self.message_bar = MessageBar()
        self._central_layout.addWidget(self.message_bar)
        self.stack = QStackedWidget()
        self._central_layout.addWidget(self.stack, 1)
        self.loading_page = LoadingPage()
        self.stack.addWidget(self.loading_page)
        self.setCentralWidget(central)
        self.status = StatusBar()
        self.setStatusBar(self.status)

    def _build_data_pages(self) -> None:
        """The model, the filter bar and the pages that show data, built with the data.

        `model`, `proxy`, `filter_bar`, `empty_state`, `board`, `table_page`, `table` and
        `insights` exist from `show_first_look` or `attach_store` on; until then the
        loading page is all there is to show.
        """
        self.model: ApplicationTableModel = data_pages.ApplicationTableModel(
            self._clock.now(), self
        )
        self.proxy: ApplicationFilterProxy = data_pages.ApplicationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.filter_changed.connect(self._update_page)
        self.filter_bar = data_pages.FilterBar(self.proxy)
        self._central_layout.insertWidget(1, self.filter_bar)  # under the message bar
        self.empty_state = data_pages.EmptyState()
        self.board = data_pages.BoardView(self.model, self.proxy)
        self.table_page = data_pages.TablePage(self.proxy)
        self.table = self.table_page.view
        self.insights = data_pages.InsightsView()
        for page in (self.empty_state, self.board, self.table_page, self.insights):
            self.stack.addWidget(page)

    def _connect_pages(self) -> None:
        """What the pages ask for needs the store: connected once it is attached."""
        self.board.move_requested.connect(self.request_move)
        self.board.open_requested.connect(self.open_details)
        self.board.context_menu_requested.connect(self._show_context_menu)
        self.table.open_requested.connect(self.open_details)
        self.table.context_menu_requested.connect(self._show_context_menu)
        self.empty_state.add_requested.connect(self.new_application)
        self.empty_state.rejection_requested.connect(self._on_log_rejection)

    def _action(  # noqa: PLR0917
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            self._icons_to_add.append((action, partial(action_icon, icon)))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        # triggered(bool) would pass `checked` into slots that take no argument.
        action.triggered.connect(partial(_call, slot))
        self.actions_by_name[name] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        a("new", "&New application…", self.new_application, "Ctrl+N", "new")
        a("rejection", "Log &rejection…", self._on_log_rejection, "Ctrl+R", "rejection")
        a("import", "&Import…", self._on_import, None, "import")
        a("report", "&Report (proof of applications)…", self.open_report, None, "export")
        a("export_json", "Export everything (.&json)…", partial(self._on_export, ".json"))
        a("export_csv", "Export table (.&csv)…", partial(self._on_export, ".csv"))
        a("export_ics", "Export deadlines (.&ics)…", partial(self._on_export, ".ics"))
        a("backup", "&Back up now", self.backup_now, None, "backup")
        a("restore", "Re&store from backup…", self._on_restore, None, "restore")
        a("quit", "&Quit", self._quit, "Ctrl+Q", "quit")
        a("find", "&Find…", self.focus_search, "Ctrl+F", "find")
        a("paste_email", "&Paste rejection email", self.paste_email, "Ctrl+V", "paste")
        a("templates", "&Templates…", self.open_templates, "Ctrl+T", "templates")
        a("settings", "Se&ttings…", self.open_settings, "Ctrl+,", "settings")
        a("missed", "&Missed reminders…", self.open_missed_list)
        a("mail_found", "From your &mail…", self.open_mail_found)
        a("open", "&Open details…", self.open_selected, "Ctrl+I", "open")
        a("open_draft", "Open &draft", self.open_selected_draft, "Ctrl+D")
        a("follow_ups", "&Follow-ups…", self.open_follow_ups, "Ctrl+Shift+F")
        a("mark_ghosted", "Mark &ghosted", self.mark_selected_ghosted, "Ctrl+G")
        a("archive", "&Archive", self.archive_selected, "Ctrl+Shift+A", "archive")
        a("delete", "&Delete", self.delete_selected, QKeySequence.StandardKey.Delete, "delete")
        a("about", f"&About {APP_NAME}", self._on_about, None, "about")
        # Ctrl+V in a text field pastes into the field: the field claims the shortcut first.
        self.actions_by_name["paste_email"].setShortcutContext(Qt.ShortcutContext.WindowShortcut)

        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            self.actions_by_name[name] = action
            self.addAction(action)
            self._icons_to_add.append((action, partial(action_icon, name)))

        group = QActionGroup(self)
        group.setExclusive(True)
        labels = {VIEW_BOARD: "&Board", VIEW_TABLE: "&Table", VIEW_INSIGHTS: "&Insights"}
        for number, view in enumerate(VIEWS, start=1):
            action = a(
                f"view_{view}", labels[view], partial(self.set_view, view), f"Ctrl+{number}", view
            )
            action.setCheckable(True)
            group.addAction(action)
        archived = a("show_archived", "Show &archived", self._on_show_archived)
        archived.setCheckable(True)

    def _build_menus(self) -> None:
        acts = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([acts["new"], acts["rejection"]])
        file_menu.addSeparator()
        file_menu.addAction(acts["import"])
        file_menu.addAction(acts["report"])
        export_menu = file_menu.addMenu("&Export")
        self._icons_to_add.append((export_menu, partial(action_icon, "export")))
        export_menu.addActions([acts["export_json"], acts["export_csv"], acts["export_ics"]])
        file_menu.addSeparator()
        file_menu.addActions([acts["backup"], acts["restore"]])
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([acts["undo"], acts["redo"]])
        edit_menu.addSeparator()
        edit_menu.addActions([acts["find"], acts["paste_email"]])
        edit_menu.addSeparator()
        edit_menu.addActions([acts["templates"], acts["settings"]])

        view_menu = bar.addMenu("&View")
        view_menu.addActions([acts[f"view_{v}"] for v in VIEWS])
        view_menu.addSeparator()
        view_menu.addAction(acts["follow_ups"])
        view_menu.addAction(acts["show_archived"])
        view_menu.addAction(acts["missed"])
        view_menu.addAction(acts["mail_found"])

        app_menu = bar.addMenu("&Application")
        app_menu.addActions([acts["open"], acts["open_draft"]])
        self.move_menu = app_menu.addMenu("&Move to")
        for stage in board_stages():
            action = QAction(stage.label, self)
            self._icons_to_add.append((action, partial(stage_dot, stage)))
            action.triggered.connect(partial(_call, partial(self.move_selected, stage)))
            self.actions_by_name[f"move_{stage.value}"] = action
            self.move_menu.addAction(action)
        app_menu.addActions([acts["mark_ghosted"], acts["rejection"]])
        app_menu.addSeparator()
        app_menu.addActions([acts["archive"], acts["delete"]])
        app_menu.aboutToShow.connect(self._update_selection_actions)
        self.app_menu = app_menu

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(acts["about"])
        for menu in (file_menu, edit_menu, view_menu, app_menu, help_menu):
            menu.aboutToShow.connect(self._add_icons)

    def _add_icons(self) -> None:
        """The menus' icons, set the first time a menu opens. The first frame shows no menu
        open, and the icon theme's first lookup and the drawn stage dots cost it ~6 ms."""
        icons, self._icons_to_add = self._icons_to_add, []
        for target, icon in icons:
            target.setIcon(icon())

    # -- signals: the one place they are connected ------------------------------------
    def _connect(self) -> None:
        self._tick_timer.timeout.connect(self.tick)
        self.status.resume_requested.connect(self.resume_requested)
        if self._restore is not None:
            self._restore.pausing.connect(self._settle_for_restore)
            self._restore.restored.connect(self._on_restored)

    def _connect_flow(self) -> None:
        flow = self.rejection_flow
        self.email_drop_filter.email_dropped.connect(flow.log_parsed_email)

    # -- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything from the store in a worker, keeping the selection; `loaded`
        follows once it is shown. Only for start, import, restore and "Show archived":
        every other change updates its own rows (`_on_store_changed`)."""
        if self._store is None:
            return  # nothing to load before attach_store()
        if self._loading is not None:
            self._reload_again = True  # after this one: it may have read too early
            return
        store, include_archived = self._store, self._show_archived
        task = later.Task(lambda: store.list_summaries(include_archived=include_archived))
        task.signals.succeeded.connect(self._on_loaded)
        task.signals.failed.connect(self._on_load_failed)
        self._loading = task
        self._changed_while_loading.clear()
        self.status.set_loading(True)
        task.start()

    def _on_loaded(self, summaries: object) -> None:
        assert isinstance(summaries, list)
        self._loading = None
        self._load_model_settings()
        self._show_loaded(summaries)

    def _show_loaded(self, summaries: list[ApplicationSummary]) -> None:
        selected = self.selected_application_id()
        self.model.set_now(self._clock.now())
        self.model.set_summaries(summaries)
        self.status.set_loading(False)
        first = not self._has_data
        self._has_data = True
        if self._reload_again:
            self._reload_again = False
            self.refresh()
            return
        if self._changed_while_loading:
            self._update_rows(self._changed_while_loading)
            self._changed_while_loading.clear()
        self._after_rows_changed()
        if first:
            self._focus_view()
        elif selected is not None:
            self._select(selected)
        self.loaded.emit()

    def _on_load_failed(self, message: str) -> None:
        self._loading = None
        self.status.set_loading(False)
        self.show_error(message)

    def _on_store_changed(self, change: Change) -> None:
        if change.settings or change.everything:
            self._show_pause(self._clock.now())
        ids = change.applications | change.removed_applications
        if change.everything or len(ids) > ROWS_UPDATED_ONE_BY_ONE:
            self.refresh()
            return
        if change.settings:
            self._load_model_settings()
        if not ids:
            if change.lessons and self._view == VIEW_INSIGHTS:
                self._refresh_insights()
            return
        if self._loading is not None:
            self._changed_while_loading.update(ids)
            return
        self._update_rows(ids)
        self._after_rows_changed()

    def _load_model_settings(self) -> None:
        try:
            self.model.set_settings(self.store.load_settings())
        except UserFacingError as error:
            self.show_error(str(error))

    def _update_rows(self, ids: AbstractSet[int]) -> None:
        """Read just these applications again; those gone (or archived while archived
        ones are hidden) leave the model."""
        try:
            summaries = self.store.summaries_for(ids, include_archived=self._show_archived)
        except UserFacingError as error:
            self.show_error(str(error))
            return
        present = {s.application.id for s in summaries}
        self.model.apply_change(summaries, ids - present)

    def _after_rows_changed(self) -> None:
        self.status.update_from(self.model, self._clock.now(), self._clock.local_tz())
        was_empty = self.stack.currentWidget() is self.empty_state
        self._update_page()
        if was_empty and self.stack.currentWidget() is not self.empty_state:
            self._focus_view()
        if self._view == VIEW_INSIGHTS:
            self._refresh_insights()

    def tick(self) -> None:
        """Once a minute: countdowns and ages move, the status bar's deadline too."""
        now = self._clock.now()
        if self._has_data:
            self.model.set_now(now)
            self.status.update_from(self.model, now, self._clock.local_tz())
        self._show_pause(now)  # a pause ends by itself

    def _show_pause(self, now: datetime) -> None:
        if self._store is None:
            return  # nothing to read before attach_store()
        try:
            settings = self._store.load_settings()
        except UserFacingError as error:
            self.show_error(str(error))
            return
        self.status.set_paused(settings.reminders_pause_end_at(now), self._clock.local_tz())

    def _refresh_insights(self) -> None:
        if self._store is None:
            return
        try:
            self.insights.update_from(self._store)
        except UserFacingError as error:
            self.show_error(str(error))

    # -- views -------------------------------------------------------------------------
    @property
    def current_view(self) -> str:
        return self._view

    def set_view(self, view: str) -> None:
        if view not in VIEWS:
            view = VIEW_BOARD
        self._view = view
        self.actions_by_name[f"view_{view}"].setChecked(True)
        if view == VIEW_INSIGHTS:
            self._refresh_insights()
        self._update_page()
        self._focus_view()

    def _is_empty(self) -> bool:
        return self.model.rowCount() == 0 and not self._show_archived

    def _update_page(self) -> None:
        if not self._has_data:
            return  # the loading page stays until the data is there
        if self._view == VIEW_INSIGHTS:
            page: QWidget = self.insights
        elif self._is_empty():
            page = self.empty_state
        else:
            page = self.board if self._view == VIEW_BOARD else self.table_page
        self.stack.setCurrentWidget(page)
        self.filter_bar.setVisible(page in (self.board, self.table_page))

    def _focus_view(self) -> None:
        if self._store is None:
            return
        page = self.stack.currentWidget()
        if page is self.board:
            self.board.focus_first_card()
        elif page is self.table_page:
            self.table.setFocus()
            if not self.table.currentIndex().isValid() and self.proxy.rowCount() > 0:
                self.table.selectRow(0)
        elif page is self.empty_state:
            self.empty_state.add_button.setFocus()
        elif page is not None:
            page.setFocus()

    def focus_search(self) -> None:
        if self._view == VIEW_INSIGHTS or self._is_empty():
            self.set_view(VIEW_TABLE if self._view == VIEW_INSIGHTS else self._view)
        self.filter_bar.focus_search()

    # -- selection ---------------------------------------------------------------------
    def selected_application_id(self) -> int | None:
        if self._store is None:
            return None
        if self.stack.currentWidget() is self.table_page:
            return self.table.current_application_id()
        if self.stack.currentWidget() is self.board:
            return self.board.current_application_id()
        return None

    def _select(self, application_id: int) -> None:
        if self._store is None:
            return
        if self.stack.currentWidget() is self.table_page:
            self.table.select_application(application_id)
        elif self.stack.currentWidget() is self.board:
            self.board.select_application(application_id)

    def _selected_application(self) -> Application | None:
        application_id = self.selected_application_id()
        if application_id is None:
            self.message_bar.show_message("Select an application first.")
            return None
        row = self.model.row_of(application_id)
        if row < 0:
            return None
        return self.model.summary(row).application

    def _update_selection_actions(self) -> None:
        app = None
        application_id = self.selected_application_id()
        if application_id is not None and self.model.row_of(application_id) >= 0:
            app = self.model.summary(self.model.row_of(application_id)).application
        for stage in board_stages():
            action = self.actions_by_name[f"move_{stage.value}"]
            action.setEnabled(app is not None and stage in allowed_transitions(app.stage))
        self.actions_by_name["mark_ghosted"].setEnabled(
            app is not None and Stage.GHOSTED in allowed_transitions(app.stage)
        )
        self.actions_by_name["archive"].setText(
            "Un&archive" if app is not None and app.archived else "&Archive"
        )

    def _show_context_menu(self, _application_id: int, global_pos: QPoint) -> None:
        self._update_selection_actions()
        self._add_icons()
        menu = QMenu(self)
        menu.addAction(self.actions_by_name["open"])
        menu.addAction(self.actions_by_name["open_draft"])
        menu.addMenu(self.move_menu)
        menu.addAction(self.actions_by_name["mark_ghosted"])
        menu.addAction(self.actions_by_name["rejection"])
        menu.addSeparator()
        menu.addAction(self.actions_by_name["archive"])
        menu.addAction(self.actions_by_name["delete"])
        menu.popup(global_pos)

    # -- running changes through the undo stack ---------------------------------------
    def run_command(self, command: StoreCommand) -> bool:
        """Execute now; push onto the undo stack only if the store accepted it."""
        return later.undo_commands.run(self.undo_stack, command, self.show_error)

    def push_done(self, command: StoreCommand) -> None:
        """Push a command that already ran (e.g. inside the details dialog)."""
        command.set_error_handler(self.show_error)
        self.undo_stack.push(command)

    def show_error(self, message: str) -> None:
        self.message_bar.show_message(message, error=True)

    def show_info(self, message: str) -> None:
        self.message_bar.show_message(message)

    # -- user actions ------------------------------------------------------------------
    def new_application(self) -> DetailsDialog:
        """Open the details dialog for a new application (window-modal, not blocking)."""
        return self._open_dialog(later.DetailsDialog(self.store, self._clock, parent=self))

    def open_selected(self) -> None:
        application_id = self.selected_application_id()
        if application_id is None:
            self.message_bar.show_message("Select an application first.")
            return
        self.open_details(application_id)

    def open_details(self, application_id: int) -> DetailsDialog | None:
        try:
            dialog = later.DetailsDialog(
                self.store, self._clock, application_id=application_id, parent=self
            )
        except UserFacingError as error:
            # Deleted elsewhere since the list was loaded: say so and catch up.
            self.show_error(str(error))
            self._update_rows({application_id})
            self._after_rows_changed()
            return None
        return self._open_dialog(dialog)

    def _open_dialog(self, dialog: DetailsDialog) -> DetailsDialog:
        # open(), not exec(): no nested event loop, and tests drive the dialog directly.
        dialog.finished.connect(partial(self._on_details_finished, dialog))
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def _on_details_finished(self, dialog: DetailsDialog, result: int) -> None:
        if self.details_dialog is dialog:
            self.details_dialog = None
        dialog.deleteLater()
        # Give the keyboard back to the window (some platforms leave no window active).
        self.activateWindow()
        if result != dialog.DialogCode.Accepted:
            return
        if dialog.command is not None:
            self.push_done(dialog.command)
        app = dialog.application
        if app is None:
            added = getattr(dialog.command, "application", None)
            if isinstance(added, Application):
                self._select(added.id)
                self.show_info(
                    f"Added {isolate(added.company)}. When a rejection comes in, press Ctrl+R."
                )
            return
        action = later.DetailsAction
        if dialog.requested_action in (action.ARCHIVE, action.UNARCHIVE):
            self.set_archived(app, dialog.requested_action is action.ARCHIVE)
        elif dialog.requested_action is action.DELETE:
            self.delete_application(app)
        elif dialog.requested_action is action.OPEN_DRAFT:
            self.open_draft(app.id)

    def request_move(self, application_id: int, to_stage: Stage) -> bool:
        """A card was dropped on a column, or Move to was chosen. True when it moved."""
        row = self.model.row_of(application_id)
        if row < 0:
            return False
        app = self.model.summary(row).application
        try:
            check_move(app.stage, to_stage)
        except InvalidInput as error:
            self.show_error(str(error))
            return False
        if to_stage is Stage.REJECTED:
            # A rejection is more than a move: it starts the follow-up window and the editor.
            self.start_rejection(application_id)
            return False
        if not self.run_command(
            later.undo_commands.MoveStageCommand(self.store, self._clock, app, to_stage)
        ):
            return False
        self.show_info(f"Moved {isolate(app.company)} to {to_stage.label}. Undo with Ctrl+Z.")
        return True

    def mark_selected_ghosted(self) -> None:
        app = self._selected_application()
        if app is not None:
            self.mark_ghosted(app.id)

    def mark_ghosted(self, application_id: int) -> None:
        """The "Needs action" proposal accepted: a stage move (Ctrl+Z undoes it), and the
        offer of a closing note, which the user may take or leave."""
        row = self.model.row_of(application_id)
        if row < 0:
            return
        company = self.model.summary(row).application.company
        if self.request_move(application_id, Stage.GHOSTED):
            self.message_bar.show_message(
                f"Marked {isolate(company)} as Ghosted. Undo with Ctrl+Z.",
                action=("Write a closing note", partial(self.write_closing_note, application_id)),
            )

    def write_closing_note(self, application_id: int) -> None:
        """A closing-note request (its own template and window), opened in the editor;
        Ctrl+Z removes it again."""
        store, clock = self.store, self._clock
        created: list[int] = []

        def create() -> None:
            request = store.create_follow_up(
                application_id, RequestKind.CLOSING_NOTE, now=clock.now()
            )
            created.append(request.id)

        command = later.undo_commands.RequestCommand(
            store, "Write a closing note", application_id, create
        )
        if self.run_command(command):
            self.open_request(created[-1])

    def move_selected(self, stage: Stage) -> None:
        app = self._selected_application()
        if app is not None:
            self.request_move(app.id, stage)

    def archive_selected(self) -> None:
        app = self._selected_application()
        if app is not None:
            self.set_archived(app, not app.archived)

    def set_archived(self, app: Application, archived: bool) -> None:
        if self.run_command(
            later.undo_commands.SetArchivedCommand(self.store, self._clock, app, archived)
        ):
            verb = "Archived" if archived else "Unarchived"
            self.show_info(f"{verb} {isolate(app.company)}. Undo with Ctrl+Z.")

    def delete_selected(self) -> None:
        app = self._selected_application()
        if app is not None:
            self.delete_application(app)

    def delete_application(self, app: Application) -> None:
        # No confirmation box: the delete is one Ctrl+Z away, and the bar says so.
        if self.run_command(later.undo_commands.DeleteApplicationCommand(self.store, app)):
            self.show_info(
                f"Deleted {isolate(app.company)} — {isolate(app.role)}. Undo with Ctrl+Z."
            )

    def _on_log_rejection(self) -> None:
        application_id = self.selected_application_id()
        row = self.model.row_of(application_id) if application_id is not None else -1
        rejected = row >= 0 and self.model.summary(row).application.stage is Stage.REJECTED
        if application_id is not None and rejected:
            self.open_draft(application_id)  # logged already: its request is what's wanted
            return
        self.start_rejection(application_id)

    def open_selected_draft(self) -> None:
        application_id = self.selected_application_id()
        if application_id is None:
            self.message_bar.show_message("Select an application first.")
            return
        self.open_draft(application_id)

    def open_draft(self, application_id: int) -> None:
        """Reopen the application's follow-up request in the editor (its newest open one)."""
        try:
            request = later.draft_to_open(self.store.requests_for(application_id))
        except UserFacingError as error:
            self.show_error(str(error))
            return
        if request is None:
            self.show_info("No follow-up request for this one yet: Ctrl+R logs a rejection.")
            return
        self.open_request(request.id)

    def open_follow_ups(self) -> QDialog:
        """Every request with its status and countdown; Enter opens the selected draft."""
        dialog = later.FollowUpsDialog(self.store, self._clock, self)
        dialog.open_requested.connect(self.open_request)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def start_rejection(self, application_id: int | None) -> None:
        self.rejection_flow.start(application_id)

    def open_request(self, request_id: int) -> None:
        self.show_and_raise()
        self.rejection_flow.open_request(request_id)

    def show_and_raise(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_missed(self, count: int) -> None:
        """The reminder service moved `count` stale reminders to the missed list."""
        noun = "reminder" if count == 1 else "reminders"
        self.message_bar.show_message(
            f"{count} {noun} fell due long ago, while {APP_NAME} was not running; "
            "their windows have closed.",
            action=("Show", self.open_missed_list),
        )

    def snooze_all(self, choice: str) -> None:
        """The tray's "Snooze all" (a SnoozeChoice value): one step on the undo stack."""
        now, tz = self._clock.now(), self._clock.local_tz()
        try:
            until = snooze_until(choice, now, tz, self.store.load_settings().reminders)
        except UserFacingError as error:
            self.show_error(str(error))
            return
        command = later.undo_commands.SnoozeAllCommand(self.store, self._clock, until)
        if self.run_command(command):
            noun = "follow-up" if command.count == 1 else "follow-ups"
            self.show_info(
                f"Snoozed {command.count} {noun} until {format_local(until, tz)}. Undo with Ctrl+Z."
            )

    def show_mail_found(self, count: int) -> None:
        """`count` rejections were just found in the user's mail."""
        noun = "rejection" if count == 1 else "rejections"
        self.message_bar.show_message(
            f"{count} {noun} found in your mail: log and ask while they remember you.",
            action=("Show", self.open_mail_found),
        )

    def open_missed_list(self) -> QDialog:
        dialog = later.MissedList(
            self.store,
            self._clock.local_tz(),
            self.open_request,
            undo_stack=self.undo_stack,
            on_error=self.show_error,
            parent=self,
        )
        return self._open_side_dialog(dialog)

    def open_mail_found(self) -> QDialog | None:
        if self.mail_findings is None:
            return None  # not wired yet: the data is still opening
        from desktop.ui.mail_found import MailFoundDialog  # noqa: PLC0415

        return self._open_side_dialog(
            MailFoundDialog(self.mail_findings, self._clock.local_tz(), self.undo_stack, self)
        )

    def open_settings(self) -> QDialog:
        dialog = later.SettingsDialog(
            self.store,
            self,
            notifier=self.notifier,
            autostart=self.autostart,
            undo_stack=self.undo_stack,
            on_error=self.show_error,
            theme=self.theme,
            mail=self.mail_setup,
        )
        return self._open_side_dialog(dialog)

    def open_templates(self) -> QDialog:
        return self._open_side_dialog(
            later.TemplateManager(
                self.store, self, undo_stack=self.undo_stack, on_error=self.show_error
            )
        )

    def _open_side_dialog(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(partial(self._on_side_dialog_finished, dialog))
        self.side_dialog = dialog
        dialog.open()
        return dialog

    def _on_side_dialog_finished(self, dialog: QDialog, _result: int) -> None:
        if self.side_dialog is dialog:
            self.side_dialog = None
        dialog.deleteLater()
        self.activateWindow()

    def _on_show_archived(self) -> None:
        self._show_archived = self.actions_by_name["show_archived"].isChecked()
        self.refresh()

    def _on_about(self) -> None:
        later.QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Track every application; ask why while the"
            " answer is still fresh.",
        )

    def _quit(self) -> None:
        self._on_quit()

    # -- email paste and drop ----------------------------------------------------------
    def paste_email(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        payload = email_drop.payload_from_mime(mime) if mime is not None else None
        if payload is None:
            self.show_info("Copy a rejection email (its text or an .eml file), then paste it here.")
            return
        self.rejection_flow.log_parsed_email(payload)

    # -- export, import, backups: off the GUI thread -----------------------------------
    def _database(self) -> Database:
        return self.store.database

    def run_task(
        self, label: str, work: Callable[[], object], done: Callable[[object], str]
    ) -> None:
        """Run `work` in the thread pool behind a busy indicator; `done` words the result."""
        if self._tasks:
            self.show_info("Another task is still running; try again when it has finished.")
            return
        task = later.Task(work)
        progress = later.QProgressDialog(label, "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self._progress = progress
        self._tasks.add(task)
        task.signals.succeeded.connect(partial(self._on_task_succeeded, task, done))
        task.signals.failed.connect(partial(self._on_task_failed, task))
        task.start()

    def _finish_task(self, task: Task) -> None:
        self._tasks.discard(task)
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_task_succeeded(self, task: Task, done: Callable[[object], str], result: object) -> None:
        self._finish_task(task)
        message = done(result)
        self.show_info(message)
        self.task_finished.emit(True, message)

    def _on_task_failed(self, task: Task, message: str) -> None:
        self._finish_task(task)
        self.show_error(message)
        self.task_finished.emit(False, message)

    def _on_export(self, suffix: str) -> None:
        names = {".json": "JSON (*.json)", ".csv": "CSV (*.csv)", ".ics": "Calendar (*.ics)"}
        path, _filter = later.QFileDialog.getSaveFileName(
            self, "Export", str(Path.home() / f"askwhy{suffix}"), names[suffix]
        )
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        store = self.store
        now = self._clock.now()
        tz = self._clock.local_tz()

        def work() -> object:
            return store.export_file(path, now=now, tz=tz)

        def done(result: object) -> str:
            warnings = " ".join(getattr(result, "warnings", ()))
            summary = getattr(result, "summary", "")
            return f"Exported {summary} to {path}. {warnings}".strip()

        self.run_task(f"Exporting to {path.name}…", work, done)

    def _on_import(self) -> None:
        path, _filter = later.QFileDialog.getOpenFileName(
            self,
            "Import",
            str(Path.home()),
            "AskWhy export or a table (*.json *.csv *.xlsx);;Tables (*.csv *.xlsx)",
        )
        if path:
            self.preview_import(Path(path))

    def preview_import(self, path: Path) -> None:
        """A table opens the import preview first; a JSON export (a restore) imports at once."""
        if path.suffix.lower() == ".json":
            self.import_from(path)
            return
        dialog = later.ImportPreviewDialog(
            path, self._database(), now=self._clock.now(), tz=self._clock.local_tz(), parent=self
        )
        dialog.accepted.connect(lambda: self.import_from(path, dialog.table_import()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def import_from(self, path: Path, prepared: TableImport | None = None) -> None:
        """Import `path`, or the rows its preview `prepared`, off the GUI thread."""
        store = self.store
        database = self._database()
        now = self._clock.now()
        tz = self._clock.local_tz()

        def work() -> object:
            # Validate the whole file first; back up only when something will be written.
            plan = prepared or later.imports.parse_import(
                path.read_bytes(), path.suffix, now=now, tz=tz
            )
            later.Backups(database.path.parent).create(database, "before-import", now=now)
            return store.import_undoably(plan, now=now)  # announces: everything reloads

        def done(result: object) -> str:
            imported = cast("ImportResult", result)
            # One step on the undo stack: undo takes back what the import wrote.
            self.push_done(
                later.undo_commands.ImportCommand(store, f"Import {path.name}", imported)
            )
            return f"Imported {imported.summary} from {path.name}. Undo with Ctrl+Z."

        self.run_task(f"Importing {path.name}…", work, done)

    def open_report(self) -> None:
        """File › Report…: a period and a format, then where to save the proof."""
        dialog = later.ReportDialog(
            self._clock.now().astimezone(self._clock.local_tz()).date(), self
        )
        if dialog.exec() != later.ReportDialog.DialogCode.Accepted:
            return
        period, suffix = dialog.period(), dialog.suffix()
        name = f"proof-of-applications-{period.first}-{period.last}{suffix}"
        path, _filter = later.QFileDialog.getSaveFileName(
            self, "Save the proof", str(Path.home() / name), f"*{suffix}"
        )
        if path:
            self.report_to(Path(path if path.endswith(suffix) else path + suffix), period)

    def report_to(self, path: Path, period: Period) -> None:
        """Write the proof of applications for `period` to `path` (.pdf or .csv), off the
        GUI thread."""
        store, now, tz = self.store, self._clock.now(), self._clock.local_tz()

        def work() -> object:
            return later.report_pdf.save_report(store, period, path, tz=tz, now=now)

        def done(result: object) -> str:
            count = later.plural(len(cast("ProofReport", result).entries), "application")
            return f"Saved a proof of {count} ({period.label()}) to {path}."

        self.run_task(f"Writing {path.name}…", work, done)

    def backup_now(self) -> None:
        database = self._database()
        now = self._clock.now()

        def work() -> object:
            return later.Backups(database.path.parent).create(database, "manual", now=now)

        def done(result: object) -> str:
            return f"Backed up to {result}."

        self.run_task("Backing up…", work, done)

    def _on_restore(self) -> RestoreDialog | None:
        """File › Restore from backup: the list, newest first (see `restore_dialog`)."""
        from desktop.ui.restore_dialog import RestoreDialog  # noqa: PLC0415

        if self._restore is None:
            self.show_info("Restoring is not available here; run: askwhy restore --list")
            return None
        dialog = RestoreDialog(self._restore, self._clock.local_tz(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _settle_for_restore(self) -> None:
        """Before the store closes for a restore, nothing may write on its own: closing the
        editors saves their text, so no autosave is left pending; the other dialogs show
        data that is about to be replaced."""
        if self._flow is not None:
            self._flow.close_all()
        for dialog in (self.details_dialog, self.side_dialog):
            if dialog is not None:
                dialog.reject()

    def _on_restored(self, restored: object) -> None:
        from desktop.store.backups import Restored  # noqa: PLC0415

        assert isinstance(restored, Restored)
        self.undo_stack.clear()  # its history is of the data that was replaced
        # Everything is new: the window, the reminders and the tray reload from it.
        self.store.changes.publish(later.Change(everything=True))
        message = restored.describe(self._clock.local_tz())
        self.show_info(message)
        self.task_finished.emit(True, message)

    # -- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self._settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            clamp_to_screen(self)  # saved on a bigger monitor, perhaps
        state = self._settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        view = self._settings.value(SETTINGS_VIEW, VIEW_BOARD)
        self.set_view(str(view) if view in VIEWS else VIEW_BOARD)

    def save_settings(self) -> None:
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTINGS_STATE, self.saveState())
        self._settings.setValue(SETTINGS_VIEW, self._view)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    # The countdowns tick only while the window is on screen: hidden in the tray, closed or
    # minimized, the once-a-minute timer would wake the process for nothing to see.
    def showEvent(self, event: QShowEvent) -> None:
        if not self._tick_timer.isActive():
            self.tick()  # catch up on the minutes the window was away
            self._tick_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick_timer.stop()
        super().hideEvent(event)


def _call(slot: Callable[[], object], *_ignored: Any) -> None:
    slot()
