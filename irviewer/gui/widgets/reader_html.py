"""Release -> HTML for the reader: header block, reflowed paragraphs and bullet lists.

Pure functions (no widgets) so they are easy to test. All document text is escaped; search
terms are wrapped in ``<span class="mark">``; bare URLs and e-mail addresses become links (the
view opens them only when clicked).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from irviewer.gui.style import chip_text_color, kind_color, kind_label
from irviewer.gui.widgets.timeline_delegate import format_date

BULLET = "• "
HEADING = "## "
_LINK = re.compile(
    r"(?P<url>https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?])"
    r"|(?P<www>\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?)"
    r"|(?P<mail>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)",
    re.IGNORECASE,
)


def term_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern matching any term at the start of a word (longest first)."""
    cleaned = sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    parts = []
    for term in cleaned:
        words = [re.escape(w) for w in term.split()]
        parts.append(r"\s+".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


def mark(text: str, pattern: re.Pattern[str] | None) -> str:
    """Escape ``text`` and wrap every match of ``pattern`` in a highlight span."""
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for m in pattern.finditer(text):
        if m.end() == m.start():
            continue
        out.append(escape(text[last : m.start()]))
        out.append(f'<span class="mark">{escape(m.group(0))}</span>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def rich_text(text: str, pattern: re.Pattern[str] | None) -> str:
    """Escape, highlight and link one run of text."""
    out, last = [], 0
    for m in _LINK.finditer(text):
        out.append(mark(text[last : m.start()], pattern))
        shown = m.group(0)
        if m.group("mail"):
            href = "mailto:" + shown
        elif m.group("www"):
            href = "https://" + shown
        else:
            href = shown
        out.append(f'<a href="{escape(href, quote=True)}">{mark(shown, pattern)}</a>')
        last = m.end()
    out.append(mark(text[last:], pattern))
    return "".join(out)


def body_blocks(body: str) -> list[tuple[str, list[str]]]:
    """Split a body into ('p', [text]) paragraphs, ('h', [text]) headings and ('ul', [items]).

    Paragraphs are separated by blank lines; lines inside a paragraph are joined with a space
    (reflow); a line starting with '• ' starts a bullet item, and the lines after it continue
    that item until the next bullet or blank line.
    """
    blocks: list[tuple[str, list[str]]] = []
    for chunk in re.split(r"\n\s*\n", body.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith(HEADING):
            blocks.append(("h", [lines[0][len(HEADING) :].strip()]))
            continue
        para: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith(BULLET.strip()) and (len(line) == 1 or line[1].isspace()):
                if para:
                    blocks.append(("p", [_join(para)]))
                    para = []
                items.append(line[1:].strip())
            elif items:
                items[-1] = _join([items[-1], line])
            else:
                para.append(line)
        if para:
            blocks.append(("p", [_join(para)]))
        if items:
            if blocks and blocks[-1][0] == "ul" and not para:
                blocks[-1][1].extend(items)
            else:
                blocks.append(("ul", items))
    return blocks


def _join(parts: list[str]) -> str:
    """Join printed lines into one paragraph, mending words hyphenated at a line end."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}"
    return text


def _chip(kind: str, dark: bool) -> str:
    bg = kind_color(kind, dark)
    fg = chip_text_color(bg)
    return (
        f'<span style="background-color: {bg.name()}; color: {fg.name()}; font-weight: 600;">'
        f"&nbsp;{escape(kind_label(kind))}&nbsp;</span>"
    )


def _edited(field: str, extracted: dict[str, Any], corrections: dict[str, Any]) -> str:
    if field not in corrections:
        return ""
    original = extracted.get(field)
    shown = original if original not in (None, "") else "nothing"
    return f' <span class="edited">✎ edited (extracted: {escape(str(shown))})</span>'


def release_html(stored: Any, terms: Sequence[str] = (), dark: bool = False) -> str:
    """The reader's HTML for a StoredRelease."""
    doc = stored.document
    extracted = dict(getattr(stored, "extracted", {}) or {})
    corrections = dict(getattr(stored, "corrections", {}) or {})
    pattern = term_pattern(terms)
    parts: list[str] = ["<html><body>"]
    headline = doc.headline or "(no headline)"
    # a styled paragraph, not <h1>: Qt adds a fixed size step to h1 that CSS cannot undo
    edited = _edited("headline", extracted, corrections)
    parts.append(f'<p class="headline">{mark(headline, pattern)}{edited}</p>')
    for sub in doc.subheadlines:
        parts.append(f'<p class="sub">{mark(sub, pattern)}</p>')

    meta = [_chip(doc.kind or "other", dark) + _edited("kind", extracted, corrections)]
    meta.append(f"<b>{escape(format_date(doc.date))}</b>" + _edited("date", extracted, corrections))
    if doc.company or "company" in corrections:
        meta.append(
            mark(doc.company or "(no company)", pattern)
            + _edited("company", extracted, corrections)
        )
    if doc.ticker:
        meta.append(escape(doc.ticker))
    if doc.dateline:
        meta.insert(2, mark(doc.dateline, pattern))
    parts.append('<p class="meta">' + " &nbsp;·&nbsp; ".join(meta) + "</p>")
    parts.append('<p class="rule">&nbsp;</p>')

    # the core leaves the title block (headline, sub-headlines, date line) out of the body
    blocks = body_blocks(doc.body or "")
    if not blocks:
        parts.append('<p class="sub">This release has no body text.</p>')
    for tag, texts in blocks:
        if tag == "p":
            parts.append(f"<p>{rich_text(texts[0], pattern)}</p>")
        elif tag == "h":
            parts.append(f'<p class="section"><b>{rich_text(texts[0], pattern)}</b></p>')
        else:
            items = "".join(f"<li>{rich_text(t, pattern)}</li>" for t in texts)
            parts.append(f"<ul>{items}</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def pages_html(pages: Sequence[str], terms: Sequence[str] = ()) -> str:
    """Per-page text as preformatted blocks with page headings (the 'Original' fallback)."""
    pattern = term_pattern(terms)
    parts = ["<html><body>"]
    for number, text in enumerate(pages, start=1):
        parts.append(f'<p class="meta"><b>Page {number}</b></p>')
        parts.append(f"<pre>{mark(text, pattern)}</pre>")
    if not pages:
        parts.append('<p class="sub">The original text is not available.</p>')
    parts.append("</body></html>")
    return "\n".join(parts)
