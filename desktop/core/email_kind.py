"""What kind of email this is, with the reasons: a rejection, an interview invitation, an
offer, a "we received your application", or something else.

Rules a person can read, not a model: phrase sets in English, German, French and Spanish,
weighed by where they stand (the subject counts more than the body), the sender (an
applicant-tracking system, or a mailing list), and negative evidence (an invitation, an
offer, a withdrawal, a job alert, a declined card). Every decision carries its reasons, in
words the user sees: "'move forward with other candidates' in the body; sender is an ATS".

The phrases are literal alternations, so each search is one linear pass; the caller hands in
a subject and the first paragraphs of the body, both already bounded.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class EmailKind(enum.StrEnum):
    REJECTION = "rejection"
    INTERVIEW = "interview"
    OFFER = "offer"
    RECEIVED = "received"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Classification:
    kind: EmailKind
    reasons: tuple[str, ...]


# Applicant-tracking systems: mail from their domains is about an application, sent on
# behalf of a company their domain does not name.
ATS_DOMAINS = frozenset(
    {
        "greenhouse",
        "greenhouse-mail",
        "lever",
        "hire",
        "myworkday",
        "workday",
        "workdaymail",
        "smartrecruiters",
        "icims",
        "ashbyhq",
        "workable",
        "jobvite",
        "bamboohr",
        "teamtailor",
        "recruitee",
        "personio",
        "successfactors",
        "taleo",
        "breezy",
        "jazzhr",
    }
)

# (kind, weight, phrases). A weight of 3 decides on its own; 1 only tips a balance.
_PHRASES: tuple[tuple[EmailKind, int, tuple[str, ...]], ...] = (
    (
        EmailKind.REJECTION,
        3,
        (
            # English
            "not to move forward",
            "not be moving forward",
            "won't be moving forward",
            "will not be moving forward",
            "move forward with other candidates",
            "moving forward with other candidates",
            "move forward with another candidate",
            "decided to pursue other candidates",
            "pursue other candidates",
            "decided to go with another candidate",
            "not to proceed with your application",
            "not be proceeding with your application",
            "won't be progressing",
            "will not be progressing",
            "not been selected",
            "were not selected",
            "have not been successful",
            "was not successful",
            "were unsuccessful",
            "unable to offer you",
            "position has been filled",
            "role has been filled",
            "regret to inform you",
            "not be taking your application further",
            "decided not to progress",
            "decided to move on",
            "not moving forward with your",
            "not to pursue your application",
            "will not be pursuing your",
            "proceed with other candidates",
            "chosen another candidate",
            "selected another candidate",
            "offer to another candidate",
            "no longer considering your",
            "not selected for",
            # German
            "leider müssen wir ihnen mitteilen",
            "leider können wir ihnen",
            "nicht weiter berücksichtigen",
            "nicht berücksichtigen können",
            "für einen anderen kandidaten entschieden",
            "für eine andere kandidatin entschieden",
            "für andere bewerber entschieden",
            "anderweitig besetzt",
            "absage",
            # French
            "ne pas donner suite",
            "pas donner une suite favorable",
            "pas été retenue",
            "pas été retenu",
            "n'avons pas retenu",
            "pas retenu votre candidature",
            "autre candidat",
            "regret de vous informer",
            # Spanish
            "no ha sido seleccionad",
            "no has sido seleccionad",
            "no continuar con tu candidatura",
            "no continuar con su candidatura",
            "otro candidato",
            "otra candidata",
            "hemos decidido no avanzar",
            "sentimos informarte",
            "lamentamos informarle",
            "lamentamos informarte",
        ),
    ),
    (
        EmailKind.REJECTION,
        1,
        (
            "unfortunately",
            "we regret",
            "not a match",
            "leider",
            "malheureusement",
            "lamentablemente",
            "desafortunadamente",
        ),
    ),
    (
        EmailKind.INTERVIEW,
        3,
        (
            "interview invitation",
            "invitation to interview",
            "invitation à un entretien",
            "invitación a una entrevista",
            "invite you to an interview",
            "invite you to interview",
            "invite you for an interview",
            "schedule an interview",
            "schedule a call",
            "schedule your interview",
            "book a time",
            "phone screen",
            "next step in the process",
            "next steps in the process",
            "your availability",
            "zu einem vorstellungsgespräch",
            "zu einem gespräch einladen",
            "vorstellungsgespräch",
            "vous inviter à un entretien",
            "vous inviter pour un entretien",
            "convocation à un entretien",
            "invitarte a una entrevista",
            "invitarle a una entrevista",
        ),
    ),
    (
        EmailKind.INTERVIEW,
        1,
        ("interview", "next step", "reschedule", "slot", "entretien", "entrevista", "gespräch"),
    ),
    (
        EmailKind.OFFER,
        3,
        (
            "pleased to offer you",
            "delighted to offer you",
            "happy to offer you",
            "offer of employment",
            "offer letter",
            "job offer",
            "ein angebot machen",
            "vertragsangebot",
            "offre d'emploi",
            "vous proposer le poste",
            "oferta de empleo",
            "ofrecerte el puesto",
        ),
    ),
    (
        EmailKind.RECEIVED,
        3,
        (
            "received your application",
            "application has been received",
            "application was received",
            "we have received",
            "we've received",
            "thank you for submitting your application",
            "eingang ihrer bewerbung",
            "ihre bewerbung ist bei uns eingegangen",
            "bewerbung erhalten",
            "bien reçu votre candidature",
            "accusé de réception",
            "hemos recibido tu",
            "hemos recibido su",
        ),
    ),
    (
        EmailKind.OTHER,
        3,
        (
            # the user's own withdrawal, not their rejection
            "withdrawn your application",
            "withdrew your application",
            "withdrawal of your application",
            "zurückgezogen",
            "retiré votre candidature",
            "retirado tu candidatura",
            # job boards
            "job alert",
            "jobs you may be interested in",
            "recommended jobs",
            "new jobs for you",
            # payments
            "card was declined",
            "payment was declined",
            "payment declined",
        ),
    ),
)
# Families of phrasings, each a pattern with bounded gaps ("(?:\w+ ){0,3}": at most three
# words), so that a search still costs one pass: "we won't be taking your application
# further", "offered the role to someone else", "haben uns gegen Ihre Bewerbung entschieden".
_WORDS = r"(?:[\w'’-]+ ){0,3}"
_FAMILIES: tuple[tuple[EmailKind, int, str], ...] = (
    (
        EmailKind.REJECTION,
        3,
        rf"(?:won't|will not|not|n't) (?:be )?(?:moving|taking|progressing|proceeding|going|"
        rf"pursuing) {_WORDS}(?:forward|further|ahead)",
    ),
    (
        EmailKind.REJECTION,
        3,
        rf"(?:offered|given|extended) (?:the|this|an?) {_WORDS}(?:role|position|offer|job) to "
        rf"(?:someone|somebody|another|other|a different)",
    ),
    (EmailKind.REJECTION, 3, rf"(?:filled|closed) (?:the|this) {_WORDS}(?:role|position|vacancy)"),
    (
        EmailKind.REJECTION,
        3,
        r"(?:decided|chosen|opted|elected) (?:to )?(?:go|proceed|move forward|continue) with "
        r"(?:another|other|a different|someone)",
    ),
    (EmailKind.REJECTION, 3, r"unsuccessful|not (?:been )?successful"),
    # A negation a few words before a verb of selecting: "you have not been chosen", "nicht
    # berücksichtigen", "n'a pas été retenue", "no vamos a poder contar contigo".
    (
        EmailKind.REJECTION,
        3,
        rf"(?:not|n't|nicht|pas|no) {_WORDS}(?:chosen|selected|shortlisted|"
        rf"berücksichtig\w*|ausgewählt|retenue?|sélectionnée?|seleccionad[oa]|elegid[oa]|"
        rf"contar contigo)",
    ),
    # Someone else was chosen: "moved ahead with applicants whose...", "choisi un candidat",
    # "hired for the role already", "anderweitig zu vergeben".
    (
        EmailKind.REJECTION,
        3,
        rf"(?:move|moved|moving|go|going|proceed|proceeding) (?:ahead|forward|on) with "
        rf"(?:other|another|applicants|candidates)|(?:chosen|selected|hired|picked|choisi|"
        rf"sélectionné|retenu|seleccionado|elegido|contratado) (?:an?|un|une|el|la|a) "
        rf"(?:other|another|different )?(?:candidat\w*|applicant|person\w*|profil\w*)|"
        rf"hired for {_WORDS}already|already hired|anderweitig",
    ),
    (EmailKind.REJECTION, 3, r"(?:go|going|gone|went) (?:in )?(?:a )?different direction"),
    (
        EmailKind.REJECTION,
        3,
        r"(?:won't|will not|not|unable to|cannot|can't) (?:be )?(?:extend|extending|make|"
        r"making|offer|offering) (?:you )?(?:an? |the )?(?:offer|position|role)",
    ),
    (EmailKind.REJECTION, 1, r"regrettably|sadly|someone else|other applicants"),
    (
        EmailKind.REJECTION,
        3,
        r"gegen (?:ihre|deine) bewerbung entschieden|keine positive rückmeldung|"
        rf"nicht in die engere auswahl|leider absagen|nicht berücksichtigt|nicht zusagen|"
        rf"stelle {_WORDS}vergeben|"
        r"(?:anderen|andere) (?:bewerber|bewerberin|kandidat|kandidatin)",
    ),
    (
        EmailKind.REJECTION,
        3,
        r"(?:au|le) regret de (?:ne pas|vous informer)|(?:pas|pu) (?:pouvoir )?retenir|"
        r"d'autres candidats|(?:un autre|d'autres) profils?|une autre candidature|"
        r"ne correspond(?:ait)? pas",
    ),
    (
        EmailKind.REJECTION,
        3,
        r"otro perfil|otros candidatos|otra persona|no (?:seguir|avanzar|continuar) "
        r"(?:adelante|con)|no podemos ofrecerte|(?:seleccionado|elegido|escogido) a "
        r"(?:otra|otro|una persona)|se ajusta mejor",
    ),
    (
        EmailKind.INTERVIEW,
        3,
        rf"(?:meet|talk to|speak with) you|(?:pick|choose|select|book) (?:a|your) "
        rf"{_WORDS}(?:slot|time)|video (?:interview|call)|termin {_WORDS}verschieben|"
        rf"terminverschiebung|(?:you are|you're) invited to|assessment (?:centre|center|day)|"
        rf"confirm your attendance|(?:complete|take) {_WORDS}(?:assessment|test|challenge)|"
        rf"kennenlernen|(?:laden|lade) sie {_WORDS}ein|einladung",
    ),
    (
        EmailKind.OFFER,
        3,
        rf"(?:love|like|want) (?:for )?you to join|formal offer|offer {_WORDS}will follow|"
        rf"(?:confirm|agree on) (?:your|a) start date|send (?:you )?the contract|"
        rf"employment contract|arbeitsvertrag|contrat de travail|contrato de trabajo|"
        rf"accepted (?:our|the) offer|welcome aboard|your first day",
    ),
    (
        EmailKind.RECEIVED,
        3,
        r"(?:application|candidature|bewerbung|solicitud) (?:has been|was|is|ist) "
        r"(?:received|eingegangen)|we will get back to you|we'll get back to you|"
        r"(?:registrada|registrado|registered|submitted) (?:correctamente|successfully)|"
        r"successfully (?:submitted|registered)|(?:got|have) your (?:application|cv|resume|"
        r"reel|portfolio)|will review it",
    ),
)
# Words of mail sent to a list; an applicant-tracking system's footer may have them too.
_BULK = re.compile(r"(?<!\w)(?:unsubscribe|newsletter|abmelden|se désinscrire|darse de baja)", re.I)
# Words that put an email in the context of a job application.
_APPLICATION_WORDS = re.compile(
    r"\b(?:application|applied|applying|candidacy|candidates?|finalists?|position|role|"
    r"opening|vacancy|interview|hiring|"
    r"bewerbung|stelle|vorstellungsgespräch|candidature|poste|entretien|recrutement|"
    r"candidatura|solicitud|puesto|posición|vacante|selección|entrevista)\b",
    re.IGNORECASE,
)
_PATTERNS = tuple(
    (kind, weight, re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE))
    for kind, weight, pattern in (
        *(
            (kind, weight, "|".join(re.escape(phrase) for phrase in phrases))
            for kind, weight, phrases in _PHRASES
        ),
        *_FAMILIES,
    )
)
_DECIDES = 3


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ltd", "plc"})


def domain_label(address: str) -> str:
    """The label that names the organisation: "acme" in dana@mail.acme.co.uk."""
    domain = address.rpartition("@")[2].lower().strip(".")
    labels = [label for label in domain.split(".") if label]
    if len(labels) < 2:
        return ""
    labels.pop()  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()  # co.uk, com.au
    return labels[-1]


def is_ats(address: str) -> bool:
    return domain_label(address) in ATS_DOMAINS


def classify(*, sender_email: str, subject: str, body: str, bulk: bool = False) -> Classification:
    """The kind of an email, from its sender, subject and first paragraphs (`body`).

    `subject` and `body` are on one line each (a phrase may be wrapped across lines in the
    email). `bulk` is true when the message says it went to a list (List-Unsubscribe,
    Precedence).
    """
    scores = dict.fromkeys(EmailKind, 0)
    reasons: dict[EmailKind, list[str]] = {kind: [] for kind in EmailKind}
    for kind, weight, pattern in _PATTERNS:
        for where, text, factor in (("subject", subject, 2), ("body", body, 1)):
            match = pattern.search(text)
            if match is not None:
                scores[kind] += weight * factor
                reasons[kind].append(f"'{match[0].lower()}' in the {where}")
                break  # one phrase set counts once, where it weighs most
    ats = is_ats(sender_email)
    # Evidence about the sender, added to whichever kind wins.
    about_sender = (
        (f"the sender is an applicant-tracking system ({domain_label(sender_email)})",)
        if ats
        else ()
    )
    if not ats and (bulk or _BULK.search(body)):
        scores[EmailKind.OTHER] += _DECIDES
        reasons[EmailKind.OTHER].append("sent to a mailing list")
    context = ats or _APPLICATION_WORDS.search(subject) or _APPLICATION_WORDS.search(body)

    def decided(kind: EmailKind) -> Classification:
        return Classification(kind, (*reasons[kind], *about_sender))

    if scores[EmailKind.OTHER] >= _DECIDES:
        return decided(EmailKind.OTHER)
    # An offer or an invitation outweighs the polite regrets that often come with them.
    for kind in (EmailKind.OFFER, EmailKind.INTERVIEW):
        if scores[kind] >= _DECIDES and scores[kind] > scores[EmailKind.REJECTION]:
            return decided(kind)
    # Regrets about an event or a card are not a rejection: those need an application.
    if scores[EmailKind.REJECTION] >= _DECIDES and context:
        return decided(EmailKind.REJECTION)
    if scores[EmailKind.RECEIVED] >= _DECIDES:
        return decided(EmailKind.RECEIVED)
    if not context:
        return Classification(EmailKind.OTHER, ("nothing about an application",))
    weak = tuple(reason for kind in EmailKind for reason in reasons[kind])
    return Classification(EmailKind.OTHER, weak or ("no phrase that decides",))
