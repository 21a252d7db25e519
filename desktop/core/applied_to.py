"""Which of the companies the user applied to an email comes from.

A rejection nearly always comes from a company the user applied to, and the app holds that
list. Naming one settles the company (spelled as the user typed it: that links the finding
to the application) and says the email is about a job. It never makes an email a rejection
on its own.

How a name is matched, so that "Müller & Söhne KG", "Mueller und Soehne" and
mueller-soehne.de all name the application typed "Müller & Söhne":

- Case, accents and punctuation do not count; "&", "and", "und", "et" and "y" are one
  word, left out; so are a leading "The" and trailing legal forms (GmbH, AG, Inc, Ltd,
  S.A., B.V., ...), dotted or not.
- A name is a run of whole words: "Acme" is not in "Acmetrics", nor in "Acme-Bank" (a
  hyphen joins words into another name).
- A domain names a company when one of its labels spells the whole name ("northwindrobotics",
  "mueller-soehne"), umlauts spelt out or not.

Where it is found tells how far to trust it, in this order: the sender's name, the
sender's domain, the subject, the signature, the first paragraphs. Two known companies in
one email: the one found in the more trusted place wins; the sender is who writes, a name
in the body may be a client or a competitor.

A company named with a common word ("Apple", "Orange", "Next") must not be found in "apple
pie". The sender is the company, so there any spelling counts. In the subject and the body,
a name counts only where it is written as a name: each word capitalised, or spelt exactly as
the user typed it ("eBay"); a one-word name also not as the first word of a sentence, where
every word is capitalised ("Apple pie is served"), nor in a list of others' names ("clients
such as Acme", "competitors like Globex").

Cost: the email's words are read once, and each is looked up in a table of the names'
first words, so the time is linear in the text (for a given list of names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core.search import fold

# Trailing words that only say what kind of legal entity a company is, as `_plain` spells
# them ("S.A." is "sa").
LEGAL_FORMS = frozenset(
    {
        "gmbh",
        "mbh",
        "ag",
        "kg",
        "kgaa",
        "ohg",
        "gbr",
        "ug",
        "ev",
        "se",
        "co",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "sa",
        "sas",
        "sasu",
        "sarl",
        "eurl",
        "sl",
        "slu",
        "sau",
        "bv",
        "nv",
        "srl",
        "spa",
        "oy",
        "ab",
        "as",
        "aps",
        "pty",
        "pvt",
        "na",
    }
)
# Words that join a name's parts, in the languages read: one word, left out.
_JOINERS = frozenset({"and", "und", "et", "y", "e"})
# Words that put a name in a list of others': "customers such as Acme", "clients like Acme",
# "Wettbewerber wie Acme", "des clients comme Acme", "competidores como Acme".
_OTHERS = frozenset(
    {
        "such",
        "like",
        "including",
        "eg",
        "competitor",
        "competitors",
        "customer",
        "customers",
        "partners",
        "vendors",
        "suppliers",
        "wie",
        "kunden",
        "wettbewerber",
        "konkurrenten",
        "comme",
        "notamment",
        "concurrents",
        "como",
        "competidores",
    }
)
# The small words a name keeps in lower case: "Bank of Scotland", "Sabores del Sur".
_SMALL_WORDS = frozenset({"of", "de", "du", "des", "del", "der", "die", "la", "le", "van", "von"})
# How many words before a name are read for those.
_OTHERS_REACH = 3

# A word, or an "&"; a dotted abbreviation ("S.A.", "B.V.", "e.g.") is one word.
_WORD = re.compile(r"(?:\w\.){2,}|\w+(?:['’]\w+)*|&", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
_LOOK_BACK = 20
_HEADING_END = re.compile(r"[ \t]*(?:[:|–—-]|$)")
SUBJECT = "the subject"
_SPELT_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def _plain(word: str, *, spell_umlauts: bool = False) -> str:
    """A word as matched: folded as search folds it (no case, no accents), without dots
    ("S.A." is "sa"); with `spell_umlauts`, "ü" is "ue" before the accents go."""
    word = word.casefold().replace(".", "").replace("’", "'")
    if spell_umlauts:
        word = word.translate(_SPELT_OUT)
    return fold(word)


def without_legal_form(name: str) -> str:
    """`name` without the legal forms it ends with: "Solvia Versicherung" of "Solvia
    Versicherung AG", "Smith" of "Smith & Co. KG"; a name that is only a legal form stays."""
    words = list(_WORD.finditer(name))
    end = len(name)
    while len(words) > 1 and (
        (_plain(words[-1][0]) in LEGAL_FORMS and name[words[-1].start() - 1] in " \t,&")
        or words[-1][0] == "&"
    ):
        end = words.pop().start()
    return name[:end].rstrip(" \t,&") if end < len(name) else name


def _key(name: str, *, spell_umlauts: bool = False, legal_form: bool = False) -> tuple[str, ...]:
    """The words a company's name is matched by: without joiners, "The" or (unless
    `legal_form`) legal forms."""
    words = [_plain(word, spell_umlauts=spell_umlauts) for word in _WORD.findall(name)]
    words = [word for word in words if word not in _JOINERS and word != "&"]
    if words and words[0] == "the" and len(words) > 1:
        words.pop(0)
    while not legal_form and len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return tuple(words)


@dataclass(frozen=True, slots=True)
class AppliedMatch:
    """A company the user applied to, as they typed it, and where the email names it."""

    company: str
    where: str

    @property
    def reason(self) -> str:
        return f"you applied to {self.company} (named in {self.where})"


@dataclass(frozen=True, slots=True)
class _Word:
    plain: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Name:
    company: str
    key: tuple[str, ...]
    typed: tuple[str, ...]  # the words as typed, for "spelt exactly as the user typed it"
    full: tuple[str, ...]  # the key with the legal form, which tells "X AG" from "X GmbH"


class AppliedTo:
    """The companies the user applied to, ready to be looked for in emails. Built once per
    mail check; `AppliedTo(())` finds nothing."""

    def __init__(self, companies: Iterable[str]) -> None:
        self._by_first_word: dict[str, list[_Name]] = {}
        self._spellings: dict[str, str] = {}
        added: set[tuple[str, tuple[str, ...]]] = set()
        for company in dict.fromkeys(name.strip() for name in companies if name.strip()):
            key = _key(company)
            if all(word in LEGAL_FORMS or word.isdigit() for word in key):
                continue  # a name of legal forms or digits alone names no one
            typed = tuple(
                word for word in _WORD.findall(company) if _plain(word) in key and word != "&"
            )
            # Umlauts as written or spelt out: "Müller" in "Mueller & Soehne" too.
            for spell_umlauts in (False, True):
                key = _key(company, spell_umlauts=spell_umlauts)
                if (company, key) not in added:
                    added.add((company, key))
                    full = _key(company, spell_umlauts=spell_umlauts, legal_form=True)
                    self._by_first_word.setdefault(key[0], []).append(
                        _Name(company, key, typed, full)
                    )
                self._spellings.setdefault("".join(key), company)
        # The longest name first: "Harbor Health" before "Harbor".
        for names in self._by_first_word.values():
            names.sort(key=lambda name: len(name.key), reverse=True)

    def __bool__(self) -> bool:
        return bool(self._by_first_word)

    def find(
        self,
        *,
        sender_name: str,
        domain_labels: Sequence[str],
        texts: Sequence[tuple[str, str]],
    ) -> AppliedMatch | None:
        """The first known company named by, in this order, the sender's display name, a
        label of the sender's domain, and each of `texts` ((where, text), most trusted
        first: the subject, the signature, the first paragraphs)."""
        if not self:
            return None
        if company := self._in_words(sender_name, as_a_name=False):
            return AppliedMatch(company, "the sender's name")
        for label in domain_labels:
            spelt = "".join(_plain(part) for part in label.split("-"))
            if company := self._spellings.get(spelt) or self._in_words(
                label.replace("-", " "), as_a_name=False
            ):
                return AppliedMatch(company, "the sender's domain")
        for where, text in texts:
            if company := self._in_words(text, as_a_name=True, heading=where == SUBJECT):
                return AppliedMatch(company, where)
        return None

    def _in_words(self, text: str, *, as_a_name: bool, heading: bool = False) -> str:
        """The first known company whose words run, whole, in `text`; with `as_a_name`, only
        where the text writes them as a name (see the module's docstring)."""
        words = [
            _Word(_plain(match[0]), match[0], match.start(), match.end())
            for match in _WORD.finditer(text)
        ]
        kept = [word for word in words if word.plain not in _JOINERS and word.plain != "&"]
        for index, word in enumerate(kept):
            names = self._by_first_word.get(word.plain, ())
            for name in names:
                run = kept[index : index + len(name.key)]
                if _plains(kept, index, name.key) != name.key or _glued(text, run):
                    continue
                after = kept[index + len(run) : index + len(run) + 1]
                if as_a_name and not _written_as_a_name(
                    text,
                    run,
                    name,
                    kept[max(0, index - _OTHERS_REACH) : index],
                    after,
                    heading=heading,
                ):
                    continue
                # Of names alike but for their legal form, the one the email spells out
                # ("Beispiel AG", not "Beispiel GmbH").
                return next(
                    (
                        other.company
                        for other in names
                        if other.key == name.key and _plains(kept, index, other.full) == other.full
                    ),
                    name.company,
                )
        return ""


def _plains(words: list[_Word], index: int, like: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.plain for word in words[index : index + len(like)])


def _glued(text: str, run: list[_Word]) -> bool:
    """Whether a hyphen joins the run to a word before or after it: "Acme" in "Acme-Bank"."""
    before, after = run[0].start, run[-1].end
    return (before > 1 and text[before - 1] == "-" and text[before - 2].isalnum()) or (
        after + 1 < len(text) and text[after] == "-" and text[after + 1].isalnum()
    )


def _written_as_a_name(
    text: str,
    run: list[_Word],
    name: _Name,
    before: list[_Word],
    after: list[_Word],
    *,
    heading: bool,
) -> bool:
    if any(word.plain in _OTHERS for word in before):
        return False  # "clients such as Acme": someone else's name in a list
    as_typed = tuple(word.text for word in run) == name.typed
    if not as_typed and any(
        word.text[0].islower() and word.plain not in _SMALL_WORDS for word in run
    ):
        return False  # "apple pie"; but "University of Eastbridge"
    if len(run) > 1 or run[0].text[0].islower():
        return True
    # A word that starts a sentence is capitalised whatever it means; but a name that heads
    # a subject stands apart from what follows ("Acme - Data Analyst", "Acme: an update"),
    # and one followed by its legal form is a name ("Globex Corp. has decided").
    start, end = run[0].start, run[0].end
    return (
        not _SENTENCE_START.search(text, max(0, start - _LOOK_BACK), start)
        or (heading and start == 0 and _HEADING_END.match(text, end) is not None)
        or bool(after and after[0].plain in LEGAL_FORMS)
    )
