"""The classifier's rules one at a time: each case pins what a rule means, in a wording the
corpus (test_email_corpus.py) does not have."""

from __future__ import annotations

import pytest

from desktop.core.email_kind import EmailKind, classify
from tests.core.email_corpus import C, I, O, R, X


def _kind(subject: str, body: str, sender: str = "jobs@acme.example") -> EmailKind:
    return classify(sender_email=sender, subject=subject, body=body).kind


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # a negation a few words before going ahead or choosing
        ("Your application", "We won't be moving your application to the next stage."),
        ("Your application", "We're not able to move you forward in the process."),
        ("Your application", "We will not be able to offer you a position at this time."),
        ("Your candidacy", "The hiring team has decided not to advance your candidacy."),
        ("Data Analyst", "Your profile was not retained for this position."),
        (
            "Ihre Bewerbung",
            "Leider können wir Sie im weiteren Auswahlprozess nicht berücksichtigen.",
        ),
        ("Votre candidature", "Votre profil ne correspond pas tout à fait à nos attentes."),
        ("Tu candidatura", "En esta ocasión no podremos contar con tu perfil."),
        # someone else was chosen
        ("Your application", "We have decided to continue with candidates whose experience fits."),
        ("Your application", "We feel other candidates more closely match the requirements."),
        ("Ihre Bewerbung", "Wir haben uns für eine Bewerberin entschieden, deren Profil passt."),
        ("Votre candidature", "Nous avons décidé de poursuivre avec d'autres candidats."),
        ("Tu candidatura", "Hemos decidido seguir adelante con otros candidatos."),
        ("Re: Senior Designer", "They've decided to hire internally for the Designer role."),
        (
            "Your application",
            "Although you made it to the final round, we went with another candidate.",
        ),
        (
            "Votre candidature",
            "Nous avons retenu une candidature correspondant davantage à nos besoins.",
        ),
        (
            "Your Acme application",
            "We've reviewed your application and it's a no from us this time.",
        ),
        ("Update", "The hiring manager reviewed your CV and won't be moving you to interview."),
        (
            "Bewerbung als Pflegefachkraft",
            "Wir haben uns entschlossen, die Position anderweitig zu besetzen.",
        ),
        (
            "Re: interview",
            "The team felt the role needs deeper React experience, so we'll pass this time.",
        ),
        (
            "Your application",
            "Please note that we will not be moving forward with your application.",
        ),
        ("Deine Bewerbung", "Leider passt dein Profil nicht zu unseren aktuellen Anforderungen."),
        ("Ihre Bewerbung", "Leider hat es diesmal nicht geklappt."),
        ("Votre candidature", "Votre candidature n'a malheureusement pas abouti."),
        ("Tu candidatura", "Te informamos que hemos descartado tu candidatura."),
        ("Refus de votre candidature", "Bonjour Sam, merci pour votre intérêt."),
        ("Candidatura descartada", "Hola Sam, gracias por tu interés."),
        # a meeting had or a feedback call offered is no invitation
        ("Tu candidatura", "Nos hemos decantado por otra persona. Me ha encantado conocerte."),
        (
            "Your application",
            "We went with another candidate. I'd love to talk you through our feedback.",
        ),
        ("Your application", "We have chosen to proceed with people whose background fits better."),
        (
            "Re: Werkstudent Marketing",
            "Wir haben uns leider gegen eine Zusammenarbeit entschieden.",
        ),
        (
            "Votre candidature",
            "Nous avons le regret de ne pas pouvoir y répondre favorablement.",
        ),
        # the position or the application was closed
        ("Application status", "The Designer position has been cancelled."),
        ("Your application", "Thanks for your interest in the Analyst role. We have filled it."),
        ("Your application", "We will not be taking your candidacy any further."),
        ("Ihre Bewerbung", "Wir haben uns für jemand anderen entschieden."),
        # the application was declined
        ("Application status", "Your application status: rejected."),
        ("Ihre Bewerbung", "Ihre Bewerbung wurde leider abgelehnt."),
        ("Votre candidature", "Votre candidature a été refusée."),
        ("Tu solicitud", "Tu solicitud para el puesto ha sido rechazada."),
        # a regret with a decision
        ("Your application", "We regret to inform you of our decision on the Analyst role."),
        ("Ihre Bewerbung", "Wir müssen Ihnen leider eine Absage erteilen."),
        # a pleasant meeting does not outweigh the no after it
        (
            "Your application",
            "It was a pleasure to meet you. Unfortunately we decided not to move forward.",
        ),
    ],
)
def test_rejections_in_wordings_the_corpus_lacks(subject: str, body: str) -> None:
    assert _kind(subject, body) is R


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        # a conditional refuses nothing
        (
            "Your application",
            "Your application has been received. If you do not hear from us within 4 weeks, "
            "please consider your application unsuccessful.",
            C,
        ),
        (
            "Assessment",
            "Please complete the assessment for the role by Friday; otherwise we cannot "
            "proceed with your application.",
            I,
        ),
        # a "no" that waits for something, or an instruction
        (
            "Assessment",
            "We cannot proceed with your application until you complete the assessment.",
            I,
        ),
        ("Interview", "We have not selected an interview date yet.", X),
        ("Interview", "Please do not select more than one slot for the interview.", X),
        # a question refuses nothing
        (
            "Quick question",
            "Are you open to a Data Engineer role at a fintech? Not a fit? No worries!",
            X,
        ),
        # a negation ends where a new clause starts
        (
            "Senior Analyst role",
            "I know you are not actively looking, but would you consider our Analyst role?",
            X,
        ),
        # a refusal of a meeting is not a refusal of the candidate
        (
            "Scheduling",
            "Unfortunately we can't proceed with the interview on Tuesday. Could you pick "
            "another slot?",
            I,
        ),
        (
            "Ihr Termin",
            "Leider müssen wir Ihren Termin für das Vorstellungsgespräch absagen. Können Sie am "
            "Montag um 10 Uhr?",
            I,
        ),
        (
            "Tu entrevista",
            "Lamentablemente tenemos que cambiar la fecha de tu entrevista. ¿Te viene bien el "
            "jueves a las 10:00?",
            I,
        ),
        # idioms with a negation in them
        ("See you Tuesday", "Thanks for applying to the role. We can't wait to meet you.", X),
        (
            "Your application",
            "Please don't reply to this email. We received your application and will review it.",
            C,
        ),
        # a negation of something other than the candidate
        (
            "Offer",
            "We are thrilled to offer you the Data Analyst position. Unfortunately we cannot "
            "offer relocation support.",
            O,
        ),
        # no decision yet, though others are in the running
        (
            "Update",
            "We have not yet made a decision; we are still interviewing other candidates.",
            X,
        ),
        # a talent-pool line is about some other job
        (
            "Talent pool",
            "Thanks for applying to the Engineer role. We'd like to add you to our talent pool "
            "for future roles.",
            X,
        ),
        # an application for something other than a job
        ("Loan application", "Unfortunately we are unable to approve your loan application.", X),
        ("Visa", "We regret to inform you that your visa application has been refused.", X),
        (
            "Course",
            "Unfortunately your application to the Python course was not successful.",
            X,
        ),
        ("Expense claim", "Your expense claim was rejected: the receipt is missing.", X),
        (
            "Your application to the MSc Data Science",
            "Thank you for your application. Unfortunately we are unable to offer you a place on "
            "the programme this year.",
            X,
        ),
        (
            "Tu solicitud de beca",
            "Lamentamos comunicarte que tu solicitud de beca no ha sido seleccionada.",
            X,
        ),
        (
            "Your application",
            "Thank you for applying to rent the flat. We chose another applicant.",
            X,
        ),
        (
            "Your speaker application",
            "Unfortunately we are unable to select your talk this year.",
            X,
        ),
        (
            "Your housing application",
            "Unfortunately your application for social housing has not been successful.",
            X,
        ),
        # regrets without an application
        ("Your order", "We are sorry to inform you that your order has been delayed.", X),
        # a newsletter quoting a rejection
        (
            "Career notes",
            "Every job seeker reads “we have decided to move forward with other candidates” "
            "now and then.",
            X,
        ),
        # advice in the subject
        ("5 ways to bounce back", "When a company doesn't move forward with your application.", X),
    ],
)
def test_look_alikes_in_wordings_the_corpus_lacks(subject: str, body: str, kind: EmailKind) -> None:
    assert _kind(subject, body) is kind


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        ("Interview request", "We'd like to set up a call. What times work for you next week?", I),
        ("Vorstellungsgespräch", "Wir möchten Sie gerne zu einem Gespräch einladen.", I),
        ("Entretien", "Nous aimerions vous rencontrer. Quelles sont vos disponibilités ?", I),
        ("Entrevista", "Nos gustaría conocerte. ¿Qué día te viene bien?", I),
        ("Ihr Angebot", "Wir freuen uns, Ihnen ein Angebot für die Stelle zu machen.", O),
        ("Oferta de trabajo", "Nos complace ofrecerte el puesto de Analista.", O),
        (
            "Eingangsbestätigung",
            "Vielen Dank für Ihre Bewerbung. Wir haben Ihre Unterlagen erhalten.",
            C,
        ),
        ("Solicitud recibida", "Hemos recibido tu solicitud para el puesto de Analista.", C),
        ("Your application", "Your application for the Analyst role is still under review.", X),
    ],
)
def test_the_other_kinds_in_each_language(subject: str, body: str, kind: EmailKind) -> None:
    assert _kind(subject, body) is kind


def test_a_blank_line_ends_a_sentence_and_a_line_break_does_not() -> None:
    # "If you have questions" opens a conditional that the next paragraph is not part of.
    body = "If you have any questions, write to us\n\nWe will not be moving forward."
    assert _kind("Your application", body) is R
    wrapped = "If you have any questions, write to us\nwe will not be moving forward."
    assert _kind("Your application", wrapped) is not R


def test_every_kind_names_its_evidence() -> None:
    found = classify(
        sender_email="no-reply@greenhouse.io",
        subject="Your application",
        body="Unfortunately we won't move forward.",
    )
    assert found.kind is R
    assert found.reasons == (
        "'won't move forward' in the body",
        "'unfortunately' in the body",
        "the sender is an applicant-tracking system (greenhouse)",
    )


def test_the_history_a_reply_quotes_is_not_its_say() -> None:
    reply = (
        "Thanks Dana, could you tell me what I could do better?\n\n"
        "On Mon, 2 Mar 2026 at 10:15, Dana Reyes <dana@acme.example> wrote:\n"
        "> We have decided not to move forward with your application."
    )
    assert _kind("Re: Your application", reply) is X
    quoted = "Thanks Dana.\n> We have decided not to move forward with your application.\nSam"
    assert _kind("Re: Your application", quoted) is X
    forwarded = (
        "FYI\n\n---------- Forwarded message ---------\nFrom: Dana <dana@acme.example>\n\n"
        "We have decided not to move forward with your application."
    )
    assert _kind("Fwd: Your application", forwarded) is R


@pytest.mark.parametrize(
    ("sender", "subject", "body", "kind"),
    [
        # an application, but for a flat, a loan, a place in a day-care or a grant: no job
        # in sight, so no rejection, in whatever language
        (
            "info@harbourlettings.example",
            "Your rental application - 22 Baker Street",
            "Unfortunately the landlord has decided to go with another applicant.",
            X,
        ),
        (
            "info@hv-kern.example",
            "Ihre Anfrage zur Wohnung Lindenstraße 4",
            "Leider haben wir uns für einen anderen Mietinteressenten entschieden.",
            X,
        ),
        (
            "contact@immosud.example",
            "Votre dossier de location",
            "Nous sommes au regret de vous informer que votre dossier n'a pas été retenu.",
            X,
        ),
        (
            "conseiller@banque.example",
            "Votre demande de prêt",
            "Nous ne pouvons pas donner une suite favorable à votre demande de prêt. Votre "
            "conseiller reste à votre disposition.",
            X,
        ),
        (
            "leitung@kita.example",
            "Ihre Anmeldung",
            "Leider können wir Ihnen keinen Betreuungsplatz anbieten.",
            X,
        ),
        (
            "grants@artscouncil.example",
            "Grant application outcome",
            "We regret that your application for funding was unsuccessful in this round.",
            X,
        ),
        # words of meeting someone, at a flat's viewing
        (
            "lettings@keys.example",
            "Your application",
            "Thank you for your time at the viewing. Unfortunately the landlord chose another "
            "applicant.",
            X,
        ),
        # "candidature" is French for any application: a course's too
        (
            "formation@institut.example",
            "Votre candidature à la formation",
            "Malheureusement, la formation du soir est complète et nous ne pouvons pas retenir "
            "votre candidature.",
            X,
        ),
        # a role paused, the user still in: no rejection even when the subject says "on hold"
        (
            "talent@acme.example",
            "Role on hold",
            "The Data Analyst role is on hold for now. You remain in our process.",
            X,
        ),
        # the same words of refusal, about a job: a job word, a hiring mailbox
        (
            "lena@fernwerk.example",
            "Rückmeldung",
            "Leider müssen wir dir absagen. Wir haben uns für eine andere Kandidatin entschieden.",
            R,
        ),
        (
            "hr@acme.example",
            "Your application",
            "Thank you for your application. Unfortunately, we will not be proceeding further.",
            R,
        ),
    ],
)
def test_an_application_needs_a_job_to_be_rejected(
    sender: str, subject: str, body: str, kind: EmailKind
) -> None:
    assert _kind(subject, body, sender) is kind


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        # no word of a job, but of weighing a person for one
        ("Following up", "Thank you for your time. Unfortunately we won't proceed further."),
        (
            "Notre échange",
            "Merci pour notre échange. Malheureusement nous avons choisi un autre profil.",
        ),
        ("Unser Gespräch", "Danke für das Gespräch. Leider haben wir uns anders entschieden."),
        ("Nuestra conversación", "Gracias por tu tiempo. Hemos decidido seguir con otra persona."),
        (
            "Thanks for coming in",
            "Thanks for coming in on Tuesday. We've decided to go another way.",
        ),
        # "votre candidature" alone is a job's, as French writes it
        (
            "Votre candidature",
            "Nous vous remercions pour votre candidature. Malheureusement, nous ne pouvons pas y "
            "donner une suite favorable.",
        ),
        (
            "Tu candidatura",
            "Gracias por tu candidatura. Lamentablemente no vamos a seguir adelante.",
        ),
        (
            "Your application",
            "Thank you for your interest in our company. Unfortunately we will not be taking your "
            "application further.",
        ),
    ],
)
def test_a_refusal_after_meeting_someone_is_about_a_job(subject: str, body: str) -> None:
    assert _kind(subject, body, "dana@brightpath.example") is R


def test_a_hiring_team_by_name_is_the_context_of_a_job() -> None:
    refusal = "Unfortunately we will not be moving forward with your application."
    assert _kind("Your application", refusal, "no-reply@veltra.example") is X
    found = classify(
        sender_email="no-reply@veltra.example",
        sender_name="Veltra Careers",
        subject="Your application",
        body=refusal,
    )
    assert found.kind is R


def test_the_place_taken_verb_first_is_a_rejection() -> None:
    body = "Hola Sam, al final hemos cubierto la vacante con otra persona. ¡Mucha suerte!"
    assert _kind("Sobre el puesto", body, "javier@taller-norte.example") is R
    assert _kind("Update", "We have now filled the role. Thank you for your interest.") is R
