"""A proof of applications: what a job centre (or anyone) asks to see for a period.

For each application that was active in the period: company, role, when it was applied for,
where (source), the posting's URL, the contact, every stage change with its date, and how it
ended. "Active in the period" means: applied for on or before the period's last day, and not
already over before its first day (or changed within the period). A card that never left
Saved was never an application, so it is not listed.

Pure: the store gathers the records, `desktop.store.report` writes CSV and the UI the PDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from desktop.core.errors import InvalidInput
from desktop.core.model import Application, Contact, Stage, StageEvent
from desktop.core.stages import CLOSED_STAGES, FINAL_STAGES

_OVER = CLOSED_STAGES | FINAL_STAGES


@dataclass(frozen=True, slots=True)
class Period:
    first: date
    last: date  # inclusive

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidInput(f"The period ends ({self.last}) before it starts ({self.first}).")

    def bounds(self, tz: tzinfo) -> tuple[datetime, datetime]:
        """The period as instants: from the first day's midnight to the day after the last."""
        start = datetime.combine(self.first, time(0), tzinfo=tz)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=tz)
        return start, end

    def label(self) -> str:
        return f"{self.first.isoformat()} to {self.last.isoformat()}"


@dataclass(frozen=True, slots=True)
class ProofEntry:
    application: Application
    applied_on: date | None
    changes: tuple[tuple[date, Stage], ...]  # every stage change, oldest first
    contacts: tuple[Contact, ...]

    @property
    def outcome(self) -> str:
        stage = self.application.stage
        return stage.label if stage in _OVER else f"Open ({stage.label})"

    def contact_text(self) -> str:
        return "; ".join(
            f"{c.name} <{c.email}>" if c.email and c.email != c.name else c.name
            for c in self.contacts
        )

    def history_text(self) -> str:
        return "; ".join(f"{stage.label} {day.isoformat()}" for day, stage in self.changes)


@dataclass(frozen=True, slots=True)
class ProofReport:
    name: str
    period: Period
    entries: tuple[ProofEntry, ...]
    made_on: date

    @property
    def title(self) -> str:
        return "Proof of applications"


def build_report(
    *,
    name: str,
    period: Period,
    applications: Iterable[Application],
    events: Mapping[int, Sequence[StageEvent]],
    contacts: Mapping[int, Sequence[Contact]],
    tz: tzinfo,
    now: datetime,
) -> ProofReport:
    """The entries active in `period`, oldest application first."""
    start, end = period.bounds(tz)
    entries: list[ProofEntry] = []
    for application in applications:
        timeline = sorted(events.get(application.id, ()), key=lambda e: e.occurred_at)
        if not _active(application, timeline, start, end):
            continue
        # The day it was applied for, if anything says so; not the day it was imported.
        applied = application.applied_at or next(
            (e.occurred_at for e in timeline if e.to_stage is Stage.APPLIED), None
        )
        entries.append(
            ProofEntry(
                application=application,
                applied_on=applied.astimezone(tz).date() if applied else None,
                changes=tuple((e.occurred_at.astimezone(tz).date(), e.to_stage) for e in timeline),
                contacts=tuple(contacts.get(application.id, ())),
            )
        )
    entries.sort(key=lambda e: (e.applied_on or date.max, e.application.company.casefold()))
    return ProofReport(
        name=name, period=period, entries=tuple(entries), made_on=now.astimezone(tz).date()
    )


def _first_applied(timeline: Sequence[StageEvent]) -> datetime | None:
    return next((e.occurred_at for e in timeline if e.to_stage is not Stage.SAVED), None)


def _active(
    application: Application, timeline: Sequence[StageEvent], start: datetime, end: datetime
) -> bool:
    began = application.applied_at or _first_applied(timeline)
    if began is None or began >= end:
        return False  # never applied for, or only after the period
    if any(start <= e.occurred_at < end for e in timeline):
        return True
    before = [e for e in timeline if e.occurred_at < start]
    stage_then = before[-1].to_stage if before else application.stage
    return stage_then not in _OVER
