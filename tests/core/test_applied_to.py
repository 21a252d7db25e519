"""Matching the companies the user applied to in an email: forgiving about how a name is
written, strict about where a word ends and about common words, and trusting the sender
over a name the body mentions."""

from __future__ import annotations

import pytest

from desktop.core.applied_to import AppliedMatch, AppliedTo
from desktop.core.email_kind import EmailKind
from desktop.core.email_parsing import parse_rejection_email


def _find(
    companies: list[str],
    *,
    sender_name: str = "",
    domain: str = "",
    subject: str = "",
    body: str = "",
) -> AppliedMatch | None:
    return AppliedTo(companies).find(
        sender_name=sender_name,
        domain_labels=[domain] if domain else [],
        texts=(("the subject", subject), ("the body", body)),
    )


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Müller & Söhne", "Mueller und Soehne KG"),
        ("Müller & Söhne KG", "MÜLLER AND SÖHNE"),
        ("Acme Inc.", "ACME, Inc"),
        ("Acme", "The Acme Corporation"),
        ("Banco Meridiano S.A.", "Banco Meridiano, SA"),
        ("Lumière Conseil SARL", "Lumiere Conseil"),
        ("Procter & Gamble", "Procter and Gamble Ltd"),
        ("Fjordgrün GmbH & Co. KG", "Fjordgrün"),
        ("Claude-Vernet B.V.", "Claude Vernet BV"),
    ],
)
def test_case_accents_joiners_and_legal_forms_do_not_count(typed: str, written: str) -> None:
    assert _find([typed], sender_name=written) == AppliedMatch(typed, "the sender's name")


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Müller & Söhne", "mueller-soehne"),
        ("Müller & Söhne", "muller-sohne"),
        ("Northwind Robotics", "northwindrobotics"),
        ("Beispiel AG", "beispiel-ag"),
        ("Acme", "acme"),
    ],
)
def test_a_domain_label_that_spells_the_whole_name(typed: str, label: str) -> None:
    assert _find([typed], domain=label) == AppliedMatch(typed, "the sender's domain")


@pytest.mark.parametrize(
    "text",
    [
        "We use Acmetrics for our dashboards.",
        "She moved to Acme-Bank last year.",
        "Hacme Labs wrote to you.",
    ],
)
def test_never_a_piece_of_another_word(text: str) -> None:
    assert _find(["Acme"], body=text) is None
    assert _find(["Acme"], domain="acmetrics") is None


def test_a_common_word_counts_in_the_text_only_where_it_is_written_as_a_name() -> None:
    assert _find(["Apple"], body="We baked an apple pie for the team.") is None
    assert _find(["Apple"], body="Apple pie is on the menu.") is None  # any first word
    assert _find(["Next"], subject="Next steps in your application") is None
    assert _find(["Apple"], body="Your interview at Apple went well.") is not None
    assert _find(["Apple"], body="Apple Inc. has decided to go another way.") is not None
    assert _find(["Apple"], subject="Apple - Data Analyst") is not None  # heads the subject
    assert _find(["eBay"], body="eBay has decided.") is not None  # as typed
    assert _find(["University of Eastbridge"], body="Yours, University of Eastbridge")
    # The sender is the company: there any spelling is the name.
    assert _find(["Apple"], sender_name="apple careers") is not None


def test_a_name_in_a_list_of_clients_or_competitors_is_not_the_sender() -> None:
    assert _find(["Globex"], body="We work with clients such as Globex and Initech.") is None
    assert _find(["Globex"], body="Unlike competitors like Globex, we ship weekly.") is None
    # A recruiter's client is the company the user applied to.
    assert _find(["Globex"], body="Our client Globex has decided to go another way.")


def test_of_two_known_companies_the_more_trusted_place_wins() -> None:
    companies = ["Globex", "Acme", "Harbor", "Harbor Health"]
    found = _find(companies, sender_name="Acme Careers", body="You also applied to Globex.")
    assert found == AppliedMatch("Acme", "the sender's name")
    found = _find(companies, subject="Globex: your application", body="Hello from Acme.")
    assert found == AppliedMatch("Globex", "the subject")
    # The longest name where two begin alike.
    assert _find(companies, sender_name="Harbor Health HR") == AppliedMatch(
        "Harbor Health", "the sender's name"
    )


def test_names_alike_but_for_the_legal_form_take_the_one_written() -> None:
    found = _find(["Beispiel GmbH", "Beispiel AG"], sender_name="Beispiel AG")
    assert found == AppliedMatch("Beispiel AG", "the sender's name")


def test_nothing_to_match_is_no_match() -> None:
    assert _find([], sender_name="Acme") is None
    assert _find(["", "  ", "GmbH", "123"], sender_name="GmbH 123") is None
    assert _find(["3M"], sender_name="3M Careers") == AppliedMatch("3M", "the sender's name")


_FROM_ACME = (
    "From: Dana Reyes <dana@mail.acme-labs.example>\nSubject: Your application\n\n"
    "Hi Sam,\n\nUnfortunately we have decided not to move forward with your application."
    "\n\nBest,\nDana"
)


def test_a_match_gives_the_company_as_typed_and_the_context_of_a_job() -> None:
    alone = parse_rejection_email(_FROM_ACME)
    assert alone.kind is EmailKind.OTHER  # an application, of what? (a flat, a course...)
    matched = parse_rejection_email(_FROM_ACME, applied_to=["ACME Labs GmbH"])
    assert matched.kind is EmailKind.REJECTION
    assert (matched.company, matched.applied_to) == ("ACME Labs GmbH", "ACME Labs GmbH")
    assert "you applied to ACME Labs GmbH (named in the sender's domain)" in matched.reasons


def test_a_match_alone_makes_no_rejection() -> None:
    news = (
        "From: Acme <news@acme.example>\nSubject: Our spring update\n\n"
        "Hi Sam, here is what we shipped this spring: a faster app and a new logo."
    )
    parsed = parse_rejection_email(news, applied_to=["Acme"])
    assert parsed.kind is EmailKind.OTHER
    assert parsed.applied_to == "Acme"


def test_a_company_named_only_as_a_customer_does_not_replace_the_sender() -> None:
    email = (
        "From: Initech Careers <jobs@initech.example>\nSubject: Your application\n\n"
        "Thank you for applying to the Data Analyst role. Our customers such as Globex "
        "rely on this team. Unfortunately we will not be moving forward."
    )
    parsed = parse_rejection_email(email, applied_to=["Globex"])
    assert (parsed.kind, parsed.company, parsed.applied_to) == (EmailKind.REJECTION, "Initech", "")


def test_an_explicit_application_for_something_else_outweighs_a_match() -> None:
    loan = (
        "From: Nordbank <service@nordbank.example>\nSubject: Your loan application\n\n"
        "Unfortunately we are unable to approve your loan application at this time."
    )
    parsed = parse_rejection_email(loan, applied_to=["Nordbank"])
    assert (parsed.kind, parsed.applied_to) == (EmailKind.OTHER, "Nordbank")
