"""Merge-field templates: `{{ name }}` placeholders from a fixed list, and nothing else.

There is deliberately no expression language. Jinja's sandbox has had escapes and
`str.format` reaches attributes (`{0.__class__}`), so a template is only ever text with named
holes. A placeholder is `{{`, optional spaces, a name, optional spaces, `}}`, on one line.
Anything else between the braces is shown back to the user as an unknown field, never
evaluated; `render` never raises, whatever the text, so a typo is a highlight in the editor
and not a traceback.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo

from desktop.core.model import RequestContext, RequestKind, Stage
from desktop.core.timefmt import format_day

FIELDS: tuple[str, ...] = (
    "company",
    "role",
    "contact_name",
    "contact_first_name",
    "contact_email",
    "interview_date",
    "applied_date",
    "rejection_date",
    "stage_reached",
    "my_name",
    "my_email",
    "my_signature",
)
_FIELD_SET = frozenset(FIELDS)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
OPEN, CLOSE = "{{", "}}"
# `{company}` is the str.format habit; worth a hint, but only for our own field names so
# ordinary braces in a letter are left alone.
_SINGLE_BRACED = re.compile(r"(?<!\{)\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})")


@dataclass(frozen=True, slots=True)
class TextToken:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FieldToken:
    """A `{{ … }}` placeholder. `name` is the stripped inside; `known` if it is in FIELDS."""

    name: str
    raw: str
    start: int
    end: int
    known: bool


Token = TextToken | FieldToken


class FieldState(enum.StrEnum):
    FILLED = "filled"
    EMPTY = "empty"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where a field ended up in the rendered text: `text[start:end]`."""

    name: str
    start: int
    end: int
    state: FieldState


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    fields: list[FieldSpan]

    @property
    def unresolved(self) -> list[FieldSpan]:
        """Fields still showing as `{{ … }}`: copying should warn while there are any."""
        return [span for span in self.fields if span.state is not FieldState.FILLED]

    @property
    def complete(self) -> bool:
        return not self.unresolved


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """Something to fix in a template source, at `text[start:end]`."""

    message: str
    start: int
    end: int


def _scan(text: str) -> tuple[list[Token], list[TemplateProblem]]:
    """One pass over `text`: the tokens, and the brace problems met on the way."""
    tokens: list[Token] = []
    problems: list[TemplateProblem] = []
    literal_start = 0
    position = 0

    def flush(until: int) -> None:
        if until > literal_start:
            tokens.append(TextToken(text[literal_start:until], literal_start, until))

    while True:
        opening = text.find(OPEN, position)
        stray_from = position
        if opening == -1:
            _stray_closes(text, stray_from, len(text), problems)
            break
        _stray_closes(text, stray_from, opening, problems)
        line_end = text.find("\n", opening)
        line_end = len(text) if line_end == -1 else line_end
        closing = text.find(CLOSE, opening + 2, line_end)
        reopening = text.find(OPEN, opening + 2, line_end)
        if closing == -1 or (reopening != -1 and reopening < closing):
            # `{{` with no `}}` on its line (or another `{{` first): plain text, reported.
            problems.append(
                TemplateProblem("“{{” has no closing “}}” on the same line.", opening, opening + 2)
            )
            position = reopening if reopening != -1 and reopening < line_end else opening + 2
            continue
        end = closing + 2
        inside = text[opening + 2 : closing].strip()
        known = inside in _FIELD_SET
        flush(opening)
        tokens.append(FieldToken(inside, text[opening:end], opening, end, known))
        literal_start = position = end
    flush(len(text))
    return tokens, problems


def _stray_closes(text: str, start: int, end: int, problems: list[TemplateProblem]) -> None:
    at = text.find(CLOSE, start, end)
    while at != -1:
        problems.append(TemplateProblem("“}}” has no opening “{{”.", at, at + 2))
        at = text.find(CLOSE, at + 2, end)


def parse(text: str) -> list[Token]:
    """Split a template into literal text and placeholders, covering `text` exactly."""
    return _scan(text)[0]


def suggest(name: str) -> str | None:
    """The field a misspelt `name` most likely meant, if any is close."""
    candidates = difflib.get_close_matches(name.lower().replace(" ", "_"), FIELDS, n=1)
    return candidates[0] if candidates else None


def _unknown_message(token: FieldToken) -> str:
    if not token.name:
        return "An empty “{{ }}” placeholder: put a field name inside, or remove it."
    shown = token.name if len(token.name) <= 40 else token.name[:37] + "..."
    guess = suggest(token.name)
    if guess:
        return f"Unknown field “{shown}”: did you mean {{{{ {guess} }}}}?"
    return f"Unknown field “{shown}”. Available fields: {', '.join(FIELDS)}."


def check(text: str) -> list[TemplateProblem]:
    """Everything in a template source worth a highlight, in text order."""
    tokens, problems = _scan(text)
    for token in tokens:
        if isinstance(token, FieldToken) and not token.known:
            problems.append(TemplateProblem(_unknown_message(token), token.start, token.end))
    for match in _SINGLE_BRACED.finditer(text):
        if match.group(1) in _FIELD_SET and not _inside_field(tokens, match.start()):
            problems.append(
                TemplateProblem(
                    f"Single braces are plain text: write {{{{ {match.group(1)} }}}}.",
                    match.start(),
                    match.end(),
                )
            )
    problems.sort(key=lambda problem: (problem.start, problem.end))
    return problems


def _inside_field(tokens: list[Token], index: int) -> bool:
    return any(
        isinstance(token, FieldToken) and token.start <= index < token.end for token in tokens
    )


def _as_text(value: object) -> str:
    """Values are strings by contract; anything else is shown rather than crashing render."""
    if isinstance(value, str):
        return value
    try:
        return str(value)
    except Exception:  # a value whose __str__ fails must not break the editor
        return ""


def render(text: str, values: Mapping[str, str]) -> Rendered:
    """Fill the known fields that have a value; leave every other placeholder visible.

    Values are inserted literally, never re-read as template text, so a company called
    "{{ my_email }}" stays exactly that. Offsets in `fields` are into the output text.
    """
    text = _as_text(text)  # defensive: the UI may hand over whatever a widget held
    out: list[str] = []
    spans: list[FieldSpan] = []
    length = 0
    for token in parse(text):
        if isinstance(token, TextToken):
            piece = token.text
        elif not token.known:
            piece = token.raw
            spans.append(FieldSpan(token.name, length, length + len(piece), FieldState.UNKNOWN))
        else:
            try:
                value = _as_text(values.get(token.name, ""))
            except Exception:  # a hostile Mapping must not break the editor either
                value = ""
            if value.strip():
                piece = value
                state = FieldState.FILLED
            else:
                piece = token.raw
                state = FieldState.EMPTY
            spans.append(FieldSpan(token.name, length, length + len(piece), state))
        out.append(piece)
        length += len(piece)
    return Rendered("".join(out), spans)


# -- values --------------------------------------------------------------------------------

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam"})

# How a stage reads inside a sentence: "after the interview stage".
_STAGE_PHRASES: dict[Stage, str] = {
    Stage.SAVED: "application",
    Stage.APPLIED: "application",
    Stage.SCREENING: "screening",
    Stage.INTERVIEWING: "interview",
    Stage.OFFER: "offer",
    Stage.ACCEPTED: "offer",
    Stage.REJECTED: "application",
    Stage.WITHDRAWN: "application",
    Stage.GHOSTED: "application",
}


def first_name(full_name: str) -> str:
    """The name a greeting uses: "Dana" for "Dana Reyes", "Dr. Dana Reyes" or "Reyes, Dana"."""
    name = " ".join(full_name.split())
    if "," in name:
        family, _, given = name.partition(",")
        name = given.strip() or family.strip()
    words = [word for word in name.split(" ") if word]
    while len(words) > 1 and words[0].rstrip(".").lower() in _HONORIFICS:
        words.pop(0)
    return words[0] if words else ""


def _greeting_name(contact_name: str, company: str) -> str:
    """Who a greeting addresses: the contact's first name, else the company's team.

    "Hi Acme team" reads as a letter; "Hi ," or a visible placeholder does not, and an
    automated rejection often leaves no name at all. "" only when neither is known.
    """
    return first_name(contact_name) or (f"{company} team" if company else "")


def merge_values(context: RequestContext, tz: tzinfo) -> dict[str, str]:
    """The value of every field for a request; "" where nothing is known, so it shows EMPTY."""
    application = context.application
    contact = context.contact
    profile = context.profile
    contact_name = contact.name.strip() if contact else ""
    company = application.company.strip()
    values = dict.fromkeys(FIELDS, "")
    values.update(
        company=company,
        role=application.role.strip(),
        contact_name=contact_name,
        contact_first_name=_greeting_name(contact_name, company),
        contact_email=contact.email.strip() if contact else "",
        my_name=profile.name.strip(),
        my_email=profile.email.strip(),
        # An empty signature falls back to the name, so a fresh profile still signs letters.
        my_signature=profile.signature.strip() or profile.name.strip(),
    )
    if context.interview is not None:
        values["interview_date"] = format_day(context.interview.scheduled_at, tz)
    if application.applied_at is not None:
        values["applied_date"] = format_day(application.applied_at, tz)
    if context.rejection is not None:
        values["rejection_date"] = format_day(context.rejection.notified_at, tz)
        values["stage_reached"] = _STAGE_PHRASES[context.rejection.stage_reached]
    return values


# -- defaults ------------------------------------------------------------------------------
# Short, gracious, specific: say you're disappointed, ask for the reason to prepare better,
# and leave the door open (DESIGN.md, "The idea it is built on").

DEFAULT_TEMPLATES: dict[RequestKind, tuple[str, str, str]] = {
    RequestKind.FEEDBACK: (
        "Ask why (short and gracious)",
        "Feedback on my {{ role }} application",
        """Hi {{ contact_first_name }},

Thank you for letting me know about the {{ role }} role. I'm disappointed, as I was keen \
to join {{ company }}, and I appreciate you taking the time to tell me.

Would you share a sentence or two on why I wasn't selected? I want to prepare better for \
my next interview, and your view would show me what to work on.

If the role opens up again or something similar comes along, I'd be glad to hear from you.

Thank you,
{{ my_signature }}
""",
    ),
    RequestKind.THANK_YOU: (
        "Thank you after an interview",
        "Thank you for the {{ role }} interview",
        """Hi {{ contact_first_name }},

Thank you for your time on {{ interview_date }}. I enjoyed learning more about the \
{{ role }} role and the team, and our conversation made me even more interested in \
joining {{ company }}.

If it would help to follow up on anything we discussed, I'm happy to send it.

Best regards,
{{ my_signature }}
""",
    ),
    RequestKind.CHECK_IN: (
        "Check in when it's quiet",
        "Checking in on the {{ role }} role",
        """Hi {{ contact_first_name }},

I hope your week is going well. I applied for the {{ role }} role at {{ company }} on \
{{ applied_date }} and wanted to ask whether there is any news, or anything more I can send.

I'm still very interested and would be glad to hear where things stand.

Best regards,
{{ my_signature }}
""",
    ),
    RequestKind.STAY_IN_TOUCH: (
        "Stay on their radar",
        "Keeping in touch after the {{ role }} process",
        """Hi {{ contact_first_name }},

A few weeks ago you let me know about the {{ role }} role at {{ company }}. Since then I've \
been working on what I learned from the process.

I'm still keen on {{ company }}. If the position opens again or a similar one comes up, \
I'd be glad to be considered.

All the best,
{{ my_signature }}
""",
    ),
    # Written for a company that went silent: no reproach, no guilt. It says the user is
    # moving on, thanks them, and leaves a door open; a reply is welcome, not expected.
    RequestKind.CLOSING_NOTE: (
        "Close the loop when they went quiet",
        "Closing the loop on the {{ role }} role",
        """Hi {{ contact_first_name }},

I haven't heard back about the {{ role }} role at {{ company }}, and I understand the \
search may have gone another way, so I'll close it on my side. Thank you for considering \
my application.

I'd still be glad to talk if the role opens again or another one fits. And if you have a \
moment to tell me what would have made my application stronger, I'd welcome it.

All the best,
{{ my_signature }}
""",
    ),
}
