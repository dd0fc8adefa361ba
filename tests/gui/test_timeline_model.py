"""The lazy timeline model: year groups, paging, search mode, filters, scale."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from irviewer.core.store import Store
from irviewer.gui.models.timeline import (
    CHUNK,
    FIRST_CHUNK,
    PAGE_SIZE,
    UNDATED,
    Role,
    SearchRow,
    TimelineModel,
)
from tests.gui.factories import FakeListingStore, fill_library, make_document, spread_documents


def expanded(model: TimelineModel) -> TimelineModel:
    """Fetch the first chunk of every year, as a tree view does when it expands them."""
    for row in range(model.rowCount()):
        model.fetchMore(model.index(row, 0))
    return model


@pytest.fixture
def store(tmp_path: Path):
    path = tmp_path / "lib.sqlite"
    fill_library(path, spread_documents(30, undated=2))
    with Store.open(path) as opened:
        yield opened


def test_grouped_model_passes_the_model_tester(qtmodeltester, store):
    qtmodeltester.check(TimelineModel(store))  # years not fetched yet
    qtmodeltester.check(expanded(TimelineModel(store)))


def test_years_newest_first_and_undated_last(store):
    model = TimelineModel(store)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels == ["2024", "2023", "2022", "2021", UNDATED]
    counts = [model.index(r, 0).data(Role.COUNT) for r in range(model.rowCount())]
    assert counts == [7, 7, 8, 8, 2]
    assert model.release_count() == 32


def test_release_rows_carry_listing_columns_newest_first(store):
    model = expanded(TimelineModel(store))
    year = model.index(0, 0)
    dates = [model.index(r, 0, year).data(Role.DATE) for r in range(model.rowCount(year))]
    assert dates == sorted(dates, reverse=True)
    first = model.index(0, 0, year)
    assert first.data(Role.IS_GROUP) is False
    assert first.data(Qt.ItemDataRole.DisplayRole).startswith("Acme announces result number")
    assert first.data(Role.KIND) in {"earnings", "clinical", "deal", "governance"}
    assert first.data(Role.TICKER) == "NYSE: ACME"
    undated = model.index(model.rowCount() - 1, 0)
    assert [model.index(r, 0, undated).data(Role.DATE) for r in range(2)] == [None, None]


def test_index_of_id_finds_the_row(store):
    model = TimelineModel(store)
    for release_id in (store.ids()[0], store.ids()[17], store.ids()[-1]):
        index = model.index_of_id(release_id)
        assert index.isValid()
        assert model.release_id(index) == release_id
    assert not model.index_of_id(999_999).isValid()


def test_kind_filter_narrows_the_groups(store):
    model = TimelineModel(store)
    model.set_filter(["deal"], None)
    expanded(model)
    total = sum(model.index(r, 0).data(Role.COUNT) for r in range(model.rowCount()))
    assert total == store.count(kinds=["deal"]) == 7
    year = model.index(0, 0)
    kinds = {model.index(r, 0, year).data(Role.KIND) for r in range(model.rowCount(year))}
    assert kinds == {"deal"}


def test_company_filter(store):
    model = TimelineModel(store)
    model.set_filter(None, "Borealis Mining Ltd.")
    assert model.release_count() == 10


def test_search_mode_lists_ranked_hits_flat(qtmodeltester, store):
    model = TimelineModel(store)
    hits = store.search("result")
    rows = [SearchRow(h.id, h.rank, store.summary(h.id), h.snippet) for h in hits[:5]]
    model.set_search_results("result", rows)
    assert model.search_mode
    assert model.rowCount() == 5
    assert model.match_count() == 5
    assert not model.hasChildren(model.index(0, 0))
    assert [model.release_id(model.index(r, 0)) for r in range(5)] == [h.id for h in hits[:5]]
    assert "\x02" in model.index(0, 0).data(Role.SNIPPET)
    model.clear_search()
    assert not model.search_mode
    assert model.rowCount() == 5  # the five groups again
    # the tester stays attached: check last (it fetches inside its reset handler, which Qt's
    # tester reports as a change in flight)
    model.set_search_results("result", rows)
    qtmodeltester.check(model)


def test_reload_sees_new_releases(tmp_path: Path):
    path = tmp_path / "lib.sqlite"
    fill_library(path, spread_documents(4, undated=0))
    with Store.open(path) as store:
        model = TimelineModel(store)
        assert model.release_count() == 4
        store.add(make_document(99, date="2030-01-01"))
        model.reload()
        assert model.release_count() == 5
        assert model.index(0, 0).data() == "2030"


def test_empty_model(qtmodeltester):
    model = TimelineModel(None)
    assert model.rowCount() == 0
    assert not model.first_release_index().isValid()
    qtmodeltester.check(model)


# -- scale: 100,000 releases -----------------------------------------------------------------


def test_counts_need_no_rows_and_rows_load_a_page_at_a_time():
    fake = FakeListingStore(100_000)
    model = TimelineModel(fake)
    assert model.release_count() == 100_000
    assert model.rowCount() == 21  # 20 years of 5,000 (minus the undated) and 'Undated'
    assert fake.summary_calls == []  # nothing but the year counts so far
    last_year = model.index(19, 0)
    assert last_year.data(Role.COUNT) == 4900
    assert model.hasChildren(last_year)
    assert model.rowCount(last_year) == 0  # nothing until the view expands the year
    model.fetchMore(last_year)
    assert model.rowCount(last_year) == FIRST_CHUNK  # then its first chunk
    last = model.index(FIRST_CHUNK - 1, 0, last_year)
    assert last.data(Role.ID) == 95_000 + FIRST_CHUNK
    position = 95_000 + FIRST_CHUNK - 1  # of the row asked for, in the whole timeline
    assert fake.summary_calls == [(position // PAGE_SIZE * PAGE_SIZE, PAGE_SIZE)]


def test_fetch_more_shows_a_first_chunk_then_grows_by_a_chunk_up_to_the_count(qtmodeltester):
    fake = FakeListingStore(12_000, per_year=1200, undated=0)
    model = TimelineModel(fake)
    year = model.index(0, 0)
    assert model.canFetchMore(year)
    model.fetchMore(year)
    assert model.rowCount(year) == FIRST_CHUNK == 100
    model.fetchMore(year)
    assert model.rowCount(year) == FIRST_CHUNK + CHUNK == 600
    while model.canFetchMore(year):
        model.fetchMore(year)
    assert model.rowCount(year) == 1200
    assert model.index(1199, 0, year).data(Role.ID) == 1200
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_index_of_id_reveals_a_row_beyond_the_first_chunk():
    fake = FakeListingStore(100_000)
    model = TimelineModel(fake)
    index = model.index_of_id(7_777)
    assert index.isValid()
    assert index.parent().row() == 1  # 2023: ids 5,001-10,000
    assert index.row() == 2_776
    assert model.release_id(index) == 7_777
    assert model.rowCount(index.parent()) == (2_776 // CHUNK + 1) * CHUNK


def test_page_cache_stays_bounded():
    from irviewer.gui.models.timeline import MAX_PAGES

    fake = FakeListingStore(100_000)
    model = TimelineModel(fake)
    for position in range(0, 100_000, PAGE_SIZE):
        group = position // 5000
        model.expose(group, position % 5000)
        model.summary_at(model.index(position % 5000, 0, model.index(group, 0)))
    assert len(model._pages) <= MAX_PAGES
    assert len(fake.summary_calls) == 100_000 // PAGE_SIZE


def test_a_tree_view_over_100k_rows_opens_and_scrolls_without_freezing(qtbot):
    from irviewer.gui.widgets.timeline import TimelineView
    from irviewer.gui.widgets.timeline_delegate import TimelineDelegate

    fake = FakeListingStore(100_000)
    model = TimelineModel(fake)
    view = TimelineView()
    qtbot.addWidget(view)
    view.setItemDelegate(TimelineDelegate(view))
    view.resize(400, 800)
    started = time.perf_counter()
    view.setModel(model)
    view.expand_years()
    view.show()
    qtbot.waitExposed(view)
    opened = time.perf_counter() - started
    bar = view.verticalScrollBar()
    slowest = 0.0
    for _ in range(40):
        step = time.perf_counter()
        bar.setValue(bar.value() + view.viewport().height())
        view.viewport().repaint()
        slowest = max(slowest, time.perf_counter() - step)
    assert opened < 3.0, f"opening took {opened:.2f} s"
    assert slowest < 1.0, f"the slowest page scroll took {slowest:.2f} s"
    # only the pages drawn were read, not the whole library
    assert len(fake.summary_calls) < 20
    assert view.indexAt(view.viewport().rect().center()).isValid()


def test_a_large_library_opens_with_rows_only_for_the_years_in_view(qtbot):
    from irviewer.gui.widgets.timeline import TimelineView
    from irviewer.gui.widgets.timeline_delegate import TimelineDelegate

    fake = FakeListingStore(100_000)
    model = TimelineModel(fake)
    view = TimelineView()
    qtbot.addWidget(view)
    view.setItemDelegate(TimelineDelegate(view))
    view.resize(400, 400)  # about nine rows
    view.setModel(model)
    view.expand_years()
    view.show()
    qtbot.waitExposed(view)
    for _ in range(3):
        view.doItemsLayout()  # QTreeView's own layouts fetch nothing more
    years = range(model.rowCount())
    assert all(view.isExpanded(model.index(r, 0)) for r in years)
    assert [model.exposed_rows(r) for r in years] == [FIRST_CHUNK] + [0] * 20
    view.collapse(model.index(0, 0))  # the next years come into view: they get their rows
    qtbot.waitUntil(lambda: model.exposed_rows(1) == FIRST_CHUNK, timeout=2_000)
    assert model.exposed_rows(20) == 0
    view.expand(model.index(0, 0))
    view.collapse(model.index(20, 0))
    view.expand(model.index(20, 0))  # a year the user opens shows its rows at once
    assert model.exposed_rows(20) == FIRST_CHUNK


def test_scrolling_to_the_end_of_a_year_shows_more_of_it(qtbot):
    from irviewer.gui.widgets.timeline import TimelineView

    fake = FakeListingStore(30_000, per_year=30_000, undated=0)
    model = TimelineModel(fake)
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.setModel(model)
    view.expand_years()
    view.show()
    qtbot.waitExposed(view)
    year = model.index(0, 0)
    assert model.rowCount(year) == FIRST_CHUNK
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    # grew, by a chunk or two, not to 30,000
    assert FIRST_CHUNK < model.rowCount(year) <= FIRST_CHUNK + 2 * CHUNK
    qtbot.waitUntil(lambda: bar.value() < bar.maximum(), timeout=2_000)  # more rows below


# -- background page loads --------------------------------------------------------------------


def test_rows_load_in_the_background_and_repaint_when_they_arrive(qtbot, qtmodeltester):
    fake = FakeListingStore(10_000, per_year=5000, undated=0)
    model = TimelineModel(fake)
    requests: list[tuple[int, int]] = []
    model.set_page_loader(lambda generation, page_no: requests.append((generation, page_no)))
    year = model.index(0, 0)
    model.expose(0, 250)
    row = model.index(250, 0, year)
    assert row.data() == "Loading…"
    assert row.data(Role.ID) is None
    assert row.data(Role.SUMMARY) is None
    row.data()  # asking again does not ask the store twice
    assert requests == [(model.generation, 1)]
    assert fake.summary_calls == []  # nothing read on the GUI thread
    generation, page_no = requests[0]
    rows = fake.summaries(page_no * PAGE_SIZE, PAGE_SIZE)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.page_arrived(generation, page_no, rows)
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), last.row()) == (200, 399)
    assert row.data(Role.ID) == 251
    qtmodeltester.check(model)


def test_a_page_asked_for_before_a_reset_is_dropped():
    fake = FakeListingStore(1000, per_year=1000, undated=0)
    model = TimelineModel(fake)
    requests: list[tuple[int, int]] = []
    model.set_page_loader(lambda generation, page_no: requests.append((generation, page_no)))
    model.fetchMore(model.index(0, 0))
    model.index(0, 0, model.index(0, 0)).data()
    old_generation, page_no = requests[-1]
    model.set_filter(["deal"], None)  # a new listing: the old answer must not land in it
    model.fetchMore(model.index(0, 0))
    model.page_arrived(old_generation, page_no, fake.summaries(0, PAGE_SIZE))
    assert model.index(0, 0, model.index(0, 0)).data(Role.SUMMARY) is None
    assert requests[-1] == (old_generation + 1, 0)


def test_only_recently_wanted_pages_are_still_read():
    from irviewer.gui.models.timeline_pages import WANTED_WINDOW

    fake = FakeListingStore(100_000)
    model = TimelineModel(fake)
    model.set_page_loader(lambda _generation, _page_no: None)
    year = model.index(0, 0)
    model.expose(0, 4999)
    for page_no in range(WANTED_WINDOW + 3):  # scrolling fast over many pages
        model.index(page_no * PAGE_SIZE, 0, year).data()
    generation = model.generation
    assert not model.page_wanted(generation, 0)  # scrolled past: skip it
    assert model.page_wanted(generation, WANTED_WINDOW + 2)
    model.page_arrived(generation, 0, None)  # the worker skipped it
    model.index(0, 0, year).data()  # seen again: asked for again
    assert model.page_wanted(generation, 0)
    assert not model.page_wanted(generation + 1, WANTED_WINDOW + 2)
