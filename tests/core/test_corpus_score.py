"""Regression guard: the shared scorer's figures on the corpus must not fall below what we reach.

The floors are the figures measured when they were last raised, rounded down slightly for the
scorer's own noise; they guard against regressions and are not targets to tune rules to.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

# Measured: metadata 0.988 contacts_f1 0.980 table_f1 0.996 worst_table 0.963 line_items 1.000
# headers 1.000 titles 1.000 prose_tables 0.000.
FLOORS = {
    "metadata": 0.98,
    "contacts_f1": 0.97,
    "table_f1": 0.99,
    "worst_table": 0.95,
    "line_items": 0.99,
    "headers": 0.99,
    "titles": 0.99,
}
MAX_PROSE_TABLES = 0.01


def run_scorer(corpus_dir: Path) -> dict[str, float]:
    scorer = corpus_dir.parent / "tools" / "score_extraction.py"
    if not scorer.exists():
        pytest.skip(f"{scorer} is missing")
    cmd = shlex.join([sys.executable, "-m", "irviewer", "parse", "--json"])
    out = subprocess.run(
        [sys.executable, str(scorer), str(corpus_dir), "--cmd", cmd],
        capture_output=True, text=True, timeout=1800, check=True,
    )
    summary = [line for line in out.stdout.splitlines() if line.startswith("SUMMARY")]
    assert summary, out.stdout + out.stderr
    print(out.stdout)
    return {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+)", summary[-1])}


@pytest.mark.slow
def test_corpus_scores_hold(corpus_dir: Path) -> None:
    figures = run_scorer(corpus_dir)
    assert figures["failed"] == 0
    below = {k: (figures[k], floor) for k, floor in FLOORS.items() if figures[k] < floor}
    assert not below, f"scores fell below their floors: {below}"
    assert figures["prose_tables"] <= MAX_PROSE_TABLES
