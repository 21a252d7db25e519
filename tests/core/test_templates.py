from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.model import (
    Application,
    Channel,
    Contact,
    FollowUpRequest,
    Interview,
    Profile,
    Rejection,
    RequestContext,
    RequestKind,
    RequestStatus,
    Stage,
)
from desktop.core.templates import (
    DEFAULT_TEMPLATES,
    FIELDS,
    FieldState,
    FieldToken,
    TextToken,
    check,
    first_name,
    merge_values,
    parse,
    render,
)

VALUES = {"company": "Acme", "role": "Data Analyst", "my_name": "Sam Lee"}


def test_placeholders_with_or_without_spaces_are_filled() -> None:
    rendered = render("Dear {{company}}, {{ role }}!", VALUES)
    assert rendered.text == "Dear Acme, Data Analyst!"
    assert [(s.name, s.state) for s in rendered.fields] == [
        ("company", FieldState.FILLED),
        ("role", FieldState.FILLED),
    ]
    first = rendered.fields[0]
    assert rendered.text[first.start : first.end] == "Acme"


def test_empty_and_unknown_fields_stay_visible_with_their_offsets() -> None:
    rendered = render("Hi {{ contact_first_name }}, {{ compnay }} {{role}}", VALUES)
    assert rendered.text == "Hi {{ contact_first_name }}, {{ compnay }} Data Analyst"
    states = {s.name: s for s in rendered.fields}
    empty, unknown = states["contact_first_name"], states["compnay"]
    assert empty.state is FieldState.EMPTY
    assert unknown.state is FieldState.UNKNOWN
    assert rendered.text[empty.start : empty.end] == "{{ contact_first_name }}"
    assert rendered.text[unknown.start : unknown.end] == "{{ compnay }}"
    assert not rendered.complete
    assert len(rendered.unresolved) == 2


def test_whitespace_only_values_count_as_empty() -> None:
    assert render("{{ company }}", {"company": "  \n"}).fields[0].state is FieldState.EMPTY


@pytest.mark.parametrize(
    "attempt",
    [
        "{{ __class__ }}",
        "{{ company.__class__ }}",
        "{{ company.__class__.__mro__ }}",
        "{{ role|upper }}",
        "{{ ''.join(['a']) }}",
        "{{ 7*7 }}",
        "{0.__class__}",
        "{company!r}",
    ],
)
def test_expression_attempts_are_never_evaluated(attempt: str) -> None:
    rendered = render(attempt, VALUES)
    assert rendered.text == attempt
    assert all(span.state is FieldState.UNKNOWN for span in rendered.fields)
    if attempt.startswith("{{"):
        assert [span.state for span in rendered.fields] == [FieldState.UNKNOWN]


def test_values_are_inserted_literally_never_re_rendered() -> None:
    rendered = render("{{ company }} {{ role }}", {"company": "{{ role }}", "role": "R"})
    assert rendered.text == "{{ role }} R"
    assert [span.state for span in rendered.fields] == [FieldState.FILLED, FieldState.FILLED]


def test_a_placeholder_never_spans_lines() -> None:
    tokens = parse("{{ company\n}}")
    assert all(isinstance(token, TextToken) for token in tokens)
    problems = check("{{ company\n}}")
    assert [p.start for p in problems] == [0, 11]


def test_check_suggests_the_field_that_was_meant() -> None:
    (problem,) = check("Dear {{ contact_frist_name }},")
    assert "did you mean {{ contact_first_name }}" in problem.message
    assert (problem.start, problem.end) == (5, 29)


def test_check_reports_unbalanced_braces_with_positions() -> None:
    text = "a {{ company b }} c }} d {{"
    problems = check(text)
    assert [(p.start, p.end) for p in problems] == [(2, 17), (20, 22), (25, 27)]
    assert "no opening" in problems[1].message
    assert "no closing" in problems[2].message


def test_check_hints_at_single_braces_only_for_our_fields() -> None:
    (problem,) = check("Dear {contact_first_name}, see {this}")
    assert "{{ contact_first_name }}" in problem.message
    assert check("Dear {{ company }} and {} and {x}") == []


def test_check_on_an_empty_placeholder() -> None:
    (problem,) = check("{{ }}")
    assert "empty" in problem.message


@pytest.mark.parametrize(("kind", "template"), list(DEFAULT_TEMPLATES.items()))
def test_default_templates_are_clean_and_fill_completely(
    kind: RequestKind, template: tuple[str, str, str]
) -> None:
    name, subject, body = template
    assert name
    assert check(subject) == []
    assert check(body) == []
    values = dict.fromkeys(FIELDS, "x")
    assert render(subject, values).complete
    assert render(body, values).complete
    assert "{{ my_signature }}" in body
    assert len(body.split()) < 120, "short, as DESIGN.md asks"


def test_every_request_kind_has_a_default() -> None:
    assert set(DEFAULT_TEMPLATES) == set(RequestKind)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dana Reyes", "Dana"),
        ("  dana  ", "dana"),
        ("Dr. Dana Reyes", "Dana"),
        ("Reyes, Dana", "Dana"),
        ("Ms", "Ms"),
        ("", ""),
    ],
)
def test_first_name(name: str, expected: str) -> None:
    assert first_name(name) == expected


def _context(*, with_contact: bool = True) -> RequestContext:
    t = datetime(2026, 3, 3, 23, 30, tzinfo=UTC)  # already Wednesday in Berlin
    request = FollowUpRequest(1, 1, RequestKind.FEEDBACK, RequestStatus.DRAFT, "", "", t, t, t)
    application = Application(1, "Acme", "Data Analyst", Stage.REJECTED, t, t, applied_at=t)
    contact = Contact(1, 1, "Dana Reyes", "dana@acme.example") if with_contact else None
    return RequestContext(
        request=request,
        application=application,
        profile=Profile(name="Sam Lee", email="sam@example.org"),
        contact=contact,
        interview=Interview(1, 1, t),
        rejection=Rejection(1, 1, t, Stage.INTERVIEWING, Channel.EMAIL),
    )


def test_merge_values_fill_the_feedback_template() -> None:
    values = merge_values(_context(), ZoneInfo("Europe/Berlin"))
    assert set(values) == set(FIELDS)
    assert values["contact_first_name"] == "Dana"
    assert values["interview_date"] == "Wednesday 4 March"
    assert values["stage_reached"] == "interview"
    assert values["my_signature"] == "Sam Lee"  # falls back to the name
    _name, subject, body = DEFAULT_TEMPLATES[RequestKind.FEEDBACK]
    rendered = render(body, values)
    assert rendered.complete
    assert "Hi Dana," in rendered.text
    assert render(subject, values).text == "Feedback on my Data Analyst application"


def test_with_no_contact_name_the_greeting_addresses_the_company_team() -> None:
    values = merge_values(_context(with_contact=False), UTC)
    assert values["contact_name"] == values["contact_email"] == ""
    assert values["contact_first_name"] == "Acme team"
    body = DEFAULT_TEMPLATES[RequestKind.FEEDBACK][2]
    rendered = render(body, values)
    assert rendered.text.startswith("Hi Acme team,\n")
    assert rendered.complete  # nothing for the preview to flag


def test_a_contact_known_only_by_address_is_greeted_as_the_team() -> None:
    context = _context()
    assert context.contact is not None
    nameless = dataclasses.replace(context.contact, name="  ")
    values = merge_values(dataclasses.replace(context, contact=nameless), UTC)
    assert values["contact_first_name"] == "Acme team"
    assert values["contact_email"] == "dana@acme.example"


def test_with_no_company_either_the_greeting_stays_an_empty_field() -> None:
    context = _context(with_contact=False)
    nameless = dataclasses.replace(context.application, company=" ")
    values = merge_values(dataclasses.replace(context, application=nameless), UTC)
    assert values["contact_first_name"] == ""


# Text built from pieces a template is made of, so braces and field names meet often.
brace_text = st.lists(
    st.sampled_from(["{{", "}}", "{", "}", " ", "\n", "a", "_", ".", "é", "🙂", *FIELDS]),
    max_size=30,
).map("".join)


@given(st.one_of(st.text(), brace_text), st.dictionaries(st.sampled_from(FIELDS), st.text()))
def test_render_never_raises_and_spans_match_the_output(text: str, values: dict[str, str]) -> None:
    rendered = render(text, values)
    previous_end = 0
    for span in rendered.fields:
        assert previous_end <= span.start <= span.end <= len(rendered.text)
        previous_end = span.end
        piece = rendered.text[span.start : span.end]
        if span.state is FieldState.FILLED:
            assert piece == values[span.name]
        else:
            assert piece.startswith("{{")
            assert piece.endswith("}}")


@given(st.one_of(st.text(), brace_text))
def test_parse_covers_the_text_exactly_and_check_never_raises(text: str) -> None:
    tokens = parse(text)
    assert "".join(t.text if isinstance(t, TextToken) else t.raw for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position
        position = token.end
    assert position == len(text)
    for problem in check(text):
        assert 0 <= problem.start < problem.end <= len(text)
    # With no values, nothing is filled and the text comes back unchanged.
    assert render(text, {}).text == text
    for token in tokens:
        if isinstance(token, FieldToken):
            assert "\n" not in token.raw
