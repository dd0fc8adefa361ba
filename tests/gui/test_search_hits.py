"""Search as the GUI runs it: ranked ids first, listing rows and snippets a page at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from irviewer.core.store import Store
from irviewer.gui import queries
from irviewer.gui.models.search_hits import HIT_PAGE
from irviewer.gui.models.timeline import Role, SearchRow, TimelineModel
from tests.gui.factories import fill_library, make_document, make_paths, make_window, open_and_wait

MATCHES = HIT_PAGE + 20  # two pages of hits


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    docs = [
        make_document(n, date=f"20{10 + n % 15}-03-{1 + n % 27:02d}", body=f"A gyroscope note {n}.")
        for n in range(MATCHES)
    ]
    docs += [make_document(1000 + n, body="Nothing to see.") for n in range(5)]
    fill_library(path, docs)
    return path


def test_run_search_fills_only_the_first_page(library):
    result = queries.run_search(library, "gyroscope", None, None)
    assert len(result.rows) == MATCHES and not result.limited
    assert result.terms == ["gyroscope"]
    first, rest = result.rows[:HIT_PAGE], result.rows[HIT_PAGE:]
    assert all(r.loaded and r.summary.id == r.id for r in first)
    assert all("\x02gyroscope\x03" in r.snippet for r in first)
    assert not any(r.loaded or r.summary is not None for r in rest)
    with Store.open(library) as store:  # same ranking as the store's own search
        assert [r.id for r in result.rows] == [h.id for h in store.search("gyroscope", 500)]
    filled = queries.fill_search_hits(library, "gyroscope", rest[:5])
    assert [r.id for r in filled] == [r.id for r in rest[:5]]
    assert all(r.loaded and "\x02gyroscope\x03" in r.snippet for r in filled)


def test_unfilled_hits_are_asked_for_a_page_at_a_time(qtmodeltester, library):
    result = queries.run_search(library, "gyroscope", None, None)
    model = TimelineModel()
    asked: list[tuple[int, int, list[int]]] = []
    model.set_hit_loader(
        lambda serial, page, rows: asked.append((serial, page, [r.id for r in rows]))
    )
    model.set_search_results("gyroscope", result.rows)
    assert model.rowCount() == MATCHES
    assert model.release_id(model.index(MATCHES - 1, 0)) == result.rows[-1].id  # no page load
    assert asked == []
    assert model.index(3, 0).data(Role.SNIPPET)  # the first page came filled
    row = model.index(HIT_PAGE + 2, 0)
    assert row.data() == "Loading…" and row.data(Role.SUMMARY) is None
    row.data(Role.SNIPPET)  # asked once per page, however often it is painted
    serial = asked[0][0]
    assert asked == [(serial, 1, [r.id for r in result.rows[HIT_PAGE:]])]
    filled = queries.fill_search_hits(library, "gyroscope", result.rows[HIT_PAGE:])
    model.hits_arrived(serial - 1, 1, filled)  # an older search's answer is dropped
    assert row.data(Role.SUMMARY) is None
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    model.hits_arrived(serial, 1, filled)
    assert changed == [(HIT_PAGE, MATCHES - 1)]
    assert row.data(Role.ID) == result.rows[HIT_PAGE + 2].id
    assert row.data(Role.SUMMARY).id == row.data(Role.ID)
    assert "gyroscope" in row.data(Role.SNIPPET)
    qtmodeltester.check(model)


def test_without_a_loader_hits_are_filled_from_the_store(library):
    with Store.open(library) as store:
        hits = store.search("gyroscope", 500, snippets=False)
        model = TimelineModel(store)
        model.set_search_results("gyroscope", [SearchRow(h.id, h.rank) for h in hits])
        last = model.index(len(hits) - 1, 0)
        assert last.data(Qt.ItemDataRole.DisplayRole).startswith("Acme announces result")
        assert "\x02gyroscope\x03" in last.data(Role.SNIPPET)


def test_a_hit_whose_release_is_gone_says_so(library):
    model = TimelineModel()
    model.set_hit_loader(lambda *_args: None)
    model.set_search_results("x", [SearchRow(999_999, 1.0, None, "")])  # filled: not found
    assert model.index(0, 0).data() == "(no longer in the library)"
    assert model.index(0, 0).data(Role.SUMMARY) is None


def test_the_window_fills_hits_as_they_scroll_into_view(qtbot, tmp_path, library):
    paths = make_paths(tmp_path)
    window = make_window(qtbot, paths)
    window.show()
    open_and_wait(qtbot, window, library)
    with qtbot.waitSignal(window.timeline.search_finished, timeout=10_000):
        window.timeline.set_search_text("gyroscope")
        window.timeline.search_now()
    model, view = window.timeline.model, window.timeline.view
    assert model.match_count() == MATCHES
    last = model.index(MATCHES - 1, 0)
    view.scrollTo(last)
    view.viewport().repaint()  # painting the row asks for its page, in the background
    qtbot.waitUntil(lambda: last.data(Role.SUMMARY) is not None, timeout=10_000)
    assert "gyroscope" in last.data(Role.SNIPPET)
    window.close()
