"""Release metadata: dates, headline, sub-headlines, company, ticker, dateline and kind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from irviewer.core.extract.cover import read_cover
from irviewer.core.extract.dateline import issuer_from_lead, match_dateline
from irviewer.core.extract.dates import date_line, to_iso
from irviewer.core.extract.kind import classify_items, classify_text
from irviewer.core.extract.metadata import Metadata, extract_metadata
from irviewer.core.extract.release import find_release
from irviewer.core.extract.ticker import find_ticker
from irviewer.core.ingest import read_document
from irviewer.core.ingest.base import Line


def _meta_of(path: Path) -> Metadata:
    raw = read_document(path)
    start, end = find_release(raw.lines)
    return extract_metadata(raw.lines, start, end)


def _meta(texts: list[str]) -> Metadata:
    lines = [Line(t) for t in texts]
    start, end = find_release(lines)
    return extract_metadata(lines, start, end)


@pytest.fixture(scope="module")
def seed_meta(seed_path) -> dict[str, Metadata]:
    return {key: _meta_of(seed_path(key)) for key in ("000", "001", "002", "003", "004")}


# -- seeds: the values the issue states ------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "date"),
    [
        ("000", None),
        ("001", "2013-06-03"),
        ("002", "2014-11-13"),
        ("003", "2017-02-17"),
        ("004", "2012-07-11"),
    ],
)
def test_seed_dates(seed_meta: dict[str, Metadata], key: str, date: str | None) -> None:
    assert seed_meta[key].date == date


@pytest.mark.parametrize(
    ("key", "kind"),
    [("000", "governance"), ("001", "clinical"), ("003", "earnings"), ("004", "offering")],
)
def test_seed_kinds(seed_meta: dict[str, Metadata], key: str, kind: str) -> None:
    assert seed_meta[key].kind == kind


def test_seed_003_ticker_corrects_ocr_and_dateline(seed_meta: dict[str, Metadata]) -> None:
    assert seed_meta["003"].ticker == "Nasdaq: IMGN"
    assert seed_meta["003"].dateline == "WALTHAM, Mass."
    assert seed_meta["003"].company == "ImmunoGen, Inc."


def test_seed_003_headline_joins_its_wrapped_line(seed_meta: dict[str, Metadata]) -> None:
    assert seed_meta["003"].headline == (
        "ImmunoGen Reports Recent Progress and Operating Results for Six-Month Period and "
        "Quarter Ended December 31, 2016"
    )


def test_seed_003_has_three_subheadlines_as_printed(
    seed_meta: dict[str, Metadata], seed_path
) -> None:
    subs = seed_meta["003"].subheadlines
    assert len(subs) == 3
    printed = {" ".join(line.split()) for line in seed_path("003").read_text().splitlines()}
    # Each sub-headline is one printed line (an OCR pipe read for a roman one is fixed).
    assert all(sub in printed or sub.replace(" I ", " | ") in printed for sub in subs)
    assert not any(sub in seed_meta["003"].headline for sub in subs)


def test_seed_undated_code_of_ethics(seed_meta: dict[str, Metadata]) -> None:
    assert seed_meta["000"].date is None
    assert seed_meta["000"].dateline is None


def test_seed_002_company_from_markdown_link(seed_meta: dict[str, Metadata]) -> None:
    assert seed_meta["002"].company == "ImmunoGen, Inc."
    assert seed_meta["002"].ticker == "Nasdaq: IMGN"


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("July 20, 2023", "2023-07-20"),
        ("Aug. 6, 2026", "2026-08-06"),
        ("30 July 2026", "2026-07-30"),
        ("Sept 3, 2019", "2019-09-03"),
        ("8/14/26, 10:24 AM", None),
        ("June 30,", None),
    ],
)
def test_to_iso(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Aug 6, 2026 6:45 AM Eastern Daylight Time", "2026-08-06"),
        ("Aug 07, 2026, 08:00 ET", "2026-08-07"),
        ("## July 11, 2012", "2012-07-11"),
        ("Tuesday, August 1, 2023", "2023-08-01"),
        ("Revenue grew in the quarter ended June 30, 2026.", None),
        ("8/14/26, 10:24 AM Example Co Reports Results", None),
    ],
)
def test_date_line_is_a_whole_line(text: str, iso: str | None) -> None:
    assert date_line(text) == iso


def test_print_header_date_is_not_the_release_date() -> None:
    meta = _meta(
        [
            "8/14/26, 10:24 AM Acme Reports Second Quarter Results",
            "Acme Reports Second Quarter Results",
            "BOSTON--(BUSINESS WIRE)--Acme Corp. (NYSE: ACME) today reported results for the"
            " quarter.",
            "Revenue was $5 million for the quarter ended June 30, 2026.",
        ]
    )
    assert meta.date is None
    assert meta.headline == "Acme Reports Second Quarter Results"
    assert meta.dateline == "BOSTON"


def test_body_dates_are_never_the_release_date() -> None:
    meta = _meta(
        [
            "Acme sets out its plan for the future",
            "Acme will hold its annual meeting on May 3, 2026.",
            "The board met on April 2, 2026 to review the plan.",
        ]
    )
    assert meta.date is None


# -- tickers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("ImmunoGen, Inc. (Nasdag: IMGN), a leader", "Nasdaq: IMGN"),
        ("Orbital Foods Inc. (NASDAQ: ORBF, ORBFA) today", "NASDAQ: ORBF"),
        ("Quillsoft (Nasdaq:QSFT) today reported", "Nasdaq: QSFT"),
        ("NYSE Symbol: CPK", "NYSE: CPK"),
        ("NYSE: AMCR; ASX: AMC", "NYSE: AMCR"),
        ("Its shares are listed on the NYSE under the symbol “XYZ”.", "NYSE: XYZ"),
        ("No exchange symbol is printed here.", None),
    ],
)
def test_find_ticker_normalises(text: str, ticker: str | None) -> None:
    assert find_ticker(text) == ticker


COVER = [
    "UNITED STATES",
    "SECURITIES AND EXCHANGE COMMISSION",
    "Washington, D.C. 20549",
    "FORM 8-K",
    "CURRENT REPORT",
    "Date of Report (Date of earliest event reported): February 24, 2023",
    "Example Holdings, Inc.",
    "(Exact name of registrant as specified in its charter)",
    "Securities registered pursuant to Section 12(b) of the Act:",
    "Title of each class Trading Symbol(s) Name of each exchange on which registered",
    "Common Stock, $.01 par value EXH New York Stock Exchange",
    "Indicate by check mark whether the registrant is an emerging growth company.",
    "Item 5.02 Departure of Directors or Certain Officers.",
    "On February 24, 2023, the Company announced that its chief financial officer will retire.",
    "SIGNATURES",
    "By: /s/ A. Person",
    "Name: A. Person",
]


def test_cover_page_without_release() -> None:
    meta = _meta(COVER)
    assert meta.date == "2023-02-24"
    assert meta.headline == ""
    assert meta.company == "Example Holdings, Inc."
    assert meta.ticker == "New York Stock Exchange: EXH"
    assert meta.dateline is None
    assert meta.kind == "governance"


def test_cover_twelve_b_not_applicable_gives_no_ticker() -> None:
    lines = [Line(t) for t in COVER]
    lines[10] = Line("N/A N/A N/A")
    assert read_cover(lines).ticker is None


# -- datelines and issuers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city", "iso"),
    [
        ("WALTHAM, Mass.--(BUSINESS WIRE)-- Acme, Inc. (Nasdaq: ACME), a", "WALTHAM, Mass.", None),
        (
            "New Brunswick, N.J. (July 20, 2023) – Acme (NYSE: ACM) today",
            "New Brunswick, N.J.",
            "2023-07-20",
        ),
        (
            "NEW YORK, Tuesday, August 1, 2023 – Acme Inc. (NYSE: ACM) reported",
            "NEW YORK",
            "2023-08-01",
        ),
        (
            "ST. LOUIS, July 28, 2026 /PRNewswire/ -- Acme Corporation (NYSE: ACM)",
            "ST. LOUIS",
            "2026-07-28",
        ),
        ("Paris La Défense, 30 July 2026", "Paris La Défense", "2026-07-30"),
        ("Dover, Delaware — Acme Corp. (NYSE: ACM) today announced", "Dover, Delaware", None),
    ],
)
def test_dateline_forms(text: str, city: str, iso: str | None) -> None:
    found = match_dateline(text)
    assert found is not None
    assert found[:2] == (city, iso)


@pytest.mark.parametrize(
    "text", ["On January 31, 2022, Acme issued a press release.", "Total revenues 1,234 1,100"]
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert match_dateline(text) is None


def test_issuer_drops_aliases_and_today() -> None:
    assert issuer_from_lead('Today, Acme Corp. ("Acme") (NYSE: ACM) reported') == "Acme Corp."


# -- headlines ---------------------------------------------------------------------------------


def test_no_headline_when_release_opens_with_bullets() -> None:
    meta = _meta(
        [
            "FOR IMMEDIATE RELEASE",
            "• Sales grew 6% to $25.5 billion with operational growth of 7.5% and",
            "Adjusted Operational Growth Of 6.2%",
            "• Earnings per share of $1.96",
            "Springfield, Ill. (July 20, 2023) – Acme Co. (NYSE: ACM) today announced results for"
            " the"
            " second quarter 2023.",
        ]
    )
    assert meta.headline == ""
    assert meta.date == "2023-07-20"
    assert meta.kind == "earnings"


def test_headline_after_contact_block_and_subheadline_in_dashes() -> None:
    meta = _meta(
        [
            "Exhibit 99.1",
            "Contacts:",
            "Jane Roe",
            "(Investors and Media)",
            "+1-555-555-0100",
            "Acme Announces Partnership with Widget Co to Develop New Widgets for Global Markets",
            "– Partnership Combines Two Leaders in Widgets –",
            "SPRINGFIELD, Ill.— July 24, 2023 — Acme Corp. (Nasdaq: ACME) today announced an"
            " agreement.",
        ]
    )
    assert meta.headline == (
        "Acme Announces Partnership with Widget Co to Develop New Widgets for Global Markets"
    )
    assert meta.subheadlines == ["Partnership Combines Two Leaders in Widgets"]
    assert meta.kind == "deal"
    assert meta.company == "Acme Corp."


def test_all_caps_headline_wraps_but_sentence_case_subheadline_does_not() -> None:
    meta = _meta(
        [
            "ACME AND WIDGET CO ANNOUNCE $2 BILLION EXPANDED",
            "SUPPLY AGREEMENT",
            "Widget Co to use Acme parts across its product line",
            "Springfield, IL – April 9, 2026 – Acme (Nasdaq: ACME) today announced a deal.",
        ]
    )
    assert meta.headline == "ACME AND WIDGET CO ANNOUNCE $2 BILLION EXPANDED SUPPLY AGREEMENT"
    assert meta.subheadlines == ["Widget Co to use Acme parts across its product line"]


def test_section_heading_after_headline_is_not_joined() -> None:
    meta = _meta(
        [
            "For Immediate Release",
            "Acme Announces Second Quarter 2026 Results",
            "Key Financial Results",
            "• Net income was $379 million",
            "SAN DIEGO — July 30, 2026 — Acme Holdings Inc. (Nasdaq: ACME) today reported.",
        ]
    )
    assert meta.headline == "Acme Announces Second Quarter 2026 Results"


def test_browser_print_title_bounds_the_headline() -> None:
    meta = _meta(
        [
            "Acme Reports Second Quarter 2026",
            "Results, Maintains Guidance",
            "Delivers Record Margins And Cash Flow",
            "8/14/26, 10:24 AM Acme Reports Second Quarter 2026 Results, Maintains Guidance",
            "DENVER--(BUSINESS WIRE)--Acme, Inc. (NYSE: ACME) today reported results.",
        ]
    )
    assert meta.headline == "Acme Reports Second Quarter 2026 Results, Maintains Guidance"


# -- kind ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Acme Reports Fourth Quarter and Full Year 2025 Results", "earnings"),
        ("Acme Announces Pricing of $500 Million Senior Notes Offering", "offering"),
        ("Acme to Acquire Widget Co for $2 Billion", "deal"),
        ("Acme Announces Results of Tender Offer for Widget Co Shares", "deal"),
        ("Acme Announces Positive Topline Data from Phase 3 Trial", "clinical"),
        ("Acme Appoints Jane Roe as Chief Financial Officer", "governance"),
        ("Acme Again Named One of the Best Places to Work", "corporate"),
        ("Acme Board Approves Spin-off of Its Widget Business", "corporate"),
        ("Acme to Host Fourth Quarter Earnings Conference Call on February 5", "event"),
        ("Acme Launches New Widget Platform", "product"),
        ("Acme Shares an Update", "other"),
    ],
)
def test_kind_from_headline(headline: str, kind: str) -> None:
    assert classify_text(headline) == kind


def test_kind_of_8k_items() -> None:
    assert classify_items([("5.07", "Submission of Matters to a Vote")], "") == "governance"
    assert (
        classify_items(
            [("8.01", "Other Events")], "The Company entered into an Agreement and Plan of Merger."
        )
        == "deal"
    )
    assert classify_items([("8.01", "Other Events")], "The net asset value was set.") == "other"


# -- corpus ------------------------------------------------------------------------------------


def _norm(text: str | None) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (text or "").casefold()).split())


def test_corpus_dates_and_datelines_match_truth(corpus_dir: Path) -> None:
    """Every document with a text-layer release: date exact, dateline city as printed."""
    wrong = []
    for truth_path in sorted((corpus_dir / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text())
        (doc,) = sorted((corpus_dir / "files").glob(f"{truth_path.stem}_*"))
        meta = _meta_of(doc)
        if meta.date != truth.get("date"):
            wrong.append((truth_path.stem, "date", meta.date))
        city = _norm((truth.get("dateline") or "").split(",")[0])
        if city != _norm((meta.dateline or "").split(",")[0]):
            wrong.append((truth_path.stem, "dateline", meta.dateline))
    # The one release that exists only as scanned images has no dateline to read.
    assert len(wrong) <= 1, wrong


def test_safe_harbour_naming_the_sec_is_not_a_cover_page() -> None:
    meta = _meta(
        [
            "Acme Announces Proposed Public Offering of Common Stock",
            "TORONTO, March 3, 2024 (GLOBE NEWSWIRE) -- Acme Inc. (TSX: ACM) today announced an"
            " offering.",
            "The shares are offered under a shelf registration statement filed with the Securities"
            " and Exchange Commission. Risks are described in Acme's Annual Report on Form 10-K"
            " filed with the Securities and Exchange Commission.",
        ]
    )
    assert meta.headline == "Acme Announces Proposed Public Offering of Common Stock"
    assert meta.date == "2024-03-03"
    assert meta.dateline == "TORONTO"
    assert meta.company == "Acme Inc."
    assert meta.ticker == "TSX: ACM"
    assert meta.kind == "offering"


def test_letterhead_above_the_headline_is_the_fallback_company() -> None:
    meta = _meta(
        [
            "ACME WIDGETS, INC.",
            "SENIOR OFFICER CODE OF ETHICS",
            "",
            "Acme expects its officers to act with honesty and integrity at all times.",
        ]
    )
    assert meta.headline == "SENIOR OFFICER CODE OF ETHICS"
    assert meta.company == "ACME WIDGETS, INC."
    assert meta.date is None
    assert meta.kind == "governance"


# -- title blocks (held-out failures on a synthetic archive) ------------------------------------


def test_headline_wrapped_after_a_colon_with_indented_subheadlines() -> None:
    meta = _meta(
        [
            "March 2, 2031",
            "",
            "Zephyr Biologics Announces CEO Transition:",
            "Ada Quill, M.D., to Succeed Bram Otter, Ph.D.",
            "",
            "  Dr. Otter to retire as CEO effective May 1, 2031 and to stay on",
            "  the Board as Chair",
            "",
            "  Preliminary year-end cash of approximately $81.5 million",
            "",
            "BOSTON, Mass., March 2, 2031 -- Zephyr Biologics, Inc. (Nasdaq: ZPHB) today announced"
            " a leadership change.",
        ]
    )
    assert meta.headline == (
        "Zephyr Biologics Announces CEO Transition: Ada Quill, M.D., to Succeed Bram Otter, Ph.D."
    )
    assert meta.subheadlines == [
        "Dr. Otter to retire as CEO effective May 1, 2031 and to stay on the Board as Chair",
        "Preliminary year-end cash of approximately $81.5 million",
    ]
    assert meta.kind == "governance"
    assert meta.date == "2031-03-02"


def test_colon_line_followed_by_bullets_is_not_a_headline_start() -> None:
    meta = _meta(
        [
            "Acme Widget Sales Update for Investors:",
            "• Revenue of $10 million rose on strong demand",
            "• Margin up",
            "DENVER, Nov. 3, 2031 /PRNewswire/ -- Acme Inc. (NYSE: ACME) today reported results.",
        ]
    )
    assert meta.headline == ""
    assert meta.subheadlines == []


def test_earnings_headline_wrapped_before_financial_results_line() -> None:
    meta = _meta(
        [
            "ACME ROBOTICS",
            "FOR IMMEDIATE RELEASE",
            "May 6, 2031",
            "Acme Robotics Reports Fourth Quarter and Full Year 2030",
            "Financial Results and Recent Business Highlights",
            "Gadget platform shipped to first customers",
            "Cash runway extended into 2033",
            "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB) today reported"
            " financial results for the fourth quarter.",
        ]
    )
    assert meta.headline == (
        "Acme Robotics Reports Fourth Quarter and Full Year 2030 Financial Results and Recent"
        " Business Highlights"
    )
    assert meta.subheadlines == [
        "Gadget platform shipped to first customers",
        "Cash runway extended into 2033",
    ]
    assert meta.kind == "earnings"


def test_subheadline_wrap_opening_with_a_parenthesis_and_one_ending_with_a_date() -> None:
    meta = _meta(
        [
            "ACME THERAPEUTICS' PHASE 3 TRIAL OF WIDGETOL MEETS PRIMARY ENDPOINT",
            "",
            "  Widgetol reduced relapses by 40% versus placebo",
            "  (p<0.001)",
            "",
            "  Regulatory decision expected by June 30, 2032",
            "",
            "DENVER, Colo., Jan. 5, 2032 -- Acme Therapeutics, Inc. (Nasdaq: ACTX) today announced"
            " topline results.",
        ]
    )
    assert meta.subheadlines == [
        "Widgetol reduced relapses by 40% versus placebo (p<0.001)",
        "Regulatory decision expected by June 30, 2032",
    ]
    assert meta.kind == "clinical"


def test_markdown_italic_subheadline_kept_and_dash_list_items_are_not_subheadlines() -> None:
    meta = _meta(
        [
            "April 4, 2031",
            "",
            "# Acme Therapeutics Announces Positive Results from Phase 2 Study of Widgetol",
            "",
            "*Widgetol cut symptom scores by 35% over 12 weeks (p=0.002)*",
            "",
            "- Both doses met the primary endpoint",
            "- Widgetol was well tolerated",
            "",
            "**DENVER, Colo., April 4, 2031** -- Acme Therapeutics, Inc. (Nasdaq: ACTX) today"
            " announced results.",
        ]
    )
    assert meta.headline == (
        "Acme Therapeutics Announces Positive Results from Phase 2 Study of Widgetol"
    )
    assert meta.subheadlines == ["Widgetol cut symptom scores by 35% over 12 weeks (p=0.002)"]
    assert meta.date == "2031-04-04"


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("ACME RECEIVES FDA BREAKTHROUGH THERAPY DESIGNATION FOR WIDGETOL", "product"),
        ("FDA Accepts Acme's New Drug Application for Widgetol and Grants Priority Review", "product"),
        ("Acme Submits Biologics License Application to FDA for Zumab", "product"),
        ("Acme Receives European Commission Approval of Zumab for Adults with Asthma", "product"),
        ("Acme Receives 510(k) Clearance for Its Cardiac Monitor", "product"),
        ("Acme Announces Commercial Availability of Widgetol in Europe", "product"),
        ("Acme Announces FDA Clearance of IND Application for ABC-123", "clinical"),
        ("Acme Completes Enrollment in Phase 3 Study of Widgetol", "clinical"),
        ("Acme Announces CEO Transition", "governance"),
        ("Chief Financial Officer Jane Roe to Retire; Board Names John Doe Successor", "governance"),
        ("Acme Announces Retirement of President and CEO Jane Roe", "governance"),
        ("Jane Roe Succeeds John Doe as Chief Executive Officer of Acme", "governance"),
        ("Acme Declares Quarterly Cash Dividend", "corporate"),
        ("Acme Announces Two-for-One Stock Split", "corporate"),
        ("Acme Board Authorizes New Share Repurchase Program", "corporate"),
        ("Acme to Retire $500 Million of Notes", "other"),
        ("Acme Reports Second Quarter 2031 Results and FDA Approval of Widgetol", "earnings"),
    ],
)
def test_kind_of_regulatory_leadership_and_capital_news(headline: str, kind: str) -> None:
    assert classify_text(headline) == kind


def test_planned_filing_in_the_lead_does_not_make_trial_news_regulatory() -> None:
    lead = (
        "today announced topline results from its Phase 3 trial; the company plans to submit"
        " an NDA to the FDA next year"
    )
    assert classify_text("Acme Shares an Update", lead) == "clinical"
