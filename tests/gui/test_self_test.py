"""`irviewer --self-test` runs the real app offscreen and reports through its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from irviewer.gui.library import demo_files
from irviewer.paths import demo_dir

REPO = Path(__file__).resolve().parents[2]


def _run(env_extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must force offscreen by itself
    env.update(env_extra)
    env["HOME"] = str(tmp_path)  # nothing may land in the real user folders
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return subprocess.run(
        [sys.executable, "-m", "irviewer", "--self-test"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_self_test_passes_on_the_demo(tmp_path):
    if not demo_files(demo_dir()):
        pytest.skip("resources/demo is empty")
    result = _run({}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test passed")
    for part in ("tables", "contacts", "sorted column", "exported selftest-table.csv"):
        assert part in result.stdout
    assert not (tmp_path / "data" / "irviewer").exists()  # it ran in a temporary folder


def test_self_test_fails_with_a_reason_when_the_demo_is_missing(tmp_path):
    empty = tmp_path / "no-demo"
    empty.mkdir()
    result = _run({"IRVIEWER_DEMO_DIR": str(empty)}, tmp_path)
    assert result.returncode == 1
    assert "self-test FAILED: the library is empty" in result.stderr


def test_self_test_fails_when_no_release_has_tables(tmp_path):
    from tests.gui.factories import write_release

    demo = tmp_path / "tableless"
    write_release(demo, "one.txt", 1)
    result = _run({"IRVIEWER_DEMO_DIR": str(demo)}, tmp_path)
    assert result.returncode == 1
    assert "self-test FAILED: no release in the library has tables" in result.stderr
