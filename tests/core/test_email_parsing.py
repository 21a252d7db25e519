from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.email_parsing import parse_rejection_email
from desktop.core.errors import InvalidInput


def _eml(
    sender: str, subject: str, body: str, *, date: str = "", extra: dict[str, str] | None = None
) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = "sam@example.org"
    message["Subject"] = subject
    if date:
        message["Date"] = date
    for key, value in (extra or {}).items():
        message[key] = value
    message.set_content(body)
    return message.as_bytes()


REJECTION_BODY = """Hi Sam,

Thank you for your interest in Acme Corp and for the time you gave us.
After careful consideration we have decided not to move forward.

Best regards,
Dana Reyes
Talent Acquisition | Acme Corp
"""


def test_a_typical_eml() -> None:
    raw = _eml(
        "Dana Reyes <Dana.Reyes@acme.example>",
        "Your application for Data Analyst",
        REJECTION_BODY,
        date="Tue, 03 Mar 2026 10:15:00 +0100",
    )
    parsed = parse_rejection_email(raw)
    assert parsed.sender_name == "Dana Reyes"
    assert parsed.sender_email == "dana.reyes@acme.example"
    assert parsed.company == "Acme Corp"
    assert parsed.role == "Data Analyst"
    assert parsed.received_at == datetime(2026, 3, 3, 9, 15, tzinfo=UTC)
    assert not parsed.no_reply


@pytest.mark.parametrize(
    ("subject", "role", "company"),
    [
        ("Your application for Data Analyst", "Data Analyst", ""),
        ("Re: Data Analyst position", "Data Analyst", ""),
        ("RE: Fwd: Data Analyst position at Globex", "Data Analyst", "Globex"),
        ("Your application to Globex: Senior Data Analyst", "Senior Data Analyst", "Globex"),
        ("Update on your Data Analyst application", "Data Analyst", ""),
        ("Application for the position of Data Analyst (Ref 4711)", "Data Analyst", ""),
        ("Data Analyst at Globex", "Data Analyst", "Globex"),
        ("Thank you for applying", "", ""),
        ("Update on your application", "", ""),
        # a title alone, or after a word and a colon; a requisition number is no part of it
        ("Re: UX Researcher", "UX Researcher", ""),
        ("Absage: Teamleiter Lager (Req 88213)", "Teamleiter Lager", ""),
        ("Globex - Requisition 4471 Treasury Analyst", "Treasury Analyst", "Globex"),
        ("Réponse à votre candidature - Actuaire junior", "Actuaire junior", ""),
        ("Re: Product Manager en Pagaluz", "Product Manager", "Pagaluz"),
        ("Re: Poste de Développeur Java chez Banque Azur", "Développeur Java", "Banque Azur"),
    ],
)
def test_subject_patterns(subject: str, role: str, company: str) -> None:
    parsed = parse_rejection_email(_eml("Dana <dana@initech.example>", subject, "Hello."))
    assert parsed.role == role
    assert parsed.company == (company or "Initech")  # the domain when the subject has none


def test_team_sender_is_not_a_person_and_names_the_company() -> None:
    raw = _eml(
        "Globex Careers <no-reply@globex-mail.example>",
        "Your application",
        "Thanks for applying.\n\nKind regards,\nPriya Natarajan\nRecruiter, Globex",
    )
    parsed = parse_rejection_email(raw)
    assert parsed.company == "Globex"
    assert parsed.sender_name == "Priya Natarajan"  # from the signature
    assert parsed.no_reply


def test_organization_header_wins() -> None:
    raw = _eml("Dana <dana@mail.example>", "Hi", "Hello", extra={"Organization": "Initech GmbH"})
    assert parse_rejection_email(raw).company == "Initech GmbH"


def test_ats_and_freemail_domains_do_not_name_a_company() -> None:
    raw = _eml("Dana <dana@gmail.com>", "Hello", "Just a note.")
    parsed = parse_rejection_email(raw)
    assert parsed.company == ""
    assert parsed.sender_email == "dana@gmail.com"
    ats = _eml("Recruiting <notify@greenhouse.io>", "Hello", "Just a note.")
    assert parse_rejection_email(ats).company == ""


def test_display_name_forms() -> None:
    assert parse_rejection_email(_eml("Dana Reyes at Hooli <d@x.example>", "Hi", "x")).company == (
        "Hooli"
    )
    assert parse_rejection_email(_eml("Hooli via Greenhouse <d@x.example>", "Hi", "x")).company == (
        "Hooli"
    )
    reversed_name = parse_rejection_email(_eml('"Reyes, Dana" <d@x.example>', "Hi", "x"))
    assert reversed_name.sender_name == "Dana Reyes"


@pytest.mark.parametrize(
    ("sender", "company"),
    [
        ("RRHH Grupo Norte <rrhh@gruponorte.example>", "Grupo Norte"),
        ("Hiring Team <jobs@applytojob.com>", ""),
        ("Oakridge Partners <no-reply@oakridge.pinpointhq.com>", "Oakridge Partners"),
        ("Meridian Energy <careers@meridian-energy.teamtailor-mail.com>", "Meridian Energy"),
        # an applicant-tracking system's domain may name the company it sends for
        ("Careers <careers@meridian-energy.teamtailor-mail.com>", "Meridian Energy"),
        ("Recruiting <no-reply@us.greenhouse-mail.io>", ""),
    ],
)
def test_more_display_name_forms(sender: str, company: str) -> None:
    assert parse_rejection_email(_eml(sender, "Hi", "Hello.")).company == company


@pytest.mark.parametrize(
    ("sender", "body", "company"),
    [
        # a title, then the company, on the signature's line
        (
            "Ravi <ravi@gmail.com>",
            "Not this time.\n\nRavi\nHead of Platform, Cobalt Ridge",
            "Cobalt Ridge",
        ),
        (
            "Hélène <h@orange.fr>",
            "Merci.\n\nHélène\nResponsable RH - Lumière Conseil",
            "Lumière Conseil",
        ),
        # the company's name on its own line under a first name
        (
            "Lucía <lucia@gmail.com>",
            "Gracias.\n\nUn abrazo,\nLucía\nEstudio Brisa",
            "Estudio Brisa",
        ),
        # a line that spells the domain gives the name its accents back
        (
            "Recrutement <r@astree-assurances.example>",
            "Madame,\n\nService Recrutement\nAstrée Assurances",
            "Astrée Assurances",
        ),
    ],
)
def test_the_company_from_a_signature(sender: str, body: str, company: str) -> None:
    assert parse_rejection_email(_eml(sender, "Hi", body)).company == company


def test_the_fuller_of_two_names_for_one_company() -> None:
    raw = _eml(
        "Solvia Versicherung <jobs@solvia.recruitee.com>",
        "Update zu Ihrer Bewerbung bei Solvia",
        "Guten Tag.\n\nBeste Grüße\nTalent Acquisition, Solvia Versicherung AG",
    )
    assert parse_rejection_email(raw).company == "Solvia Versicherung"  # not "Solvia", no "AG"


@pytest.mark.parametrize(
    ("body", "company", "role"),
    [
        ("Vielen Dank für Ihr Interesse an der Acme GmbH.", "Acme GmbH", ""),
        (
            "Merci de l'intérêt que vous portez à Fromagerie Blanc. Votre candidature en tant "
            "que Comptable Senior n'a pas été retenue.",
            "Fromagerie Blanc",
            "Comptable Senior",
        ),
        (
            "Gracias por tu interés en Bodegas Sol. Tu candidatura como Analista Financiero no "
            "ha sido seleccionada.",
            "Bodegas Sol",
            "Analista Financiero",
        ),
        ("Thanks for your application as Marketing Manager.", "", "Marketing Manager"),
        (
            "Gracias por tu tiempo durante las entrevistas para Analista de Riesgos.",
            "",
            "Analista de Riesgos",
        ),
        # a loose phrasing names a role only with a job's noun in it
        ("Thank you for applying to Quanta Foods.", "Quanta Foods", ""),
    ],
)
def test_the_company_and_role_from_the_body(body: str, company: str, role: str) -> None:
    parsed = parse_rejection_email(_eml("Ana <ana@gmail.com>", "Your application", body))
    assert (parsed.company, parsed.role) == (company, role)


def test_a_recruiter_names_the_client_who_decided() -> None:
    raw = _eml(
        "Omar Haddad <omar@northpeak-recruit.example>",
        "Re: Platform Engineer",
        "Sam - quick one: Verdant Bank has decided to go another way. We have other roles.",
    )
    assert parse_rejection_email(raw).company == "Verdant Bank"  # not "We", not the agency


def test_a_signature_line_that_spells_the_domain_keeps_its_digits() -> None:
    raw = _eml("Kai <kai@gleis9.example>", "Re: Werkstudent", "Danke!\n\nKai\nGleis 9")
    assert parse_rejection_email(raw).company == "Gleis 9"


def test_a_recruiter_names_the_client() -> None:
    raw = _eml(
        "Jenna Ortiz <jenna@talentbridge-partners.example>",
        "Re: Data Engineer",
        "They've gone with someone internal for the data engineer seat at Northwind Freight.",
    )
    parsed = parse_rejection_email(raw)
    assert (parsed.company, parsed.role) == ("Northwind Freight", "Data Engineer")


def test_pasted_text_copied_from_a_mail_app() -> None:
    pasted = """From: Dana Reyes <dana@acme.example>
Sent: Tuesday, March 3, 2026 10:15 AM
To: Sam Lee
Subject: RE: Data Analyst position

Hi Sam, thank you for your interest in Acme. We went with another candidate.
"""
    parsed = parse_rejection_email(pasted, tz=ZoneInfo("Europe/Berlin"))
    assert (parsed.sender_name, parsed.sender_email) == ("Dana Reyes", "dana@acme.example")
    assert parsed.role == "Data Analyst"
    assert parsed.company == "Acme"
    assert parsed.received_at == datetime(2026, 3, 3, 9, 15, tzinfo=UTC)
    # Without a zone, a zoneless date is left out rather than guessed.
    assert parse_rejection_email(pasted).received_at is None


def test_pasted_body_only() -> None:
    parsed = parse_rejection_email(
        "Dear Sam, thank you for applying for the Backend Engineer role at Vandelay "
        "Industries. Unfortunately we won't proceed.\n\nBest,\nArt Vandelay"
    )
    assert parsed.role == "Backend Engineer"
    assert parsed.company == "Vandelay Industries"
    assert parsed.sender_name == "Art Vandelay"
    assert parsed.sender_email == ""


def test_html_only_email() -> None:
    message = EmailMessage(policy=SMTP)
    message["From"] = "Dana <dana@acme.example>"
    message["Subject"] = "Your application"
    message.set_content(
        "<p>Thank you for your interest in <b>Acme</b>.</p>"
        "<p>We considered you for the Data Analyst position.</p>",
        subtype="html",
    )
    parsed = parse_rejection_email(message.as_bytes())
    assert parsed.company == "Acme"
    assert parsed.role == "Data Analyst"


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        "   \n\n",
        b"\x00\x01\x02\x03\x04binary" * 20,
        "hello there, how are you",
        "yesterday-ish",
    ],
)
def test_unusable_input_is_a_clear_error(junk: bytes | str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_rejection_email(junk)
    message = str(caught.value)
    assert message.endswith(".")
    assert "\n" not in message


def test_huge_input_is_refused() -> None:
    with pytest.raises(InvalidInput, match="too large"):
        parse_rejection_email(b"From: a@b.example\n\n" + b"x" * 5_000_001)


header_names = st.sampled_from(["From", "Subject", "Date", "Organization", "To", "X-Y"])
header_lines = st.tuples(header_names, st.text(max_size=40)).map(lambda kv: f"{kv[0]}: {kv[1]}")


@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400),
        st.lists(header_lines, max_size=6).map("\n".join).map(lambda h: h + "\n\nbody"),
    )
)
def test_anything_parses_or_fails_clearly(raw: bytes | str) -> None:
    try:
        parsed = parse_rejection_email(raw)
    except InvalidInput as error:
        text = str(error)
        assert text.endswith(".")
        return
    assert parsed.sender_email or parsed.company or parsed.role
    assert parsed.received_at is None or parsed.received_at.tzinfo is UTC
    assert "\n" not in parsed.company + parsed.role + parsed.sender_name


@pytest.mark.parametrize(
    ("sender", "body", "company"),
    [
        # a team's signature names the company the domain runs together
        (
            "Recruiting <recruiting@quartzhealth.example>",
            "Thank you for applying.\n\nBest,\nThe Quartz Health Recruiting Team",
            "Quartz Health",
        ),
        # a department in the display name is no company; the body names it
        (
            "HR Department <hr@oakridgehospital.example>",
            "Thank you for applying for the Nurse position at Oakridge Hospital.",
            "Oakridge Hospital",
        ),
        # a recruiter's client, who decided, over the agency that writes
        (
            "Priya (TalentBridge) <priya@talentbridge.example>",
            "Acme Robotics came back to me: they've decided to go with another candidate.",
            "Acme Robotics",
        ),
        # a team's sign-off in French; an accented capital starts a name too
        (
            "Recrutement <recrutement@editions-lumen.example>",
            "Bonjour,\n\nL'équipe RH des Éditions Lumen",
            "Éditions Lumen",
        ),
        # a name ends at its line: "Stadtwerke Rheinfeld", not "... Rheinfeld Dies"
        (
            "Recruiting <no-reply@stadtwerke.example>",
            "Ihr Recruiting-Team der Stadtwerke Rheinfeld\nDies ist eine automatische Nachricht.",
            "Stadtwerke Rheinfeld",
        ),
        # an applicant-tracking system that signs with its own name
        (
            "Workday <acme@myworkday.com>",
            "Thank you for your interest in Acme Corporation.",
            "Acme Corporation",
        ),
        # a public body and its department
        (
            "Région Occitanie – Direction des ressources humaines <drh@region.example>",
            "Bonjour.",
            "Région Occitanie",
        ),
        (
            "Métropole de Lyon – DRH <recrutement@grandlyon.example>",
            "Bonjour.",
            "Métropole de Lyon",
        ),
        ("Stadt Lindau – Personalamt <personalamt@lindau.example>", "Hallo.", "Stadt Lindau"),
    ],
)
def test_teams_and_departments_give_their_organisation(
    sender: str, body: str, company: str
) -> None:
    raw = f"From: {sender}\nSubject: Your application\n\n{body}\n".encode()
    assert parse_rejection_email(raw).company == company


def test_a_call_for_applications_in_the_subject_names_no_company() -> None:
    raw = (
        "From: Ayuntamiento de Ribera – Recursos Humanos <rrhh@ribera.example>\n"
        "Subject: Convocatoria 4/2026 – Auxiliar\n\nNo ha superado el proceso selectivo.\n"
    ).encode()
    parsed = parse_rejection_email(raw)
    assert (parsed.company, parsed.role) == ("Ayuntamiento de Ribera", "Auxiliar")
