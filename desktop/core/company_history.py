"""What a company's earlier applications say, shown when the user applies there again.

The re-apply guard (issue 13): before adding a new application at a company the user has
applied to before, they see the earlier roles, how each ended, and what feedback taught
them, so they walk in prepared. Pure records; the store finds them, the UI shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.model import Application, Lesson


@dataclass(frozen=True, slots=True)
class PastApplication:
    application: Application
    lessons: tuple[Lesson, ...] = ()

    def lesson_lines(self) -> list[str]:
        """One line per lesson: its themes, then its notes and the action it set."""
        lines = []
        for lesson in self.lessons:
            parts = [", ".join(lesson.themes)] if lesson.themes else []
            parts += [text for text in (lesson.notes.strip(), lesson.action.strip()) if text]
            if parts:
                lines.append(" — ".join(parts))
        return lines
