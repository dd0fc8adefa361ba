"""Typed pieces of contact lines: labels, names, titles, organisations, phones and emails.

A printed line is cut into pieces (``split_pieces``): emails and phone numbers first, then
the text between them is cut at colons, semicolons, parentheses and ``or``, and each chunk is
classified as a label ('Investor Contact:'), a name, a title, an organisation or other text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from irviewer.core.extract.chars import count_decimals, count_digits, has_digit
from irviewer.core.extract.contacts_words import (
    CONNECTORS,
    EMAIL_RE,
    FAX_PREFIX_RE,
    FIELD_PREFIX_RE,
    LONE_STOP_WORDS,
    NOT_NAME_WORDS,
    ORG_SUFFIX_RE,
    PHONE_LIKE_RE,
    TITLE_START,
    URL_RE,
    Piece,
    bare,
    find_emails,
    find_phones,
    has_title_word,
    is_name,
    is_org,
    is_title,
    phone_free_prefix,
    starts_title,
)

NAME_SEP_RE = re.compile(r",|\s[-\u2013\u2014]\s")
LINK_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Audience words. "and"/"&" joins two of them ("Investors and Media").
_INV = r"investors?(?:\s+relations)?|shareholders?(?:\s+relations)?|analysts?|IR"
_MED = (
    r"media(?:\s+relations)?|press(?:\s+office)?|newsroom|public\s+relations|PR|news\s+media"
    r"|journalists|(?:corporate\s+|external\s+)?communications"
)
_ROLE = rf"(?:(?P<inv>{_INV})|(?P<med>{_MED}))(?!\w)"
_ROLE2 = rf"(?:(?P<inv2>{_INV})|(?P<med2>{_MED}))(?!\w)"
_ADJ = r"(?:(?:global|corporate|group|financial|international)\s+)?"
_TAIL = r"(?:\s+(?:contacts?|inquiries|enquiries|queries|team|department|office))?"
_REGION = (
    r"(?:\s*[-\u2013\u2014]\s*(?!(?i:media|press|investors?)\b)[A-Z][\w.]*"
    r"(?:\s+(?!(?i:media|press|investors?)\b)[A-Z][\w.]*)*)?"
)
ROLE_LABEL_RE = re.compile(
    rf"(?i:(?:for\s+)?{_ADJ}{_ROLE}(?:\s*(?:and|&|/)\s*(?:the\s+)?{_ROLE2})?{_TAIL})"
    rf"{_REGION}\s*:?\s*"
)
GENERIC_LABEL_RE = re.compile(
    r"(?i:(?:(?:for\s+)?(?:more|further|additional)\s+information"
    r"(?:\s+(?:about|on|regarding)\s+[\w.&-]+)?\s*,?\s*(?:(?:please\s+)?contacts?)?"
    r"|(?:please\s+)?contacts?(?:\s+(?:information|us|details|persons?))?"
    r"|inquiries|enquiries))\s*:?\s*"
)
CONTACT_WORD_RE = re.compile(r"(?i:contacts?)\s*:?\s*")
VAGUE_ORGS = {
    "company",
    "corporate",
    "main",
    "general",
    "primary",
    "key",
    "additional",
    "other",
    "the company",
    "our",
}
ORG_WORD_RE = re.compile(r"(?=[\w&.'\u2019-]*[A-Za-z])[A-Z0-9][\w&.'\u2019-]*\s+")


def _role_of(m: re.Match[str]) -> str:
    first = "investor" if m.group("inv") else "media"
    if m.group("inv2") or m.group("med2"):
        second = "investor" if m.group("inv2") else "media"
        if second != first:
            return "both"
    return first


def parse_labels(text: str) -> list[Piece] | None:
    """The labels that make up all of ``text``, or None when it holds anything else.

    Handles 'Investor Contacts:', 'Contacts: Media Investors', 'Media - Europe',
    'Acme Investor Contact' (an organisation before the first label) and 'Contact Us'.
    """
    pieces = _parse_labels(text)
    return None if pieces is None else list(pieces)


@lru_cache(maxsize=8192)
def _parse_labels(text: str) -> tuple[Piece, ...] | None:
    text = text.strip()
    if not text:
        return None
    pieces: list[Piece] = []
    pos = 0
    first = True
    while pos < len(text):
        m = GENERIC_LABEL_RE.match(text, pos)
        if m and m.end() > pos and _word_end(text, m.end()):
            pieces.append(Piece("generic", m.group(0).strip(" :"), start=pos))
            pos = m.end()
            first = False
            continue
        m = ROLE_LABEL_RE.match(text, pos)
        org, kind = None, "label"
        if not (m and _word_end(text, m.end())) and first:
            m, org, kind = _prefixed_label(text, pos)
        if not (m and m.end() > pos and _word_end(text, m.end())):
            return None
        label = m.group(0).strip(" :")
        role = _role_of(m) if kind == "label" else None
        pieces.append(Piece(kind, label, role=role, org=org, start=pos))
        pos = m.end()
        first = False
    return tuple(pieces)


def _prefixed_label(text: str, pos: int) -> tuple[re.Match[str] | None, str | None, str]:
    """A label after one to three capitalised words naming an organisation
    ('Acme Investor Contact', 'Acme Contact:'); returns (match, organisation, kind)."""
    end = pos
    for _ in range(3):
        w = ORG_WORD_RE.match(text, end)
        if not w:
            break
        end = w.end()
        org = text[pos:end].strip()
        if has_title_word(org):
            break
        for regex, kind in ((ROLE_LABEL_RE, "label"), (CONTACT_WORD_RE, "generic")):
            m = regex.match(text, end)
            # 'Acme Media Relations', 'Acme Contact:' but not the agency 'Northpoint PR'
            if (
                m
                and _word_end(text, m.end())
                and (kind == "generic" or len(m.group(0).split()) >= 2 or ":" in m.group(0))
            ):
                return m, (None if org.casefold() in VAGUE_ORGS else org), kind
    return None, None, ""


def _word_end(text: str, end: int) -> bool:
    return end >= len(text) or not text[end].isalnum() or text[end - 1].isspace()


# A parenthesised aside, or a run up to a colon, or a run; '(617)' stays inside its run.
SEGMENT_RE = re.compile(
    r"\((?!\d+\))[^()]*\)|(?:[^:;|\u2022()]|\(\d+\))+:|(?:[^:;|\u2022()]|\(\d+\))+"
)


_AREA_CODE_RE = re.compile(r"\(\d+\)")
_CUT_RE = re.compile(r"(\s+or\s+|^or\s+|\s+or$|\s+/\s+|\s{2,}|\t)")
_SPACE_PAIR_RE = re.compile(r"\s\s")


def _may_cut(chunk: str) -> bool:
    """Whether _CUT_RE can match: it needs 'or', a slash, a tab or two spaces in a row."""
    return "or" in chunk or "/" in chunk or "\t" in chunk or bool(_SPACE_PAIR_RE.search(chunk))


_ONE_WORD_RE = re.compile(r"[\w&.'\u2019-]+")
_FIGURE_RE = re.compile(r"[\d,.()/-]+")


def _iter_segments(text: str) -> Iterator[tuple[int, str]]:
    for m in SEGMENT_RE.finditer(text):
        chunk = m.group(0)
        if chunk.startswith("(") and not _AREA_CODE_RE.match(chunk):
            yield m.start(), chunk
            continue
        yield from _chunk_parts(m.start(), chunk)


def _chunk_parts(pos: int, chunk: str) -> Iterator[tuple[int, str]]:
    """A segment cut at 'or', slashes and wide spaces (blank parts left out)."""
    if not _may_cut(chunk):
        if chunk.strip():
            yield pos, chunk
        return
    for part in _CUT_RE.split(chunk):
        if part.strip():
            yield pos, part
        pos += len(part)


def may_hold_phone(text: str) -> bool:
    """False only when no piece of text can be a phone: neither a number find_phones keeps
    nor a phone-like chunk (PHONE_LIKE_RE with nine digits or more, whose characters all
    belong to _PHONEISH_RUN)."""
    if phone_free_prefix(text) < len(text):
        return True
    return any(count_decimals(m.group()) >= 9 for m in _PHONEISH_RUN.finditer(text))


_PHONEISH_RUN = re.compile(r"[\d\s.()+\-]*\d[\d\s.()+\-]*")


def leading_pieces(text: str, hints: frozenset[str] = frozenset()) -> Iterator[Piece]:
    """The first pieces of split_pieces(text), as far as they can be told without looking for
    phone numbers (the slow part): those of the segments that end before any email, link or
    phone can start. May yield nothing."""
    end = phone_free_prefix(text)
    emails = find_emails(text)
    if emails:
        end = min(end, emails[0][0])
    if _may_link(text):
        link = LINK_RE.search(text)
        if link:
            end = min(end, link.start())
    if end == len(text):  # no email, link or phone anywhere: these are all the pieces
        for off, seg in _iter_segments(text):
            yield from classify_text(seg, hints, off)
        return
    head = text[:end]
    if "(" in head or ")" in head:
        return  # a bracket's segment may reach past the end
    # Without brackets, a segment is a run up to the next ':;|•' (a ':' kept), decided by the
    # characters up to that mark: the same in head as in the text before the first email,
    # link or phone, which is where split_pieces cuts its first segments.
    for m in SEGMENT_RE.finditer(head):
        if m.end() == end and not m.group(0).endswith(":"):
            return  # the run reaches the end of head: it may go on
        for off, seg in _chunk_parts(m.start(), m.group(0)):
            yield from classify_text(seg, hints, off)


def _may_link(text: str) -> bool:
    """What LINK_RE needs: '://' or 'www.' (any case)."""
    return "://" in text or not text.isascii() or "www." in text.lower()


def classify_text(text: str, hints: frozenset[str], start: int = 0) -> list[Piece]:
    """Type one chunk of text; a chunk may hold an organisation then a name, or a name then
    a title ('Acme, Inc. Jane Doe', 'Jane Doe, Vice President')."""
    pieces = _classify_cached(text, hints)
    if not start:
        return list(pieces)
    # every piece's offset is `start` plus its offset in the chunk
    return [Piece(p.kind, p.text, p.role, p.org, p.start + start) for p in pieces]


@lru_cache(maxsize=8192)
def _classify_cached(text: str, hints: frozenset[str]) -> tuple[Piece, ...]:
    return tuple(_classify(text, hints, 0))


def _classify(text: str, hints: frozenset[str], start: int) -> list[Piece]:
    raw = text
    text = text.strip(" \t,;:|\u2022*#_")
    if not text:
        return []
    if text.casefold() in {"or", "/"}:
        return [Piece("or", text, start=start)]
    if FIELD_PREFIX_RE.match(text):
        return [Piece("fax" if FAX_PREFIX_RE.match(text) else "prefix", text, start=start)]
    if PHONE_LIKE_RE.fullmatch(text) and 9 <= count_digits(text) <= 13:
        return [Piece("phone", text, start=start)]
    if URL_RE.match(text) or not any(ch.isalnum() for ch in text):
        return [Piece("ignore", text, start=start)]
    if text.startswith("(") and text.endswith(")"):
        labels = parse_labels(text[1:-1])
        if labels and any(p.kind == "label" for p in labels):
            roles = [p.role for p in labels if p.kind == "label"]
            return [Piece("paren", text, role=_merge_roles(roles), start=start)]
        return [Piece("ignore", text, start=start)]
    labels = parse_labels(text)
    if labels is not None:
        return [Piece(p.kind, p.text, p.role, p.org, start + p.start) for p in labels]
    m = NAME_SEP_RE.search(text)
    if m:  # 'Jane Doe, Acme Corp.' before 'Acme Widgets, Inc.' is read as one org
        head, rest = text[: m.start()], text[m.end() :]
        if is_name(head) and is_org(rest, hints):
            return [
                Piece("name", head.strip(), start=start),
                Piece("org", rest.strip(" ,"), start=start + m.end()),
            ]
    if is_title(text) and not is_name(text) and (starts_title(text) or "," not in text):
        return [Piece("title", text, start=start)]
    if is_org(text, hints):
        return [Piece("org", text, start=start)]
    if is_name(text):
        return [Piece("name", text.rstrip(","), start=start)]
    if _lone_org_word(text):
        return [Piece("org", text, start=start)]
    split = _split_compound(text, hints, start)
    if split:
        return split
    return [Piece("other", raw.strip(), start=start)]


def _capitalised(text: str) -> bool:
    """Up to five capitalised words: after 'Jane Doe,' they name her firm ('Acme Labs')."""
    words = text.strip(" ,").split()
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w in ("&", "of", "and") for w in words)


def _lone_org_word(text: str) -> bool:
    """One capitalised word such as 'Citadel-MAGNUS' on its own line: an organisation."""
    return (
        " " not in text
        and 2 <= len(text) <= 30
        and text[0].isupper()
        and _ONE_WORD_RE.fullmatch(text) is not None
        and not has_digit(text)
        and text.casefold().strip(".") not in NOT_NAME_WORDS | LONE_STOP_WORDS
    )


def _merge_roles(roles: list[str | None]) -> str:
    kinds = {r for r in roles if r}
    if "both" in kinds or {"investor", "media"} <= kinds:
        return "both"
    return kinds.pop() if kinds else "investor"


def _split_compound(text: str, hints: frozenset[str], start: int) -> list[Piece] | None:
    """Organisation + name, or name + title, in one chunk; None when neither fits."""
    m = ORG_SUFFIX_RE.search(text)
    if m and m.end() < len(text):
        org, rest = text[: m.end()], text[m.end() :]
        if is_org(org, hints):
            tail = classify_text(rest, hints, start + m.end())
            if tail and all(p.kind in ("name", "title") for p in tail):
                return [Piece("org", org.strip(), start=start)] + tail
    m = NAME_SEP_RE.search(text)  # 'Jane Doe, Vice President' / 'Jane Doe – VP'
    if m:
        head, rest = text[: m.start()], text[m.end() :]
        if is_name(head) and (is_title(rest) or is_org(rest, hints) or _capitalised(rest)):
            kind = "title" if is_title(rest) else "org"
            return [
                Piece("name", head.strip(), start=start),
                Piece(kind, rest.strip(" ,"), start=start + m.end()),
            ]
    tokens = text.split()
    for i in range(2, min(len(tokens), 6)):
        if bare(tokens[i]).casefold() in TITLE_START:
            head, rest = " ".join(tokens[:i]), " ".join(tokens[i:])
            if is_name(head) and is_title(rest):
                return [Piece("name", head, start=start), Piece("title", rest, start=start)]
            break
    return None


@lru_cache(maxsize=8192)
def split_pieces(text: str, hints: frozenset[str] = frozenset()) -> tuple[Piece, ...]:
    """All pieces of one printed line, in reading order."""
    return tuple(iter_pieces(text, hints))


def iter_pieces(text: str, hints: frozenset[str] = frozenset()) -> Iterator[Piece]:
    """The pieces of split_pieces one at a time (a caller may stop early)."""
    spans = [(s, e, "email", v) for s, e, v in find_emails(text)]
    spans += [(s, e, "phone", v) for s, e, v in find_phones(text)]
    if _may_link(text):
        spans += [(m.start(), m.end(), "ignore", m.group(0)) for m in LINK_RE.finditer(text)]
    spans.sort()
    pos = 0
    for s, e, kind, value in spans + [(len(text), len(text), "", "")]:
        if s < pos:
            continue
        for off, seg in _iter_segments(text[pos:s]):
            yield from classify_text(seg, hints, pos + off)
        if kind:
            yield Piece(kind, value, start=s)
        pos = e


def loose_contact_line(text: str) -> bool:
    """Capitalised words, emails and phones only: a grid row of names, titles or orgs."""
    masked = EMAIL_RE.sub(" ", text)
    for s, e, _ in sorted(find_phones(masked), reverse=True):
        masked = masked[:s] + " " + masked[e:]
    tokens = masked.split()
    if not tokens or len(text) > 160:
        return False
    for tok in tokens:
        word = bare(tok)
        if not word:
            continue
        if word.isdigit() or _FIGURE_RE.fullmatch(word):
            return False
        if not (
            word[0].isupper()
            or word[0].isdigit()
            or word.casefold() in CONNECTORS
            or FIELD_PREFIX_RE.match(word)
            or URL_RE.match(word)
        ):
            return False
    return True
