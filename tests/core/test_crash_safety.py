"""Crash safety: an import killed with SIGKILL at random moments loses nothing.

Three seeded trials (bench/crash_safety.py runs many more): a child process imports a folder
of releases and bad files with parser processes, as the app does, and is killed at a random
moment of its import. Each time the library must pass ``PRAGMA integrity_check``, hold only
whole releases (equal to an uninterrupted import's, tables, contacts, pages and search text
included), and a re-run must complete the import. See tests/fixtures/crash_trials.py.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from tests.fixtures import crash_trials

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

TRIALS = 3
SEED = 20240615
WORKERS = 2


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict, float]:
    if not crash_trials.DEMO.is_dir():
        pytest.skip(f"{crash_trials.DEMO} is missing")
    workdir = tmp_path_factory.mktemp("crash")
    folder = crash_trials.write_inputs(workdir / "incoming", pdfs=3)
    reference, import_s, failed = crash_trials.reference_import(workdir, folder, WORKERS)
    assert failed == 2 and len(reference) >= 15  # the two bad files; every release went in
    return workdir, folder, reference, import_s


def test_a_killed_import_leaves_a_sound_library_and_a_rerun_completes(setup) -> None:  # noqa: ANN001
    workdir, folder, reference, import_s = setup
    rng = random.Random(SEED)
    trials = [  # one kill in each third of the import
        crash_trials.run_trial(
            workdir, folder, n, rng, reference, import_s, WORKERS, (n / TRIALS, (n + 1) / TRIALS)
        )
        for n in range(TRIALS)
    ]
    report = "\n".join(t.line() for t in trials)
    assert all(t.ok for t in trials), report
    assert sum(t.run.killed for t in trials) >= 2, f"too few kills landed in the import\n{report}"
    for t in trials:  # the re-run imported exactly what the kill left out
        assert t.releases_at_kill + t.rerun_imported == len(reference), report
        assert t.rerun_failed == 2, report


def test_the_checker_finds_a_broken_release(setup, tmp_path: Path) -> None:  # noqa: ANN001
    """The checks can fail: a release missing a table and an orphaned contact are caught."""
    import shutil
    import sqlite3

    workdir, _folder, reference, _ = setup
    library = tmp_path / "broken.sqlite"
    shutil.copy(workdir / "reference.sqlite", library)
    assert crash_trials.problems(library, reference) == []
    conn = sqlite3.connect(library)
    with conn:
        rid = conn.execute("SELECT release_id FROM release_tables LIMIT 1").fetchone()[0]
        conn.execute("DELETE FROM release_tables WHERE release_id = ? AND position = 0", [rid])
        conn.execute("INSERT INTO contacts (release_id, position, role) VALUES (999999, 0, 'x')")
    conn.close()
    found = crash_trials.problems(library, reference)
    assert any("tables" in p for p in found), found
    assert any("orphaned rows in contacts" in p for p in found), found
