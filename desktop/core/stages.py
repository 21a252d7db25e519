"""The application pipeline: which stages exist, in what order, and which moves make sense.

The board shows `PIPELINE` as columns. Moves between the open stages are free in both
directions, because a user who drags a card one column too far must be able to drag it back
(every move is a dated event, so the timeline keeps the truth). What is fenced off is what
would rewrite history: a rejection or a withdrawal is final, and only "Ghosted" — a guess
that the company went silent — can be reopened when they write back after all.
"""

from __future__ import annotations

from desktop.core.errors import InvalidInput
from desktop.core.model import Stage

# The stages where the application is still in play.
OPEN_STAGES: frozenset[Stage] = frozenset(
    {Stage.SAVED, Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER}
)
# The stages DESIGN.md calls closed. ACCEPTED is neither open nor closed: it is the happy end.
CLOSED_STAGES: frozenset[Stage] = frozenset({Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED})
FINAL_STAGES: frozenset[Stage] = frozenset({Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN})

# The stages that mean the application was sent (nobody screens, rejects or goes silent on
# one they never received): the first move into one dates the application as applied when
# nothing else did. Withdrawn is not one, because a saved posting can be dropped unsent.
# Migration 0003 applied the same rule, written out, to the data from before.
SENT_STAGES: frozenset[Stage] = frozenset(
    {
        Stage.APPLIED,
        Stage.SCREENING,
        Stage.INTERVIEWING,
        Stage.OFFER,
        Stage.ACCEPTED,
        Stage.REJECTED,
        Stage.GHOSTED,
    }
)

# Board column order: the road forward, then the ways it can end early.
PIPELINE: tuple[Stage, ...] = (
    Stage.SAVED,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.OFFER,
    Stage.ACCEPTED,
    Stage.REJECTED,
    Stage.WITHDRAWN,
    Stage.GHOSTED,
)

_TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    # Any open stage may move to any other open stage (fixing a misplaced card, skipping a
    # screening that never happened) or close. Accepting needs an offer on the table.
    **{stage: (OPEN_STAGES | CLOSED_STAGES) - {stage} for stage in OPEN_STAGES},
    Stage.OFFER: (OPEN_STAGES | CLOSED_STAGES | {Stage.ACCEPTED}) - {Stage.OFFER},
    # A mistaken "accepted" goes back to the offer; a start date that falls through is a
    # withdrawal.
    Stage.ACCEPTED: frozenset({Stage.OFFER, Stage.WITHDRAWN}),
    # Silence can end: the company writes back, or it finally sends the rejection.
    Stage.GHOSTED: OPEN_STAGES | {Stage.REJECTED, Stage.WITHDRAWN},
    Stage.REJECTED: frozenset(),
    Stage.WITHDRAWN: frozenset(),
}


def board_stages() -> tuple[Stage, ...]:
    """PIPELINE order, plus any stage PIPELINE leaves out (so no application is hidden)."""
    return PIPELINE + tuple(stage for stage in Stage if stage not in PIPELINE)


def allowed_transitions(stage: Stage) -> frozenset[Stage]:
    """The stages an application in `stage` may move to (never itself)."""
    return _TRANSITIONS[stage]


def can_move(src: Stage, dst: Stage) -> bool:
    return dst in _TRANSITIONS[src]


def check_move(src: Stage, dst: Stage) -> None:
    """Raise InvalidInput, with a sentence for the user, when `src` → `dst` is not allowed."""
    if src is dst:
        raise InvalidInput(f"The application is already at {src.label}.")
    if can_move(src, dst):
        return
    if src in FINAL_STAGES and src is not Stage.ACCEPTED:
        raise InvalidInput(
            f"{src.label} is final: an application can't move from {src.label} to "
            f"{dst.label}. Add a new application if the company opens a new process."
        )
    raise InvalidInput(f"An application can't move from {src.label} to {dst.label}.")


def is_open(stage: Stage) -> bool:
    return stage in OPEN_STAGES


def before_human_contact(stage: Stage, *, had_interview: bool = False) -> bool:
    """True when a rejection at `stage` was most likely automated, so asking why is moot.

    Nobody read the application closely at Saved or Applied; at Screening it depends on
    whether a person actually talked to the user, which the caller knows from the interviews.
    The editor uses this to offer "skip" in one click, never to skip on its own.
    """
    if stage in (Stage.SAVED, Stage.APPLIED):
        return True
    return stage is Stage.SCREENING and not had_interview
