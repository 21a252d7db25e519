"""Changes announced, not reloaded: the model, the filter proxy and the board follow the
rows a change names (dataChanged, row inserts, row removals), never a reset."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.core.model import ApplicationSummary, Stage
from desktop.ui.board_view import BoardView
from desktop.ui.table_model import COL_COMPANY, ApplicationFilterProxy, ApplicationTableModel
from tests.ui.test_table_model import NOW, companies, sample, summary


class Recorder:
    """Every structural signal a model sends, in order."""

    def __init__(self, model: ApplicationTableModel | ApplicationFilterProxy) -> None:
        self.events: list[tuple[str, int, int]] = []
        model.modelReset.connect(lambda: self.events.append(("reset", -1, -1)))
        model.layoutChanged.connect(lambda *_a: self.events.append(("layout", -1, -1)))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.dataChanged.connect(
            lambda tl, br, _r: self.events.append(("data", tl.row(), br.row()))
        )


def moved(s: ApplicationSummary, stage: Stage) -> ApplicationSummary:
    return dataclasses.replace(
        s,
        application=dataclasses.replace(
            s.application, stage=stage, updated_at=NOW + timedelta(minutes=1)
        ),
    )


@pytest.fixture
def model() -> ApplicationTableModel:
    source = ApplicationTableModel(NOW)
    source.set_summaries(sample())
    return source


def test_an_edit_emits_data_changed_for_its_row_only(
    model: ApplicationTableModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(model)  # stays attached: every signal below is checked too
    recorder = Recorder(model)
    globex = model.summary(1)
    model.apply_change([moved(globex, Stage.OFFER)], ())
    assert recorder.events == [("data", 1, 1)]
    assert model.summary(1).application.stage is Stage.OFFER
    assert model.stages[1] is Stage.OFFER


def test_new_rows_are_inserted_and_gone_ones_removed(
    model: ApplicationTableModel, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(model)
    recorder = Recorder(model)
    model.apply_change([summary(5, "Hooli", closes_in=timedelta(hours=2))], {2})
    assert recorder.events == [("removed", 1, 1), ("inserted", 3, 3)]
    assert [s.application.id for s in model.summaries] == [1, 3, 4, 5]
    assert model.row_of(5) == 3
    assert model.row_of(2) == -1
    # The "needs action" rows follow too: Initech (now row 1) and Hooli.
    assert list(model.open_rows) == [1, 3]
    assert "hooli" in model.haystacks[3]


def test_a_new_row_lands_where_the_sort_puts_it(model: ApplicationTableModel) -> None:
    model.sort(COL_COMPANY, Qt.SortOrder.DescendingOrder)
    model.apply_change([summary(5, "Hooli")], ())
    names = [s.application.company for s in model.summaries]
    assert names == ["Umbrella", "Initech", "Hooli", "Globex", "Acme"]


@pytest.mark.parametrize("search", ["", "engineer"])
def test_the_proxy_follows_inserts_edits_and_removals(
    model: ApplicationTableModel, qtmodeltester: ModelTester, search: str
) -> None:
    proxy = ApplicationFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text(search)
    qtmodeltester.check(proxy)
    recorder = Recorder(proxy)
    model.apply_change(
        [summary(5, "Hooli", "Site Engineer"), moved(model.summary(0), Stage.SCREENING)], {4}
    )
    if search:
        assert companies(proxy) == ["Acme", "Hooli"]
    else:
        assert companies(proxy) == ["Acme", "Globex", "Initech", "Hooli"]
        # Unfiltered, the proxy says what the source says: no layout change, no reset.
        assert [kind for kind, _a, _b in recorder.events] == ["removed", "inserted", "data"]
    assert ("reset", -1, -1) not in recorder.events


def test_the_board_moves_only_the_changed_card(
    qtbot: QtBot, model: ApplicationTableModel, qtmodeltester: ModelTester
) -> None:
    proxy = ApplicationFilterProxy()
    proxy.setSourceModel(model)
    board = BoardView(model, proxy)
    qtbot.addWidget(board)
    board.show()
    for column in board.columns.values():
        qtmodeltester.check(column.model)
    resets: list[Stage] = []
    for stage, column in board.columns.items():
        column.model.modelReset.connect(lambda stage=stage: resets.append(stage))

    model.apply_change([moved(model.summary(1), Stage.OFFER)], ())
    model.apply_change([summary(5, "Hooli", closes_in=timedelta(hours=1))], {4})
    assert resets == []
    # Hooli has a follow-up window open: it goes on top of its column.
    assert cards(board)[Stage.APPLIED] == ["Hooli", "Acme"]
    assert cards(board)[Stage.OFFER] == ["Globex"]
    assert cards(board)[Stage.INTERVIEWING] == []
    assert cards(board)[Stage.SAVED] == []
    # What the board shows after following the changes is what a full rebuild shows.
    followed = cards(board)
    board.rebuild()
    assert cards(board) == followed


def cards(board: BoardView) -> dict[Stage, list[str]]:
    return {
        stage: [
            column.model.summary(row).application.company for row in range(column.model.rowCount())
        ]
        for stage, column in board.columns.items()
    }
