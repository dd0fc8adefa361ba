"""Words of contact blocks: names, titles, organisations, phones and emails.

Phones are found with ``phonenumbers`` (US default region, valid numbers only) and kept as
printed; names, titles and organisations are told apart by their words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency

from irviewer.core.extract.chars import count_decimals, count_digits, has_digit

EMAIL_RE = re.compile(r"[A-Za-z0-9][\w.+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL_RE = re.compile(
    r"^(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|xyz|co|eu|fr|de|nl|uk)"
    r"(?:/\S*)?)$",
    re.IGNORECASE,
)

FIELD_PREFIX_RE = re.compile(
    r"^(?i:tel|telephone|phone|ph|t|p|m|mob|mobile|cell|office|direct|o|d|e-?mail|e|mail"
    r"|fax|f|w|web|website|mailto)\.?$"
)
PHONE_LIKE_RE = re.compile(r"\+?(?:\(\d{1,4}\)\s?)?\d{2,4}(?:[\s.-]\(?\d{1,4}\)?){1,4}")
FAX_PREFIX_RE = re.compile(r"^(?i:fax|f)\.?$")
ORG_SUFFIX_RE = re.compile(
    r"(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|LP"
    r"|L\.P|plc|PLC|S\.A|SA|AG|N\.V|NV|GmbH|SE|Group|Consulting|Partners|Associates|Agency"
    r"|Advisors|Advisory|Strategies|Holdings|Worldwide|PR|Communications)\.?)(?=$|\s)"
)
LEGAL_FORM_RE = re.compile(
    r"\b(?:Inc|Corp|Corporation|Company|LLC|Ltd|Limited|plc|PLC|LLP|LP|Co|AG|SA)\.?$"
)
CREDENTIAL_RE = re.compile(r"(?:Jr|Sr|II|III|IV|CFA|CPA|Ph\.?D|MBA|M\.?D|IRC|Esq)\.?")
TITLE_WORDS = {
    "president", "vice", "vp", "svp", "evp", "avp", "director", "head", "manager", "officer",
    "chief", "executive", "senior", "sr", "associate", "assistant", "lead", "leader",
    "specialist", "analyst", "counsel", "spokesperson", "spokesman", "spokeswoman",
    "coordinator", "partner", "principal", "treasurer", "secretary", "chairman", "chair",
    "ceo", "cfo", "coo", "founder", "advisor", "consultant", "strategist", "administrator",
    "managing", "general",
}
TITLE_START = TITLE_WORDS - {"partner", "general", "counsel", "officer", "lead"}
NOT_NAME_WORDS = TITLE_WORDS | {
    "the", "and", "for", "of", "inc", "about", "contact", "contacts", "information", "relations",
    "communications", "media", "investor", "investors", "press", "office", "email", "e-mail",
    "phone", "tel", "source", "news", "release", "reports", "results", "statements", "financial",
    "quarter", "company", "corporation", "group", "global", "corporate", "us", "more", "useful",
    "links", "website", "follow", "visit", "call", "conference", "webcast", "department",
    "exhibit", "table", "total", "net", "income", "revenue", "revenues", "shareholder",
    "category", "industry", "english", "version", "versions", "feed", "rss", "pr", "ir",
}
LONE_STOP_WORDS = {"page", "home", "share", "print", "download", "back", "top", "menu", "search",
                   "careers", "events", "website", "fax", "mobile", "cell", "direct", "web",
                   "twitter", "linkedin", "facebook", "youtube", "instagram", "x"}
# Words a title line cannot end with: it wraps onto the next line, or two titles run together.
DANGLING = {"vice", "senior", "sr.", "head", "of", "and", "&", "executive", "chief", "associate",
            "assistant", "global", "deputy", "group", "corporate", "investor", "media", "public"}
PARTICLES = {"de", "van", "von", "der", "den", "du", "la", "le", "da", "di", "del", "dos", "ter",
             "ten", "y", "bin", "al"}
CONNECTORS = PARTICLES | {"and", "of", "for", "or", "the", "&", "-", "–", "—", "/", "|", "at"}


@dataclass(frozen=True)
class Piece:
    """A typed chunk of a contact line.

    kind: email, phone, label (role label), generic (a bare 'Contact' label), paren (a role
    in parentheses), or, prefix (Tel./E-mail:), fax (a Fax: prefix), name, title, org,
    ignore (URLs, stray marks) or other (text that is not contact material).
    """

    kind: str
    text: str
    role: str | None = None  # investor | media | both, for label/paren pieces
    org: str | None = None  # an organisation printed before a label ("Acme Investor Contact")
    start: int = 0  # offset in the line, where known


@lru_cache(maxsize=8192)
def norm_key(text: str) -> str:
    """Lower-case ASCII letters and digits only, for loose comparisons."""
    text = unicodedata.normalize("NFKD", text)
    return _NOT_KEY_CHAR.sub("", text.encode("ascii", "ignore").decode().casefold())


_NOT_KEY_CHAR = re.compile(r"[^a-z0-9]")


def find_emails(text: str) -> list[tuple[int, int, str]]:
    if "@" not in text:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in EMAIL_RE.finditer(text)]


def find_phones(text: str) -> list[tuple[int, int, str]]:
    """Valid phone numbers (US default region) printed in text, kept as printed.

    Emails are masked first so digits inside them are never read as numbers; a match needs
    ten digits or a leading '+', which keeps table figures and short codes out.
    """
    masked = EMAIL_RE.sub(_blank, text) if "@" in text else text
    if not _may_hold_phone(masked):
        return []
    return [m for m in _phones_in(masked, 0, 2)
            if count_decimals(m[2]) >= 10 or m[2].startswith("+")]


# The matcher is slow (about a millisecond for a row of figures), so it only runs on text where
# a hit that find_phones keeps is possible. A hit is part of one candidate: digits, the
# matcher's punctuation and opening brackets, then maybe an extension ('ext. 12'). Without a
# plus sign, a valid number is read in national form (NANPA: ten digits) or after the '011'
# prefix (3 digits + country code + national number: at least MIN_IDD_DIGITS with the
# library's metadata; a test checks this), all of them in one run of such characters, since
# an extension is cut off before the number is read. So text whose runs all hold fewer digits
# holds no hit worth the matcher's time.
MIN_IDD_DIGITS = 9
try:
    from phonenumbers.phonenumbermatcher import _OPENING_PARENS
    from phonenumbers.phonenumberutil import _PLUS_CHARS, _REGEX_FLAGS, _VALID_PUNCTUATION

    _MARKS = f"{_VALID_PUNCTUATION}{_PLUS_CHARS}{_OPENING_PARENS}"
    # a run of those characters and digits, from its start, when it holds a digit
    _PHONE_RUN: re.Pattern[str] | None = re.compile(
        rf"[{_MARKS}]*\d[{_MARKS}\d]*", _REGEX_FLAGS
    )
    _PLUS_SIGNS = tuple(_PLUS_CHARS)
except (ImportError, re.error):  # another library version: always run the matcher
    _PHONE_RUN, _PLUS_SIGNS = None, ()


def _may_hold_phone(masked: str) -> bool:
    """False only when the matcher cannot find a number that find_phones keeps."""
    return _first_phone_run(masked) < len(masked)


def _first_phone_run(masked: str) -> int:
    """Where the first run that may hold a kept number starts (len(masked) when none does;
    0 when that cannot be told: a plus sign, or another library version). Emails masked."""
    if _PHONE_RUN is None or any(sign in masked for sign in _PLUS_SIGNS) or "+" in masked:
        return 0
    if count_decimals(masked) >= MIN_IDD_DIGITS:
        for m in _PHONE_RUN.finditer(masked):
            if count_decimals(m.group()) >= MIN_IDD_DIGITS:
                return m.start()
    return len(masked)


def phone_free_prefix(text: str) -> int:
    """How far from the start of text no number find_phones keeps can begin: a kept number
    starts inside a run of digits and marks that holds MIN_IDD_DIGITS digits (see above)."""
    return _first_phone_run(EMAIL_RE.sub(_blank, text) if "@" in text else text)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _phones_in(text: str, offset: int, depth: int) -> list[tuple[int, int, str]]:
    """Matcher hits, then hits in the gaps between them: numbers printed side by side
    ('+33 (0)1 ... 212.555.0147') can hide each other from one pass."""
    found = [(offset + s, offset + e, raw) for s, e, raw in _matches(text)]
    if depth == 0:
        return found
    out: list[tuple[int, int, str]] = []
    pos = offset
    for s, e, raw in [*found, (offset + len(text), offset + len(text), "")]:
        gap = text[pos - offset: s - offset]
        if count_digits(gap) >= 7:
            out += _phones_in(gap, pos, depth - 1)
        if raw:
            out.append((s, e, raw))
        pos = e
    return out


@lru_cache(maxsize=4096)
def _matches(text: str) -> tuple[tuple[int, int, str], ...]:
    try:
        found = phonenumbers.PhoneNumberMatcher(text, "US", leniency=Leniency.VALID)
        return tuple((m.start, m.end, m.raw_string) for m in found)
    except Exception:  # noqa: BLE001 - a library hiccup must not stop the parse
        return ()


def has_title_word(text: str) -> bool:
    return any(bare(t).casefold() in TITLE_WORDS for t in text.split())


def bare(token: str) -> str:
    return token.strip(",.;:()[]\"'\u2019")


def is_name(text: str) -> bool:
    """A person's name: 2-5 capitalised words, initials or particles ('David H. Lim')."""
    head, _, tail = text.partition(",")
    if tail and not CREDENTIAL_RE.fullmatch(tail.strip()):
        return False  # 'Jane Doe, Acme Corp' is a name and something else
    tokens = head.split() + tail.split()
    if not 2 <= len(tokens) <= 5 or has_digit(text):
        return False
    if not (_name_word(tokens[0]) and _name_word(tokens[-1])):
        return False
    for tok in tokens:
        word = bare(tok)
        if word.casefold() in NOT_NAME_WORDS:
            return False
        if not (_name_word(tok) or _INITIAL_RE.fullmatch(tok) or tok in PARTICLES
                or CREDENTIAL_RE.fullmatch(tok.rstrip(","))):
            return False
    return True


def _name_word(tok: str) -> bool:
    tok = tok.rstrip(",")
    return bool(_NAME_WORD_RE.fullmatch(tok)) and tok[0].isupper() and len(tok.rstrip(".")) >= 2


_INITIAL_RE = re.compile(r"[A-Z]\.?")
_NAME_WORD_RE = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*\.?")
_ORG_TOKEN_RE = re.compile(r"[\w&.'-]+")


def is_title(text: str) -> bool:
    """A job title: holds a title word ('Head', 'Vice President', 'Director') and no digits."""
    tokens = text.split()
    if not tokens or len(tokens) > 14 or has_digit(text):
        return False
    return any(bare(t)[:1].isupper() and bare(t).casefold() in TITLE_WORDS for t in tokens)


def starts_title(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and bare(tokens[0]).casefold() in TITLE_START and tokens[0][0].isupper()


def is_org(text: str, hints: frozenset[str] = frozenset()) -> bool:
    """An organisation: ends with a company suffix, or matches the company or a mail domain."""
    text = text.strip(" ,;")
    if not text or not text[0].isupper() and not text[0].isdigit():
        return False
    if has_digit(text) and not _ORG_TOKEN_RE.fullmatch(text):
        return False
    if has_title_word(text) and not LEGAL_FORM_RE.search(text):
        return False  # 'Vice President, PR' is a title
    suffix = ORG_SUFFIX_RE.search(text)
    if suffix and suffix.end() == len(text):
        return len(text.split()) <= 8
    key = norm_key(text)
    if len(key) < 2:
        return False
    # 'Acme' for Acme Widgets, Inc.: the start of the company's name
    return key in hints or (len(key) >= 4 and any(h.startswith(key) for h in hints))
