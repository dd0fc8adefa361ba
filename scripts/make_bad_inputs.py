"""Write the bad-input corpus (broken, hostile and oversized files) into a folder.

Usage: ``python scripts/make_bad_inputs.py OUT_DIR [--seed N] [--huge-mb 50] [--pages 500]``

Then try it: ``irviewer import OUT_DIR --library /tmp/bad.sqlite``. The files and the result
each must get are listed in tests/fixtures/bad_corpus.py (the tests build the same corpus).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fixtures.bad_corpus import CORPUS, HUGE_MB, MANY_PAGES, write_bad_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=7, help="seed for the random-byte files")
    parser.add_argument("--huge-mb", type=int, default=HUGE_MB, help="size of the huge text")
    parser.add_argument("--pages", type=int, default=MANY_PAGES, help="pages of the long PDF")
    args = parser.parse_args(argv)
    paths = write_bad_corpus(args.out, seed=args.seed, huge_mb=args.huge_mb, pages=args.pages)
    width = max(map(len, paths))
    for name, path in paths.items():
        outcome = CORPUS[name]
        expect = "imports" if outcome.imported else "fails: " + ", ".join(outcome.words)
        print(f"{name:<{width}}  {path.stat().st_size:>11,} bytes  {expect}")
    print(f"{len(paths)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
