"""The main window driven through its real widgets: selection, reader, search, filters, panes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from irviewer import __version__
from irviewer.core.records import Contact
from irviewer.gui.queries import LoadedRelease
from tests.gui.factories import (
    fill_library,
    make_document,
    make_paths,
    make_table,
    make_window,
    open_and_wait,
    select_and_wait,
    spread_documents,
)


@pytest.fixture
def library(tmp_path: Path):
    """A window on a library of 12 dated + 1 undated releases, plus three special ones."""
    paths = make_paths(tmp_path)
    docs = spread_documents(12, undated=1)
    docs.append(
        make_document(
            100,
            date="2025-03-02",
            headline="Acme completes the zeppelin hangar acquisition",
            kind="deal",
            tables=[make_table("Income"), make_table("Balance sheet")],
            contacts=[
                Contact(
                    "investor",
                    "Jane Roe",
                    "Acme Widgets Inc.",
                    "VP IR",
                    "+1 212-555-0100",
                    "jane@acme.example",
                ),
                Contact("media", "John Doe", "Acme Widgets Inc.", None, None, "press@acme.example"),
            ],
        )
    )
    docs.append(
        make_document(
            101,
            date="2025-02-01",
            headline="Zeppelin fleet update",
            body="The zeppelin fleet grew.\n\nNothing else changed.",
        )
    )
    docs.append(
        make_document(
            102,
            date="2025-01-05",
            headline="Quarterly dividend declared",
            body="A dividend, and one zeppelin mention.",
        )
    )
    ids = fill_library(paths.user_library, docs)
    return paths, ids


@pytest.fixture
def window(qtbot, library):
    paths, _ids = library
    win = make_window(qtbot, paths)
    win.show()
    qtbot.waitExposed(win)
    open_and_wait(qtbot, win, paths.user_library)
    yield win
    win.close()


def search(qtbot, window, text: str) -> None:
    with qtbot.waitSignal(window.timeline.search_finished, timeout=10_000):
        window.timeline.search_box.clear()
        qtbot.keyClicks(window.timeline.search_box, text)


def test_selecting_a_release_shows_its_headline_in_the_reader(qtbot, window, library):
    _paths, ids = library
    select_and_wait(qtbot, window, ids[12 + 1])
    text = window.reader.toPlainText()
    assert text.startswith("Acme completes the zeppelin hangar acquisition")
    assert window.reader.release_id == ids[13]


def test_reader_shows_meta_reflowed_paragraphs_bullets_and_links(qtbot, window, library):
    _paths, ids = library
    select_and_wait(qtbot, window, ids[13])
    text = window.reader.toPlainText()
    assert "Sub-headline for 100" in text
    assert "2 Mar 2025" in text and "Deal" in text and "NYSE: ACME" in text
    assert "SPRINGFIELD, Ill." in text
    # the two printed lines of the first paragraph are reflowed into one
    assert "went well. The second line of the paragraph." in text
    html = window.reader.toHtml()
    assert html.count("<li") == 2
    assert "Second bullet point continued here" in text
    assert 'href="https://acme.example/ir"' in html
    assert 'href="mailto:ir@acme.example"' in html


def test_the_first_release_is_selected_when_a_library_opens(qtbot, window):
    qtbot.waitUntil(lambda: window.stored is not None, timeout=10_000)
    assert window.stored.document.headline == "Acme completes the zeppelin hangar acquisition"


def test_the_row_selected_when_a_library_opens_is_shown_at_once(qtbot, library):
    paths, ids = library
    window = make_window(qtbot, paths)
    window.show()
    window.state.set_last_release(paths.user_library, ids[5])
    assert window.open_library(paths.user_library)
    timeline = window.timeline  # no event loop yet: nothing came from a worker
    current = timeline.view.currentIndex()
    assert timeline.model.summary_at(current).id == ids[5] == timeline.current_id
    assert timeline.model.page_loads == 1  # read on the GUI thread, once
    qtbot.waitUntil(lambda: window.stored is not None, timeout=10_000)
    assert window.stored.id == ids[5]
    window.close()


def test_a_late_result_for_a_release_already_left_is_dropped(qtbot, window, library):
    _paths, ids = library
    select_and_wait(qtbot, window, ids[13])
    from irviewer.core.store import Store

    with Store.open(library[0].user_library) as store:
        stale = LoadedRelease(ids[14], store.get(ids[14]))
    select_and_wait(qtbot, window, ids[15])
    window._on_loaded(stale)  # the answer for a release the user has left arrives late
    assert window.stored.id == ids[15]
    assert window.reader.toPlainText().startswith("Quarterly dividend declared")


def test_fast_browsing_loads_only_where_the_user_stops(qtbot, window, library):
    _paths, ids = library
    loaded: list[int] = []
    window.release_loaded.connect(loaded.append)
    for release_id in (ids[0], ids[1], ids[2], ids[3]):
        window.select_release(release_id)
    qtbot.waitUntil(lambda: ids[3] in loaded, timeout=10_000)
    qtbot.wait(150)
    assert loaded == [ids[3]]


def test_search_narrows_the_timeline_ranks_and_highlights_terms(qtbot, window, library):
    _paths, ids = library
    search(qtbot, window, "zeppelin")
    model = window.timeline.model
    assert model.search_mode
    assert model.match_count() == 3
    hit_ids = [model.release_id(model.index(r, 0)) for r in range(model.rowCount())]
    assert set(hit_ids) == {ids[13], ids[14], ids[15]}
    assert hit_ids[-1] == ids[15]  # a body-only mention ranks below headline matches
    assert window.timeline.count_label.text() == "3 matches, best first"
    select_and_wait(qtbot, window, ids[14])
    marked = [t.lower() for t in window.reader.highlighted_terms()]
    assert marked and set(marked) == {"zeppelin"}
    assert len(marked) == 2  # headline and body


def test_search_results_open_at_the_best_hit_even_when_the_selection_is_further_down(
    qtbot, window, library
):
    _paths, ids = library
    window.resize(1000, 420)
    search(qtbot, window, "announces")
    model, view = window.timeline.model, window.timeline.view
    assert model.match_count() > 8  # more hits than the list can show
    last = model.release_id(model.index(model.rowCount() - 1, 0))
    select_and_wait(qtbot, window, last)
    search(qtbot, window, "announces result")  # a new search, the last hit still selected
    qtbot.wait(50)
    assert view.verticalScrollBar().maximum() > 0
    assert view.verticalScrollBar().value() == 0
    assert window.timeline.current_id == last  # still selected, further down


def test_clearing_the_search_restores_the_years_and_removes_highlights(qtbot, window, library):
    _paths, ids = library
    search(qtbot, window, "zeppelin")
    select_and_wait(qtbot, window, ids[14])
    window.timeline.search_box.setFocus()
    with qtbot.waitSignal(window.timeline.search_finished, timeout=10_000):
        qtbot.keyClick(window.timeline.search_box, Qt.Key.Key_Escape)
    assert window.timeline.search_box.text() == ""
    assert not window.timeline.model.search_mode
    assert window.timeline.model.rowCount() == 6  # 2025..2021 and Undated
    assert window.reader.highlighted_terms() == []
    assert window.timeline.current_id == ids[14]  # the selection survives


def test_a_search_with_no_match_says_so(qtbot, window):
    search(qtbot, window, "xylophonist")
    assert window.timeline.model.match_count() == 0
    assert window.timeline.count_label.text() == "No matches for “xylophonist”"


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.timeline.view.setFocus()
    window.act_find.trigger()
    assert window.timeline.search_box.hasFocus()


def test_down_in_the_search_box_moves_through_the_list(qtbot, window):
    qtbot.waitUntil(lambda: window.timeline.current_id is not None, timeout=10_000)
    first = window.timeline.current_id
    window.timeline.search_box.setFocus()
    qtbot.keyClick(window.timeline.search_box, Qt.Key.Key_Down)
    assert window.timeline.current_id not in (None, first)


def test_kind_filter_narrows_the_timeline(qtbot, window):
    window.timeline.set_kind_filter("deal")
    model = window.timeline.model
    assert model.release_count() == 4  # three of the spread plus the acquisition
    assert window.timeline.count_label.text() == "4 releases (filtered)"
    window.timeline.set_kind_filter(None)
    assert model.release_count() == 16


def test_company_filter_lists_the_companies(qtbot, window):
    combo = window.timeline.company_filter
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["All companies", "Acme Widgets Inc.", "Borealis Mining Ltd."]
    window.timeline.set_company_filter("Borealis Mining Ltd.")
    assert window.timeline.model.release_count() == 4


def test_tables_tab_label_counts_the_grids(qtbot, window, library):
    _paths, ids = library
    select_and_wait(qtbot, window, ids[13])
    assert window.tabs.tabText(1) == "Tables (2)"
    if hasattr(window.tables, "table_count"):
        assert window.tables.table_count() == 2
    select_and_wait(qtbot, window, ids[14])
    assert window.tabs.tabText(1) == "Tables (0)"


def test_the_tables_pane_is_built_when_its_tab_is_first_shown(qtbot, window, library):
    from irviewer.gui.widgets.tables_pane import TablesPane

    _paths, ids = library
    select_and_wait(qtbot, window, ids[13])
    assert not window._tables_tab.built  # start-up did not pay for it
    assert window.tabs.tabText(1) == "Tables (2)"
    window.tabs.setCurrentIndex(1)
    pane = window.tabs.currentWidget()
    assert isinstance(pane, TablesPane) and pane is window.tables
    assert pane.table_count() == 2  # the release shown before it was built
    assert window.tabs.currentIndex() == 1 and window.tabs.tabText(1) == "Tables (2)"
    select_and_wait(qtbot, window, ids[14])
    assert pane.table_count() == 0 and window.tabs.tabText(1) == "Tables (0)"


def test_a_window_restarted_on_the_tables_tab_shows_the_grids(qtbot, library):
    from irviewer.gui.app import build_window, open_initial_library

    paths, ids = library
    window = make_window(qtbot, paths)
    window.show()
    open_and_wait(qtbot, window, paths.user_library)
    select_and_wait(qtbot, window, ids[13])
    window.tabs.setCurrentIndex(1)
    window.close()
    again = build_window(paths)
    qtbot.addWidget(again)
    again.show()
    assert again.tabs.currentIndex() == 1 and again._tables_tab.built
    with qtbot.waitSignal(again.release_loaded, timeout=10_000):
        assert open_initial_library(again, None)
    assert again.tabs.currentWidget() is again.tables
    assert again.tables.table_count() == 2
    again.close()


def test_sidebar_shows_the_release_contacts(qtbot, window, library):
    _paths, ids = library
    select_and_wait(qtbot, window, ids[13])
    assert window.contacts.contact_count() == 2
    assert window.contacts_dock.windowTitle() == "Contacts (2)"


def test_status_bar_shows_library_and_count(qtbot, window, library):
    paths, _ids = library
    assert window.library_label.text() == f"Library: {paths.user_library}"
    assert window.count_label.text() == "16 releases"


def test_reader_never_loads_remote_resources(qtbot, window):
    resource = QTextDocument.ResourceType.ImageResource
    assert window.reader.loadResource(resource, QUrl("https://tracker.example/pixel.png")) is None
    assert window.reader.loadResource(resource, QUrl("http://tracker.example/a.css")) is None


def test_links_open_in_the_browser_only_when_clicked(qtbot, window, monkeypatch):
    opened: list[str] = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window.reader.anchorClicked.emit(QUrl("https://acme.example/ir"))
    window.reader.anchorClicked.emit(QUrl("mailto:ir@acme.example"))
    window.reader.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://acme.example/ir", "mailto:ir@acme.example"]


def test_original_tab_shows_the_page_text_when_no_pdf(qtbot, tmp_path):
    paths = make_paths(tmp_path)
    [release_id] = fill_library(
        paths.user_library, [make_document(1, pages=["first page text", "second page text"])]
    )
    window = make_window(qtbot, paths)
    window.show()
    open_and_wait(qtbot, window, paths.user_library)
    select_and_wait(qtbot, window, release_id)
    window.tabs.setCurrentIndex(2)
    assert window.original.mode == "text"
    text = window.original.text.toPlainText()
    assert "Page 1" in text and "second page text" in text
    window.close()


def test_original_tab_renders_a_pdf_with_qtpdf(qtbot, tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "release.pdf"
    sheet = canvas.Canvas(str(pdf))
    sheet.drawString(72, 720, "A synthetic release")
    sheet.showPage()
    sheet.drawString(72, 720, "Page two")
    sheet.save()
    paths = make_paths(tmp_path)
    [release_id] = fill_library(
        paths.user_library,
        [make_document(1, path=str(pdf), fmt="pdf", pages=["A synthetic release", "Page two"])],
    )
    window = make_window(qtbot, paths)
    window.show()
    open_and_wait(qtbot, window, paths.user_library)
    select_and_wait(qtbot, window, release_id)
    window.tabs.setCurrentIndex(2)
    assert window.original.mode == "pdf"
    assert window.original.page_count() == 2
    pdf.unlink()  # the file moved away: the next view falls back to the text
    window.original.set_release(window.stored)
    assert window.original.mode == "text"
    assert "no longer at its imported location" in window.original.text.toPlainText()
    window.close()


def test_correction_is_shown_as_edited_and_moves_the_release(qtbot, window, library):
    _paths, ids = library
    select_and_wait(qtbot, window, ids[14])
    change = window.store.set_correction(ids[14], "date", "2019-05-05")
    with qtbot.waitSignal(window.release_loaded, timeout=10_000):
        window.after_correction(ids[14], change.listing_changed)
    years = [window.timeline.model.index(r, 0).data() for r in range(6)]
    assert "2019" in years
    index = window.timeline.model.index_of_id(ids[14])
    assert index.parent().data() == "2019"
    from irviewer.gui.models.timeline import Role

    qtbot.waitUntil(lambda: index.data(Role.SUMMARY) is not None, timeout=10_000)  # page loads
    assert index.data(Role.EDITED) is True
    assert "5 May 2019" in window.reader.toPlainText()
    assert "edited (extracted: 2025-02-01)" in window.reader.toPlainText()


def test_correction_dialog_reports_changes_and_refuses_bad_dates(qtbot, window, library):
    from irviewer.gui.widgets.correction_dialog import CorrectionDialog

    _paths, ids = library
    select_and_wait(qtbot, window, ids[14])
    applied: list[tuple[str, str | None]] = []
    dialog = CorrectionDialog(window.stored, lambda f, v: applied.append((f, v)), [], window)
    qtbot.addWidget(dialog)
    dialog.date.setText("2025-13-40")
    dialog.kind.setCurrentIndex(dialog.kind.findData("clinical"))
    dialog.accept()
    assert applied == []
    assert "is not a date" in dialog.error.text()
    dialog.date.setText("2024-12-31")
    dialog.accept()
    assert applied == [("date", "2024-12-31"), ("kind", "clinical")]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_correction_dialog_shows_edited_fields_and_reverts(qtbot, window, library):
    from irviewer.gui.widgets.correction_dialog import CorrectionDialog

    _paths, ids = library
    window.store.set_correction(ids[14], "headline", "A better headline")
    window.after_correction(ids[14], True)
    qtbot.waitUntil(
        lambda: (
            window.stored is not None
            and window.stored.id == ids[14]
            and bool(window.stored.corrections)
        ),
        timeout=10_000,
    )
    applied: list[tuple[str, str | None]] = []
    dialog = CorrectionDialog(window.stored, lambda f, v: applied.append((f, v)), [], window)
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "A better headline"
    assert dialog.notes["headline"].text() == "✎ Edited by you. Extracted: Zeppelin fleet update"
    assert dialog.revert_buttons["headline"].isEnabled()
    assert not dialog.revert_buttons["date"].isEnabled()
    dialog.revert_buttons["headline"].click()
    assert dialog.headline.text() == "Zeppelin fleet update"
    dialog.accept()
    assert applied == [("headline", None)]


def test_about_box_names_the_version(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.act_about.trigger()
    assert shown and f"irviewer {__version__}" in shown[0]


def test_sidebar_shows_seed_003s_three_contacts(qtbot, tmp_path, seed_path):
    from irviewer.core.importer import import_paths
    from irviewer.core.store import Store

    paths = make_paths(tmp_path)
    with Store.open(paths.user_library) as store:
        report = import_paths(store, [seed_path("003")], workers=0)
    assert len(report.imported) == 1, report.failed
    window = make_window(qtbot, paths)
    window.show()
    open_and_wait(qtbot, window, paths.user_library)
    select_and_wait(qtbot, window, report.imported[0])
    assert window.contacts.contact_count() == 3
    assert window.contacts_dock.windowTitle() == "Contacts (3)"
    window.close()
