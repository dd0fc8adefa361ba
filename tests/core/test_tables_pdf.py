"""PDF tables through the real pdfplumber path, on PDFs the tests draw with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest

from irviewer.core.extract import tables_pdf
from irviewer.core.extract.table_captions import (
    clean_title,
    clean_units,
    is_title_text,
    title_from_text_tail,
)
from irviewer.core.extract.tables_pdf import extract_pdf_tables, is_table_page
from irviewer.core.ingest.pdf import read_pdf
from irviewer.core.pipeline import parse_file
from irviewer.core.records import FinancialTable
from tests.fixtures import pdfs


def tables_of(path: Path) -> list[FinancialTable]:
    _, pages = read_pdf(path)
    return extract_pdf_tables(path, list(range(1, len(pages) + 1)), pages)


def test_unruled_table_with_dollar_column_keeps_cells_as_printed(tmp_path: Path) -> None:
    tables = tables_of(pdfs.unruled_dollar_table(tmp_path / "unruled.pdf"))
    assert len(tables) == 1  # the prose paragraphs around it are not tables
    table = tables[0]
    assert table.title == "Condensed Consolidated Statements of Operations"
    assert table.units == "in thousands, except per share amounts"
    assert table.header_rows == [
        ["", "Year Ended December 31,", "", ""],
        ["", "2025", "2024", "Change"],
    ]
    assert table.rows == [
        ["Revenues:", "", "", ""],
        ["Product revenue", "$ 5,076", "$ 4,310", "17.8 %"],
        ["Service revenue", "1,204", "1,388", "(13.3)%"],
        ["Total revenues", "6,280", "5,698", "10.2 %"],
        ["Cost of revenues", "(2,415)", "(2,301)", "5.0 %"],
        ["Impairment charge", "—", "1,099", "n/m"],
        ["Operating income", "3,865", "2,298", "68.2 %"],
        ["Net income", "$ 3,102", "$ 1,874", "65.5 %"],
        ["Diluted earnings per share", "$ 1.27", "$ 0.77", "64.9 %"],
    ]
    assert table.values[1] == [None, 5076.0, 4310.0, 17.8]
    assert table.values[4] == [None, -2415.0, -2301.0, 5.0]
    assert table.values[5] == [None, None, 1099.0, None]
    assert table.page == 1


def test_wrapped_labels_join_and_section_rows_stay(tmp_path: Path) -> None:
    (table,) = tables_of(pdfs.wrapped_label_table(tmp_path / "wrapped.pdf"))
    assert table.header_rows == [["", "2025", "2024"]]
    assert table.rows == [
        ["Current assets:", "", ""],
        ["Cash and cash equivalents", "$ 812", "$ 640"],
        ["Accounts receivable, net of allowances for doubtful accounts", "233", "198"],
        ["Total current assets", "1,045", "838"],
        [
            "Common stock, $0.01 par value; 500 shares authorized, 120 and 118 shares issued "
            "and outstanding, respectively",
            "1",
            "1",
        ],
        ["Diluted", "", ""],  # a heading over an indented item, not the start of a label
        ["Net income per share", "$ 2.10", "$ 1.95"],
        ["Total liabilities and equity", "$ 1,046", "$ 839"],
    ]


def test_two_level_spanning_header_sits_over_the_first_spanned_column(tmp_path: Path) -> None:
    (table,) = tables_of(pdfs.spanning_header_table(tmp_path / "span.pdf"))
    assert table.title == "Consolidated Statements of Income (Unaudited)"
    assert table.header_rows == [
        ["", "Three Months Ended", "", "Six Months Ended", ""],
        ["", "June 30,", "", "June 30,", ""],
        ["", "2025", "2024", "2025", "2024"],
    ]
    assert table.rows[0] == ["Net sales", "$ 2,955.6", "$ 1,536.2", "$ 5,334.5", "$ 2,947.5"]
    assert table.rows[-1] == [
        "Diluted earnings (loss) per share",
        "$ —",
        "$ 0.32",
        "(0.46)",
        "0.38",
    ]
    assert table.values[3] == [None, -89.8, -43.1, -179.4, -86.0]
    assert len(table.rows) == 6


@pytest.mark.parametrize("repeat_title", [True, False])
def test_table_continuing_over_a_page_break_is_one_table(
    tmp_path: Path, repeat_title: bool
) -> None:
    path = pdfs.continued_table(tmp_path / "continued.pdf", repeat_title)
    tables = tables_of(path)
    assert len(tables) == 1
    table = tables[0]
    assert table.page == 1
    assert table.title == "Condensed Consolidated Balance Sheets"
    assert table.header_rows == [["", "March 31, 2025", "Dec. 31, 2024"]]
    expected = (
        [["ASSETS", "", ""]]
        + [[label, *values] for label, values in pdfs.CONTINUED_ROWS]
        + [["LIABILITIES AND EQUITY", "", ""]]
        + [[label, *values] for label, values in pdfs.CONTINUED_TAIL]
    )
    expected[1][1:] = ["$ 4,770", "$ 4,954"]
    assert table.rows == expected
    assert table.values[-1] == [None, 59042.0, 59028.0]


def test_ruled_grid_keeps_its_column_of_words(tmp_path: Path) -> None:
    (table,) = tables_of(pdfs.ruled_table(tmp_path / "ruled.pdf"))
    assert table.title == "Segment Results"
    assert table.units == "in millions"
    assert table.header_rows == [["Segment", "Region", "Units", "Revenue", "Margin"]]
    assert table.rows == [[label, *cells] for label, cells in pdfs.RULED_ROWS[1:]]
    assert table.values[0] == [None, None, 1250.0, 48.2, 31.5]


def test_dot_leaders_and_glued_currency_signs(tmp_path: Path) -> None:
    (table,) = tables_of(pdfs.leader_dots_table(tmp_path / "leaders.pdf"))
    assert table.title == "Summary of Results"
    assert table.units == "Amounts in EUR thousands"
    assert table.header_rows == [["", "FY 2025", "FY 2024", "Var."]]
    assert [row[0] for row in table.rows] == [label for label, _ in pdfs.LEADER_ROWS]
    assert table.rows[0] == ["Net sales", "$ 12,345", "$ 11,002", "12%"]
    assert table.rows[3] == ["Other items", "—", "120", "n.m."]
    assert table.values[1] == [None, -8001.0, -7500.0, 7.0]
    assert table.values[2] == [None, 4344.0, 3502.0, 24.0]


def test_pages_without_numbers_never_reach_pdfplumber(tmp_path: Path, monkeypatch) -> None:
    path = pdfs.unruled_dollar_table(tmp_path / "unruled.pdf")
    _, pages = read_pdf(path)
    prose_only = ["A paragraph of prose.\nAnother line of it, with 2 numbers in 2026."]

    def fail(*args, **kwargs):
        raise AssertionError("pdfplumber opened for a page without tables")

    monkeypatch.setattr(tables_pdf.pdfplumber, "open", fail)
    assert extract_pdf_tables(path, [1], prose_only) == []
    assert is_table_page(pages[0])
    assert not is_table_page(prose_only[0])


def test_title_and_units_helpers() -> None:
    assert is_title_text("CONSOLIDATED STATEMENTS OF INCOME(1)")
    assert clean_title("1. CONSOLIDATED INCOME STATEMENT") == "CONSOLIDATED INCOME STATEMENT"
    assert clean_title("Segment Results (in millions)") == "Segment Results"
    assert not is_title_text("increased costs. Results are expected to improve next year")
    assert not is_title_text("Other income (expense):")
    assert clean_units("(In millions, except per share amounts)") == (
        "In millions, except per share amounts"
    )
    assert clean_units("reconciled to the nearest GAAP measure (in thousands):") == "in thousands"
    tail = "Some prose ends here.\nExample Corp.\nCondensed Balance Sheets\n(in thousands)\n3/4"
    assert title_from_text_tail(tail) == ("Condensed Balance Sheets", "in thousands")


def _shape(table: FinancialTable) -> tuple[int, int]:
    return len(table.rows), len(table.rows[0])


def _corpus_file(corpus_dir: Path, doc: str) -> Path:
    matches = sorted((corpus_dir / "files").glob(f"{doc}_*.pdf"))
    if not matches:
        pytest.skip(f"corpus document {doc} missing")
    return matches[0]


@pytest.mark.slow
def test_corpus_statements_have_their_shape(corpus_dir: Path) -> None:
    # doc 06: income statement (4 periods) and balance sheet (2 dates) on separate pages
    shapes = [_shape(t) for t in parse_file(_corpus_file(corpus_dir, "06")).tables]
    assert any(rows >= 15 and cols == 5 for rows, cols in shapes)
    assert any(rows >= 35 and cols == 3 for rows, cols in shapes)
    # doc 10: the statement of operations crosses a page break and comes back as one table
    tables = parse_file(_corpus_file(corpus_dir, "10")).tables
    assert any(_shape(t)[0] >= 30 and _shape(t)[1] == 5 and t.title for t in tables)
