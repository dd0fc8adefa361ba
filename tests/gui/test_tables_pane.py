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
from irviewer.gui.widgets.table_view import MIN_LABEL_WIDTH
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


def test_several_tables_make_the_title_a_chooser(qtbot, pane):
    chooser = pane._chooser
    assert chooser.isVisible() and not pane._title.isVisible()
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "Statement of Things",
        "Balance",
    ]
    assert chooser.details(0) == "6 rows · page 2"
    chooser.setCurrentIndex(1)
    assert pane.current_index() == 1
    assert pane._units.text() == ""
    assert pane._title.text() == "Balance"
    pane.set_current_table(0)
    assert chooser.currentIndex() == 0


def test_one_table_shows_a_plain_title(qtbot):
    widget = TablesPane()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_tables(tables()[1:], "one")
    assert widget._title.isVisible() and widget._title.text() == "Balance"
    assert not widget._chooser.isVisible()


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


# -- column widths ---------------------------------------------------------------------------

LONG_LABEL = "Net income attributable to shareholders of the parent, basic and diluted, per share"
WIDE_ROWS = [
    [LONG_LABEL, "$ (1,234,567)", "$ 2,345,678", "(345,678)"],
    ["Other", "1", "2", "3"],
]


def right_edge(view, column: int) -> int:
    header = view.horizontalHeader()
    return header.sectionViewportPosition(column) + header.sectionSize(column)


@pytest.fixture
def wide(qtbot) -> TablesPane:
    widget = TablesPane()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    table = FinancialTable("Wide", None, HEADER, WIDE_ROWS, values_grid(WIDE_ROWS))
    widget.set_tables([table], "wide")
    return widget


def resize_and_settle(qtbot, widget: TablesPane, width: int) -> None:
    widget.resize(width, 400)
    view = widget.view(0)
    qtbot.waitUntil(lambda: view.viewport().width() > 0 and view.isVisible())
    qtbot.wait(20)


def test_the_label_column_gives_way_so_every_number_shows(qtbot, wide):
    resize_and_settle(qtbot, wide, 700)
    view = wide.view(0)
    header = view.horizontalHeader()
    natural = view.sizeHintForColumn(0)
    assert header.sectionSize(0) < natural  # the long label is elided (its tooltip is whole)
    assert right_edge(view, 3) <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    index = view.model().index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == LONG_LABEL


def test_the_label_column_takes_the_spare_width_when_everything_fits(qtbot, wide):
    resize_and_settle(qtbot, wide, 1800)
    view = wide.view(0)
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)
    assert right_edge(view, 3) == view.viewport().width()  # no blank strip, no scroll bar


def test_a_narrow_view_keeps_labels_readable_and_scrolls_the_numbers(qtbot, wide):
    resize_and_settle(qtbot, wide, 300)
    view = wide.view(0)
    assert view.horizontalHeader().sectionSize(0) >= MIN_LABEL_WIDTH
    assert view.horizontalScrollBar().maximum() > 0


def test_spanning_headings_fit_over_their_columns(qtbot, pane):
    view = pane.view(0)
    header = view.horizontalHeader()
    needed = header.fontMetrics().horizontalAdvance("Quarter Ended")
    assert header.sectionSize(1) + header.sectionSize(2) > needed
    lines = header.depth() * header.fontMetrics().lineSpacing()
    assert lines <= header.height() <= lines + header.depth() * 2 + 8  # compact: lines + padding


@pytest.fixture(scope="module")
def demo_release():
    """The newest demo release with tables: the one the screenshot shows (demo files are
    named by date)."""
    from irviewer.core.pipeline import parse_file
    from irviewer.gui.library import demo_files
    from irviewer.paths import demo_dir

    for path in reversed(demo_files(demo_dir())):
        document = parse_file(path)
        if document.tables:
            return document
    pytest.skip(f"no demo release in {demo_dir()} has tables")


def test_at_1440x900_the_first_demo_table_shows_its_last_number_column(
    qtbot, tmp_path: Path, demo_release
):
    from tests.gui.factories import (
        fill_library,
        make_paths,
        make_window,
        open_and_wait,
        select_and_wait,
    )

    paths = make_paths(tmp_path)
    [release_id] = fill_library(paths.user_library, [demo_release])
    window = make_window(qtbot, paths)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, paths.user_library)
    select_and_wait(qtbot, window, release_id)
    window.tabs.setCurrentWidget(window.tables)
    view = window.tables.view(0)
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 300)
    qtbot.wait(20)
    header = view.horizontalHeader()
    last = view.model().columnCount() - 1
    assert last >= 1
    assert view.horizontalScrollBar().value() == 0
    assert header.sectionViewportPosition(last) >= 0
    assert right_edge(view, last) <= view.viewport().width()
    assert header.sectionSize(last) >= view.sizeHintForColumn(last)  # its numbers are whole
    window.close()
