"""The Tables tab driven like a user: header clicks, Ctrl+C, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication

from irviewer.core.extract.numbers import values_grid
from irviewer.core.records import FinancialTable
from irviewer.gui.models.table_grid import SORT_ROLE
from irviewer.gui.widgets.tables_pane import EMPTY_TEXT, TablesPane

HEADER = [["", "Quarter Ended", "", "Year"], ["", "2024", "2023", "2024"]]
ROWS = [
    ["Revenue", "$ 5,076", "$ 4,100", "$ 20,000"],
    ["Costs", "(1,099)", "(900)", "(4,000)"],
    ["Operating items", "", "", ""],
    ["Grants", "633", "\u2014", "1,200"],
    ["Other", "-", "12", "n/m"],
    ["Total income", "4,610", "3,212", "17,200"],
]
BALANCE = [["Cash", "10", "9"], ["Debt", "(3)", "(4)"]]


def tables() -> list[FinancialTable]:
    return [
        FinancialTable("Statement of Things", "in thousands", HEADER, ROWS, values_grid(ROWS), 2),
        FinancialTable("Balance", None, [["", "2024", "2023"]], BALANCE, values_grid(BALANCE)),
    ]


def labels(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.fixture
def pane(qtbot) -> TablesPane:
    widget = TablesPane()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.count_changed) as blocker:
        widget.set_tables(tables(), "2024-05-01 Example Reports Results")
    assert blocker.args == [2]
    return widget


def click_header(qtbot, pane: TablesPane, column: int) -> None:
    header = pane.view(0).horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() - 4)
    )


def select(view, top: int, left: int, bottom: int, right: int) -> None:
    model = view.model()
    selection = QItemSelection(model.index(top, left), model.index(bottom, right))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_empty_state_says_so(qtbot):
    widget = TablesPane()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.count_changed) as blocker:
        widget.set_tables([], "")
    assert blocker.args == [0]
    assert widget.table_count() == 0
    assert widget.first_table_model() is None
    assert widget._pages.currentIndex() == 0
    assert widget._empty_label.text() == EMPTY_TEXT


def test_models_pass_the_model_tester(qtmodeltester, pane):
    qtmodeltester.check(pane.first_table_model())
    qtmodeltester.check(pane.model(1))


def test_shows_title_units_and_every_table(pane):
    assert pane.table_count() == 2
    assert pane._title.text() == "Statement of Things"
    assert pane._units.text() == "in thousands · page 2"
    pane.set_current_table(1)
    assert pane.current_index() == 1
    assert pane._title.text() == "Balance"
    assert labels(pane.model(1)) == ["Cash", "Debt"]


def test_header_click_sorts_numerically_then_reverses_then_restores(qtbot, pane):
    model = pane.first_table_model()
    click_header(qtbot, pane, 1)
    assert labels(model) == [
        "Costs",
        "Grants",
        "Total income",
        "Revenue",
        "Operating items",
        "Other",
    ]
    click_header(qtbot, pane, 1)
    assert labels(model) == [
        "Revenue",
        "Total income",
        "Grants",
        "Costs",
        "Operating items",
        "Other",
    ]
    assert "largest first" in pane._sort_label.text()
    click_header(qtbot, pane, 1)  # a third click: printed order again
    assert labels(model) == [row[0] for row in ROWS]
    assert pane._sort_label.text() == ""


def test_printed_order_link_undoes_the_sort(pane):
    pane.sort_first_table_by(2, Qt.SortOrder.DescendingOrder)
    assert labels(pane.first_table_model())[0] == "Revenue"
    assert pane.row_order(0) == [0, 5, 4, 1, 2, 3]  # 4,100 3,212 12 (900), then blanks as printed
    pane._sort_label.linkActivated.emit("printed")
    assert pane.row_order(0) == [0, 1, 2, 3, 4, 5]
    assert pane.view(0).horizontalHeader().sortIndicatorSection() == -1


def test_ctrl_c_copies_the_selection_as_tsv(qtbot, pane):
    pane.sort_first_table_by(1, Qt.SortOrder.AscendingOrder)
    view = pane.view(0)
    view.setFocus()
    select(view, 0, 0, 1, 2)  # rows as shown: Costs, Grants
    with qtbot.waitSignal(pane.copied) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    expected = "Costs\t(1,099)\t(900)\nGrants\t633\t\u2014"
    assert QGuiApplication.clipboard().text() == expected
    assert blocker.args == [expected]


def test_copy_fills_gaps_in_a_ragged_selection_and_can_add_headers(pane):
    view = pane.view(0)
    model = view.model()
    flags = QItemSelectionModel.SelectionFlag.Select
    view.selectionModel().clearSelection()
    view.selectionModel().select(model.index(0, 0), flags)
    view.selectionModel().select(model.index(1, 2), flags)
    assert view.copy_selection() == "Revenue\t\n\t(900)"
    # The spanning heading moves to the first copied column it covers.
    assert view.copy_selection(headers=True) == "\tQuarter Ended\n\t2023\nRevenue\t\n\t(900)"


def test_export_csv_writes_the_rows_in_the_order_shown(pane, tmp_path: Path):
    pane.sort_first_table_by(1, Qt.SortOrder.DescendingOrder)
    path = pane.export_table_csv(0, tmp_path / "out.csv")
    assert path.read_bytes().decode("utf-8") == (
        ",Quarter Ended,,Year\r\n"
        ",2024,2023,2024\r\n"
        'Revenue,"$ 5,076","$ 4,100","$ 20,000"\r\n'
        'Total income,"4,610","3,212","17,200"\r\n'
        'Grants,633,\u2014,"1,200"\r\n'
        'Costs,"(1,099)",(900),"(4,000)"\r\n'
        "Operating items,,,\r\n"
        "Other,-,12,n/m\r\n"
    )


def test_export_all_writes_one_csv_per_table(pane, tmp_path: Path):
    paths = pane.export_all_csv(tmp_path)
    assert [p.name for p in paths] == [
        "2024-05-01-example-reports-results-01-statement-of-things.csv",
        "2024-05-01-example-reports-results-02-balance.csv",
    ]
    assert paths[1].read_text(encoding="utf-8") == ",2024,2023\nCash,10,9\nDebt,(3),(4)\n"
    assert pane.default_csv_name(1) == paths[1].name


def test_export_xlsx_stores_numbers_as_numbers(pane, tmp_path: Path):
    path = pane.export_xlsx(tmp_path / "tables.xlsx")
    book = load_workbook(path)
    assert len(book.worksheets) == 2
    sheet = book.worksheets[0]
    found = {}
    for row in sheet.iter_rows():
        label = row[0].value
        if label in ("Revenue", "Costs", "Grants"):
            found[label] = [cell.value for cell in row[1:4]]
    assert found["Revenue"] == [5076, 4100, 20000]
    assert found["Costs"] == [-1099, -900, -4000]
    assert found["Grants"] == [633, "\u2014", 1200]
    assert isinstance(found["Costs"][0], int | float)


def test_single_table_xlsx_keeps_the_order_shown(qtbot, tmp_path: Path):
    widget = TablesPane()
    qtbot.addWidget(widget)
    widget.set_tables(tables()[1:], "one")
    widget.sort_first_table_by(1, Qt.SortOrder.AscendingOrder)
    book = load_workbook(widget.export_xlsx(tmp_path / "one.xlsx"))
    column = [c.value for c in book.worksheets[0]["A"] if c.value in ("Cash", "Debt")]
    assert column == ["Debt", "Cash"]


def test_real_seed_tables_sort_numerically(qtbot, qtmodeltester, seed_path):
    from irviewer.core.pipeline import parse_file

    document = parse_file(seed_path("003"))
    if not document.tables:
        pytest.skip("table extraction found no tables in seed 003")
    widget = TablesPane()
    qtbot.addWidget(widget)
    widget.set_tables(document.tables, "seed")
    model = widget.first_table_model()
    qtmodeltester.check(model)
    source = model.sourceModel()
    column = next(c for c in range(1, source.columnCount()) if source.is_numeric_column(c))
    widget.sort_first_table_by(column, Qt.SortOrder.DescendingOrder)
    values = [model.index(r, column).data(SORT_ROLE) for r in range(model.rowCount())]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers, reverse=True)
    assert values == numbers + [None] * (len(values) - len(numbers))  # blanks last


class FakeDialogs:
    """Stands in for QFileDialog / QMessageBox: answers with a fixed path, records warnings."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.warnings: list[str] = []

    def getSaveFileName(self, parent, caption, suggested, filters):  # noqa: N802 (Qt's name)
        self.asked.append(suggested)
        return self.answer, filters

    def getExistingDirectory(self, parent, caption, start):  # noqa: N802 (Qt's name)
        self.asked.append(start)
        return self.answer

    def warning(self, parent, title, text):
        self.warnings.append(text)


def test_export_csv_button_asks_for_a_path_and_adds_the_extension(
    qtbot, pane, tmp_path: Path, monkeypatch
):
    from irviewer.gui.widgets import tables_pane

    fake = FakeDialogs(str(tmp_path / "mine"))
    monkeypatch.setattr(tables_pane, "QFileDialog", fake)
    pane._last_dir = tmp_path
    with qtbot.waitSignal(pane.exported) as blocker:
        qtbot.mouseClick(pane.export_csv_button, Qt.MouseButton.LeftButton)
    assert fake.asked == [str(tmp_path / pane.default_csv_name(0))]
    assert (tmp_path / "mine.csv").read_text(encoding="utf-8").startswith(",Quarter Ended,,Year\n")
    assert "mine.csv" in blocker.args[0]


def test_export_failure_is_reported_not_raised(qtbot, pane, tmp_path: Path, monkeypatch):
    from irviewer.gui.widgets import tables_pane

    blocker = tmp_path / "file"
    blocker.write_text("x")
    fake = FakeDialogs(str(blocker / "sub" / "t.xlsx"))  # a folder under a file
    monkeypatch.setattr(tables_pane, "QFileDialog", fake)
    monkeypatch.setattr(tables_pane, "QMessageBox", fake)
    qtbot.mouseClick(pane.export_xlsx_button, Qt.MouseButton.LeftButton)
    assert len(fake.warnings) == 1
    assert fake.warnings[0].startswith("Export XLSX failed:")
