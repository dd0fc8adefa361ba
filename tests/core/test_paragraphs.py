"""Body reflow: joined lines, de-hyphenation, bullets, furniture and tables left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from irviewer.core.extract.metadata import extract_metadata
from irviewer.core.extract.paragraphs import build_body, plain_text
from irviewer.core.extract.release import find_release
from irviewer.core.ingest import read_document
from irviewer.core.ingest.base import Line
from irviewer.core.ingest.html import read_html_text
from irviewer.core.pipeline import parse_file


def _body(texts: list[str], page: int = 1) -> list[str]:
    return build_body([Line(t, page) for t in texts]).split("\n\n")


def test_hard_wrapped_lines_join_and_short_last_line_ends_the_paragraph() -> None:
    paras = _body(
        [
            "The company reported revenue growth across every region in the quarter, driven by",
            "strong demand for its products and the benefit of pricing actions taken early in the",
            "year.",
            "A second paragraph begins here and runs on for a while so that it is printed at full",
            "width before it ends.",
        ]
    )
    assert paras == [
        "The company reported revenue growth across every region in the quarter, driven by "
        "strong demand for its products and the benefit of pricing actions taken early in the "
        "year.",
        "A second paragraph begins here and runs on for a while so that it is printed at full "
        "width before it ends.",
    ]


def test_blank_line_inside_a_sentence_is_joined() -> None:
    paras = _body(
        [
            "This press release includes forward-looking statements based on current expectations.",
            "These statements",
            "",
            "include, but are not limited to, statements about revenue.",
            "",
            "Next paragraph.",
        ]
    )
    assert paras[0].endswith(
        "These statements include, but are not limited to, statements about revenue."
    )
    assert paras[1] == "Next paragraph."


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("the continued develop-", "ment of its products.", "develop" + "ment"),
        ("using its potent DNA-", "alkylating payloads.", "DNA-alkylating"),
        ("for the six-", "month period ended.", "six-month"),
        ("Co-", "Commercialize the product.", "Co-Commercialize"),
    ],
)
def test_dehyphenation_keeps_real_hyphens(first: str, second: str, joined: str) -> None:
    filler = "The company said that work on its programs moved forward in the period as planned, "
    (para,) = _body([filler + first, second])
    assert joined in para
    assert f"{joined} " in para or para.endswith(joined + ".")


def test_ocr_bullets_become_bullet_items() -> None:
    paras = _body(
        [
            "Recent highlights include:",
            "1 First patient dosed in the pivotal trial of the lead drug in platinum-resistant",
            "",
            "ovarian cancer (January 2017);",
            "1 Presentation of:",
            "i Expanded data from the biopsy cohort at the annual meeting (March 2017);",
            ". Preliminary evidence of activity seen in the dose-finding portion of the trial.",
            "- Act with honesty and integrity.",
            "§ Comply with all rules.",
        ]
    )
    assert paras == [
        "Recent highlights include:",
        "• First patient dosed in the pivotal trial of the lead drug in platinum-resistant"
        " ovarian cancer (January 2017);",
        "• Presentation of:",
        "• Expanded data from the biopsy cohort at the annual meeting (March 2017);",
        "• Preliminary evidence of activity seen in the dose-finding portion of the trial.",
        "• Act with honesty and integrity.",
        "• Comply with all rules.",
    ]


def test_numbered_footnotes_are_not_bullets() -> None:
    paras = _body(
        [
            "1 Non-GAAP financial measure; refer to the reconciliations.",
            "2 Excludes the impact of translational currency.",
        ]
    )
    assert paras == [
        "1 Non-GAAP financial measure; refer to the reconciliations.",
        "2 Excludes the impact of translational currency.",
    ]


def test_footnote_markers_leave_words() -> None:
    (para,) = _body(
        [
            "All patients scored strongly positive1 for the target, as seen in 85% of"
            " cases of ovarian cancer.3 Revenue(1) rose."
        ]
    )
    assert para == (
        "All patients scored strongly positive for the target, as seen in 85% of cases"
        " of ovarian cancer. Revenue rose."
    )


def test_markdown_markers_are_stripped() -> None:
    paras = _body(
        [
            "## July 11, 2012",
            "",
            "**Acme Announces Results**",
            "",
            "[Acme, Inc.](http://www.acme.example) (Nasdaq: ACME) today announced results.",
        ]
    )
    assert paras == [
        "July 11, 2012",
        "Acme Announces Results",
        "Acme, Inc. (Nasdaq: ACME) today announced results.",
    ]


def test_page_furniture_is_dropped() -> None:
    words = [
        "alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
        "juliet",
        "kilo",
        "lima",
        "mike",
    ]
    lines = []
    for page in range(1, 5):
        lines.append(Line("Acme Corporation Second Quarter 2026 Results", page))
        lines += [
            Line(f"The {w} item on this page is printed as a sentence of its own.", page)
            for w in words[4 * page - 4 : 4 * page]
        ]
        lines.append(Line(f"Page {page} of 4", page))
    lines.insert(0, Line("8/14/26, 10:24 AM Acme Reports Results", 1))
    lines.append(Line("https://www.acme.example/news/acme-reports-results 4/4", 4))
    lines.append(Line("- 5 -", 4))
    body = build_body(lines)
    assert "Page" not in body and "10:24" not in body and "https" not in body
    assert "Second Quarter 2026 Results" not in body
    assert body.count("printed as a sentence") == 13
    assert "- 5 -" not in body


def test_financial_table_lines_are_omitted() -> None:
    paras = _body(
        [
            "Revenue rose 10% in the quarter.",
            "",
            "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
            "Revenues:",
            "License fees",
            "Royalty revenue",
            "2016 2015",
            "$ 5,076 $ 10,692",
            "6,710 6,291",
            "1,427 848",
            "",
            "About Acme",
            "Acme makes widgets.",
        ]
    )
    assert paras == ["Revenue rose 10% in the quarter.", "## About Acme", "Acme makes widgets."]


def test_html_numeric_table_rows_are_omitted_and_layout_rows_kept() -> None:
    lines = [
        Line("Acme reported results today."),
        Line("Revenue 1,200 1,100", cells=("Revenue", "1,200", "1,100"), table=0),
        Line("Net income 300 250", cells=("Net income", "300", "250"), table=0),
        Line("Total assets 9,000 8,000", cells=("Total assets", "9,000", "8,000"), table=0),
        Line("Contact Jane Roe", cells=("Contact", "Jane Roe"), table=1),
    ]
    assert build_body(lines).split("\n\n") == ["Acme reported results today.", "Contact Jane Roe"]


def test_contact_lines_stay_apart() -> None:
    paras = _body(
        [
            "For Investors",
            "Acme, Inc.",
            "Jane Roe, 781-555-0100",
            "jane.roe@acme.example",
            "",
            "or",
            "",
            "For Media",
            "John Doe, 212-555-0100",
        ]
    )
    assert paras == [
        "For Investors",
        "Acme, Inc.",
        "Jane Roe, 781-555-0100",
        "jane.roe@acme.example",
        "or",
        "For Media",
        "John Doe, 212-555-0100",
    ]


@pytest.fixture(scope="module")
def seed_003_body(seed_path) -> str:
    raw = read_document(seed_path("003"))
    start, end = find_release(raw.lines)
    return build_body(raw.lines[start:end])


def test_seed_003_bullet_reflowed_into_one_item(seed_003_body: str) -> None:
    items = [p for p in seed_003_body.split("\n\n") if p.startswith("• First patient dosed")]
    assert len(items) == 1
    assert items[0].endswith("platinum-resistant ovarian cancer (January 2017);")


def test_seed_003_has_no_misread_bullets_left(seed_003_body: str) -> None:
    paras = seed_003_body.split("\n\n")
    assert not [p for p in paras if p.startswith(("1 ", "i "))]
    assert sum(p.startswith("• ") for p in paras) >= 15


def test_seed_003_keeps_real_hyphens(seed_003_body: str) -> None:
    assert "DNA-alkylating" in seed_003_body
    assert "six-month period" in seed_003_body


def test_seed_003_financial_tables_left_out(seed_003_body: str) -> None:
    assert "$ 159,964" not in seed_003_body
    assert "(152,850)" not in seed_003_body


def test_corpus_bodies_have_no_print_headers(corpus_dir: Path) -> None:
    for doc_id in ("09", "16"):
        (path,) = sorted((corpus_dir / "files").glob(f"{doc_id}_*"))
        raw = read_document(path)
        start, end = find_release(raw.lines)
        body = build_body(raw.lines[start:end])
        assert ", 10:" not in body and " AM " not in body.split("\n\n")[1]
        assert not [p for p in body.split("\n\n") if p.startswith("https://")]


# -- the title block is left out when the metadata is given ------------------------------------

TITLE_BLOCK = [
    "ACME",
    "ROBOTICS",
    "FOR IMMEDIATE RELEASE",
    "May 6, 2031",
    "Acme Robotics Reports First Quarter 2031 Financial Results",
    "and Provides Business Update",
    "Gadget platform shipped to its first customers",
    "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB), a maker of warehouse",
    "robots, today reported financial results for the first quarter ended March 31, 2031.",
    "",
    "Revenue grew on the strength of new orders.",
]


def _meta_body(texts: list[str]) -> list[str]:
    lines = [Line(t) for t in texts]
    start, end = find_release(lines)
    meta = extract_metadata(lines, start, end)
    return build_body(lines[start:end], meta).split("\n\n")


def test_body_with_metadata_starts_at_the_dateline_paragraph() -> None:
    paras = _meta_body(TITLE_BLOCK)
    assert paras == [
        "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB), a maker of warehouse "
        "robots, today reported financial results for the first quarter ended March 31, 2031.",
        "Revenue grew on the strength of new orders.",
    ]


def test_body_without_metadata_keeps_the_title_block() -> None:
    paras = _body(TITLE_BLOCK)
    assert paras[0] == "ACME"
    assert "May 6, 2031" in paras
    assert any("Acme Robotics Reports First Quarter 2031 Financial Results" in p for p in paras)
    assert paras[-1] == "Revenue grew on the strength of new orders."


def test_dateline_is_never_joined_to_the_line_above() -> None:
    paras = _body(
        [
            "Gadget platform shipped to its first customers",
            "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB) today reported",
            "results.",
        ]
    )
    assert paras == [
        "Gadget platform shipped to its first customers",
        "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB) today reported "
        "results.",
    ]


def test_contact_block_above_the_headline_stays_in_the_body() -> None:
    paras = _meta_body(
        [
            "Investor Contact",
            "Jane Roe",
            "ir@acme.example",
            "FOR IMMEDIATE RELEASE",
            "Acme Robotics Signs Supply Agreement with Widget Works",
            "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB) today announced a",
            "multi-year supply agreement.",
        ]
    )
    assert paras == [
        "Investor Contact",
        "Jane Roe",
        "ir@acme.example",
        "AUSTIN, Texas, May 6, 2031 -- Acme Robotics, Inc. (Nasdaq: ACRB) today announced a "
        "multi-year supply agreement.",
    ]


def test_markdown_italic_line_loses_its_marks() -> None:
    assert _body(["*A sub-headline set in italics*"]) == ["A sub-headline set in italics"]


# -- Markdown pipe tables ----------------------------------------------------------------------


def test_pipe_table_without_numbers_is_read_as_one_line_per_row() -> None:
    paras = _body(
        [
            "## Study design",
            "",
            "| Design | Randomized, double-blind |",
            "| --- | --- |",
            "| Duration | Fifty-two weeks |",
            "| Sites | About forty sites in nine countries |",
            "",
            "Enrollment is expected to finish next year.",
        ]
    )
    assert paras == [
        "## Study design",
        "Design — Randomized, double-blind",
        "Duration — Fifty-two weeks",
        "Sites — About forty sites in nine countries",
        "Enrollment is expected to finish next year.",
    ]


def test_financial_pipe_table_is_left_out_of_the_body() -> None:
    paras = _body(
        [
            "## Results at week 12",
            "",
            "| Endpoint | Drug (n=40) | Placebo (n=41) |",
            "| --- | ---: | ---: |",
            "| Change in score | -7.5 | -2.0 |",
            "| Responders | 45% | 20% |",
            "",
            "The difference was significant.",
        ]
    )
    assert paras == ["## Results at week 12", "The difference was significant."]
    assert not any("|" in p for p in paras)


def test_parsed_markdown_release_body_has_no_title_block_or_pipes(tmp_path: Path) -> None:
    path = tmp_path / "release.md"
    path.write_text(
        "June 1, 2031\n\n"
        "# Acme Therapeutics Presents Phase 2 Results for Widgetol\n\n"
        "*Widgetol improved lung function over 24 weeks*\n\n"
        "**DENVER, Colo., June 1, 2031** -- Acme Therapeutics, Inc. (Nasdaq: ACTX) today"
        " presented results from a Phase 2 trial.\n\n"
        "## Key results\n\n"
        "| Endpoint | Widgetol | Placebo |\n| --- | ---: | ---: |\n"
        "| Change in FVC (mL) | -10 | -80 |\n| Discontinuations | 3.0% | 5.5% |\n\n"
        "The difference was significant.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert doc.headline == "Acme Therapeutics Presents Phase 2 Results for Widgetol"
    assert doc.subheadlines == ["Widgetol improved lung function over 24 weeks"]
    assert doc.body.split("\n\n") == [
        "DENVER, Colo., June 1, 2031 -- Acme Therapeutics, Inc. (Nasdaq: ACTX) today presented "
        "results from a Phase 2 trial.",
        "## Key results",
        "The difference was significant.",
    ]
    [table] = doc.tables
    assert table.title == "Key results"
    assert table.rows == [["Change in FVC (mL)", "-10", "-80"], ["Discontinuations", "3.0%", "5.5%"]]


def test_heading_after_a_sentence_and_after_a_bullet_item_is_its_own_paragraph() -> None:
    paras = _body(
        [
            "Acme Widgets today reported record orders for the quarter, and it raised its outlook",
            "for the full year, said Jane Roe, Chief Executive Officer of Acme Widgets.",
            "Recent Operating Highlights",
            "• Opened a second assembly plant in the northern region, adding capacity for about",
            "forty thousand widgets a year.",
            "• Signed a supply agreement with a regional distributor.",
            "Second Quarter 2031 Financial Results",
            "Revenue was $12.5 million for the second quarter of 2031, compared with $10.1 million",
            "for the second quarter of 2030.",
        ]
    )
    assert paras == [
        "Acme Widgets today reported record orders for the quarter, and it raised its outlook "
        "for the full year, said Jane Roe, Chief Executive Officer of Acme Widgets.",
        "## Recent Operating Highlights",
        "• Opened a second assembly plant in the northern region, adding capacity for about "
        "forty thousand widgets a year.",
        "• Signed a supply agreement with a regional distributor.",
        "## Second Quarter 2031 Financial Results",
        "Revenue was $12.5 million for the second quarter of 2031, compared with $10.1 million "
        "for the second quarter of 2030.",
    ]


def test_all_caps_heading_between_paragraphs() -> None:
    paras = _body(
        [
            "The meeting will be held on the first Monday of the month at the company's offices.",
            "ABOUT ACME WIDGETS",
            "Acme Widgets designs and builds widgets for industrial customers around the world.",
        ]
    )
    assert paras[1] == "## ABOUT ACME WIDGETS"
    assert len(paras) == 3


def test_wrapped_sentence_lines_are_never_headings() -> None:
    paras = _body(
        [
            "The board approved the plan after a review that lasted most of the year and covered",
            "Product Lines",
            "in every region where the company sells. Sales rose in all of them during the period.",
            "Orders grew in the quarter as expected.",
            "Regional Sales Offices,",
            "Distribution Centres and Plants were all expanded during the period under review.",
        ]
    )
    assert not any(p.startswith("## ") for p in paras)
    assert "covered Product Lines in every region" in paras[0]
    assert paras[-1].startswith("Regional Sales Offices, Distribution Centres")


def test_contact_names_after_the_last_paragraph_are_not_headings() -> None:
    paras = _body(
        [
            "Acme Widgets undertakes no obligation to update these statements or the outlook given,",
            "except as required by law.",
            "Jane Roe",
            "Chief Financial Officer",
            "Acme Widgets, Inc.",
            "781-555-0100",
        ]
    )
    assert not any(p.startswith("## ") for p in paras)
    assert paras[1:] == ["Jane Roe", "Chief Financial Officer", "Acme Widgets, Inc.", "781-555-0100"]


def test_markdown_heading_is_kept_as_a_heading_even_in_sentence_case() -> None:
    paras = _body(
        [
            "Acme Widgets reported results today.",
            "",
            "## Terms of the agreement",
            "",
            "Acme will receive an upfront payment and royalties on future sales.",
        ]
    )
    assert paras == [
        "Acme Widgets reported results today.",
        "## Terms of the agreement",
        "Acme will receive an upfront payment and royalties on future sales.",
    ]


def test_plain_text_drops_heading_marks_only() -> None:
    body = "First paragraph.\n\n## Outlook\n\n• Item one\n\nShares rose ## today."
    assert plain_text(body) == "First paragraph.\n\nOutlook\n\n• Item one\n\nShares rose ## today."


LONG_PARAGRAPH = (
    "Acme Widgets will hold an investor day on the first Monday of next month, where members of "
    "its leadership team and two outside experts will speak about the widget market, the new "
    "assembly plant and the plans for the coming years."
)


def test_html_list_items_stay_separate_bullet_items() -> None:
    html = (
        f"<p>{LONG_PARAGRAPH}</p>"
        "<p>The agenda will include:</p>"
        "<ul><li>an update on the new assembly plant;</li>"
        "<li>the outlook for the widget market; and</li>"
        "<li>a review of the supply agreements.</li></ul>"
        "<h2>About Acme Widgets</h2>"
        "<p>Acme Widgets designs and builds widgets for industrial customers worldwide.</p>"
    )
    assert build_body(read_html_text(html)).split("\n\n") == [
        LONG_PARAGRAPH,
        "The agenda will include:",
        "• an update on the new assembly plant;",
        "• the outlook for the widget market; and",
        "• a review of the supply agreements.",
        "## About Acme Widgets",
        "Acme Widgets designs and builds widgets for industrial customers worldwide.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "June 3, 2031",  # a date line
        "Acme Widgets, Inc.",  # a company name alone (letterhead, running head)
        "Diluted Shares Outstanding 2,557.2 2,630.7",  # a table row
        "Widget Plant)",  # the end of a parenthesis opened on the line above
        "Widgets and",  # runs on into the next line
    ],
)
def test_lines_that_are_never_headings(line: str) -> None:
    paras = _body(
        [
            "Acme Widgets reported results today.",
            line,
            "Revenue was $12.5 million for the second quarter of 2031, compared with $10.1 million "
            "for the second quarter of 2030.",
        ]
    )
    assert not any(p.startswith("## ") for p in paras)


def test_heading_after_a_bullet_without_final_punctuation() -> None:
    paras = _body(
        [
            "Revenue was $12.5 million for the second quarter of 2031, compared with $10.1 million",
            "for the second quarter of 2030, and the company raised its outlook for the year.",
            "• Revenue of $12.5 million",
            "Outlook",
            "Acme Widgets expects revenue of $50 million to $55 million for the full year 2031.",
        ]
    )
    assert paras[1:] == [
        "• Revenue of $12.5 million",
        "## Outlook",
        "Acme Widgets expects revenue of $50 million to $55 million for the full year 2031.",
    ]
