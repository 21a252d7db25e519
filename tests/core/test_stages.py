from __future__ import annotations

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.model import Stage
from desktop.core.stages import (
    CLOSED_STAGES,
    OPEN_STAGES,
    PIPELINE,
    allowed_transitions,
    before_human_contact,
    can_move,
    check_move,
)


def test_pipeline_lists_every_stage_once_in_board_order() -> None:
    assert sorted(PIPELINE) == sorted(Stage)
    assert len(PIPELINE) == len(set(PIPELINE))
    assert PIPELINE[:6] == (
        Stage.SAVED,
        Stage.APPLIED,
        Stage.SCREENING,
        Stage.INTERVIEWING,
        Stage.OFFER,
        Stage.ACCEPTED,
    )


def test_closed_stages_are_the_three_design_names() -> None:
    assert {Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED} == CLOSED_STAGES
    assert not OPEN_STAGES & CLOSED_STAGES


@pytest.mark.parametrize("stage", list(Stage))
def test_no_stage_moves_to_itself(stage: Stage) -> None:
    assert stage not in allowed_transitions(stage)
    with pytest.raises(InvalidInput, match="already"):
        check_move(stage, stage)


@pytest.mark.parametrize("src", sorted(OPEN_STAGES))
def test_every_open_stage_can_be_rejected_or_withdrawn(src: Stage) -> None:
    assert can_move(src, Stage.REJECTED)
    assert can_move(src, Stage.WITHDRAWN)


def test_only_ghosted_reopens() -> None:
    assert can_move(Stage.GHOSTED, Stage.INTERVIEWING)
    assert can_move(Stage.GHOSTED, Stage.REJECTED)
    for final in (Stage.REJECTED, Stage.WITHDRAWN):
        assert allowed_transitions(final) == frozenset()
        with pytest.raises(InvalidInput, match="final"):
            check_move(final, Stage.APPLIED)


def test_accepting_needs_an_offer() -> None:
    assert can_move(Stage.OFFER, Stage.ACCEPTED)
    assert not can_move(Stage.APPLIED, Stage.ACCEPTED)
    with pytest.raises(InvalidInput, match="Applied to Accepted"):
        check_move(Stage.APPLIED, Stage.ACCEPTED)


def test_a_misplaced_card_can_move_back() -> None:
    assert can_move(Stage.INTERVIEWING, Stage.SCREENING)
    check_move(Stage.OFFER, Stage.APPLIED)


@pytest.mark.parametrize(
    ("stage", "had_interview", "expected"),
    [
        (Stage.SAVED, False, True),
        (Stage.APPLIED, False, True),
        (Stage.APPLIED, True, True),
        (Stage.SCREENING, False, True),
        (Stage.SCREENING, True, False),
        (Stage.INTERVIEWING, False, False),
        (Stage.OFFER, False, False),
    ],
)
def test_before_human_contact(stage: Stage, had_interview: bool, expected: bool) -> None:
    assert before_human_contact(stage, had_interview=had_interview) is expected
