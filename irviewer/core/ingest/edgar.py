"""EDGAR submission text: split into documents and keep the readable ones.

A full submission (``<SEC-DOCUMENT>``) or a single wrapped document holds ``<DOCUMENT>``
parts, each with ``<TYPE>``, ``<FILENAME>`` and a ``<TEXT>`` body. The primary form (the first
document, e.g. the 8-K) and every ``EX-99`` exhibit are kept; other exhibits, XBRL and XML
parts, graphics and uuencoded binaries are dropped. Each kept document starts with a marker
Line ``[document TYPE]`` (e.g. ``[document EX-99.1]``) so later steps can find an exhibit.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from irviewer.core.ingest.base import Line
from irviewer.core.ingest.html import looks_like_html, read_html_text

log = logging.getLogger(__name__)

MARKER_FORMAT = "[document {type}]"
MARKER_PATTERN = re.compile(r"^\[document (?P<type>[^\]]+)\]$")

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.IGNORECASE | re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.IGNORECASE | re.DOTALL)
_UUENCODED = re.compile(r"^\s*begin [0-7]{3} \S", re.MULTILINE)
_BINARY_TYPES = re.compile(
    r"^(GRAPHIC|ZIP|EXCEL|PDF|XML|JSON|XSD|EX-101\b|EX-104\b|COVER\b)", re.IGNORECASE
)
_BINARY_NAMES = re.compile(
    r"\.(jpe?g|gif|png|bmp|tiff?|pdf|zip|xlsx?|xml|xsd|json|css|js)$", re.IGNORECASE
)
_PAGE_TAG = re.compile(r"^\s*<PAGE>\s*\d*\s*$", re.IGNORECASE)
# layout tags of old text filings; replaced by spaces so that columns stay aligned
_SGML_TAGS = re.compile(r"</?(?:TABLE|CAPTION|S|C|FN|R|F\d*)>", re.IGNORECASE)


@dataclass(frozen=True)
class EdgarDocument:
    type: str
    filename: str
    description: str
    body: str


def is_edgar_submission(text: str) -> bool:
    """True for an EDGAR submission or a single ``<DOCUMENT>`` with a ``<TYPE>`` line.

    A header-only file (no ``<DOCUMENT>``) is left to the plain-text reader.
    """
    head = text[:20000]
    if re.search(r"<DOCUMENT>\s*<TYPE>\s*[^\s<]", head, re.IGNORECASE):
        return True
    return bool(
        re.search(r"<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-HEADER>", head, re.IGNORECASE)
        and re.search(r"<DOCUMENT>", text, re.IGNORECASE)
    )


def _field(part: str, name: str) -> str:
    """A header field of a document part, e.g. ``<TYPE>EX-99.1`` (closing tag optional)."""
    head = re.split(r"<TEXT>", part, maxsplit=1, flags=re.IGNORECASE)[0][:4000]
    match = re.search(rf"<{name}>\s*([^\n<]*)", head, re.IGNORECASE)
    return match.group(1).strip() if match else ""


def split_documents(text: str) -> list[EdgarDocument]:
    """Every ``<DOCUMENT>`` of the submission, in file order."""
    docs = []
    for match in _DOCUMENT.finditer(text):
        part = match.group(1)
        body = _TEXT.search(part)
        docs.append(
            EdgarDocument(
                type=_field(part, "TYPE").upper(),
                filename=_field(part, "FILENAME"),
                description=_field(part, "DESCRIPTION"),
                body=body.group(1) if body else "",
            )
        )
    return docs


def is_binary(doc: EdgarDocument) -> bool:
    """Graphics, archives, XBRL/XML parts and uuencoded or PDF bodies."""
    if _BINARY_TYPES.match(doc.type) or _BINARY_NAMES.search(doc.filename):
        return True
    head = doc.body[:2000]
    return bool(_UUENCODED.search(head)) or "<PDF>" in head.upper()


def keep_document(doc: EdgarDocument, index: int, count: int) -> bool:
    """The primary form, EX-99 exhibits, and a document that stands alone."""
    if is_binary(doc):
        return False
    return index == 0 or count == 1 or doc.type.startswith("EX-99")


def _text_lines(body: str) -> list[Line]:
    """A plain-text document body; ``<PAGE>`` lines and form feeds start new pages."""
    lines: list[Line] = []
    page = 1
    for raw in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _PAGE_TAG.match(raw):
            page += 1
            continue
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
        raw = _SGML_TAGS.sub(lambda m: " " * len(m.group()), raw.expandtabs())
        lines.append(Line(raw.rstrip(), page))
    while lines and not lines[0].text.strip():
        lines.pop(0)
    return lines


def read_edgar_text(text: str) -> tuple[list[Line], bool]:
    """Lines of the kept documents, each after its marker; and whether any was HTML."""
    docs = split_documents(text)
    lines: list[Line] = []
    any_html = False
    tables = 0
    for index, doc in enumerate(docs):
        if not keep_document(doc, index, len(docs)):
            log.debug("EDGAR: dropped %s %s", doc.type, doc.filename)
            continue
        lines.append(Line(MARKER_FORMAT.format(type=doc.type or "UNKNOWN")))
        if looks_like_html(doc.body):
            any_html = True
            body = read_html_text(doc.body, first_table=tables)
            tables = 1 + max((ln.table for ln in body if ln.table is not None), default=tables - 1)
            lines.extend(body)
        else:
            lines.extend(_text_lines(doc.body))
    return lines, any_html
