"""Timeline queries over a large library: pages, ids, year counts, positions, filters.

    python bench/listing.py [--library FILE] [--n 100000] [--json out.json]

Each query runs on a freshly opened Store (as the GUI's background workers do) and is
timed several times; the figures are medians and worst cases in milliseconds. Pages are
taken at the start, the middle and the end of the timeline, unfiltered and filtered by a
kind and by a company.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import common
import make_library

PAGE = 200
REPEAT = 5


def _time(fn: Callable[[], Any], repeat: int = REPEAT) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return common.describe(times)


def run(library: Path) -> dict[str, Any]:
    from irviewer.core.store import Store

    results: dict[str, Any] = {}
    open_times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        Store.open(library).close()
        open_times.append((time.perf_counter() - start) * 1000)
    results["open_ms"] = common.describe(open_times)
    with Store.open(library) as store:
        total = store.count()
        kinds = store.kinds_present()
        companies = store.companies()
        kind = "clinical" if "clinical" in kinds else kinds[0]
        company = max(companies, key=lambda c: store.count(None, c))  # the busiest one
        filters: dict[str, tuple[list[str] | None, str | None]] = {
            "all": (None, None),
            "kind": ([kind], None),
            "company": (None, company),
        }
        rng = random.Random(7)
        for name, (k, c) in filters.items():
            n = store.count(k, c)
            last = max(0, (n - 1) // PAGE * PAGE)
            for where, offset in (
                ("first", 0),
                ("middle", last // 2 // PAGE * PAGE),
                ("last", last),
            ):
                results[f"summaries_{name}_{where}_ms"] = _time(
                    lambda o=offset, k=k, c=c: store.summaries(o, PAGE, k, c)
                )
            results[f"ids_{name}_ms"] = _time(lambda k=k, c=c: store.ids(k, c))
            results[f"year_counts_{name}_ms"] = _time(lambda k=k, c=c: store.year_counts(k, c))
            results[f"count_{name}_ms"] = _time(lambda k=k, c=c: store.count(k, c))
            ids = store.ids(k, c)
            sample = rng.sample(ids, min(20, len(ids)))
            if hasattr(store, "position"):
                results[f"position_{name}_ms"] = common.describe(
                    [
                        _time(lambda i=i, k=k, c=c: store.position(i, k, c), 1)["median"]
                        for i in sample
                    ]
                )
                wrong = [i for i in sample if store.position(i, k, c) != ids.index(i)]
                if wrong:
                    raise SystemExit(f"position() disagrees with ids() for {wrong[:5]}")
        results["companies_ms"] = _time(store.companies)
        results["kinds_present_ms"] = _time(store.kinds_present)
        results["releases"] = total

    # A background page load as the GUI does it: open, read one page, close.
    def page_in_worker() -> None:
        with Store.open(library) as s:
            s.summaries(total // 2 // PAGE * PAGE, PAGE)

    results["open_and_page_ms"] = _time(page_in_worker)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    make_library.add_library_args(parser)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    library = make_library.library_from_args(args)
    common.log(f"listing queries on {library}")
    results = run(library)
    for key, value in results.items():
        if isinstance(value, dict):
            print(f"{key:<36} median {value['median']:8.1f}  max {value['max']:8.1f}")
        else:
            print(f"{key:<36} {value}")
    common.write_json(args.json, {"bench": "listing", "library": str(library), **results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
