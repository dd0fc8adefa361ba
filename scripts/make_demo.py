"""Generate ``resources/demo/``: a fictional IR press-release archive for first-run demos.

Usage: ``python scripts/make_demo.py [OUT_DIR]``. Output is deterministic (PDFs are written
with reportlab's invariant mode). All content is invented; see ``demo_content.py``.
"""

from __future__ import annotations

import html
import shutil
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import demo_content as dc  # noqa: E402

rl_config.invariant = 1
OUT = Path(__file__).resolve().parent.parent / "resources" / "demo"
Quarter = tuple[int, int]
MONTH_END = {1: "March 31,", 2: "June 30,", 3: "September 30,", 4: "December 31,"}
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
TEAL = colors.Color(0.05, 0.42, 0.45)


def long_date(iso: str) -> str:
    """'2025-03-04' -> 'March 4, 2025'."""
    d = date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}"


# ---------------------------------------------------------------------------------------
# Financial model
# ---------------------------------------------------------------------------------------
def all_quarters() -> list[Quarter]:
    """Modelled quarters, Q1 2019 through Q3 2025."""
    return [(y, q) for y in range(2019, 2026) for q in range(1, 5) if (y, q) <= (2025, 3)]


def build_model() -> dict[Quarter, dict[str, int]]:
    """Per-quarter income-statement flows and period-end balance-sheet items ($ thousands)."""
    model: dict[Quarter, dict[str, int]] = {}
    qs = all_quarters()
    apic, deficit, prev_aoci, recognized = 326_420, -148_312, 9, 0
    first_collab = qs.index((2022, 1))
    for i, (y, q) in enumerate(qs):
        k = q - 1
        up_i = i - first_collab
        upfront = dc.UPFRONT_SCHEDULE[up_i] if up_i >= 0 else 0
        recognized += upfront
        m: dict[str, int] = {
            "grant": dc.GRANT.get(y, [0] * 4)[k],
            "collab": upfront + dc.MILESTONES.get((y, q), 0),
            "rd": dc.RD[y][k],
            "ga": dc.GA[y][k],
            "other": dc.OTHER[y][k],
            "shares": dc.SHARES[y][k],
            "aoci": dc.AOCI[y][k],
        }
        m["rev"] = m["grant"] + m["collab"]
        m["opex"] = m["rd"] + m["ga"]
        m["oploss"] = m["rev"] - m["opex"]
        m["net"] = m["oploss"] + m["other"]
        m["oci"] = m["aoci"] - prev_aoci
        m["comp"] = m["net"] + m["oci"]
        prev_aoci = m["aoci"]
        # Balance sheet: equity from the flows, cash as the balancing item.
        apic += round(m["opex"] * 0.11) + dc.FINANCING.get((y, q), 0) + 95
        deficit += m["net"]
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        # Shares outstanding at period end: next quarter's weighted average, unless an
        # offering in that quarter would leak into it.
        if nxt and nxt not in dc.FINANCING:
            out_k = dc.SHARES[nxt[0]][nxt[1] - 1]
        else:
            out_k = m["shares"] + 120
        m["shares_out"] = out_k * 1000 + (out_k * 37) % 1000
        m["common"] = round(out_k / 10000)
        m["apic"], m["deficit"] = apic, deficit
        m["equity"] = m["common"] + apic + m["aoci"] + deficit
        if up_i >= 0:
            m["def_cur"] = sum(dc.UPFRONT_SCHEDULE[up_i + 1 : up_i + 5])
            m["def_nc"] = dc.UPFRONT - recognized - m["def_cur"]
        else:
            m["def_cur"] = m["def_nc"] = 0
        new_hq = (y, q) >= (2023, 3)
        lease = 24_600 - 430 * (i - qs.index((2023, 3))) if new_hq else 9_860 - 395 * i
        m["lease_cur"] = 1_720 if new_hq else min(lease, 1_580)
        m["lease_nc"] = lease - m["lease_cur"]
        m["rou"] = round(lease * 0.91)
        m["ppe"] = 7_310 - 180 * (i - 18) if new_hq else 2_104 + 35 * i
        m["restricted"] = 2_460 if new_hq else 1_150
        m["other_nc"] = 318 + (i * 53) % 240
        m["prepaid"] = round(m["rd"] * 0.21 + m["ga"] * 0.05)
        m["ap"] = round(m["rd"] * 0.26 + m["ga"] * 0.08)
        m["accrued"] = round(m["opex"] * 0.41)
        m["tcl"] = m["ap"] + m["accrued"] + m["def_cur"] + m["lease_cur"]
        m["tl"] = m["tcl"] + m["def_nc"] + m["lease_nc"]
        m["ta"] = m["tl"] + m["equity"]
        m["cash_total"] = (
            m["ta"] - m["prepaid"] - m["ppe"] - m["rou"] - m["restricted"] - m["other_nc"]
        )
        m["cash"] = round(m["cash_total"] * (0.41, 0.37, 0.45, 0.33, 0.39)[i % 5])
        m["mkt"] = m["cash_total"] - m["cash"]
        m["tca"] = m["cash_total"] + m["prepaid"]
        model[(y, q)] = m
    return model


MODEL = build_model()


@dataclass
class Column:
    """One period column of a statement."""

    year: int
    quarters: list[Quarter]

    def value(self, key: str) -> int:
        """Sum of a flow over the column's quarters (mean for share counts)."""
        vals = [MODEL[q][key] for q in self.quarters]
        return round(sum(vals) / len(vals)) if key == "shares" else sum(vals)

    def eps(self) -> float:
        """Net loss per share."""
        return self.value("net") / self.value("shares")


@dataclass
class Row:
    """A statement row: label lines, cell texts, and presentation flags."""

    label: str
    cells: list[str] = field(default_factory=list)
    indent: int = 1
    dollar: bool = False
    kind: str = "item"  # head | item | total | grand


def fmt(v: int) -> str:
    """Accounting format: 1,234 / (1,234) / em dash for zero."""
    if v == 0:
        return "—"
    return f"({-v:,})" if v < 0 else f"{v:,}"


def period_groups(y: int, q: int) -> list[tuple[str, list[Column]]]:
    """Header groups for an earnings release of quarter (y, q)."""
    groups = [("Three Months Ended", [Column(y, [(y, q)]), Column(y - 1, [(y - 1, q)])])]
    if q > 1:
        name = {2: "Six Months Ended", 3: "Nine Months Ended", 4: "Year Ended"}[q]
        groups.append((name, [Column(yy, [(yy, n) for n in range(1, q + 1)]) for yy in (y, y - 1)]))
    return groups


def ops_rows(cols: list[Column], oci: bool) -> list[Row]:
    """Rows of the Condensed Consolidated Statements of Operations."""
    rows = [Row("Revenues:", indent=0, kind="head")]
    revs = [
        (k, lbl)
        for k, lbl in (("grant", "Grant revenue"), ("collab", "Collaboration revenue"))
        if any(c.value(k) for c in cols)
    ]
    for n, (k, lbl) in enumerate(revs):
        rows.append(Row(lbl, [fmt(c.value(k)) for c in cols], dollar=n == 0))
    if len(revs) > 1:
        rows.append(Row("Total revenues", [fmt(c.value("rev")) for c in cols], 2, kind="total"))
    rows += [
        Row("Operating expenses:", indent=0, kind="head"),
        Row("Research and development", [fmt(c.value("rd")) for c in cols], dollar=True),
        Row("General and administrative", [fmt(c.value("ga")) for c in cols]),
        Row("Total operating expenses", [fmt(c.value("opex")) for c in cols], 2, kind="total"),
        Row("Loss from operations", [fmt(c.value("oploss")) for c in cols], 0, kind="total"),
        Row("Other income (expense):", indent=0, kind="head"),
        Row("Interest and other income (expense), net", [fmt(c.value("other")) for c in cols]),
        Row("Net loss", [fmt(c.value("net")) for c in cols], 0, True, "grand"),
        Row(
            "Net loss per share attributable to common\nstockholders, basic and diluted",
            [f"({-c.eps():.2f})" for c in cols],
            0,
            True,
            "grand",
        ),
        Row(
            "Weighted-average shares of common stock\noutstanding, basic and diluted",
            [f"{c.value('shares') * 1000 + c.value('shares') * 613 % 997:,}" for c in cols],
            0,
        ),
    ]
    if oci:
        rows += [
            Row("Comprehensive loss:", indent=0, kind="head"),
            Row("Net loss", [fmt(c.value("net")) for c in cols], dollar=True),
            Row(
                "Unrealized gain (loss) on marketable\nsecurities",
                [fmt(c.value("oci")) for c in cols],
            ),
            Row("Comprehensive loss", [fmt(c.value("comp")) for c in cols], 0, True, "grand"),
        ]
    return rows


def bs_rows(cur: Quarter, prior: Quarter) -> list[Row]:
    """Rows of the Condensed Consolidated Balance Sheets."""
    a, b = MODEL[cur], MODEL[prior]

    def r(label: str, key: str, indent: int = 1, dollar: bool = False, kind: str = "item"):
        return Row(label, [fmt(a[key]), fmt(b[key])], indent, dollar, kind)

    ends = (
        f"{MONTH_END[cur[1]]} {cur[0]} and {prior[0]}"
        if cur[1] == prior[1]
        else f"{MONTH_END[cur[1]]} {cur[0]} and {MONTH_END[prior[1]]} {prior[0]}"
    )
    common = (
        f"Common stock, $0.0001 par value; 200,000,000 shares\nauthorized; "
        f"{a['shares_out']:,} and {b['shares_out']:,} shares\nissued and outstanding "
        f"at {ends},\nrespectively"
    )
    rows = [
        Row("Assets", indent=0, kind="head"),
        Row("Current assets:", indent=0, kind="head"),
        r("Cash and cash equivalents", "cash", dollar=True),
        r("Marketable securities", "mkt"),
        r("Prepaid expenses and other current assets", "prepaid"),
        r("Total current assets", "tca", 2, kind="total"),
        r("Property and equipment, net", "ppe"),
        r("Operating lease right-of-use assets", "rou"),
        r("Restricted cash", "restricted"),
        r("Other non-current assets", "other_nc"),
        r("Total assets", "ta", 2, True, "grand"),
        Row("Liabilities and Stockholders' Equity", indent=0, kind="head"),
        Row("Current liabilities:", indent=0, kind="head"),
        r("Accounts payable", "ap", dollar=True),
        r("Accrued expenses and other current liabilities", "accrued"),
    ]
    has_def = bool(a["def_cur"] or b["def_cur"])
    if has_def:
        rows.append(r("Deferred revenue, current portion", "def_cur"))
    rows += [
        r("Operating lease liabilities, current portion", "lease_cur"),
        r("Total current liabilities", "tcl", 2, kind="total"),
    ]
    if has_def:
        rows.append(r("Deferred revenue, net of current portion", "def_nc"))
    rows += [
        r("Operating lease liabilities, net of current portion", "lease_nc"),
        r("Total liabilities", "tl", 2, kind="total"),
        Row("Commitments and contingencies", indent=0, kind="head"),
        Row("Stockholders' equity:", indent=0, kind="head"),
        Row(
            "Preferred stock, $0.0001 par value; 10,000,000 shares\nauthorized; no shares "
            "issued or outstanding",
            ["—", "—"],
        ),
        r(common, "common"),
        r("Additional paid-in capital", "apic"),
        r("Accumulated other comprehensive income (loss)", "aoci"),
        r("Accumulated deficit", "deficit"),
        r("Total stockholders' equity", "equity", 2, kind="total"),
        r("Total liabilities and stockholders' equity", "ta", 0, True, "grand"),
    ]
    return rows


def selected_bs_rows(cur: Quarter, prior: Quarter) -> list[Row]:
    """Rows of a short 'Selected Balance Sheet Data' table."""
    a, b = MODEL[cur], MODEL[prior]
    items = [
        ("Cash, cash equivalents and marketable securities", "cash_total", True),
        ("Working capital", "wc", False),
        ("Total assets", "ta", False),
        ("Total liabilities", "tl", False),
        ("Total stockholders' equity", "equity", False),
    ]
    for m in (a, b):
        m["wc"] = m["tca"] - m["tcl"]
    return [Row(lbl, [fmt(a[k]), fmt(b[k])], 0, d) for lbl, k, d in items]


# ---------------------------------------------------------------------------------------
# Earnings narrative (shared by the PDF and HTML renderers)
# ---------------------------------------------------------------------------------------
@dataclass
class Earnings:
    """An earnings release and its layout options."""

    date: str
    period: Quarter
    style: str = "plain"  # plain | ruled | acct
    contacts: str = "stacked"
    bs: str = "full"  # full | selected
    oci: bool = False
    split: bool = False  # let the balance sheet flow across a page break
    contacts_first: bool = False
    immediate: bool = False
    pre_table_space: float = 0.0

    @property
    def slug(self) -> str:
        y, q = self.period
        return f"q4-fy{y}-results" if q == 4 else f"q{q}-{y}-results"

    @property
    def content(self) -> dict:
        return dc.EARNINGS[self.period]


def period_phrase(y: int, q: int) -> str:
    return f"{ORDINAL[q]} quarter of {y}"


def money(v: int) -> str:
    return f"${abs(v) / 1000:,.1f} million"


def earnings_headline(e: Earnings) -> str:
    y, q = e.period
    if q == 4:
        return (
            f"{dc.SHORT} Therapeutics Reports Fourth Quarter and Full Year {y} Financial "
            "Results and Recent Business Highlights"
        )
    return (
        f"{dc.SHORT} Therapeutics Reports {ORDINAL[q].title()} Quarter {y} Financial "
        "Results and Provides Business Update"
    )


def earnings_lead(e: Earnings) -> str:
    y, q = e.period
    what = (
        f"the fourth quarter and full year ended December 31, {y}"
        if q == 4
        else f"the {ORDINAL[q]} quarter ended {MONTH_END[q][:-1]}, {y}"
    )
    return (
        f", {dc.DESCRIPTOR}, today reported financial results for {what} and provided an "
        "update on recent corporate progress."
    )


def compare(label: str, key: str, y: int, q: int, driver: str = "") -> str:
    """'X were $a million for the ... compared with $b million ...' sentence(s)."""
    cur, old = MODEL[(y, q)][key], MODEL[(y - 1, q)][key]
    text = (
        f"{label} {money(cur)} for the {period_phrase(y, q)}, compared with "
        f"{money(old)} for the {period_phrase(y - 1, q)}."
    )
    if driver and cur != old:
        text += f" The {'increase' if cur > old else 'decrease'} was primarily due to {driver}."
    if q == 4:
        fy = Column(y, [(y, n) for n in range(1, 5)]).value(key)
        fy0 = Column(y - 1, [(y - 1, n) for n in range(1, 5)]).value(key)
        text += f" For the full year {y}, the amount was {money(fy)}, compared with {money(fy0)}."
    return text


def financial_paragraphs(e: Earnings) -> list[tuple[str, str]]:
    """(bold lead-in, text) paragraphs of the financial results section."""
    y, q = e.period
    c = e.content
    cash, cash0 = MODEL[(y, q)]["cash_total"], MODEL[(y - 1, 4)]["cash_total"]
    out = [
        (
            "Cash Position:",
            f"Cash, cash equivalents and marketable securities were "
            f"{money(cash)} as of {MONTH_END[q]} {y}, compared with {money(cash0)} as of "
            f"December 31, {y - 1}. {dc.SHORT} expects these funds to be sufficient to support "
            f"its operating plan {c['runway']}.",
        )
    ]
    for key, name in (("collab", "Collaboration revenue"), ("grant", "Grant revenue")):
        if MODEL[(y, q)][key] or MODEL[(y - 1, q)][key]:
            out.append((f"{name}:", compare(f"{name} was", key, y, q)))
    out += [
        (
            "Research and Development (R&amp;D) Expenses:",
            compare("R&amp;D expenses were", "rd", y, q, c["rd_driver"]),
        ),
        (
            "General and Administrative (G&amp;A) Expenses:",
            compare("G&amp;A expenses were", "ga", y, q, c["ga_driver"]),
        ),
    ]
    eps, eps0 = Column(y, [(y, q)]).eps(), Column(y - 1, [(y - 1, q)]).eps()
    out.append(
        (
            "Net Loss:",
            f"Net loss was {money(MODEL[(y, q)]['net'])}, or ${-eps:.2f} per "
            f"share, for the {period_phrase(y, q)}, compared with "
            f"{money(MODEL[(y - 1, q)]['net'])}, or ${-eps0:.2f} per share, for the "
            f"{period_phrase(y - 1, q)}.",
        )
    )
    return out


def call_paragraph(e: Earnings) -> str:
    conf_id = int(e.date.replace("-", "")) % 9_000_000 + 1_000_000
    return (
        f"{dc.SHORT} will host a conference call and live webcast today at "
        f"{e.content['call']} to discuss these results. To participate by telephone, dial "
        f"1-877-555-0110 (U.S.) or 1-412-555-0136 (international) and reference conference "
        f"ID {conf_id}. The webcast and an archived replay, available for 30 days, can be "
        f"accessed in the Investors section of the company's website at {dc.IR_WEB}."
    )


def quote(e: Earnings) -> str:
    name, title = dc.ceo(e.date)
    text = e.content["quote"].rstrip(".")
    return f"\u201c{text},\u201d said {name}, {title} of {dc.SHORT}."


def fls_topics(e: Earnings) -> str:
    return (
        "the sufficiency of Northwind's cash resources, the timing and results of clinical "
        "trials and regulatory submissions, and the potential of Northwind's product "
        "candidates"
    )


# ---------------------------------------------------------------------------------------
# Contacts
# ---------------------------------------------------------------------------------------
Block = tuple[str | None, list[str]]


def contact_blocks(layout: str, iso: str) -> list[Block]:
    """Contact blocks (heading, lines) for a layout name."""
    ir, media = dc.ir_person(iso), dc.media_person(iso)
    if layout == "single":
        return [(None, [f"Contact: {ir.name}, {dc.SHORT} Therapeutics, {ir.phone}, {ir.email}"])]
    if layout == "inline":
        return [
            (
                None,
                [
                    f"Investors: {ir.name}, {ir.phone}, {ir.email}",
                    f"Media: {media.name}, {media.org}, {media.phone}, {media.email}",
                ],
            )
        ]
    if layout == "combined":
        return [
            ("Investors and Media:", [ir.name, ir.title, ir.phone, ir.email]),
            (None, [dc.CFO.name, dc.CFO.title, dc.CFO.phone, dc.CFO.email]),
        ]
    blocks: list[Block] = [
        ("Investor Contact:", [ir.name, ir.title, ir.org, ir.phone, ir.email]),
        ("Media Contact:", [media.name, media.title, media.org, media.phone, media.email]),
    ]
    if layout == "side":
        blocks = [("Investors:", blocks[0][1]), ("Media:", blocks[1][1])]
    if layout == "partner":
        p = dc.PARTNER_MEDIA
        blocks.append(("Lindenhof Pharma Media Contact:", [p.name, p.title, p.phone, p.email]))
    return blocks


# ---------------------------------------------------------------------------------------
# PDF rendering
# ---------------------------------------------------------------------------------------
PAGE_W, PAGE_H = LETTER
MARGIN = 60
TEXT_W = PAGE_W - 2 * MARGIN
FONT, BOLD, ITALIC = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
ST_BODY = ParagraphStyle(
    "body", fontName=FONT, fontSize=10, leading=13.2, alignment=TA_JUSTIFY, spaceAfter=7
)
ST_DATE = ParagraphStyle("date", parent=ST_BODY, spaceAfter=10)
ST_HEAD = ParagraphStyle(
    "headline", fontName=BOLD, fontSize=14, leading=17.5, alignment=TA_CENTER, spaceAfter=8
)
ST_SUB = ParagraphStyle(
    "sub", fontName=ITALIC, fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=6
)
ST_SECTION = ParagraphStyle(
    "section",
    fontName=BOLD,
    fontSize=10.5,
    leading=13.5,
    spaceBefore=6,
    spaceAfter=5,
    keepWithNext=1,
)
ST_BULLET = ParagraphStyle("bullet", parent=ST_BODY, leftIndent=16, bulletIndent=4, spaceAfter=4)
ST_CONTACT = ParagraphStyle("contact", fontName=FONT, fontSize=9.5, leading=12, spaceAfter=8)
CELL = 8.5


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def letterhead(canv, doc) -> None:  # noqa: ANN001 - reportlab callback
    """First-page logo and footer."""
    canv.saveState()
    top = PAGE_H - 42
    canv.setFillColor(TEAL)
    path = canv.beginPath()
    path.moveTo(MARGIN, top - 18)
    path.lineTo(MARGIN + 10, top + 6)
    path.lineTo(MARGIN + 20, top - 18)
    path.lineTo(MARGIN + 10, top - 10)
    path.close()
    canv.drawPath(path, stroke=0, fill=1)
    canv.setFont(BOLD, 17)
    canv.drawString(MARGIN + 28, top - 6, "NORTHWIND", charSpace=1.5)
    canv.setFont(FONT, 7.5)
    canv.drawString(MARGIN + 29, top - 17, "THERAPEUTICS", charSpace=3.2)
    canv.setStrokeColor(TEAL)
    canv.setLineWidth(1.2)
    canv.line(MARGIN, top - 26, PAGE_W - MARGIN, top - 26)
    canv.restoreState()
    footer(canv, doc)


def footer(canv, doc) -> None:  # noqa: ANN001 - reportlab callback
    canv.saveState()
    canv.setFont(FONT, 8)
    canv.setFillColor(colors.Color(0.35, 0.35, 0.35))
    canv.drawCentredString(PAGE_W / 2, 30, f"Page {doc.page}")
    canv.restoreState()


def make_table(
    title: list[str], header: list[list[tuple[str, int]]], rows: list[Row], ncols: int, style: str
) -> Table:
    """A financial statement as a platypus Table.

    Columns: label, then ($, number) per period. ``header`` rows hold (text, span) pairs
    covering the number columns. Title lines become spanning rows above the header.
    """
    lab_w = (
        max(
            stringWidth(line, FONT, CELL) + 10 * r.indent
            for r in rows
            for line in r.label.split("\n")
        )
        + 10
    )
    cur_w = 18
    num_w = min(62.0, (TEXT_W - lab_w) / ncols - cur_w)
    lab_w = TEXT_W - ncols * (num_w + cur_w) if ncols > 2 else lab_w + 40
    widths = [lab_w] + [cur_w, num_w] * ncols
    nt, nh = len(title), len(header)
    data: list[list[str]] = [[t] + [""] * 2 * ncols for t in title]
    cmds: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL, CELL + 1.6),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
        ("LEFTPADDING", (1, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
    ]
    for i in range(nt):
        cmds += [("SPAN", (0, i), (-1, i)), ("ALIGN", (0, i), (-1, i), "CENTER")]
        cmds.append(("FONT", (0, i), (-1, i), BOLD if i == 0 else ITALIC, 9.5 if i == 0 else 8.5))
    cmds.append(("BOTTOMPADDING", (0, nt - 1), (-1, nt - 1), 7))
    for hr, hrow in enumerate(header):
        r = nt + hr
        row, col = [""], 1
        for text, span in hrow:
            row += [text] + [""] * (2 * span - 1)
            if text:
                cmds.append(("SPAN", (col, r), (col + 2 * span - 1, r)))
            col += 2 * span
        data.append(row)
        cmds += [("ALIGN", (1, r), (-1, r), "CENTER"), ("FONT", (1, r), (-1, r), BOLD, CELL)]
    body0 = nt + nh
    for n, row in enumerate(rows):
        r = body0 + n
        cells = [row.label]
        for v in row.cells:
            cells += ["$" if row.dollar else "", v]
        data.append(cells + [""] * (1 + 2 * ncols - len(cells)))
        cmds.append(("LEFTPADDING", (0, r), (0, r), 3 + 10 * row.indent))
        if row.kind == "head" and row.label in ("Assets", "Liabilities and Stockholders' Equity"):
            cmds += [
                ("SPAN", (0, r), (-1, r)),
                ("ALIGN", (0, r), (-1, r), "CENTER"),
                ("FONT", (0, r), (-1, r), BOLD, CELL),
            ]
        if row.kind in ("total", "grand") and style == "acct":
            cmds.append(("LINEABOVE", (1, r), (-1, r), 0.5, colors.black))
        if row.kind == "grand" and style == "acct":
            cmds.append(("LINEBELOW", (1, r), (-1, r), 0.5, colors.black, None, None, None, 2, 1.2))
        if row.kind != "item":
            cmds.append(("TOPPADDING", (0, r), (-1, r), 3))
    if style == "acct":
        cmds.append(("LINEBELOW", (1, body0 - 1), (-1, body0 - 1), 0.6, colors.black))
    if style == "ruled":
        grey = colors.Color(0.45, 0.45, 0.45)
        cmds += [
            ("BOX", (0, nt), (-1, -1), 0.8, colors.black),
            ("LINEBELOW", (0, nt), (-1, -2), 0.4, grey),
            ("BACKGROUND", (0, nt), (-1, body0 - 1), colors.Color(0.9, 0.93, 0.94)),
            ("LINEAFTER", (0, nt), (0, -1), 0.4, grey),
            ("TOPPADDING", (0, body0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, body0), (-1, -1), 2.5),
        ]
        for c in range(2, 2 * ncols, 2):
            cmds.append(("LINEAFTER", (c, nt), (c, -1), 0.4, grey))
    return Table(
        data, colWidths=widths, style=TableStyle(cmds), repeatRows=nt + nh, hAlign="CENTER"
    )


def statement_tables(e: Earnings) -> list[Flowable]:
    """Statement of operations and balance sheet tables for an earnings release."""
    y, q = e.period
    groups = period_groups(y, q)
    cols = [c for _, cs in groups for c in cs]
    unaudited = "(unaudited)" if q != 4 else None
    title = [
        "Condensed Consolidated Statements of Operations"
        + (" and Comprehensive Loss" if e.oci else ""),
        "(in thousands, except share and per share amounts)",
    ]
    if unaudited:
        title.append(unaudited)
    header = [
        [(name, 2) for name, _ in groups],
        [(MONTH_END[q], 2) for _ in groups],
        [(str(c.year), 1) for c in cols],
    ]
    if q == 4:
        header.append([("(unaudited)", 2), ("", 2)])
    ops = make_table(title, header, ops_rows(cols, e.oci), len(cols), e.style)
    prior = (y - 1, 4)
    bs_head = [[(MONTH_END[q], 1), ("December 31,", 1)], [(str(y), 1), (str(y - 1), 1)]]
    if e.bs == "selected":
        bs = make_table(
            ["Selected Condensed Consolidated Balance Sheet Data", "(in thousands)"],
            bs_head,
            selected_bs_rows((y, q), prior),
            2,
            e.style,
        )
    else:
        bs = make_table(
            [
                "Condensed Consolidated Balance Sheets",
                "(in thousands, except share and per share amounts)",
            ]
            + ([unaudited] if unaudited else []),
            bs_head,
            bs_rows((y, q), prior),
            2,
            e.style,
        )
    out: list[Flowable] = [Spacer(1, 14), KeepTogether([ops]), Spacer(1, 22)]
    if e.pre_table_space:
        out.append(Spacer(1, e.pre_table_space))
    out.append(bs if e.split else KeepTogether([bs]))
    return out


def pdf_contacts(e: Earnings) -> list[Flowable]:
    blocks = contact_blocks(e.contacts, e.date)
    paras = [
        Paragraph(
            "<br/>".join(([f"<b>{esc(h)}</b>"] if h else []) + [esc(x) for x in lines]), ST_CONTACT
        )
        for h, lines in blocks
    ]
    if e.contacts == "side":
        t = Table([paras], colWidths=[TEXT_W / 2] * 2, hAlign="LEFT")
        t.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        return [Spacer(1, 6), KeepTogether([t])]
    return [Spacer(1, 6), KeepTogether(paras)]


def build_pdf(e: Earnings, path: Path) -> None:
    """Write one earnings release PDF."""
    y, q = e.period
    c = e.content
    story: list[Flowable] = []
    if e.immediate:
        story.append(Paragraph("<b>FOR IMMEDIATE RELEASE</b>", ST_BODY))
    story += [Paragraph(long_date(e.date), ST_DATE), Paragraph(esc(earnings_headline(e)), ST_HEAD)]
    story += [Paragraph(esc(s), ST_SUB) for s in c["subheads"]]
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            f"<b>{dc.CITY}, {long_date(e.date)}</b> -- {dc.COMPANY} {dc.TICKER}"
            f"{esc(earnings_lead(e))}",
            ST_BODY,
        )
    )
    story.append(Paragraph(esc(quote(e)), ST_BODY))
    story.append(Paragraph("Recent Business Highlights", ST_SECTION))
    story += [Paragraph(esc(h), ST_BULLET, bulletText="\u2022") for h in c["highlights"]]
    span = f"Fourth Quarter and Full Year {y}" if q == 4 else f"{ORDINAL[q].title()} Quarter {y}"
    story.append(Paragraph(f"{span} Financial Results", ST_SECTION))
    story += [Paragraph(f"<b>{lead}</b> {text}", ST_BODY) for lead, text in financial_paragraphs(e)]
    story += [
        Paragraph("Conference Call and Webcast", ST_SECTION),
        Paragraph(esc(call_paragraph(e)), ST_BODY),
        Paragraph(f"About {dc.SHORT} Therapeutics", ST_SECTION),
        Paragraph(esc(dc.about(e.date)), ST_BODY),
        Paragraph("Forward-Looking Statements", ST_SECTION),
        Paragraph(esc(dc.fls(fls_topics(e))), ST_BODY),
    ]
    if e.contacts_first:
        story += pdf_contacts(e)
    story += statement_tables(e)
    if not e.contacts_first:
        story += pdf_contacts(e)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=84,
        bottomMargin=56,
        title=earnings_headline(e),
        author=dc.COMPANY,
        subject="Press release",
        creator="irviewer scripts/make_demo.py",
        invariant=1,
    )
    doc.build(story, onFirstPage=letterhead, onLaterPages=footer)


# ---------------------------------------------------------------------------------------
# Text, Markdown and HTML rendering
# ---------------------------------------------------------------------------------------
def dateline(iso: str, lead: str, sep: str = "--") -> str:
    return f"{dc.CITY}, {long_date(iso)} {sep} {dc.COMPANY} {dc.TICKER}{lead}"


def fill(text: str, width: int, indent: str = "", hang: str = "") -> str:
    if not width:
        return indent + text
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=hang)


def render_txt(r: dc.Release, facts: dict[str, str]) -> str:
    """Plain-text release, optionally hard-wrapped."""
    w = r.wrap
    lines = [long_date(r.date), ""]
    head = r.headline if len(r.headline) > 1 or not w else textwrap.wrap(r.headline[0], w)
    lines += [h.upper() if w == 70 else h for h in head] + [""]
    for s in r.subheads:
        lines += [fill(s, w, "  ", "  "), ""]
    for b in r.bullets:
        lines += [fill(b, w, "* ", "  "), ""]
    lines += [fill(dateline(r.date, r.lead), w), ""]
    for p in r.body:
        if p.startswith("## "):
            lines += [p[3:].upper(), ""]
        elif p.startswith("- "):
            lines += [fill(p[2:], w, "  - ", "    ")]
        else:
            if lines[-1].lstrip().startswith("-"):
                lines.append("")
            lines += [fill(p, w), ""]
    if lines[-1]:
        lines.append("")
    lines += [f"About {dc.SHORT} Therapeutics", fill(dc.about(r.date), w), ""]
    lines += ["Forward-Looking Statements", fill(dc.fls(r.topics, r.short_fls), w), ""]
    for h, block in contact_blocks(r.contacts, r.date):
        lines += ([h] if h else []) + block + [""]
    lines.append("###")
    return fill_facts("\n".join(lines) + "\n", facts)


def md_body(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        grouped = p.startswith(("- ", "|"))
        if grouped and out and out[-1].startswith(p[0]):
            out[-1] += "\n" + p
        else:
            out.append(p)
    return out


def render_md(r: dc.Release, facts: dict[str, str]) -> str:
    """Markdown release."""
    # A multi-line headline is kept as a bold two-line paragraph, as some wires do.
    head = f"# {r.headline[0]}" if len(r.headline) == 1 else "**" + "\n".join(r.headline) + "**"
    parts = [long_date(r.date), head]
    parts += [f"*{s}*" for s in r.subheads]
    if r.bullets:
        parts.append("\n".join(f"- {b}" for b in r.bullets))
    parts.append(f"**{dc.CITY}, {long_date(r.date)}** -- {dc.COMPANY} {dc.TICKER}{r.lead}")
    parts += md_body(r.body)
    parts += [f"## About {dc.SHORT} Therapeutics", dc.about(r.date)]
    parts += md_body(r.extra_about)
    parts += ["## Forward-Looking Statements", dc.fls(r.topics, r.short_fls)]
    for h, block in contact_blocks(r.contacts, r.date):
        parts.append("  \n".join(([f"**{h}**"] if h else []) + block))
    return fill_facts("\n\n".join(parts) + "\n", facts)


HTML_STYLE = """
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; color: #222;
       line-height: 1.45; padding: 0 1em; }
h1 { font-family: Helvetica, Arial, sans-serif; font-size: 1.5em; }
h2 { font-family: Helvetica, Arial, sans-serif; font-size: 1.1em; margin-top: 1.6em; }
p.sub { font-style: italic; }
p.date, .contacts { font-family: Helvetica, Arial, sans-serif; }
table.fin { border-collapse: collapse; font: 0.8em Helvetica, Arial, sans-serif;
            margin: 1em auto; }
table.fin td, table.fin th { padding: 1px 4px; }
table.fin th { text-align: center; }
table.fin td.n { text-align: right; min-width: 5em; }
table.fin td.cur { padding-right: 0; }
table.fin tr.total td.n, table.fin tr.grand td.n { border-top: 1px solid #000; }
table.fin caption { font-weight: bold; }
"""


def html_doc(title: str, body: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n"
        "<article>\n" + "\n".join(body) + "\n</article>\n</body>\n</html>\n"
    )


def html_contacts(layout: str, iso: str) -> list[str]:
    return [
        '<p class="contacts">'
        + "<br>\n".join(([f"<strong>{esc(h)}</strong>"] if h else []) + [esc(x) for x in block])
        + "</p>"
        for h, block in contact_blocks(layout, iso)
    ]


def html_paras(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in md_body(paras):
        if p.startswith("## "):
            out.append(f"<h2>{esc(p[3:])}</h2>")
        elif p.startswith("- "):
            items = "".join(f"<li>{esc(x[2:])}</li>" for x in p.split("\n"))
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{esc(p)}</p>")
    return out


def render_html(r: dc.Release) -> str:
    """Simple self-contained HTML release."""
    body = [f'<p class="date">{long_date(r.date)}</p>', f"<h1>{esc(' '.join(r.headline))}</h1>"]
    body += [f'<p class="sub">{esc(s)}</p>' for s in r.subheads]
    body.append(
        f"<p><strong>{dc.CITY}, {long_date(r.date)}</strong> &mdash; {dc.COMPANY} "
        f"{dc.TICKER}{esc(r.lead)}</p>"
    )
    body += html_paras(r.body)
    body += [
        f"<h2>About {dc.SHORT} Therapeutics</h2>",
        f"<p>{esc(dc.about(r.date))}</p>",
        "<h2>Forward-Looking Statements</h2>",
        f"<p>{esc(dc.fls(r.topics, r.short_fls))}</p>",
    ]
    body += html_contacts(r.contacts, r.date)
    return html_doc(" ".join(r.headline), body)


def html_table(caption: str, header: list[list[tuple[str, int]]], rows: list[Row]) -> str:
    out = [f'<table class="fin">\n<caption>{esc(caption)}</caption>\n<thead>']
    for hrow in header:
        cells = "".join(f'<th colspan="{2 * s}">{esc(t)}</th>' for t, s in hrow)
        out.append(f"<tr><th></th>{cells}</tr>")
    out.append("</thead>\n<tbody>")
    for row in rows:
        label = esc(row.label).replace("\n", "<br>")
        pad = f' style="padding-left:{row.indent * 1.2:.1f}em"' if row.indent else ""
        cells = "".join(
            f'<td class="cur">{"$" if row.dollar else ""}</td><td class="n">{v}</td>'
            for v in row.cells
        )
        if not row.cells:
            cells = f'<td colspan="{2 * len(rows[-1].cells)}"></td>'
        cls = f' class="{row.kind}"' if row.kind in ("total", "grand") else ""
        out.append(f"<tr{cls}><td{pad}>{label}</td>{cells}</tr>")
    out.append("</tbody>\n</table>")
    return "\n".join(out)


def render_earnings_html(e: Earnings) -> str:
    """Earnings release as HTML with <table> financial statements."""
    y, q = e.period
    c = e.content
    body = [
        f'<p class="date">{long_date(e.date)}</p>',
        f"<h1>{esc(earnings_headline(e))}</h1>",
        f"<p><strong>{dc.CITY}, {long_date(e.date)}</strong> &mdash; {dc.COMPANY} "
        f"{dc.TICKER}{esc(earnings_lead(e))}</p>",
        f"<p>{esc(quote(e))}</p>",
        "<h2>Recent Business Highlights</h2>",
        "<ul>" + "".join(f"<li>{esc(h)}</li>" for h in c["highlights"]) + "</ul>",
        f"<h2>{ORDINAL[q].title()} Quarter {y} Financial Results</h2>",
    ]
    body += [f"<p><strong>{lead}</strong> {text}</p>" for lead, text in financial_paragraphs(e)]
    body += [
        "<h2>Conference Call and Webcast</h2>",
        f"<p>{esc(call_paragraph(e))}</p>",
        f"<h2>About {dc.SHORT} Therapeutics</h2>",
        f"<p>{esc(dc.about(e.date))}</p>",
        "<h2>Forward-Looking Statements</h2>",
        f"<p>{esc(dc.fls(fls_topics(e)))}</p>",
    ]
    groups = period_groups(y, q)
    cols = [col for _, cs in groups for col in cs]
    header = [
        [(n, 2) for n, _ in groups],
        [(MONTH_END[q], 2) for _ in groups],
        [(str(col.year), 1) for col in cols],
    ]
    body.append(
        html_table(
            "Condensed Consolidated Statements of Operations (unaudited) "
            "(in thousands, except share and per share amounts)",
            header,
            ops_rows(cols, False),
        )
    )
    body.append(
        html_table(
            "Selected Condensed Consolidated Balance Sheet Data (in thousands)",
            [[(MONTH_END[q], 1), ("December 31,", 1)], [(str(y), 1), (str(y - 1), 1)]],
            selected_bs_rows((y, q), (y - 1, 4)),
        )
    )
    body += html_contacts(e.contacts, e.date)
    return html_doc(earnings_headline(e), body)


def fill_facts(text: str, facts: dict[str, str]) -> str:
    for key, value in facts.items():
        text = text.replace("{" + key + "}", value)
    return text


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------
PDFS = [
    Earnings("2021-03-09", (2020, 4), contacts="stacked", immediate=True),
    Earnings("2021-08-05", (2021, 2), contacts="side"),
    Earnings("2022-03-01", (2021, 4), style="ruled", oci=True, contacts_first=True),
    Earnings("2022-08-04", (2022, 2), contacts="single", bs="selected", contacts_first=True),
    Earnings("2023-02-28", (2022, 4), oci=True, split=True, immediate=True),
    Earnings("2023-05-09", (2023, 1), contacts="combined", bs="selected"),
    Earnings("2024-02-27", (2023, 4), style="acct", contacts="side"),
    Earnings("2024-08-06", (2024, 2), contacts="inline", contacts_first=True),
    Earnings("2025-03-04", (2024, 4), style="ruled", immediate=True, contacts_first=True),
    Earnings("2025-08-05", (2025, 2), style="acct"),
    Earnings("2025-11-04", (2025, 3), contacts="side"),
]
HTML_EARNINGS = Earnings("2023-11-07", (2023, 3), contacts="stacked")

README = """\
# Demo archive (fictional)

This folder is the demo archive that irviewer shows on first run. **Everything in it is
fictional**: Northwind Therapeutics, Inc., the ticker NWTX, its people, products, partners,
clinical trials and financial figures are invented and do not describe any real company.
Phone numbers use the reserved 555 range and e-mail and web addresses use the reserved
`.example` domain.

The files are generated by `scripts/make_demo.py` (with texts from `scripts/demo_content.py`).
Do not edit them by hand; change the scripts and run:

    python scripts/make_demo.py
"""


def main(out: Path = OUT) -> None:
    """Regenerate the demo archive in ``out``."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    facts = {"CASH_2023Q4": f"{MODEL[(2023, 4)]['cash_total'] / 1000:,.1f}"}
    for e in PDFS:
        build_pdf(e, out / f"{e.date}_{e.slug}.pdf")
    e = HTML_EARNINGS
    (out / f"{e.date}_{e.slug}.html").write_text(render_earnings_html(e), encoding="utf-8")
    for r in dc.RELEASES:
        path = out / f"{r.date}_{r.slug}.{r.fmt}"
        if r.fmt == "txt":
            text = render_txt(r, facts)
        elif r.fmt == "md":
            text = render_md(r, facts)
        else:
            text = render_html(r)
        path.write_text(text, encoding="utf-8")
    (out / "code-of-conduct.md").write_text(dc.CODE_OF_CONDUCT, encoding="utf-8")
    (out / "README.md").write_text(README, encoding="utf-8")
    print(f"wrote {len(list(out.iterdir()))} files to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
