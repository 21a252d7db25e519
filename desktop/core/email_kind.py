"""What kind of email this is, with the reasons: a rejection, an interview invitation, an
offer, a "we received your application", or something else.

Rules a person can read, not a model. They weigh evidence by what it means rather than by
the exact words, in English, German, French and Spanish:

- a *refusal*: a negation a few words before a word of going ahead or choosing ("will not
  be moving forward", "has not progressed", "keine Stelle anbieten", "pas en mesure de
  vous proposer", "no has resultado seleccionada");
- *someone else* was chosen ("another candidate was a closer match", "für einen anderen
  Kandidaten entschieden", "optado por otro perfil");
- the application or the position was *closed* ("close your application", "the role has
  been filled", "anderweitig vergeben");
- a *regret* formula, which needs a decision or a plain refusal beside it to count.

Each piece of evidence is read in its sentence: a "no" in a conditional ("if you do not
select a slot"), one that waits ("not ... until you complete the test"), an instruction
("please do not reply"), words in quotation marks (a newsletter quoting a rejection) and a
reply's quoted history do not count for what they would otherwise say; an invitation in a
sentence that refuses is part of the refusal ("not invite you to an interview"), and one in
a talent-pool line ("future roles"), a wish or a thanks ("thank you for the take-home") is
about something else. Then look-alikes weigh against: an invitation or an assessment, an offer
or a start date, a confirmation of receipt, the user's own withdrawal, job alerts,
newsletters, declined payments, and an application for something other than a job (a flat,
a loan, a visa, named as such or by its people: a landlord, a lender, admissions). A
rejection also needs the context of a job: an applicant-tracking sender, a job word, a role
named, a company the user applied to, a hiring mailbox (jobs@), or words of meeting or
weighing a person ("your experience", "thanks for coming in"); "your application" alone
may be for a flat or a course. A role put on hold is a pause, not a no.

Every decision carries its reasons, in words the user sees: "'move forward with other
candidates' in the body; the sender is an applicant-tracking system (greenhouse)".

Cost: the caller hands in a bounded subject and the first paragraphs of the body; every
pattern starts at a word from a fixed list and allows only a bounded number of words
between its parts (possessive, so a word is never re-scanned), so each search is linear.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
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
        "applytojob",
        "myworkdayjobs",
        "pinpointhq",
        "comeet",
        "softgarden",
        "join",
        "dvinci",
        "onlyfy",
        "prescreen",
        "avature",
        "eightfold",
        "phenompeople",
        "beamery",
        "rippling",
        "paylocity",
        "ultipro",
        "zohorecruit",
        "manatal",
        "homerun",
        "flatchr",
        "talentsoft",
        "digitalrecruiters",
        "taleez",
        "csod",
        # assessment platforms, which write for the company too
        "codesignal",
        "hackerrank",
        "codility",
        "testgorilla",
    }
)

# Role nouns in the languages read: a role named says an email is about a job, and tells
# "Acme - Data Analyst" from "Data Analyst - Acme" in a subject.
ROLE_NOUN = re.compile(
    # Nouns that end compounds too: "Copywriter", "Teamleiter", "Softwareentwicklerin"
    r"\b\w*(?:engineer|developer|analyst|manager|designer|scientist|writer|researcher|planner|"
    r"controller|leiter|leitung|entwickler|berater|referent|ingenieur|techniker|kaufmann|kauffrau|"
    r"buchhalter|verkäufer|sachbearbeiter|mitarbeiter|planer)(?:in|innen)?\b|"
    r"\b(?:lead|intern|specialist|consultant|architect|director|officer|coordinator|"
    r"administrator|associate|assistant|representative|accountant|recruiter|editor|"
    r"technician|nurse|teacher|head|actuary|quant|programmer|operator|buyer|clerk|advisor|"
    r"adviser|auditor|chemist|economist|strategist|marketer|producer|secretary|"
    r"receptionist|cashier|dispatcher|electrician|mechanic|pharmacist|therapist|lawyer|"
    r"paralegal|attorney|librarian|translator|animator|photographer|illustrator|trainee|"
    r"apprentice|werkstudent(?:in)?|praktikant(?:in)?|fachkraft|"
    r"développeur|développeuse|ingénieur|chef|stagiaire|responsable|chargée?|"
    r"conseill(?:er|ère)|comptable|juriste|assistante|directeur|directrice|infirmi(?:er|ère)|"
    r"vendeur|vendeuse|libraire|graphiste|fleuriste|actuaire|alternant(?:e)?|"
    r"desarrollador(?:a)?|ingenier[oa]|analista|gerente|becari[oa]|coordinador(?:a)?|"
    r"científic[oa]|diseñador(?:a)?|técnic[oa]|enfermer[oa]|contable|recepcionista|"
    r"abogad[oa]|jef[ea]|dependient[ea]|camarer[oa]|cociner[oa]|administrativ[oa])\b",
    re.IGNORECASE,
)

# -- the concepts --------------------------------------------------------------------------


def _gap(words: int) -> str:
    """Up to `words` words between two parts of a phrase ("not *be moving* forward"), as few
    as will do, so that a reason quotes no more than it needs; never across a conjunction,
    where a new clause starts ("not actively looking, but would you consider...")."""
    return rf"(?:(?!{_CONJUNCTION}\b)[\w'’-]++[\s,:]+){{0,{words}}}?"


_CONJUNCTION = (
    r"(?:but|however|although|though|and|or|aber|jedoch|und|oder|sondern|mais|et|ou|pero|"
    r"sino)"
)


# A negation, but not the idioms that negate nothing ("don't hesitate", "not only", "can't
# wait") nor an instruction ("please do not select more than one slot"). "n't" is a word's
# ending, so it is matched with the word.
_NEGATION = (
    r"(?<!please )(?<!please do )(?<!bitte )"
    r"(?:not|never|no longer|unable to|cannot|\w+n['’]t|nicht|kein\w*|nie|ne|pas|jamais|"
    r"no|nunca|tampoco)(?![\w-])"
    r"(?![\s,]+(?:yet|only|just|hesitate|forget|wait|worry|miss|need|reply|respond|heard|"
    r"hear|received|dud\w*|nur|zögern)\b)"
)
# Going ahead with the candidate, or choosing them.
_GOING_AHEAD = (
    # English
    rf"(?:mov|go|tak|carr|proceed|progress|bring|push)\w*[\s,]+{_gap(3)}(?:forward|ahead|"
    r"further|(?:in)?to (?:the |an? )?(?:next|interview|final|assessment|shortlist))|"
    r"mov\w* on|proceed\w*|progress\w*|continu\w*|advanc\w*|"
    r"pursu\w*|consider\w*|select\w*|shortlist\w*|chos\w*|choose|(?:an? |the )offer|"
    r"offer\w* (?:you|the|this|a|an)(?!\w)|extend\w*|hire\w*|hiring|recruit\w*|retain\w*|"
    r"invit\w*|successful|positive|favou?r\w*|(?:a|the right|a good) (?:match|fit)|"
    # German
    r"weiter\w*|berücksichtig\w*|ausgewählt|auswahl|engere\w* wahl|betracht|anbieten|"
    r"angeboten|zusage\w*|zusagen|fortsetzen|fortführen|einlad\w*|einzuladen|erfolgreich|geklappt|klappen|"
    # French
    r"retenu\w*|retenir|suite|plus loin|abouti\w*|poursuiv\w*|propos\w*|sélectionn\w*|"
    r"avanc\w*|convi\w*|correspond\w*|"
    # Spanish
    r"seleccion\w*|avanz\w*|seguir|sigu\w*|adelante|contar con\w*|ofrec\w*|elegid\w*|"
    r"prosper\w*|encaj\w*|ajust\w*|superad[oa]|pasad[oa]|pasar a la siguiente"
)
# Someone other than the user.
_SOMEONE_ELSE = (
    r"für (?:jemand\w*|(?:einen?|eine) (?:anderen? )?(?:kandidat|bewerber|person)\w*)|"
    # someone from inside
    r"(?:someone|somebody) internal|internal (?:candidate|applicant|hire)s?|internally|"
    r"intern besetzt|interne[nr]? (?:kandidat|bewerber)\w*|en interne|candidat interne|"
    r"internamente|candidat[oa] intern[oa]|"
    r"(?:another|other|different|alternative|stronger|more (?:suitable|qualified|"
    r"experienced)) (?:candidate|applicant|profile|person|finalist|people)s?|"
    r"(?:someone|somebody) else|jemand(?:en)? ander\w*|quelqu['’]un d['’]autre|alguien más|"
    r"(?:anderen?|andere[rs]?) (?:kandidat|bewerber|person|profil)\w*|anderweitig\w*|"
    r"(?:autres?|un autre|une autre|d['’]autres) (?:candidat|profil|personne)\w*|"
    r"otr[oa]s? (?:candidat|perfil|persona)\w*|"
    r"(?:another|other) applications?|(?:une|un) (?:autre )?(?:candidature|profil) "
    r"(?:correspond\w*|plus|mieux|qui)|"
    # a direction other than the user
    r"(?:a |another |other |different )(?:direction|way|route)|andere richtung|"
    r"autre direction|otra dirección|"
    # someone described: "applicants whose experience", "un candidat dont le profil"
    r"(?:candidat|applicant|person|people|profil|perfil|kandidat|bewerber|someone|somebody|"
    r"alguien|quelqu['’]un|jemand)\w* (?:whose|who|with|more|cuy[oa]|con|más|dont|avec|"
    r"de plus|plus|deren|dessen|der|die|mit|que|qui)(?!\w)"
    r"(?! (?:your|you|votre|vos|tu|tus|ihr\w*|dein\w*)\b)"
)
_CHOSE = (
    r"decid\w*|focus\w*|opt\w*|settled|decant\w*|orient\w*|inclin\w*|chose|chosen|"
    r"choos\w*|select\w*|proceed\w*|mov\w*|go\w*|went|hire\w*|offer\w*|pick\w*|closer|"
    r"better|stronger|more closely|match\w*|suited|align\w*|"
    r"entschieden|entscheid\w*|entschlossen|besetz\w*|vergeb\w*|"
    r"choisi\w*|retenu\w*|sélectionn\w*|privilégi\w*|opté|(?:part|partons|partir|parti)"
    r"(?= (?:\w+ )?sur)|"
    r"seleccion\w*|optado|decidido|elegid\w*|escogid\w*|contratad\w*|continuar|avanzar|"
    r"cubiert\w*|ocupad\w*|"
    r"ajusta\w*"
)
# What a refusal refuses is the candidate, not a meeting: "we can't proceed with the
# interview on Tuesday" moves a date ("...with the interview stage" still refuses).
_NOT_AN_EVENT = (
    r"(?![\s,]+(?:with |to )?(?:the|our|your|this|that)\s+(?:interview|call|meeting|"
    r"appointment|session|slot|termin|entretien|rendez-vous|entrevista|cita)s?"
    r"(?!\w|\s+(?:stage|round|process|phase)))"
)
_POSITION = r"(?:position|role|job|vacancy|opening|post|stelle|poste|puesto|vacante|plaza)"

# (kind, weight, what it means, pattern). One meaning counts once, with the weight of the
# strongest of its patterns that match. A weight of 3 decides on its own; less only adds up.
_CUES: tuple[tuple[EmailKind, int, str, str], ...] = (
    # -- a rejection
    (
        EmailKind.REJECTION,
        3,
        "refusal",
        rf"{_NEGATION}[\s,]+{_gap(5)}(?:{_GOING_AHEAD}){_NOT_AN_EVENT}",
    ),
    (EmailKind.REJECTION, 3, "someone else", rf"(?:{_CHOSE})[\s,]+{_gap(5)}(?:{_SOMEONE_ELSE})"),
    (EmailKind.REJECTION, 3, "someone else", rf"(?:{_SOMEONE_ELSE})[\s,]+{_gap(3)}(?:{_CHOSE})"),
    (EmailKind.REJECTION, 2, "someone else", _SOMEONE_ELSE),
    (
        EmailKind.REJECTION,
        3,
        "closed",
        rf"(?:clos|clôtur|archiv|cerr|ferm|schließ)\w* {_gap(4)}(?:application|candidac|candidatur|"
        r"bewerbung|process|proceso|processus|verfahren)\w*|"
        rf"{_POSITION} {_gap(4)}(?:filled|closed|cancell?ed|withdrawn|no longer "
        r"(?:open|available)|besetzt|vergeben|storniert|gestrichen|pourvue?|annulée?|"
        r"cubiert[oa]|cerrad[oa]|cancelad[oa])|"
        rf"(?:filled|closed) (?:it|(?:the|this|that|our) {_gap(2)}(?:{_POSITION}|recruitment|"
        r"process|search))|"
        r"n['’]est plus (?:disponible|ouvert)|"
        # the place taken, verb first: "hemos cubierto la vacante", "we've filled the role"
        rf"(?:filled|cubierto|ocupado|pourvu|besetzt) (?:(?:la|el|le|the|die|das) )?{_POSITION}|"
        rf"(?:hired|filled) {_gap(5)}already|already (?:hired|filled)|bereits (?:besetzt|"
        r"vergeben)|déjà pourvu|ya (?:hemos )?(?:contratado|cubierto)",
    ),
    # A role put on hold may come back: it says no only beside a refusal.
    (
        EmailKind.REJECTION,
        1,
        "paused",
        rf"{_POSITION} {_gap(4)}on hold|(?:put|placed) on hold|auf eis gelegt|"
        r"(?:est|a été) suspendu\w*|en suspens|(?:está|ha sido|queda) suspendid[oa]|en pausa",
    ),
    (
        EmailKind.REJECTION,
        3,
        "declined",
        rf"(?:declin|reject|turn|descart|écart|ablehn|verwerf)\w* {_gap(3)}(?:application|"
        r"candidac|candidatur|bewerbung|solicitud)\w*|"
        r"(?:application|candidacy|candidature|bewerbung|candidatura|solicitud|status) "
        rf"{_gap(6)}(?:declined|rejected|turned down|abgelehnt|refusée?|rejetée?|écartée?|"
        r"descartad[oa]|verworfen|rechazad[oa]|desestimad[oa])|"
        r"refus de (?:votre|ta) candidature|rechazo de (?:tu|su) candidatura|"
        # "(wir müssen) Ihnen absagen", not "Ihren Termin absagen"
        rf"(?:ihnen|dir|euch) {_gap(2)}absagen|abgelehnt|"
        r"pass on (?:you|your)|(?:going to|decided to|\w+['’]ll|will|have to|gonna) pass"
        r"(?! (?:on |along )?(?:to|the|your|it|this(?! time))\b)",
    ),
    (
        EmailKind.REJECTION,
        3,
        "unsuccessful",
        rf"unsuccessful|erfolglos|absage|sans suite|sin éxito|pass\w* {_gap(3)}nicht|"
        r"anders entschieden|decided otherwise|(?:en )?(?:avons|a) décidé autrement|"
        r"(?:it['’]s|is|was) a (?:no|pass)(?![\w-]| reply)|"
        rf"decided against|gegen {_gap(3)}entschieden|gegen (?:ihre|deine|sie|dich)(?!\w)",
    ),
    (
        EmailKind.REJECTION,
        2,
        "regret",
        r"regret to (?:inform|tell|let|say)|(?:sorry|sad) to (?:say|tell|inform|let)|"
        r"i['’]?m afraid|we are afraid|regretfully|regrettably|sadly|"
        rf"(?:müssen|möchten) wir ihnen {_gap(1)}mitteilen|bedauer\w*|"
        r"(?:avons|sommes) (?:au|le) regret|au regret|regrett\w*|désolée?s?|"
        r"lamenta\w* (?:informar|comunicar)\w*|sentimos (?:informar|comunicar)\w*|"
        r"lamentamos",
    ),
    (
        EmailKind.REJECTION,
        1,
        "regret",
        r"unfortunately|we regret|leider|malheureusement|lamentablemente|desafortunadamente|"
        r"por desgracia",
    ),
    (
        EmailKind.REJECTION,
        1,
        "decision",
        r"decision|outcome|decided|entscheidung|entschieden|décision|décidé|decisión|"
        r"decidido|resultado",
    ),
    # -- an interview, or another step in the process
    (
        EmailKind.INTERVIEW,
        3,
        "invitation",
        rf"invit\w* {_gap(4)}(?:interview|call|chat|conversation|meeting|assessment|next|"
        r"entretien|entrevista|gespräch)|"
        rf"interview {_gap(2)}(?:invitation|confirmed|scheduled|booked|arranged)|"
        rf"(?:schedule|book|arrange|set up) {_gap(3)}(?:interview|call|chat|meeting|time)|"
        rf"availability|(?:pick|choose|select|book) (?:a|your|another) {_gap(2)}"
        r"(?:slot|time)|take-home|(?:coding|technical|programming)[\s-]?(?:challenge|exercise|"
        r"test|task|aufgabe)|probearbeit|fallstudie|testaufgabe|cas pratique|"
        rf"case study|(?:complete|take) {_gap(3)}(?:assessment|test|challenge|exercise|task)|"
        r"assessment (?:centre|center|day)|"
        # a meeting moved, a time proposed
        r"(?:mov|shift|push|postpon|reschedul|décal|report|verschieb|verleg|cambi|aplaz|"
        rf"retras)\w* {_gap(2)}(?:interview|call|meeting|appointment|slot|termin|gespräch|"
        r"entretien|rendez-vous|entrevista|cita|reunión)|"
        r"(?:monday|tuesday|wednesday|thursday|friday|montag|dienstag|mittwoch|donnerstag|"
        r"freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)"
        r"(?: at| um| à| a las)? \d{1,2}(?:[:.h]\d{2}|h| ?[ap]m| uhr)|"
        r"(?:are|would|will) you (?:be )?(?:available|free)|disponible|hätten sie zeit|"
        r"zeit hätten|"
        # the last steps before an offer
        r"referees?|references? (?:check|stage)|background check|final (?:step|stage|round|"
        r"conversation|interview|chat)|calendar (?:invite|invitation)|kalendereinladung|"
        r"referenzen|références|referencias|"
        r"(?:like|love|keen|happy|want|invite)(?: you)? to (?:meet|talk|speak|chat)|"
        r"video (?:interview|call)|phone screen|"
        r"reschedul\w*|confirm your attendance|(?:you are|you['’]re) invited|"
        # German
        r"einladung|einlad\w*|einzuladen|vorstellungsgespräch|kennenlernen|termine?(?!\w)|"
        r"terminverschiebung|terminvorschl\w*|"
        r"zweite\w* runde|verschieben|verfügbarkeit|"
        # French
        r"convocation|convier|disponibilités|rendez-vous|test technique|"
        # an assessment, the step after the application
        r"(?:online-?)?eignungstest|einstufungstest|online[- ](?:test|assessment)|test en ligne|"
        r"test de mise en situation|passe à l['’]étape suivante|prueba (?:online|en línea)|"
        r"pasas? a la siguiente fase|"
        # Spanish
        r"invitarte|invitarle|disponibilidad|prueba técnica|(?:te|le) viene bien|"
        # to meet, not "it was lovely to meet you"
        r"(?:gustaría|queremos|quisiéramos|encantaría) conocer(?:te|le)|"
        r"(?:aimerions|souhaitons|souhaiterions|voudrions) vous rencontrer",
    ),
    (
        EmailKind.INTERVIEW,
        1,
        "interview",
        r"interview|entretien|entrevista|gespräch|slot|next (?:round|stage|step)s?|"
        r"prochaine étape|siguiente (?:fase|paso|etapa)|nächste\w* (?:runde|schritte?)",
    ),
    # -- an offer
    (
        EmailKind.OFFER,
        3,
        "offer",
        r"(?:pleased|happy|delighted|glad|thrilled|excited|complace|encanta|plaisir|ravis|"
        rf"heureux|freuen) {_gap(4)}(?:offer|ofrecer\w*|anbieten|angebot|proposer)|"
        r"offer (?:letter|of employment)|job offer|formal offer|"
        r"(?:love|like|want) (?:for )?you to join|accepted (?:our|the) offer|"
        r"(?:want|love|like) you (?:as|on) (?:our|the) (?:first |new )?(?:\w+ )?(?:hire|team)|"
        r"offer details|carta oferta|lettre d['’](?:offre|embauche)|"
        r"welcome (?:aboard|to the team)|your first day|start date|"
        r"send (?:you )?the contract|employment contract|arbeitsvertrag|vertragsangebot|"
        r"ein angebot|contrat de travail|promesse d['’]embauche|vous proposer le poste|"
        r"contrato|oferta (?:de trabajo|formal|laboral)|(?:ofrecerte|ofrecerle) el puesto",
    ),
    (EmailKind.OFFER, 2, "offer", r"offer|oferta|angebot"),
    # -- a confirmation of receipt
    (
        EmailKind.RECEIVED,
        3,
        "received",
        r"received your application|(?:application|candidature|bewerbung|solicitud) "
        r"(?:has been|was|is|ist) (?:received|eingegangen)|we(?:['’]ve| have) received|"
        r"(?:got|have) your (?:application|cv|resume|reel|portfolio)|will review|"
        r"(?:we|our team) will (?:be in touch|get back)|we['’]ll get back|"
        r"eingang ihrer (?:bewerbung|unterlagen)|bestätigen (?:wir )?den eingang|"
        r"bewerbung (?:ist )?(?:bei uns )?eingegangen|(?:wir )?melden uns|"
        r"confirm(?:ing)? (?:the )?receipt|acknowledge receipt|confirmons la réception|"
        r"confirmamos la recepción|"
        r"(?:bewerbung|unterlagen) erhalten(?! sie)|eingangsbestätigung|empfangsbestätigung|"
        r"bien reçu|"
        r"accusé de réception|accusons réception|confirmation de (?:votre |ta )?candidature|"
        r"confirmación de (?:tu |su )?(?:solicitud|candidatura)|"
        r"hemos recibido|(?:registrad[oa]|recibid[oa]|registered|submitted) "
        r"(?:correctamente|successfully)|successfully (?:submitted|registered)",
    ),
    # -- something else
    (
        EmailKind.OTHER,
        3,
        "the user's withdrawal",
        rf"(?:you|you['’]ve|you have|i|i['’]ve|i have|i['’]d|i would|i am|i['’]m) {_gap(2)}"
        r"(?:withdr[ae]w|declin|turn\w* down)\w*|withdr\w+ (?:my|your) (?:application|candidacy)|"
        rf"(?:ich|je|j['’]ai) {_gap(3)}(?:absagen|ablehnen|zurückziehen|abzusagen|abzulehnen|"
        rf"décliner|retire\w*|refuse\w*)|he decidido {_gap(2)}(?:rechazar|declinar|retirar)|"
        r"withdrawal of your|bewerbung zurückgezogen|(?:sie haben|ich habe) "
        rf"{_gap(3)}zurückgezogen|retiré votre candidature|retirado tu candidatura|"
        r"(?:has|he) retirado",
    ),
    (
        EmailKind.OTHER,
        3,
        "no decision yet",
        r"still (?:under review|being reviewed|reviewing|considering|in progress)|"
        r"still (?:very much |firmly |definitely )?(?:in|part of) (?:the|our) (?:process|running)|"
        r"(?:noch|weiterhin) im (?:rennen|verfahren|prozess)|toujours en lice|"
        r"(?:remain|stay)s? (?:very much )?(?:in|part of) (?:the|our) (?:process|running)|"
        r"sigues (?:en|dentro del) (?:el )?proceso|"
        r"(?:not yet|haven['’]t|have not) (?:made|reached) (?:a|our) (?:final )?decision|"
        r"(?:noch|weiterhin) in (?:prüfung|bearbeitung)|toujours en cours d['’]examen|"
        r"sigue en (?:revisión|proceso)",
    ),
    (
        EmailKind.OTHER,
        3,
        "a reference for someone else",
        r"you as (?:a |an |their |his |her )?(?:referee|reference)|(?:sie|dich) als referenz|"
        r"vous comme référence|te como referencia",
    ),
    (
        EmailKind.OTHER,
        3,
        "a job alert",
        r"job alerts?|jobs? (?:you may|you might|for you|matching|near you|that match)|"
        r"recommended (?:jobs|roles)|new jobs|\d+ new (?:[\w-]+ ){0,2}(?:jobs|roles|"
        r"positions|openings)|(?:companies|they) are hiring|stellenangebote|jobs für sie|"
        r"offres d['’]emploi|ofertas de empleo|empleos para ti",
    ),
    (
        EmailKind.OTHER,
        3,
        "a declined payment",
        rf"(?:card|payment|transaction|charge) {_gap(2)}declined",
    ),
    (
        EmailKind.OTHER,
        2,
        "advice",
        r"how to|tips|webinar|our guide|read (?:our|more)|ways to|newsletter",
    ),
)
_COMPILED = tuple(
    (kind, weight, meaning, re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE))
    for kind, weight, meaning, pattern in _CUES
)
_DECIDES = 3

# Where a sentence turns conditional, a "no" after it refuses nothing: "if you do not pick a
# slot", "should you not hear from us, your application was unsuccessful", "si no puedes
# continuar".
_CONDITIONAL = re.compile(
    r"(?<!\w)(?:if|unless|whether|should (?:you|we|there)|otherwise|in case|wenn|falls|sofern|"
    r"sollten sie|sonst|si|sinon|au cas|en caso)(?!\w)",
    re.IGNORECASE,
)
# ...and a "no" that waits for something refuses nothing either: "we can't proceed until
# you complete the assessment", "we haven't selected a date yet".
_PENDING = re.compile(
    r"(?<!\w)(?:until|unless|without|yet|bis|solange|jusqu|tant que|hasta que|todavía|"
    r"pas encore|noch nicht)(?!\w)",
    re.IGNORECASE,
)
_VOID_IF_CONDITIONAL = frozenset(
    {"refusal", "someone else", "closed", "declined", "unsuccessful", "the user's withdrawal"}
)
# A plain no: an invitation or an offer in its sentence is what is refused ("we went with
# another candidate after the final round").
_REFUSALS = frozenset({"refusal", "someone else", "closed", "declined", "unsuccessful"})
# A talent-pool line: an invitation or a promise in it is about some other job.
_FUTURE = re.compile(
    r"(?<!\w)(?:future|talent (?:pool|community|network)|on file|keep in touch|luck|wish|"
    r"erfolg|alles gute|bonne chance|suerte|éxito|"
    r"other (?:roles|openings|opportunities|positions|vacancies)|zukünftig\w*|künftig\w*|"
    r"talentpool|vivier|futur\w*|bolsa de (?:talento|empleo)|próxim[oa]s)",
    re.IGNORECASE,
)
# Thanks are for what is done: an interview a sentence thanks for is behind the user; and a
# call offered to talk about feedback is no interview.
_THANKS = re.compile(
    r"(?<!\w)(?:thank|thanks|appreciat\w*|danke|vielen dank|merci|gracias|agradec\w*|"
    r"feedback|rückmeldung|retour|comentarios)(?!\w)",
    re.I,
)
# Quoted words are someone's words, not the sender's: a newsletter quoting a rejection. An
# apostrophe inside a word ("won't") does not end a single-quoted span.
_QUOTED = re.compile(
    r"“[^“”]{1,300}”|\"[^\"]{1,300}\"|«[^«»]{1,300}»|„[^„“”]{1,300}[“”]|"
    r"(?<!\w)'(?:[^']|'(?=\w)){1,300}'(?!\w)"
)
# Where a reply's quoted history starts, and a quoted line.
# (A forwarded message is not history: a rejection the user forwards is what they drop.)
_HISTORY = re.compile(
    r"^(?:on|am|le|el) [^\n]{0,200}(?:wrote|schrieb|a écrit|escribió):?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*\n?", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n\s*\n")
# Mail sent to a list; an applicant-tracking system's footer may have these words too.
_BULK = re.compile(r"(?<!\w)(?:unsubscribe|newsletter|abmelden|se désinscrire|darse de baja)", re.I)

# -- the context of a job ------------------------------------------------------------------

# Words that only a job application uses.
_JOB_WORDS = re.compile(
    r"(?<!\w)(?:position|role|job|vacancy|opening|interview\w*|hiring|recruit\w*|"
    r"candidate\w*|candidacy|career\w*|kandidat\w*|bewerber\w*|candidat(?:e|es|s|[oa]s?)?|cv|"
    r"resume|résumé|finalists?|hiring manager|"
    r"bewerbung\w*|stelle|vorstellungsgespräch|gespräch|personalabteilung|poste|"
    r"entretien|recrutement|puesto|posición|vacante|selección|entrevista|"
    r"empleo|graduate (?:scheme|programme|program)|traineeship)(?!\w)",
    re.IGNORECASE,
)
# Words of meeting or weighing a person for work, which a flat's or a course's "your
# application" seldom has: with a refusal, they make it a job's.
_WORK_WORDS = re.compile(
    r"(?<!\w)(?:experience|background|skills|qualifications|profile|portfolio|your time|"
    r"(?:meeting|speaking|talking) (?:with )?you|conversation|(?:our|the) team|"
    r"(?:coming|came|stopping|dropping) (?:in|by)|interest in joining|join (?:us|our team)|"
    r"erfahrung\w*|qualifikation\w*|kenntnisse|profil|austausch|kennenlernen|"
    r"expérience|compétences|échange|parcours|experiencia|perfil|trayectoria|conversación|"
    r"charla|tu tiempo|su tiempo|our (?:company|organi[sz]ation|firm)|(?:notre|votre) "
    r"(?:société|entreprise|structure|cabinet)|nuestra empresa|unser\w* (?:unternehmen|firma)|"
    r"(?:work|working) (?:for|with) us|travailler (?:avec|chez) nous|trabajar con nosotros)"
    r"(?!\w)",
    re.IGNORECASE,
)
# The mailbox or the name of a hiring team: jobs@, careers@, "Acme Recruiting", rrhh@.
_HIRING_MAILBOX = re.compile(
    r"(?<![a-z])(?:jobs?|careers?|recruit\w*|talent\w*|hiring|hr|people|karriere|personal\w*|"
    r"bewerbung\w*|recrutement|rh|drh|emploi|empleo|rrhh|seleccion|talento|candidat\w*)"
    r"(?![a-z])",
    re.IGNORECASE,
)
# Words of applying, which a flat or a loan also has.
_APPLYING = re.compile(
    r"(?<!\w)(?:application|applied|applying|solicitud|candidature|candidatura|postula\w*)(?!\w)",
    re.I,
)
# French and Spanish say "candidature", "candidatura" mostly of a job, but of a course too:
# a job's context, which "votre candidature à la formation" outweighs.
_CANDIDACY = re.compile(r"(?<!\w)(?:candidature|candidatura|postulación)(?!\w)", re.I)
# An application for something other than a job: "application for flat 3B", "your loan
# application", "demande de prêt". Within one line: a subject and a body are apart.
_NOT_A_JOB_THING = (
    r"(?:flat|apartment|room|rental|tenancy|lease|house|visa|passport|permit|loan|mortgage|"
    r"credit|card|account|grant|funding|scholarship|bursary|course|membership|insurance|"
    r"refund|claim|wohnung|kredit|visum|zimmer|logement|appartement|prêt|crédit|carte|piso|"
    r"préstamo|beca|crédito|tarjeta|vivienda|alquiler|msc|mba|bsc|ma|phd|degree|programme|"
    r"program|admission|university|studium|studienplatz|master|rent|talk|proposal|submission|"
    r"paper|abstract|speaker|bootcamp|cohort|ticket|adoption|club|housing|accommodation|"
    r"residence|dorm|wohnheim\w*|formation|cours|curso|kurs|weiterbildung)"
)
_NOT_A_JOB = re.compile(
    r"(?<!\w)(?:(?:application|applying|applied|apply|antrag|demande|solicitud|candidature|"
    r"candidatura)[^\S\n]+"
    r"(?:(?:for|to|für|auf|de|pour|para|à|au|a|al)[^\S\n]+)?"
    r"(?:(?:a|an|the|your|my|la|le|el|un|une|die|das|der|ein\w*)[^\S\n]+)?"
    rf"(?:[\w'’-]++[^\S\n]+){{0,2}}?{_NOT_A_JOB_THING}|"
    rf"{_NOT_A_JOB_THING}[-\t ]+(?:application|antrag))(?!\w)|"
    # ...or the people and steps of renting, borrowing or studying, wherever they are named
    r"(?<!\w)(?:landlord|tenan(?:t|cy|ts)|viewings?|lettings?|letting agent|mortgage|lender|"
    r"tuition|enrol(?:l?ment|led)?|admissions?|(?<!of )course|intake|waiting list|"
    r"vermieter\w*|mieter\w*|mietinteress\w*|besichtigung|wohnung|studienplatz|kita|"
    r"propriétaire|locataire|logement|prêt|inscription|arrendador|inquilin\w*|alquiler|"
    r"préstamo|hipoteca|matrícula)(?!\w)",
    re.IGNORECASE,
)

_SECOND_LEVEL = frozenset(
    {"co", "com", "org", "net", "ac", "gov", "ltd", "plc", "sch", "edu", "gob", "gouv", "nhs"}
)


def domain_labels(address: str) -> list[str]:
    """The domain's labels without its top level: ["mail", "acme"] for
    dana@mail.acme.co.uk."""
    domain = address.rpartition("@")[2].lower().strip(".")
    labels = [label for label in domain.split(".") if label]
    if len(labels) < 2:
        return []
    labels.pop()  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()  # co.uk, com.au
    return labels


def domain_label(address: str) -> str:
    """The label that names the organisation: "acme" in dana@mail.acme.co.uk."""
    labels = domain_labels(address)
    return labels[-1] if labels else ""


def ats_name(address: str) -> str:
    """The applicant-tracking system that sent from `address`, or "": "teamtailor" for
    no-reply@acme.teamtailor-mail.com, "greenhouse" for no-reply@us.greenhouse-mail.io."""
    for label in reversed(domain_labels(address)):
        name = label.removesuffix("mail").removesuffix("-")
        if name in ATS_DOMAINS:
            return name
        if label in ATS_DOMAINS:
            return label
    return ""


def is_ats(address: str) -> bool:
    return bool(ats_name(address))


@dataclass(frozen=True, slots=True)
class _Evidence:
    kind: EmailKind
    weight: int
    meaning: str
    reason: str


def own_words(body: str) -> str:
    """The body without the history a reply quotes: what the user or someone else wrote
    before ("> ..." lines, and all after "On Monday, Sam wrote:") is not this email's say."""
    history = _HISTORY.search(body)
    return _QUOTED_LINE.sub("", body[: history.start()] if history else body)


def _sentences(text: str) -> Iterator[str]:
    """The sentences of `text`, each on one line (a phrase may be wrapped across lines)."""
    for sentence in _SENTENCE_END.split(_QUOTED.sub(" ", text)):
        if one_line := " ".join(sentence.split()):
            yield one_line


_Cue = tuple[EmailKind, int, str, re.Pattern[str]]


def _evidence_in(sentence: str, where: str, cues: list[_Cue]) -> Iterator[_Evidence]:
    found: list[tuple[EmailKind, int, str, re.Match[str]]] = []
    for kind, weight, meaning, pattern in cues:
        match = pattern.search(sentence)
        if match is None:
            continue
        if meaning in _VOID_IF_CONDITIONAL and (
            _CONDITIONAL.search(sentence, 0, match.start()) or sentence.endswith("?")
        ):
            continue  # "if you do not hear from us..."; a question: "Not a fit? No worries!"
        if meaning == "refusal" and _PENDING.search(sentence, match.end()):
            continue
        found.append((kind, weight, meaning, match))
    refuses = any(meaning in _REFUSALS and weight >= _DECIDES for _, weight, meaning, _ in found)
    later = _FUTURE.search(sentence) is not None
    thanks = _THANKS.search(sentence) is not None
    for kind, weight, meaning, match in found:
        if kind in (EmailKind.INTERVIEW, EmailKind.OFFER, EmailKind.RECEIVED) and (
            refuses or later
        ):
            continue  # "not invite you to interview"; "we'll be in touch about future roles"
        if kind is EmailKind.INTERVIEW and thanks:
            continue  # "thank you for the take-home"; "happy to talk through feedback"
        yield _Evidence(kind, weight, meaning, f"'{match[0].lower()}' in the {where}")


def _weigh(subject: str, body: str) -> tuple[dict[EmailKind, int], dict[EmailKind, list[str]]]:
    """Each kind's score and its reasons. One meaning counts once, where it weighs most: the
    subject counts double."""
    best: dict[tuple[EmailKind, str], tuple[int, _Evidence]] = {}
    for where, text, factor in (("subject", subject, 2), ("body", body, 1)):
        # Most cues are nowhere in an email: one pass over the whole text rules them out
        # before each sentence is read.
        flat = " ".join(text.split())
        cues = [cue for cue in _COMPILED if cue[3].search(flat)]
        for sentence in _sentences(text) if cues else ():
            for evidence in _evidence_in(sentence, where, cues):
                key = (evidence.kind, evidence.meaning)
                score = evidence.weight * factor
                if key not in best or score > best[key][0]:
                    best[key] = (score, evidence)
    scores = dict.fromkeys(EmailKind, 0)
    reasons: dict[EmailKind, list[str]] = {kind: [] for kind in EmailKind}
    for score, evidence in best.values():
        scores[evidence.kind] += score
        reasons[evidence.kind].append(evidence.reason)
    return scores, reasons


def _decide(
    scores: dict[EmailKind, int], *, about_an_application: bool, about_a_job: bool
) -> EmailKind | None:
    """The kind the scores decide, or None when nothing does."""
    if scores[EmailKind.OTHER] >= _DECIDES:
        return EmailKind.OTHER
    # An offer or an invitation outweighs the polite regrets that often come with them, and
    # wins a tie: a false "said no" notification is worse than a missed one.
    for kind in (EmailKind.OFFER, EmailKind.INTERVIEW):
        if scores[kind] >= max(_DECIDES, scores[EmailKind.REJECTION]):
            return kind
    if not about_an_application:
        return None  # regrets about an event or a card are not a rejection
    for kind in (EmailKind.REJECTION, EmailKind.RECEIVED, EmailKind.OFFER, EmailKind.INTERVIEW):
        if scores[kind] >= _DECIDES and (about_a_job or kind is not EmailKind.REJECTION):
            return kind
    return None


def classify(
    *,
    sender_email: str,
    subject: str,
    body: str,
    bulk: bool = False,
    applied_to: bool = False,
    sender_name: str = "",
) -> Classification:
    """The kind of an email, from its sender, subject and first paragraphs (`body`).

    `body` keeps its line breaks: a blank line ends a sentence, a single one does not.
    `bulk` is true when the message says it went to a list (List-Unsubscribe, Precedence).
    `applied_to` is true when the email names a company the user applied to: it is then
    about a job, as with an applicant-tracking sender; it decides no kind by itself.
    """
    body = own_words(body)
    scores, reasons = _weigh(subject, body)
    ats = is_ats(sender_email)
    # A list's headers decide; an unsubscribe link alone may be a company's mail tool.
    if not ats and bulk:
        scores[EmailKind.OTHER] += _DECIDES
        reasons[EmailKind.OTHER].append("sent to a mailing list")
    elif not ats and (unsubscribe := _BULK.search(body)):
        scores[EmailKind.OTHER] += _DECIDES - 1
        reasons[EmailKind.OTHER].append(f"'{unsubscribe[0].lower()}' in the body")
    whole = f"{subject}\n{body}"
    # A job word, an applicant-tracking sender or a role in the subject say it is a job. A
    # company the user applied to, a title in the body (anyone's: "your advisor"), words of
    # weighing a person ("your experience") and a mailbox named jobs@ say so too, but do not
    # outweigh "your loan application": the bank the user applied to a job at also lends
    # money.
    surely_a_job = ats or bool(_JOB_WORDS.search(whole) or ROLE_NOUN.search(subject))
    about_a_job = (
        surely_a_job
        or applied_to
        or bool(ROLE_NOUN.search(body) or _WORK_WORDS.search(whole) or _CANDIDACY.search(whole))
        or _HIRING_MAILBOX.search(f"{sender_email.partition('@')[0]} {sender_name}") is not None
    )
    not_a_job = None if surely_a_job else _NOT_A_JOB.search(whole)
    if not_a_job is not None and scores[EmailKind.OTHER] < _DECIDES:
        return Classification(
            EmailKind.OTHER,
            (f"an application for something other than a job ('{not_a_job[0].lower()}')",),
        )
    about_an_application = about_a_job or _APPLYING.search(whole) is not None
    kind = _decide(scores, about_an_application=about_an_application, about_a_job=about_a_job)
    if kind is not None:
        about_sender = (
            (f"the sender is an applicant-tracking system ({ats_name(sender_email)})",)
            if ats
            else ()
        )
        return Classification(kind, (*reasons[kind], *about_sender))
    if not about_an_application:
        return Classification(EmailKind.OTHER, ("nothing about an application",))
    weak = tuple(reason for kind in EmailKind for reason in reasons[kind])
    return Classification(EmailKind.OTHER, weak or ("no phrase that decides",))
