"""The background-work helper: results on the GUI thread, errors as messages, stale drops."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from irviewer.gui.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen: dict[str, object] = {}
    gui_thread = QThread.currentThread()

    def work(a: int, b: int) -> int:
        seen["worker_is_gui"] = QThread.currentThread() is gui_thread
        return a + b

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_is_gui"] = QThread.currentThread() is gui_thread

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.submit(work, 2, 3, on_result=done)
    assert seen == {"worker_is_gui": False, "value": 5, "callback_is_gui": True}
    runner.shutdown()


def test_an_exception_becomes_an_error_message(qtbot):
    runner = TaskRunner()
    errors: list[str] = []

    def boom() -> None:
        raise ValueError("the library is locked")

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.submit(boom, on_result=lambda _v: errors.append("no!"), on_error=errors.append)
    assert errors == ["the library is locked"]
    runner.shutdown()


def test_a_late_result_of_a_superseded_task_is_dropped(qtbot):
    runner = TaskRunner(max_threads=2)
    release = threading.Event()
    results: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    first = runner.submit(slow, key="release", on_result=results.append)
    second = runner.submit(lambda: "new", key="release", on_result=results.append)
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    assert not runner.is_current(first)
    release.set()
    with qtbot.waitSignal(
        runner.task_finished, timeout=5000, check_params_cb=lambda task_id: task_id == first
    ):
        pass
    assert results == ["new"]  # "old" finished later and was ignored
    assert second != first
    runner.shutdown()


def test_progress_reports_reach_the_gui_thread_in_order(qtbot):
    runner = TaskRunner()
    reports: list[int] = []

    def work(progress) -> str:
        for n in range(5):
            progress(n)
            time.sleep(0.001)
        return "done"

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.submit(work, on_progress=reports.append)
    assert reports == [0, 1, 2, 3, 4]
    runner.shutdown()


def test_busy_changed_goes_true_then_false(qtbot):
    runner = TaskRunner()
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.submit(lambda: None)
    assert states == [True, False]
    assert not runner.is_busy()
    runner.shutdown()


def test_nothing_runs_after_shutdown(qtbot):
    runner = TaskRunner()
    runner.shutdown()
    ran: list[int] = []
    assert runner.submit(lambda: ran.append(1)) == -1
    qtbot.wait(50)
    assert ran == []
