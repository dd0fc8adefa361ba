"""The table grid model, its sort proxy and the header layout, without widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from irviewer.core.extract.numbers import values_grid
from irviewer.core.records import FinancialTable
from irviewer.gui.models.header_layout import HeaderCell, column_titles, header_cells
from irviewer.gui.models.sort_proxy import SortProxyModel
from irviewer.gui.models.table_grid import (
    HEADER_CELLS_ROLE,
    HEADER_DEPTH_ROLE,
    RECORD_ROLE,
    ROW_KIND_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    VALUE_ROLE,
    TableGridModel,
)

HEADER = [["", "Quarter Ended", "", "Year"], ["", "2024", "2023", "2024"]]
ROWS = [
    ["Revenue", "$ 5,076", "$ 4,100", "$ 20,000"],
    ["Costs", "(1,099)", "(900)", "(4,000)"],
    ["Operating items", "", "", ""],
    ["Grants", "633", "\u2014", "1,200"],
    ["Other", "-", "12", "n/m"],
    ["Total income", "4,610", "3,212", "17,200"],
]


def make_table(rows: list[list[str]] = ROWS, header: list[list[str]] = HEADER) -> FinancialTable:
    return FinancialTable("Statement of Things", "in thousands", header, rows, values_grid(rows))


def labels(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.fixture
def proxy(qapp) -> SortProxyModel:
    proxy = SortProxyModel()
    proxy.setSourceModel(TableGridModel(make_table(), proxy))
    return proxy


def test_models_pass_the_model_tester(qtmodeltester, proxy):
    qtmodeltester.check(proxy.sourceModel())
    qtmodeltester.check(proxy)
    qtmodeltester.check(TableGridModel())  # empty


def test_cells_show_as_printed_and_sort_on_values(proxy):
    model = proxy.sourceModel()
    assert (model.rowCount(), model.columnCount()) == (6, 4)
    assert model.index(1, 1).data() == "(1,099)"
    assert model.index(1, 1).data(SORT_ROLE) == -1099.0
    assert model.index(0, 1).data(SORT_ROLE) == 5076.0
    assert model.index(4, 1).data(SORT_ROLE) is None  # a dash
    assert model.index(3, 2).data(VALUE_ROLE) is None  # an em dash
    assert model.index(0, 0).data(SORT_ROLE) == "revenue"
    assert model.index(3, 0).data(RECORD_ROLE) == ROWS[3]
    assert model.index(3, 2).data(ROW_ROLE) == 3


def test_numbers_align_right_and_labels_left(proxy):
    model = proxy.sourceModel()
    right = model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    left = model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight
    assert left & Qt.AlignmentFlag.AlignLeft


def test_section_and_total_rows_are_bold(proxy):
    model = proxy.sourceModel()
    kinds = [model.index(r, 0).data(ROW_KIND_ROLE) for r in range(model.rowCount())]
    assert kinds == ["line", "line", "section", "line", "line", "total"]
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(5, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert not model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()


def test_numeric_column_sorts_by_value_with_blanks_last(proxy):
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert labels(proxy) == [
        "Costs",  # (1,099)
        "Grants",  # 633
        "Total income",  # 4,610
        "Revenue",  # $ 5,076
        "Operating items",  # blank, printed order among blanks
        "Other",  # '-'
    ]
    assert proxy.row_order() == [1, 3, 5, 0, 2, 4]


def test_descending_sort_reverses_values_and_keeps_blanks_last(proxy):
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert labels(proxy) == [
        "Revenue",
        "Total income",
        "Grants",
        "Costs",
        "Operating items",
        "Other",
    ]


def test_text_like_not_numbers_sort_last(proxy):
    proxy.sort(3, Qt.SortOrder.AscendingOrder)
    assert labels(proxy) == [
        "Costs",
        "Grants",
        "Total income",
        "Revenue",
        "Operating items",
        "Other",
    ]


def test_label_column_sorts_alphabetically(proxy):
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert labels(proxy) == [
        "Costs",
        "Grants",
        "Operating items",
        "Other",
        "Revenue",
        "Total income",
    ]


def test_sort_minus_one_restores_printed_order(proxy):
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    proxy.sort(-1)
    assert labels(proxy) == [row[0] for row in ROWS]
    assert proxy.row_order() == [0, 1, 2, 3, 4, 5]


def test_ragged_rows_are_padded(qtmodeltester):
    rows = [["Revenue", "1", "2"], ["Note"]]
    model = TableGridModel(make_table(rows, [["", "A", "B"]]))
    qtmodeltester.check(model)
    assert model.columnCount() == 3
    assert model.index(1, 2).data() == ""
    assert model.index(1, 2).data(SORT_ROLE) is None


def test_header_roles_describe_spanning_headings(proxy):
    assert proxy.headerData(0, Qt.Orientation.Horizontal, HEADER_DEPTH_ROLE) == 2
    cells = proxy.headerData(2, Qt.Orientation.Horizontal, HEADER_CELLS_ROLE)
    assert HeaderCell("Quarter Ended", 1, 2, 0, 0) in cells
    assert HeaderCell("2023", 2, 2, 1, 1) in cells
    assert proxy.headerData(2, Qt.Orientation.Horizontal) == "Quarter Ended 2023"
    assert proxy.headerData(3, Qt.Orientation.Horizontal) == "Year 2024"


def test_top_level_heading_spans_the_blank_cells_after_it():
    header = [
        ["", "Three Months Ended May 31,", "", "Nine Months Ended May 31,", ""],
        ["(in millions)", "2025", "2024", "2025", "2024"],
    ]
    cells = header_cells(header, 5)
    assert HeaderCell("Three Months Ended May 31,", 1, 2, 0, 0) in cells
    assert HeaderCell("Nine Months Ended May 31,", 3, 4, 0, 0) in cells
    assert HeaderCell("(in millions)", 0, 0, 0, 1) in cells  # the label column, full height
    assert HeaderCell("2024", 4, 4, 1, 1) in cells
    assert len(cells) == 7


def test_single_child_heading_spans_its_parent_and_column_texts_stack():
    header = [
        ["", "Six Months Ended", "", ""],
        ["", "October 31,", "", ""],
        ["", "2025", "2024", "Change"],
    ]
    cells = header_cells(header, 4)
    assert HeaderCell("Six Months Ended", 1, 3, 0, 0) in cells
    assert HeaderCell("October 31,", 1, 3, 1, 1) in cells
    assert HeaderCell("2025", 1, 1, 2, 2) in cells
    assert column_titles(cells, 4)[3] == "Six Months Ended October 31, Change"


def test_several_child_headings_are_per_column_labels():
    header = [
        ["", "Quarter Ended", "", ""],
        ["", "March 31,", "December 31,", ""],
        ["", "2025", "2024", "Change"],
    ]
    cells = header_cells(header, 4)
    assert HeaderCell("March 31,\n2025", 1, 1, 1, 2) in cells
    assert HeaderCell("December 31,\n2024", 2, 2, 1, 2) in cells
    assert HeaderCell("Change", 3, 3, 1, 2) in cells


def test_no_header_rows_gives_one_blank_level():
    assert header_cells([], 2) == [HeaderCell("", 0, 0, 0, 0), HeaderCell("", 1, 1, 0, 0)]
    assert header_cells([["", ""]], 2) == header_cells([], 2)


def test_a_note_row_on_top_leaves_each_period_spanning_its_columns():
    header = [
        ["", "(unaudited)", "", "", ""],
        ["", "Three Months Ended", "", "Nine Months Ended", ""],
        ["", "March 31,", "", "March 31,", ""],
        ["", "2025", "2024", "2025", "2024"],
    ]
    cells = header_cells(header, 5)
    assert HeaderCell("(unaudited)", 1, 4, 0, 0) in cells
    assert HeaderCell("Three Months Ended", 1, 2, 1, 1) in cells
    assert HeaderCell("Nine Months Ended", 3, 4, 1, 1) in cells
    assert HeaderCell("March 31,", 1, 2, 2, 2) in cells
    assert HeaderCell("March 31,", 3, 4, 2, 2) in cells
    assert HeaderCell("2024", 2, 2, 3, 3) in cells
    assert HeaderCell("", 0, 0, 0, 3) in cells
    assert len(cells) == 10
    assert column_titles(cells, 5)[4] == "(unaudited) Nine Months Ended March 31, 2024"


def test_unequal_periods_under_a_note_row_still_span():
    header = [
        ["", "(unaudited)", "", "", "", ""],
        ["", "Quarter Ended", "", "", "Quarter Ended", ""],
        ["", "May 31,", "Feb 28,", "", "May 31,", ""],
        ["", "2025", "2025", "Change", "2024", "Change"],
    ]
    cells = header_cells(header, 6)
    assert HeaderCell("Quarter Ended", 1, 3, 1, 1) in cells
    assert HeaderCell("Quarter Ended", 4, 5, 1, 1) in cells
    # Under the first period every column has its own label: no span over "Change".
    assert HeaderCell("May 31,\n2025", 1, 1, 2, 3) in cells
    assert HeaderCell("Feb 28,\n2025", 2, 2, 2, 3) in cells
    assert HeaderCell("Change", 3, 3, 2, 3) in cells
