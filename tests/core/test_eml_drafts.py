"""The draft builder end to end: any application, contact and profile, through the same
`draft_for` the editor's buttons and `askwhy draft` use, gives exactly the intended headers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.headerregistry import Address

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.drafts import Draft, draft_for
from desktop.core.errors import InvalidInput
from desktop.core.model import (
    Application,
    Contact,
    FollowUpRequest,
    Profile,
    RequestContext,
    RequestKind,
    RequestStatus,
    Stage,
    Template,
)
from desktop.core.templates import DEFAULT_TEMPLATES
from tests.core.hostile import (
    BAD_ADDRESSES,
    IDN_ADDRESSES,
    INJECTIONS,
    addresses,
    assert_exactly,
    header_line,
    header_text,
    read_draft,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
ASCII_FORM = dict(IDN_ADDRESSES)
# Placeholders for every field that reaches a header: the subject template mixes them with
# hostile text of its own.
SUBJECT = "{{ role }} at {{ company }} for {{ contact_name }} from {{ my_name }}"


def context(
    *,
    company: str = "Acme",
    role: str = "Analyst",
    contact: tuple[str, str] | None = ("Dana Reyes", "dana@acme.example"),
    profile: tuple[str, str] = ("Sam Lee", "sam@example.org"),
    request_text: tuple[str, str] = ("", ""),
) -> RequestContext:
    request = FollowUpRequest(
        id=7,
        application_id=1,
        kind=RequestKind.FEEDBACK,
        status=RequestStatus.DRAFT,
        subject=request_text[0],
        body=request_text[1],
        window_opens_at=NOW,
        window_closes_at=NOW + timedelta(hours=48),
        created_at=NOW,
        template_id=1,
        contact_id=None if contact is None else 3,
    )
    return RequestContext(
        request=request,
        application=Application(1, company, role, Stage.INTERVIEWING, NOW, NOW),
        profile=Profile(name=profile[0], email=profile[1]),
        contact=None if contact is None else Contact(3, 1, contact[0], contact[1]),
    )


def template(subject: str, body: str = "Hi {{ contact_first_name }}") -> Template:
    return Template(1, RequestKind.FEEDBACK, "t", subject, body, is_default=True)


def rendered(text: str, values: dict[str, str]) -> str:
    """The subject as the user expects it: each field filled, or left showing when blank."""
    for name, value in values.items():
        text = text.replace("{{ " + name + " }}", value.strip() or "{{ " + name + " }}")
    return text


def expected_address(name: str, email: str) -> Address | None:
    if not email.strip():
        return None
    return Address(header_line(name), addr_spec=ASCII_FORM.get(email.strip(), email.strip()))


def test_the_reported_role_gives_no_bcc_and_the_editor_text_is_printed_as_is() -> None:
    role = "=?utf-8?q?=0D=0ABcc:_someone@evil.example?="
    draft = draft_for(context(role=role), [template(SUBJECT)], UTC)
    message = read_draft(draft.eml(NOW))
    assert message["Bcc"] is None
    assert str(message["Subject"]) == f"{role} at Acme for Dana Reyes from Sam Lee"
    assert draft.text().startswith(f"{role} at Acme for Dana Reyes from Sam Lee\n\nHi Dana")
    assert draft.problems == ()


def test_to_has_the_contact_name_and_from_is_the_profile() -> None:
    draft = draft_for(context(), [template("s")], UTC)
    message = read_draft(draft.eml(NOW))
    assert message["To"] == "Dana Reyes <dana@acme.example>"
    assert message["From"] == "Sam Lee <sam@example.org>"
    assert message["X-Unsent"] == "1"


def test_no_profile_email_means_no_from_and_no_contact_means_no_to() -> None:
    draft = draft_for(context(contact=None, profile=("Sam", "")), [template("s")], UTC)
    message = read_draft(draft.eml(NOW))
    assert message["From"] is None
    assert message["To"] is None
    assert draft.mailto() == "mailto:?subject=s&body=Hi%20Acme%20team"


def test_unfilled_fields_are_problems_and_stay_visible() -> None:
    draft = draft_for(context(contact=None), [template("Hi {{ contact_name }}", "{{ nope }}")], UTC)
    assert draft.subject.text == "Hi {{ contact_name }}"
    assert draft.problems == (
        "{{ contact_name }} is empty (in the subject)",
        "{{ nope }} is not a field AskWhy knows (in the body)",
    )


def test_stored_text_wins_once_the_user_edited_it() -> None:
    edited = context(request_text=("My own subject", "My own {{ company }} body"))
    draft = draft_for(edited, [template(SUBJECT)], UTC)
    assert (draft.subject.text, draft.body.text) == ("My own subject", "My own Acme body")


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_a_contact_address_that_could_smuggle_a_recipient_gives_no_draft(address: str) -> None:
    draft = draft_for(context(contact=("Dana", address)), [template("s")], UTC)
    with pytest.raises(InvalidInput, match="not an email address a mail app can use"):
        draft.eml(NOW)
    with pytest.raises(InvalidInput, match="not an email address a mail app can use"):
        draft.mailto()
    assert draft.text()  # the text can still be copied


def test_every_generated_injection_in_every_field_that_reaches_a_header() -> None:
    fields = ("company", "role", "contact name", "profile name", "subject template")
    for value in INJECTIONS:
        for field in fields:
            ctx = context(
                company=value if field == "company" else "Acme",
                role=value if field == "role" else "Analyst",
                contact=(value if field == "contact name" else "Dana", "dana@acme.example"),
                profile=(value if field == "profile name" else "Sam", "sam@example.org"),
            )
            subject = f"{value} {SUBJECT}" if field == "subject template" else SUBJECT
            check_draft(draft_for(ctx, [template(subject)], UTC), ctx, subject)


def check_draft(draft: Draft, ctx: RequestContext, subject: str) -> None:
    contact, profile = ctx.contact, ctx.profile
    values = {
        "role": ctx.application.role,
        "company": ctx.application.company,
        "contact_name": contact.name if contact else "",
        "my_name": profile.name,
    }
    assert_exactly(
        draft.eml(NOW),
        to=expected_address(contact.name, contact.email) if contact else None,
        sender=expected_address(profile.name, profile.email),
        subject=header_line(rendered(subject, values)),
    )


no_braces = header_text.filter(lambda text: "{" not in text and "}" not in text)


@given(
    company=no_braces,
    role=no_braces,
    contact=st.none() | st.tuples(no_braces, addresses),
    profile=st.tuples(no_braces, addresses),
    subject_text=no_braces,
)
def test_any_application_contact_and_profile_give_exactly_the_intended_draft(
    company: str,
    role: str,
    contact: tuple[str, str] | None,
    profile: tuple[str, str],
    subject_text: str,
) -> None:
    ctx = context(company=company, role=role, contact=contact, profile=profile)
    subject = f"{subject_text} {SUBJECT}"
    draft = draft_for(ctx, [template(subject)], UTC)
    used = [email for email in (contact[1] if contact else "", profile[1]) if email.strip()]
    if any(email.strip() in BAD_ADDRESSES for email in used):
        with pytest.raises(InvalidInput, match="not an email address"):
            draft.eml(NOW)
        return
    check_draft(draft, ctx, subject)
    address, fields = draft.mailto().removeprefix("mailto:").partition("?")[::2]
    assert "%0A" not in address
    assert {field.partition("=")[0] for field in fields.split("&") if field} <= {"subject", "body"}


def test_the_default_templates_render_a_clean_draft() -> None:
    for kind, (_name, subject, body) in DEFAULT_TEMPLATES.items():
        draft = draft_for(context(), [Template(1, kind, "d", subject, body, True)], UTC)
        assert "{{" not in draft.subject.text
        read_draft(draft.eml(NOW))
