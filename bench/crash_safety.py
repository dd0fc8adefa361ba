"""Crash safety, many trials: SIGKILL imports at random moments and check the library.

Usage: ``python bench/crash_safety.py [--trials 24] [--seed 1] [--out results.json]``

Each trial imports a folder in a child process (alternating in-process parsing and two
parser processes), kills it with SIGKILL at a seeded random moment of the import (each
setup's trials stratified from the import's start to its end), checks
the library (PRAGMA integrity_check, foreign keys, the FTS5 index, every release whole and
equal to an uninterrupted import's), re-runs the import and checks again. Half the trials use
the demo archive (PDFs with tables, text, HTML, plus bad files); half use many short text
releases, where more kills land inside a store write. The same checks run 3 times in CI
(tests/core/test_crash_safety.py); the logic is in tests/fixtures/crash_trials.py.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fixtures import crash_trials as ct  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=24, help="at least 20 for the record")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    start = time.monotonic()
    results: dict[str, object] = {
        "machine": f"{platform.platform()}, Python {platform.python_version()}",
        "seed": args.seed,
    }
    trials: list[ct.Trial] = []
    with tempfile.TemporaryDirectory(prefix="irviewer-crash-") as tmp:
        work = Path(tmp)
        setups = {
            "demo": ct.write_inputs(work / "demo", pdfs=None),
            "small": ct.write_many_small_inputs(work / "small", 150),
        }
        plans = []
        for name, folder in setups.items():
            for workers in (0, 2):
                ref_dir = work / f"ref-{name}-{workers}"
                ref_dir.mkdir()
                reference, seconds, failed = ct.reference_import(ref_dir, folder, workers)
                print(f"reference {name}, workers={workers}: {len(reference)} releases, "
                      f"{failed} failed, import {seconds:.2f} s")  # fmt: skip
                plans.append((name, folder, workers, reference, seconds, ref_dir))
        rng = random.Random(args.seed)
        rounds = -(-args.trials // len(plans))  # each setup's kills spread over its import
        for number in range(args.trials):
            name, folder, workers, reference, seconds, ref_dir = plans[number % len(plans)]
            k = number // len(plans)
            part = (k / rounds, (k + 1) / rounds)
            trial = ct.run_trial(ref_dir, folder, number, rng, reference, seconds, workers, part)
            trials.append(trial)
            print(f"[{name}, workers={workers}] {trial.line()}", flush=True)
    summary = ct.summary(trials)
    summary["seconds"] = round(time.monotonic() - start, 1)
    results["summary"] = summary
    results["trials"] = [
        {"trial": t.number, "killed": t.run.killed, "kill_after_s": round(t.kill_after_s, 3),
         "files_done": t.run.files_done, "releases_whole_at_kill": t.releases_at_kill,
         "rerun_imported": t.rerun_imported, "problems": t.problems_after_kill
         + t.problems_after_rerun}
        for t in trials
    ]  # fmt: skip
    print(json.dumps(summary, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if summary["all_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
