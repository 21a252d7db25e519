"""Reading a rejection email the user dropped (.eml) or pasted (text), to prefill the log.

Every field is a best guess the user confirms; a wrong guess costs a correction, a missing
one a few keystrokes. So the heuristics prefer saying nothing over saying something odd: a
role is only taken from a recognisable phrase, and a company from, in order of trust, a
company the user applied to that the email names (core.applied_to), the Organization
header, the sender's display name ("Acme Careers"; a department's "Ville de Rochebrune –
DRH" gives the town), the signature, a phrase in the text ("your interest in Acme") and,
last, the sender's domain. Words of the process are no company ("Vacancy", "résultat").

Emails come from strangers, so reading one costs time linear in its size and bounded memory,
whatever it holds. Three rules keep it so:

- The standard library reads only the MIME structure, under the `compat32` policy with the
  header values left as strings (`_BoundedHeaders`). The `default` policy parses structured
  headers as they are read, and that parser is quadratic on some values (a Subject of "(",
  a long display name) and memory-hungry on repeated encoded words; `email.utils.parseaddr`
  recurses once per "(". This module decodes the few headers it reads itself, from values
  whose length is capped, and never calls either.
- Explicit caps, each with a message when it is hit: the size of the whole input, the length
  of each header read, the number of encoded words in one, the number of MIME containers
  (which bounds the nesting depth; the parser recurses once per level) and of MIME parts.
- The heuristics read a bounded window: the first `MAX_BODY_CHARS` of the body text, a
  Subject of at most `MAX_SUBJECT_CHARS`, a display name of at most `MAX_NAME_CHARS`; and
  every pattern that runs over the body is written so that it cannot backtrack across it.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from email import message_from_bytes, message_from_string
from email.message import Message
from email.policy import Compat32
from email.utils import parsedate_to_datetime

from desktop.core.applied_to import SUBJECT, AppliedMatch, AppliedTo, without_legal_form
from desktop.core.email_kind import (
    ATS_DOMAINS,
    ROLE_NOUN,
    EmailKind,
    ats_name,
    classify,
    domain_label,
    domain_labels,
    is_ats,
    own_words,
)
from desktop.core.errors import InvalidInput

MAX_EMAIL_BYTES = 5_000_000
# Real headers are far shorter: RFC 5322 asks for lines under 78 characters, and a long
# Subject in another script, encoded, stays under a kilobyte.
MAX_HEADER_CHARS = 2_000
MAX_ENCODED_WORDS = 64
# Every level of nesting is a multipart or message/* container; real mail has two or three.
MAX_MIME_CONTAINERS = 32
MAX_MIME_PARTS = 1_000
# A rejection says what it has to say at the top; what follows is quoted history and footers.
MAX_BODY_CHARS = 20_000
MAX_SUBJECT_CHARS = 250
MAX_NAME_CHARS = 200
# What the classifier reads of the body: a rejection says it in the first paragraphs.
FIRST_PARAGRAPHS_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    """What the email tells, "" or None where it doesn't.

    `sender_name` is a person's name, or "" when the sender is a team or a mailbox
    ("Acme Careers"); `no_reply` says the address won't reach anyone, so the request editor
    should not offer it as the recipient.
    """

    sender_name: str
    sender_email: str
    company: str
    role: str
    received_at: datetime | None
    subject: str = ""
    no_reply: bool = False
    kind: EmailKind = EmailKind.OTHER
    # Why AskWhy read it so: the kind's evidence, then where the company came from.
    reasons: tuple[str, ...] = ()
    # The company of the user's applications the email names, as they typed it; "" if none.
    applied_to: str = ""


# -- small text helpers --------------------------------------------------------------------

_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,40}:")
_PASTED_FIELD = re.compile(
    r"^\s*(?P<key>from|von|de|subject|betreff|objet|date|sent|gesendet|envoyé)\s*:\s*(?P<value>.+?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# The lookbehind starts a match only where a run of address characters starts, so a long run
# without "@" is scanned once, not once per character.
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
)
_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|aw|wg|sv|tr|vs|antw|r)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE
)
# No bracket inside, so a scan from one "(" stops at the next: "((((" costs one pass.
_BRACKETED = re.compile(r"[\(\[][^()\[\]]*[\)\]]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Words that show a captured "role" is really a sentence about the process.
_NOT_A_ROLE = re.compile(
    r"\b(?:thank|thanks|your|update|applying|interest|status|decision|news|unfortunately|"
    r"regarding|application|candidacy|feedback|next steps|ihre|deine|bewerbung|absage|"
    r"votre|candidature|réponse|tu|su|solicitud|candidatura|respuesta|proceso|selección|"
    r"process|selection|recent|latest|previous|earlier|online)\b",
    re.IGNORECASE,
)
_TEAM_WORDS = (
    r"(?:careers?|jobs?|recruit(?:ing|ment|ers?)?|talent(?:\s+acquisition)?|hiring|hr|"
    r"people(?:\s+(?:team|ops))?|team|notifications?|no-?reply|applications?|rrhh|rh|"
    r"recrutement|personal(?:abteilung|amt)?|karriere|empleo|emploi|talento|"
    # the departments that hire for a public body or a large company
    r"human\s+resources|ressources\s+humaines|recursos\s+humanos|drh|personnel|personas|"
    r"people\s+services|selecci[oó]n|servicio\s+de\s+\w+|service\s+(?:du\s+)?personnel|"
    r"sachgebiet\s+personal|departments?|dept|abteilung|département|departamento|"
    r"direction\s+(?:des\s+ressources\s+humaines|du\s+personnel)|"
    r"(?:dirección|departamento)\s+de\s+(?:recursos\s+humanos|personas))"
)
# "HR Acme", "RRHH Grupo Norte": the team first, then the company.
_TEAM_PREFIX = re.compile(rf"^(?:{_TEAM_WORDS}\b\s*)+(?P<company>.+)$", re.I)
_TEAM_SUFFIX = re.compile(rf"^(?P<company>.+?)\s+(?:{_TEAM_WORDS}\b\s*)+(?:team)?$", re.I)
_TEAM_WORD = re.compile(rf"\b{_TEAM_WORDS}\b", re.I)
_ONLY_TEAM_WORDS = re.compile(rf"(?:{_TEAM_WORDS}\b\s*)+", re.I)
_NO_REPLY = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon)", re.I
)
# Up to five capitalised words ("Vandelay Industries", "Procter & Gamble", "Acme Corp."); a
# dot only inside a word, so a sentence's full stop ends the name.
_COMPANY_WORD = r"[A-ZÀ-ÖØ-Þ0-9](?:[\w&'’-]|\.(?=\w))*"
# The small words between them: "Bank of Scotland", "Sabores del Sur", "Banco de España";
# never across a line break, where a signature's next line starts.
_COMPANY_WORDS = (
    rf"{_COMPANY_WORD}(?:[^\S\n]+(?:&[^\S\n]+|(?:of|and|de|del|des|du|la|der|und|y|et)[^\S\n]+)?"
    rf"{_COMPANY_WORD}){{0,4}}"
)
_BODY_COMPANY = re.compile(
    rf"(?:interest in (?:joining |working (?:at|for|with) )?|(?:position|role|opportunity|"
    rf"opening|seat|team|career|careers) (?:at|with) |applying (?:to|at|for a role at) |"
    rf"(?:news|feedback|word|retour|nouvelles|noticias|Rückmeldung) (?:from|de|von) |"
    rf"(?:Stelle|Position) bei (?:der |dem )?|poste chez |puesto en |"
    rf"on behalf of |here at |everyone at |application (?:to|with) |"
    # German, French, Spanish: "Ihre Bewerbung bei X", "chez X", "interés en X"
    rf"Bewerbung bei (?:der |dem )?|Interesse an (?:einer Tätigkeit bei |der |dem |den )?|"
    rf"Team (?:von|der) |"
    rf"[Ll]['’]équipe(?: RH| [Rr]ecrutement)? (?:des |du |de la |de l['’]|de |d['’])|"
    rf"(?:porté|portez) (?:à|au|pour) |"
    rf"candidature chez |intérêt pour |chez |au sein de |interés en |equipo de )"
    rf"(?P<company>{_COMPANY_WORDS})"
)
# A recruiter's client, named as the one who decided: "Verdant Bank has decided to go another
# way", "Halcyon came back to me". Never a pronoun or an article.
_CLIENT_DECIDED = re.compile(
    r"(?<![\w.])(?!(?:We|I|They|The|Our|You|It|He|She|This|That|Everyone|Everybody|Wir|Ich|"
    r"Sie|Nous|Je|Ils|Elles|On|Nosotros|Ellos|Management|Leadership|Legal|Finance|Both|"
    r"Ultimately|Finally|Eventually|Sadly|Unfortunately|Today|Yesterday)\b)"
    rf"(?P<company>{_COMPANY_WORDS}) (?:(?:(?:has|have|had) )?(?:decided|opted)|"
    r"(?:has|have|had) (?:chosen|come back|gone)|chose|came back|went|"
    r"(?:hat|haben|a|ont|ha|han) (?:sich )?(?:entschieden|décidé|choisi|decidido|optado|"
    r"elegido))\b"
)
# A legal form, a word only businesses end their names with, or an "&" makes a display
# name a company's, not a person's.
_COMPANY_FORM = re.compile(
    r"&|\b(?:gmbh|kg|ag|se|inc|llc|ltd|limited|plc|corp|corporation|company|group|holding|"
    r"sarl|sas|sa|s\.a\.|sl|s\.l\.|bv|nv|srl|spa|oy|ab|industries|systems|technologies|"
    r"labs|solutions|software|partners|consulting|bank|studios?|media|health|tech)\.?$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|many)\s+(?:regards|wishes)|regards|sincerely|best|thanks|"
    r"yours (?:sincerely|faithfully|truly)|(?:thanks|thank you) again|merci encore|"
    r"danke nochmals?|gracias de nuevo|"
    r"thank you|with thanks|warmly|cheers|all the best|with best wishes|"
    r"(?:mit )?(?:viele|liebe|beste|herzliche|freundliche)n? grüße|lg|vg|cordialement|"
    r"bien (?:cordialement|à vous)|belle journée|un (?:abrazo|saludo)|saludos|atentamente|"
    r"cordialmente)[,.!]?\s*$",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")
_FREEMAIL = frozenset(
    {
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "live",
        "yahoo",
        "icloud",
        "me",
        "aol",
        "gmx",
        "web",
        "proton",
        "protonmail",
        "mail",
        "fastmail",
        "yandex",
        "zoho",
        "hey",
        "posteo",
        "t-online",
        "freenet",
        "laposte",
        "wanadoo",
        "free",
        # internet providers' mailboxes, whose names are also companies one may apply to
        "orange",
        "sfr",
        "bbox",
        "neuf",
        "arcor",
        "btinternet",
        "virginmedia",
        "sky",
        "comcast",
        "verizon",
        "sbcglobal",
        "msn",
        "ymail",
        "telefonica",
        "movistar",
        "libero",
        "tutanota",
    }
)
# Domains that name no company: mail services, job boards, applicant-tracking systems (which
# send on behalf of many companies), and the names reserved for examples.
_NOT_A_COMPANY = _FREEMAIL | ATS_DOMAINS | {"linkedin", "indeed", "example"}


def _one_line(text: str) -> str:
    # Control characters (a NUL, a CR LF decoded from an encoded word) end up as spaces.
    return " ".join(_CONTROL.sub(" ", text).split())


def _tidy(value: str) -> str:
    value = _one_line(value).strip(" \t\"'“”‘’«»:;,.-–—|")
    return value[4:] if value.lower().startswith("the ") else value


# "Poste de Développeur Java", "Position: Data Analyst": the role is what follows.
_ROLE_LEAD = re.compile(
    r"^(?:the\s+)?(?:position|role|job|post|poste|stelle|puesto|posición|vacante)"
    r"(?:\s*:|\s+(?:of|as|als|de|d['’]))\s*",
    re.IGNORECASE,
)


def _plausible_role(value: str) -> str:
    value = _GENDERS.sub("", _ROLE_LEAD.sub("", _tidy(_CODE.sub(" ", _BRACKETED.sub(" ", value)))))
    if not value or len(value) > 80 or len(value.split()) > 8 or _NOT_A_ROLE.search(value):
        return ""
    # A title, as the user would type it: "technicien de laboratoire" in a sentence.
    return value[0].upper() + value[1:]


# "H/F", "m/w/d", "M/F/D", "all genders" after a title: the law asks for them, the title
# is without.
_GENDERS = re.compile(r"\s+(?:[hfmwd](?:\s?/\s?[hfmwdx*]){1,2}|all genders)$", re.IGNORECASE)
# A reference code before or after a title: "R-20451 Clinical Data Manager", "JR1042".
# (A number alone may be part of the title: "Data Analyst 2", "Analyst 101".)
_CODE = re.compile(r"(?:^|(?<=\s))(?:[A-Z]{1,4}[-#]?|#)\d[\w/-]*(?=\s|$)")


def _plausible_company(value: str) -> str:
    value = _tidy(_BRACKETED.sub(" ", value))
    if not value or len(value) > 60 or len(value.split()) > 6 or "@" in value:
        return ""
    if value[0].islower() or _GENERIC.fullmatch(value):
        return ""  # "résultat", "Vacancy", "Bewerber": words of the process, not a name
    return "" if _NOT_A_ROLE.search(value) else value  # "Application update" names no one


# Words of hiring that a subject or a sentence may put where a name would be.
_GENERIC = re.compile(
    rf"(?:(?:{_TEAM_WORDS}|vacanc(?:y|ies)|results?|outcome|notice|applicants?|candidates?|"
    r"stellenausschreibung|ausschreibung|stellenangebot|bewerber(?:in)?|kandidat(?:in)?|"
    r"résultats?|candidat(?:e|s)?|offre(?:\s+d['’]emploi)?|campagne|convocatoria|"
    r"resultados?|candidat[oa]s?|vacantes?)\b\s*)+(?:[\d/.-]+\s*)*",
    re.IGNORECASE,
)
# Words only public bodies (a city, a university, a hospital) have in their names.
_PUBLIC_BODY = re.compile(
    r"\b(?:city|town|county|borough|university|college|hospital|council|ministry|"
    r"stadt|gemeinde|landkreis|landratsamt|kreisverwaltung|bezirksamt|universität|kanton|"
    r"métropole|agglomération|communauté|provincia|comunidad|cabildo|metropolitan|"
    r"hochschule|klinikum|ministerium|ville|commune|mairie|région|université|"
    r"centre hospitalier|chu|ministère|ayuntamiento|universidad|diputación|consejería|"
    r"ministerio|generalitat|junta)\b",
    re.IGNORECASE,
)


# -- role and company from the subject -----------------------------------------------------

_ROLE_WORDS = r"(?:position|role|job|opening|vacancy|post|opportunity)"
_SUBJECT_PATTERNS = (
    # "Your application to Acme: Data Analyst" / "Application to Acme for Data Analyst"
    re.compile(
        r"application (?:to|with) (?P<company>.+?)(?:\s*[:–—|-]\s+|\s+for\s+(?:the\s+)?)"
        rf"(?:{_ROLE_WORDS}\s+(?:of\s+)?)?(?P<role>.+?)(?:\s+{_ROLE_WORDS})?$",
        re.IGNORECASE,
    ),
    # "Your application for Data Analyst (at Acme)" / "Application for the position of ..."
    re.compile(
        rf"(?:application|candidacy) for (?:the\s+)?(?:{_ROLE_WORDS}\s+of\s+|{_ROLE_WORDS}:?\s+)?"
        rf"(?P<role>.+?)(?:\s+{_ROLE_WORDS})?(?:\s+(?:at|with)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Your Data Analyst application (at Acme)" / "Update on your Data Analyst application"
    re.compile(
        r"your (?P<role>.+?) application(?:\s+(?:at|with|to)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Ihre Bewerbung als Data Analyst bei Acme", "Bewerbung für die Stelle als ..."
    re.compile(
        r"bewerbung (?:als|für|auf)\s+(?:die\s+(?:stelle|position)\s+(?:als\s+)?)?"
        r"(?P<role>.+?)(?:\s+(?:bei|an)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Votre candidature au poste de Data Analyst chez Acme"
    re.compile(
        r"candidature (?:au poste d[e'’]\s*|pour le poste d[e'’]\s*|pour\s+)"
        r"(?P<role>.+?)(?:\s+(?:chez|à)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Tu solicitud para el puesto de Data Analyst en Acme"
    re.compile(
        r"(?:solicitud|candidatura|postulación) (?:para|al|a)\s+(?:el\s+)?(?:puesto de\s+)?"
        r"(?P<role>.+?)(?:\s+en\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Northwind Traders: your application", "Acme | Update on your application"
    re.compile(
        r"^(?P<company>[^:|–—]+?)\s*[:|–—-]\s*(?:an )?(?:update on |regarding )?"
        r"(?:your )?application$",
        re.IGNORECASE,
    ),
    # "Application update: Research Chemist", "Candidacy status - Research Chemist"
    re.compile(
        r"(?:application|candidacy|candidature|bewerbung|solicitud|candidatura)"
        r"(?:\s+(?:update|status|outcome))?\s*[:–—|-]\s*(?P<role>.+)$",
        re.IGNORECASE,
    ),
    # "Application to Acme" alone names only the company; so do "Bewerbung bei Acme" and
    # "candidature chez Acme".
    re.compile(
        r"(?:application (?:to|with)|bewerbung bei|candidature chez|solicitud en) "
        r"(?P<company>.+)$",
        re.IGNORECASE,
    ),
    # "Data Analyst position (at Acme)"
    re.compile(
        rf"^(?P<role>.+?)\s+{_ROLE_WORDS}(?:\s+(?:at|with)\s+(?P<company>.+))?$",
        re.IGNORECASE,
    ),
    # "Data Analyst at Acme" / "Data Analyst – Acme" / "Product Manager en Pagaluz"
    re.compile(r"^(?P<role>.+?)\s+(?:at|@|–|—|-|\||bei|chez|en)\s+(?P<company>.+)$"),
)
# A requisition number names no role: "Requisition 4471", "Req. 88213", "Job ID R-20419".
_REQUISITION = re.compile(
    r"\b(?:requisition|req|job(?:\s+id)?|ref|id|nr|no|n°|kennziffer)\.?\s*(?:no\.?\s*)?#?:?\s*"
    r"[\w/-]*\d[\w/-]*",
    re.I,
)
# The parts of a subject between its separators: "Absage: Teamleiter Lager".
_SUBJECT_PART = re.compile(r"\s+[|–—-]\s+|:\s+")
# Capitalised words, with the small words titles have between them: "Head of Platform",
# "Analista de Riesgos", "Firmware Engineer, Motion Control".
_CAPITALISED = (
    r"[A-Z][\w/&+'*-]*(?:,?\s+(?:(?:of|de|du|des|del|für|and|et|y)\s+)?[A-Z][\w/&+'*-]*){0,5}"
)
_BODY_ROLE = (
    re.compile(rf"\b(?:for|to|in) the (?:{_ROLE_WORDS} of )(?P<role>[^.,;\n]{{2,60}})", re.I),
    # "for the Data Analyst position", "the Firmware Engineer, Motion Control position"
    re.compile(rf"\bthe (?P<role>{_CAPITALISED})\s+{_ROLE_WORDS}\b"),
    re.compile(rf"\b(?:for|to|about|in) the (?P<role>[^.,;\n]{{2,60}}?)\s+{_ROLE_WORDS}\b", re.I),
    # "your application for Supply Chain Planner"
    re.compile(
        r"\bapplication for (?P<role>[A-Z][\w/&+'-]*(?:\s+[A-Z][\w/&+'-]*){0,5})(?=[\s.,;!]|$)"
    ),
    # "Ihre Bewerbung als Controllerin (m/w/d)", "die Stelle als Data Analyst bei"
    re.compile(
        r"\b(?:Bewerbung|Stelle|Position) als (?P<role>[^.,;\n(!]{2,60}?)"
        # ("Gesundheits- und Krankenpfleger/in": an "und" after a hyphen is in the title)
        r"(?=\s*[(.,;\n!]|(?<!-)\s+(?:bei|in|an|und|für)\b)"
    ),
    # "le poste de Data Analyst chez", "el puesto de ... en", "la posición de ..."
    re.compile(
        # ...up to where the sentence goes on: "d'agent d'accueil n'a pas été retenue"
        r"\bposte d[e'’]\s?(?P<role>[^.,;\n]{2,60}?)(?=\s+(?:chez|au sein|et|qui|pour|"
        r"n['’]\w+|ne|a|est|sont|dans|à)\b|[.,;\n])"
    ),
    re.compile(
        r"\b(?:puesto|posición|vacante|plaza) de (?P<role>[^.,;\n]{2,60}?)"
        r"(?=\s+(?:en|y|que|con|no|ha|ya|fue|para|se)\b|[.,;\n])"
    ),
)
# Looser phrasings, trusted only when what they catch names a job: "Thank you for applying
# to Risk Quant Developer" (not "...applying to Acme"), "die Stelle Data Scientist Pricing".
_BODY_ROLE_NAMED = (
    re.compile(rf"\bapplying\s+(?:to|for)\s+(?:the\s+)?(?P<role>{_CAPITALISED})"),
    # "your application as Marketing Manager", "en tant que Comptable", "como Analista"
    re.compile(rf"\b(?:application|applied|applying) as (?:an? )?(?P<role>{_CAPITALISED})"),
    re.compile(rf"\ben tant que (?P<role>{_CAPITALISED})"),
    re.compile(rf"\bcomo (?P<role>{_CAPITALISED})"),
    re.compile(rf"\b(?:para|pour) (?:el puesto de |le poste de )?(?P<role>{_CAPITALISED})"),
    re.compile(rf"\b(?:Stelle|Position) (?P<role>{_CAPITALISED})"),
    # "dich als Werkstudent*in Marketing beworben", "für die Mobile Developer-Stelle"
    re.compile(rf"\bals (?P<role>{_CAPITALISED})"),
    # (it starts only where a run of name characters starts, so each is scanned once)
    re.compile(
        r"(?<![\w/&+'*])(?P<role>[A-Z][\w/&+'*]*+(?:\s[A-Z][\w/&+'*]*+){0,4})"
        r"-(?:Stelle|Position|Rolle)\b"
    ),
)


def _from_subject(subject: str) -> tuple[str, str]:
    if len(subject) > MAX_SUBJECT_CHARS:
        return "", ""  # not a "Role at Company" subject; and the patterns below are not linear
    cleaned = _one_line(_REQUISITION.sub(" ", _BRACKETED.sub(" ", _REPLY_PREFIX.sub("", subject))))
    for pattern in _SUBJECT_PATTERNS:
        match = pattern.search(cleaned)
        if not match:
            continue
        groups = match.groupdict()
        role, company = groups.get("role") or "", groups.get("company") or ""
        if not ROLE_NOUN.search(role) and ROLE_NOUN.search(company):
            role, company = company, role  # Lever's "Acme - Data Analyst"
        if _GENERIC.fullmatch(_tidy(role)) and company:
            role, company = company, ""  # "Stellenausschreibung – Sachbearbeitung Bauordnung"
        role, company = _plausible_role(role), _plausible_company(company)
        if "role" in groups and not role:
            continue
        return role, company
    # A subject that is, or ends in, a job title: "Re: Data Engineer", "Absage: Teamleiter".
    for part in _SUBJECT_PART.split(cleaned):
        if ROLE_NOUN.search(part) and (role := _plausible_role(part)):
            return role, ""
    return "", ""


# -- the sender ----------------------------------------------------------------------------


_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _squeezed(text: str) -> str:
    """Letters and digits, lower-case, umlauts spelt out: how a domain spells a name."""
    text = text.lower().translate(_SPELT_OUT)
    return "".join(
        char for char in unicodedata.normalize("NFKD", text) if char.isascii() and char.isalnum()
    )


def _is_company_name(name: str, address: str) -> bool:
    """Whether a display name is a company's: "Müller & Söhne KG" <jobs@mueller-soehne.de>,
    a short name sent through an applicant-tracking system ("Acme" <no-reply@lever.co>), or
    a name the domain spells: most of it, or its start ("Pinecrest Analytics"
    <talent@pinecrest.example>); "Dana Reyes" <dana@reyes.example> is a person.
    """
    if _ONLY_TEAM_WORDS.fullmatch(name):
        return False  # "Recruiting", "Talent Acquisition": a team of someone
    if _COMPANY_FORM.search(name) or _PUBLIC_BODY.search(name):
        return True
    if is_ats(address):
        # Applicant-tracking systems send in the company's name far more often than in a
        # recruiter's; a wrong guess is one correction in the confirm dialog.
        return len(name.split()) <= 4
    label = _squeezed(domain_label(address))
    squeezed = _squeezed(name)
    if len(label) < 3 or label not in squeezed:
        return False
    return len(label) >= 0.6 * len(squeezed) or (len(label) >= 5 and squeezed.startswith(label))


# "Dana Reyes at Acme", "Dana | Acme", "Talent at Quanta".
_PERSON_AT = re.compile(r"^(?P<person>.+?)\s+(?:at|from|@|\||-|–)\s+(?P<company>.+)$")
# The forms of a display name that names a company, in the order they are tried, and
# whether the sender is then a team rather than a person.
_DISPLAY_NAME_FORMS = (
    (re.compile(r"^(?P<company>.+?)\s+via\s+\S+", re.IGNORECASE), True),  # "Acme via Lever"
    (_TEAM_SUFFIX, True),  # "Acme Careers"
    (_PERSON_AT, False),
    (_TEAM_PREFIX, True),  # "RRHH Grupo Norte"
    (re.compile(r"^.+?\((?P<company>[^)]+)\)\s*$"), False),  # "Dana Reyes (Acme)"
)


def _company_from_display_name(name: str, address: str) -> tuple[str, bool]:
    """(company, is_a_team) from "Acme Careers", "Dana at Acme", "Acme via Greenhouse",
    "RRHH Grupo Norte", "Müller & Söhne KG"."""
    name = _one_line(name)
    if _ONLY_TEAM_WORDS.fullmatch(name):
        return "", True  # "Hiring Team", "Careers": a team of a company they do not name
    if is_ats(address) and _squeezed(_TEAM_SUFFIX.sub(r"\g<company>", name)) in ATS_DOMAINS:
        return "", True  # "Workday" <acme@myworkday.com>: the system, not the company
    for pattern, is_team in _DISPLAY_NAME_FORMS:
        if match := pattern.match(name):
            person = match.groupdict().get("person") or ""
            if _ONLY_TEAM_WORDS.fullmatch(match["company"]) and _is_company_name(person, address):
                return _plausible_company(person), True  # "Ville de Rochebrune – DRH"
            team = is_team or _ONLY_TEAM_WORDS.fullmatch(person) is not None
            return _plausible_company(match["company"]), team
    if name and _is_company_name(name, address):
        return _plausible_company(name), True
    return "", False


def _person_from_display_name(name: str) -> str:
    name = _one_line(name)
    match = _PERSON_AT.match(name)
    if match:
        name = match["person"]
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    if "," in name:  # "Reyes, Dana"
        family, _, given = name.partition(",")
        name = f"{given.strip()} {family.strip()}".strip()
    return _tidy(name)


# Labels of a domain that name a service, not a company: us.greenhouse-mail.io,
# acme.wd5.myworkdayjobs.com.
_SERVICE_LABELS = frozenset(
    {"us", "eu", "uk", "mail", "email", "jobs", "careers", "hire", "app", "apply", "www", "talent"}
)


def _company_from_domain(address: str) -> str:
    """The company a domain names: "Acme Corp" for jobs@acme-corp.example; for an
    applicant-tracking system's, the company it sends for, if the domain names it
    (acme.teamtailor-mail.com)."""
    name = domain_label(address)
    if ats_name(address):
        labels = domain_labels(address)[:-1]
        name = next(
            (
                label
                for label in reversed(labels)
                if label not in _SERVICE_LABELS and not any(char.isdigit() for char in label)
            ),
            "",
        )
    if not name or name in _NOT_A_COMPANY or len(name) > 63:
        return ""
    if name.startswith("xn--"):  # an internationalised name, as punycode
        try:
            name = name.encode("ascii").decode("idna")
        except UnicodeError:
            return ""
    return " ".join(part.capitalize() for part in re.split(r"[-_]", name) if part)


# -- the body ------------------------------------------------------------------------------


def _signature(body: str) -> tuple[str, str]:
    """(person, company) from the lines after the last sign-off, if they look like it: a
    name ("Dana Reyes", or a first name alone), then "Title | Company" or the company's
    name on a line of its own."""
    lines = [line.strip() for line in body.splitlines()]
    for index in range(len(lines) - 1, -1, -1):
        if not _SIGN_OFF.match(lines[index]):
            continue
        after = [_first_segment(line) for line in lines[index + 1 : index + 6] if line]
        if not after:
            return "", ""
        name = _CREDENTIALS.sub("", after[0])  # "Tom Reyes, DDS", "Dr. Katrin Weiß"
        if (team := _TEAM_SUFFIX.match(_tidy(name))) and (
            company := _plausible_company(team["company"])
        ):
            return "", company  # "The Quartz Health Recruiting Team"
        person = name if len(name) <= 40 and _PERSON.match(name) else ""
        if _TEAM_WORD.search(person):
            person = ""  # "The Acme Recruiting Team" signs for no one in particular
        signed = person or _FIRST_NAME.fullmatch(after[0])
        company = ""
        for line in after[1:4] if signed else []:
            if len(line) > MAX_NAME_CHARS:
                continue
            match = re.search(rf"(?:\bat\b|\||,|–|—|\s-)\s*(?P<company>{_COMPANY_WORDS})\s*$", line)
            if match:
                company = _plausible_company(match["company"])
                break
        if not company and len(after) > 1 and _is_own_line_company(after[1]):
            company = _plausible_company(after[1])  # "Lucía" then "Estudio Brisa"
        return person, company
    return "", ""


def _first_segment(line: str) -> str:
    """A signature line's first part: "KiezKraft GmbH" of "KiezKraft GmbH · Oranienstraße
    185 · Berlin", "Clínica Dental Mediterránea" of "Clínica Dental Mediterránea · Valencia"."""
    return line.split(" · ", 1)[0].split(" • ", 1)[0].strip()


# Titles and degrees around a name: "Dr. ", "Prof. ", ", PhD", ", DDS", ", MBA".
_CREDENTIALS = re.compile(
    r"^(?:(?:dr|prof|mr|mrs|ms|me|dra|lic)\.?\s+)+|,\s*(?:[A-Z]{2,5}|Ph\.?D\.?|Esq\.?)"
    r"(?:,\s*(?:[A-Z]{2,5}|Ph\.?D\.?))*\s*$",
    re.IGNORECASE,
)
_FIRST_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]{1,30}")
_COMPANY_LINE = re.compile(_COMPANY_WORDS)
# Words of a job title, before the company on a signature line: "Head of Platform, Cobalt
# Ridge", "VP Data | Fernhill Markets", "Responsable RH - Lumière Conseil".
_TITLE_WORD = re.compile(
    r"\b(?:head|vp|chief|cto|ceo|coo|cfo|founder|partner|lead|director|manager|recruiter|"
    r"talent|people|hr|rh|rrhh|leitung|responsable|directeur|directrice|gerente)\b",
    re.IGNORECASE,
)
_TITLED_COMPANY = re.compile(
    rf"^(?P<title>[^,|–—]{{2,60}}?)\s*(?:,|\||–|—|\s-|\s@|\sat|\sbei|\schez)\s+"
    rf"(?P<company>{_COMPANY_WORDS})\s*$"
)
# How many characters of the body hold its signature: the first paragraphs, not the
# legal footer under them.
_SIGNATURE_CHARS = 2_000


def _is_own_line_company(line: str) -> bool:
    """Whether a signature line is a company's name alone: capitalised words, no title."""
    return (
        len(line) <= MAX_NAME_CHARS
        and _COMPANY_LINE.fullmatch(line) is not None
        and not ROLE_NOUN.search(line)
        and not _TITLE_WORD.search(line)
        and not _ONLY_TEAM_WORDS.fullmatch(line)
        and not any(char.isdigit() for char in line)
    )


def _closing_company(body: str, address: str) -> str:
    """The company a signature names without a sign-off above it: a line "Title, Company",
    or a line that spells the sender's domain ("Astrée Assurances" for
    astree-assurances.fr), which gives its accents and capitals back. The last one counts."""
    label = _squeezed(domain_label(address))
    found = ""
    for text in body[:_SIGNATURE_CHARS].splitlines():
        line = _first_segment(_one_line(text))
        if not line or len(line) > 80 or line[-1] in ".!?:;":
            continue
        titled = _TITLED_COMPANY.match(line)
        if titled and (ROLE_NOUN.search(titled["title"]) or _TITLE_WORD.search(titled["title"])):
            found = _plausible_company(titled["company"]) or found
        elif (
            len(label) >= 4
            and _squeezed(line).startswith(label)
            and _COMPANY_LINE.fullmatch(line)
            and not _TITLE_WORD.search(line)
        ):
            found = _plausible_company(line) or found  # digits too: "Gleis 9" for gleis9.de
    return found


_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b", re.IGNORECASE)
_END_OF = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
# "[^<>]" rather than "[^>]": a scan from one "<" stops at the next, so "<<<<" is one pass.
_LINE_BREAK_TAG = re.compile(r"<(?:br|/p|/div|/tr|/li|/h[1-6])\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def _html_text(markup: str) -> str:
    """The text of an HTML part, in one pass: scripts and styles dropped, tags as spaces."""
    kept: list[str] = []
    position = 0
    while (opening := _SCRIPT_OR_STYLE.search(markup, position)) is not None:
        kept.append(markup[position : opening.start()])
        closing = _END_OF[opening[1].lower()].search(markup, opening.end())
        if closing is None:
            position = len(markup)  # unclosed: the rest is script, not text
            break
        position = closing.end()
    kept.append(markup[position:])
    text = _TAG.sub(" ", _LINE_BREAK_TAG.sub("\n", "".join(kept)))
    return html.unescape(text)


# Decoders written in Python with quadratic cost on long input; no mail is written in them.
_SLOW_CODECS = frozenset({"punycode", "idna"})


def _text_codec(charset: str | None) -> str:
    try:
        name = codecs.lookup(charset or "utf-8").name
    except (LookupError, ValueError):  # unknown, or not even a name ("utf\0", a surrogate)
        return "utf-8"
    return "utf-8" if name in _SLOW_CODECS else name


def _decode_bytes(data: bytes, charset: str | None) -> str:
    try:
        return data.decode(_text_codec(charset), "replace")
    except LookupError:  # a codec that is not a text encoding (base64_codec, zlib_codec)
        return data.decode("utf-8", "replace")


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition", ""))
    return disposition.partition(";")[0].strip().lower() == "attachment"


def _text_of(message: Message) -> str:
    """The first plain-text part that is not an attachment, else the first HTML one."""
    parts = [
        part
        for part in message.walk()
        if part.get_content_maintype() == "text" and not _is_attachment(part)
    ]
    for subtype in ("plain", "html"):
        part = next((p for p in parts if p.get_content_subtype() == subtype), None)
        if part is None:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return ""
        text = _decode_bytes(payload, part.get_content_charset())
        return _html_text(text) if subtype == "html" else text
    return ""


def _to_utc(moment: datetime | None, tz: tzinfo | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        # RFC 5322's "-0000" means "UTC, origin unknown"; other naive times need the user's zone.
        return moment.replace(tzinfo=tz).astimezone(UTC) if tz is not None else None
    return moment.astimezone(UTC)


def _parse_date(text: str, tz: tzinfo | None) -> datetime | None:
    text = _one_line(text)
    try:
        return _to_utc(parsedate_to_datetime(text), tz)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    cleaned = re.sub(r"\s+at\s+", " ", text)
    for fmt in (
        "%A, %B %d, %Y %I:%M %p",
        "%A, %d %B %Y %H:%M",
        "%d %B %Y %H:%M",
        "%B %d, %Y %I:%M %p",
        "%Y-%m-%d %H:%M",
    ):
        try:
            return _to_utc(datetime.strptime(cleaned, fmt), tz)
        except (ValueError, OverflowError):
            continue
    return None


# -- the entry point -----------------------------------------------------------------------


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    junk = sum(1 for ch in sample if ch == "\x00" or (ord(ch) < 32 and ch not in "\t\r\n\f"))
    return junk > max(2, len(sample) // 50)


# The headers this module reads, and those the parser itself reads (boundary, charset):
# each is capped before anything parses it.
_CAPPED_HEADERS = frozenset(
    {
        "from",
        "subject",
        "date",
        "sent",
        "organization",
        "content-type",
        "content-disposition",
        "content-transfer-encoding",
    }
)


class _BoundedHeaders(Compat32):
    """`compat32` that keeps header values as the raw strings and caps the ones read.

    The cap is checked as the parser meets each header, so an over-long Content-Type never
    reaches `Message.get_param`, which is quadratic in the number of quoted ";".
    """

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        if name.lower() in _CAPPED_HEADERS and len(value) > MAX_HEADER_CHARS:
            raise InvalidInput(
                f"That email's {name.strip()[:40]} header is over {MAX_HEADER_CHARS:,} "
                "characters long: it is not an email a person sent."
            )
        return name, value

    def header_fetch_parse(self, name: str, value: str) -> str:  # noqa: ARG002 - the API's
        return value


_POLICY = _BoundedHeaders()
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
# Over-counts (a body may say "Content-Type: multipart/..."), which only makes the cap safer.
_CONTAINER = re.compile(r"^content-type:\s*(?:multipart|message)/", re.IGNORECASE | re.MULTILINE)
_DELIMITER_LINE = re.compile(r"^--", re.MULTILINE)


def _check_structure(text: str) -> None:
    """Refuse, before parsing, what would make the MIME parser recurse deep or allocate a
    Message per line: it follows each nested part with one more generator frame."""
    containers = sum(1 for _ in _CONTAINER.finditer(text))
    if containers > MAX_MIME_CONTAINERS:
        raise InvalidInput(
            f"That email nests over {MAX_MIME_CONTAINERS} MIME parts inside each other: "
            "it is not an email a person sent."
        )
    if sum(1 for _ in _DELIMITER_LINE.finditer(text)) > MAX_MIME_PARTS:
        raise InvalidInput(
            f"That email has over {MAX_MIME_PARTS:,} parts: it is not an email a person sent."
        )


def _read_message(raw: bytes | str, text: str) -> Message | None:
    """The parsed message when the input starts with headers, else None (pasted text)."""
    blank = _BLANK_LINES.match(text)  # always matches, if only the empty string
    if not _HEADER_LINE.match(text, blank.end() if blank else 0):
        return None
    _check_structure(text)
    message = (
        message_from_bytes(raw, policy=_POLICY)
        if isinstance(raw, bytes)
        else message_from_string(text, policy=_POLICY)
    )
    if message.get("From") is None and message.get("Subject") is None:
        return None
    return message


# An encoded word (RFC 2047) is at most 75 characters, without spaces or "?" inside; the
# bounded, bracket-free pattern matches each in one pass.
_ENCODED_WORD = re.compile(
    r"=\?(?P<charset>[^?\s*]{1,40})(?:\*[^?\s]{0,20})?\?(?P<encoding>[bBqQ])\?"
    r"(?P<text>[^?\s]{0,200})\?="
)


def _decode_word(match: re.Match[str]) -> str:
    encoded = match["text"].encode("ascii", "replace")
    try:
        if match["encoding"] in "bB":
            data = base64.b64decode(encoded + b"=" * (-len(encoded) % 4))
        else:
            data = binascii.a2b_qp(encoded, header=True)
    except (binascii.Error, ValueError):
        return match[0]
    return _decode_bytes(data, match["charset"])


def _decode_header(name: str, value: str) -> str:
    """A header's text: 8-bit bytes read as UTF-8 (else cp1252), encoded words decoded."""
    if any("\udc80" <= char <= "\udcff" for char in value):
        # Raw 8-bit bytes, which the parser keeps as surrogate escapes.
        value = _decode(value.encode("utf-8", "surrogateescape"))
    if value.count("=?") > MAX_ENCODED_WORDS:
        raise InvalidInput(
            f"That email's {name} header holds over {MAX_ENCODED_WORDS} encoded words: "
            "it is not an email a person sent."
        )
    pieces: list[str] = []
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        # Space between two encoded words is not text (RFC 2047, section 6.2).
        if not (pieces and position and between.isspace()):
            pieces.append(between)
        pieces.append(_decode_word(match))
        position = match.end()
    pieces.append(value[position:])
    return _one_line("".join(pieces))


def _is_bulk(message: Message) -> bool:
    """Whether the message says it went to a list, as newsletters and job alerts do."""
    precedence = str(message.get("Precedence", ""))[:20].strip().lower()
    return message.get("List-Unsubscribe") is not None or precedence in {"bulk", "list"}


def _header_text(message: Message, name: str) -> str:
    value = message.get(name)
    return "" if value is None else _decode_header(name, str(value))


@dataclass(slots=True)
class _Raw:
    """The header values and body text, however the email arrived."""

    from_value: str = ""
    subject: str = ""
    date_value: str = ""
    organization: str = ""
    body: str = ""
    is_message: bool = False
    bulk: bool = False


_PASTED_KEYS = {
    "from": "from_value",
    "von": "from_value",
    "de": "from_value",
    "subject": "subject",
    "betreff": "subject",
    "objet": "subject",
    "date": "date_value",
    "sent": "date_value",
    "gesendet": "date_value",
    "envoyé": "date_value",
}
# Mail apps copy the headers along in the first few lines; a header line is not this long.
_PASTED_HEAD_LINES = 40


def _read_parts(raw: bytes | str, text: str) -> _Raw:
    try:
        message = _read_message(raw, text)
    except (LookupError, ValueError, IndexError, TypeError, AssertionError):
        message = None
    if message is not None:
        parts = _Raw(
            from_value=_header_text(message, "From"),
            subject=_header_text(message, "Subject"),
            # A message copied out of Outlook has "Sent:" where a file has "Date:".
            date_value=_header_text(message, "Date") or _header_text(message, "Sent"),
            organization=_header_text(message, "Organization"),
            is_message=True,
            bulk=_is_bulk(message),
        )
        try:
            parts.body = _text_of(message)[:MAX_BODY_CHARS]
        except (LookupError, ValueError, IndexError, TypeError, AttributeError, KeyError):
            parts.body = ""
        return parts
    parts = _Raw(body=text[:MAX_BODY_CHARS])
    head = "\n".join(parts.body.split("\n", _PASTED_HEAD_LINES)[:_PASTED_HEAD_LINES])
    for match in _PASTED_FIELD.finditer(head):
        attribute = _PASTED_KEYS[match["key"].lower()]
        if not getattr(parts, attribute):
            setattr(parts, attribute, match["value"][:MAX_HEADER_CHARS])
    return parts


# The <address> at the last "<" of a From value; what comes before it is the display name.
_ANGLE_ADDRESS = re.compile(r"<\s*(?P<address>[^<>\s@]{1,64}@[^<>\s@]{1,255})\s*>")


def _sender(parts: _Raw) -> tuple[str, str]:
    """(display name, lower-case address) of the sender; either may be ""."""
    value = _one_line(parts.from_value)
    angle = _ANGLE_ADDRESS.match(value, max(value.rfind("<"), 0))
    if angle is not None:
        address, display_name = angle["address"], value[: angle.start()]
    else:
        found = _EMAIL.search(value)
        if found is None and not parts.is_message:
            found = _EMAIL.search(parts.body)  # a pasted body: the first address is the best guess
        address = found[0] if found else ""
        # "dana@acme.example (Dana Reyes)": an old form, the name as a comment.
        display_name = value.partition("(")[2].rpartition(")")[0] if found else value
    display_name = display_name.strip().strip("\"'").replace('\\"', '"').strip()
    if "@" in display_name or len(display_name) > MAX_NAME_CHARS:
        display_name = ""
    return display_name, address.strip(" .").lower()


def _fuller(company: str, names: list[str]) -> str:
    """The fullest of the names that begin like `company` ("Solvia Versicherung" for a
    subject's "Solvia", "Astrée Assurances" for "Astrée"), not counting a legal form
    or a team ("Solvia Versicherung AG", "Solvia Careers" add nothing); or a public body's
    name around it ("University of Eastbridge" for "Eastbridge People Services")."""
    best = company
    for name in names:
        bare = without_legal_form(name)
        if team := _TEAM_SUFFIX.match(bare):
            bare = team["company"]  # "Smith & Wesson Careers" signs for Smith & Wesson
        longer = len(_squeezed(bare)) > len(_squeezed(best))
        if (longer and _squeezed(bare).startswith(_squeezed(best))) or (
            longer
            and best
            and _PUBLIC_BODY.search(bare)
            and re.search(rf"(?<!\w){re.escape(best)}(?!\w)", bare, re.IGNORECASE)
        ):
            best = bare
    return best or company


_SPACES = re.compile(r"[ \t]+")


def _role(subject_role: str, body: str, sender: str) -> str:
    """The role from the subject, else the body; never the sender's own name ("Your
    Copperline application" from Copperline Foods names the company, not a role)."""
    if subject_role and _squeezed(subject_role) not in _squeezed(sender):
        return subject_role
    body = _SPACES.sub(" ", body)  # the spaces tags leave: "die Position  Netzingenieur"
    for pattern in _BODY_ROLE:
        match = pattern.search(body)
        if match and (role := _plausible_role(match["role"])):
            return role
    for pattern in _BODY_ROLE_NAMED:
        match = pattern.search(body)
        if match and ROLE_NOUN.search(match["role"]) and (role := _plausible_role(match["role"])):
            return role
    return ""


def _applied_match(
    applied_to: AppliedTo, display_name: str, address: str, subject: str, body: str
) -> AppliedMatch | None:
    """The company of the user's applications the email names, and where."""
    if not applied_to:
        return None
    head = body[:FIRST_PARAGRAPHS_CHARS]
    # The signature: the lines after the last sign-off ("Best regards,"), if there is one.
    signed_from, offset = len(head), 0
    for line in head.splitlines(keepends=True):
        offset += len(line)
        if _SIGN_OFF.match(line):
            signed_from = offset
    return applied_to.find(
        sender_name=display_name,
        domain_labels=[
            label
            for label in domain_labels(address)
            if label not in _NOT_A_COMPANY and label not in _SERVICE_LABELS
        ],
        texts=(
            (SUBJECT, subject[:MAX_SUBJECT_CHARS]),
            ("the signature", head[signed_from:]),
            ("the body", head[:signed_from]),
        ),
    )


def parse_rejection_email(
    raw: bytes | str,
    *,
    tz: tzinfo | None = None,
    applied_to: Collection[str] | AppliedTo = (),
) -> ParsedEmail:
    """Pull the sender, company, role and date out of an email, or raise InvalidInput.

    `raw` is an .eml file's bytes, or text the user pasted (a whole message with headers, or
    a body copied from a mail app, perhaps with "From:" and "Subject:" lines on top). `tz`
    reads dates written without a zone (as mail apps print them when copying); without it,
    such a date is left out rather than guessed. `applied_to` are the companies the user
    applied to (an `AppliedTo` when many emails are read against the same list): one the
    email names is its company, and says it is about a job.
    """
    if len(raw) > MAX_EMAIL_BYTES:
        raise InvalidInput("That email is too large to read (over 5 MB): paste just its text.")
    text = _decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InvalidInput("There is nothing to read: drop an .eml file or paste the email.")
    if _looks_binary(text):
        raise InvalidInput("That file is not an email: drop an .eml file or paste the text.")

    parts = _read_parts(raw, text)
    display_name, address = _sender(parts)
    subject_role, subject_company = _from_subject(parts.subject)
    role = _role(subject_role, parts.body, f"{display_name} {domain_label(address)}")
    name_company, is_team = _company_from_display_name(display_name, address)
    signed_person, signed_company = _signature(parts.body)
    # What the sender wrote, not the history a reply quotes ("any news from Corvid?").
    written = own_words(parts.body)
    body_match = _BODY_COMPANY.search(written)
    # Who decided, named: a recruiter's client ("Acme Robotics came back to me"), over the
    # sender's own name, which is then the agency's.
    decided = _CLIENT_DECIDED.search(written[:FIRST_PARAGRAPHS_CHARS])
    candidates = (
        (_plausible_company(parts.organization), "the Organization header"),
        (subject_company, "the subject"),
        (_plausible_company(decided["company"]) if decided else "", "the body"),
        (name_company, "the sender's name"),
        (signed_company or _closing_company(parts.body, address), "the signature"),
        (_plausible_company(body_match["company"]) if body_match else "", "the body"),
        (_company_from_domain(address) if address else "", "the sender's domain"),
    )
    company, source = next(((name, where) for name, where in candidates if name), ("", ""))
    company = _fuller(company, [name for name, _ in candidates[:-1]])
    company_reason = f"the company from {source}"
    known = _applied_match(
        applied_to if isinstance(applied_to, AppliedTo) else AppliedTo(applied_to),
        display_name,
        address,
        parts.subject,
        parts.body,
    )
    if known is not None:
        company, company_reason = known.company, known.reason
    classification = classify(
        sender_email=address,
        sender_name=display_name,
        subject=parts.subject,
        body=parts.body[:FIRST_PARAGRAPHS_CHARS],
        bulk=parts.bulk,
        applied_to=known is not None,
    )

    sender_name = "" if is_team else _person_from_display_name(display_name)
    if not sender_name or (company and sender_name.lower() == company.lower()):
        sender_name = signed_person

    if not (address or company or role):
        raise InvalidInput(
            "Couldn't find a sender, company or role in that text: paste the whole email, "
            "with its From and Subject lines, or fill the form by hand."
        )
    return ParsedEmail(
        sender_name=sender_name,
        sender_email=address,
        company=company,
        role=role,
        received_at=_parse_date(parts.date_value, tz) if parts.date_value else None,
        subject=parts.subject,
        no_reply=bool(_NO_REPLY.match(address.partition("@")[0])) if address else False,
        kind=classification.kind,
        reasons=(*classification.reasons, *([company_reason] if company else [])),
        applied_to=known.company if known is not None else "",
    )
