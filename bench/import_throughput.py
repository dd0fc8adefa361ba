"""Import throughput: PDF and text releases, against a plain pdfplumber loop; re-import.

    python bench/import_throughput.py [--files N] [--pdf-share S] [--json out.json]

On a generated folder (``make_library.py files``: N files, a share S of them PDF earnings
releases with financial tables and contacts, the rest text, Markdown and HTML releases):

1. the baseline: a plain loop calling pdfplumber's ``extract_text()`` and
   ``extract_tables()`` on every page of the same PDFs, in this process;
2. irviewer importing the PDFs into a new library (``import_paths``, worker processes on
   every core), then the text files into the same library;
3. importing the whole, unchanged folder again (every file recognised, none parsed).

Targets (issue 5): PDF import at least 3x the baseline's throughput; text import at least
200 releases/s; the re-import of 1,000 files under 2 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common

PDF_TARGET_RATIO = 3.0
TEXT_TARGET_PER_S = 200.0
REIMPORT_TARGET_S = 2.0


def page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def baseline(pdfs: list[Path]) -> dict[str, Any]:
    """pdfplumber's text and tables from every page, one file after another."""
    import pdfplumber

    pages = tables = 0
    start = time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                tables += len(page.extract_tables())
                pages += 1
                page.close()
    seconds = time.perf_counter() - start
    return {
        "files": len(pdfs),
        "pages": pages,
        "tables": tables,
        "seconds": seconds,
        "pages_per_s": pages / seconds,
        "files_per_s": len(pdfs) / seconds,
    }


def timed_import(store: Any, paths: list[Path], workers: int | None = None) -> dict[str, Any]:
    from irviewer.core.importer import import_paths

    start = time.perf_counter()
    report = import_paths(store, paths, workers=workers)
    seconds = time.perf_counter() - start
    return {
        "files": report.total,
        "imported": len(report.imported),
        "duplicates": report.duplicates,
        "failed": [(f.path, f.reason) for f in report.failed],
        "seconds": seconds,
        "files_per_s": report.total / seconds if seconds else 0.0,
    }


def run(folder: Path) -> dict[str, Any]:
    from irviewer.core.store import Store

    pdf_dir, text_dir = folder / "pdf", folder / "text"
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    pages = sum(page_count(p) for p in pdfs)
    n_text = sum(1 for _ in text_dir.iterdir())
    common.warm_file_tree(folder)
    results: dict[str, Any] = {"cores": os.cpu_count(), "pdf_files": len(pdfs), "pdf_pages": pages}
    common.log(f"baseline: pdfplumber over {len(pdfs)} PDFs ({pages} pages)")
    results["baseline"] = baseline(pdfs)
    with (
        tempfile.TemporaryDirectory(prefix="irviewer-import-", dir=common.BENCH_DIR) as tmp,
        Store.open(Path(tmp) / "library.sqlite") as store,
    ):
        common.log(f"irviewer: importing {len(pdfs)} PDFs")
        pdf = timed_import(store, [pdf_dir])
        pdf["pages"] = pages
        pdf["pages_per_s"] = pages / pdf["seconds"]
        pdf["tables"] = store._db.execute("SELECT COUNT(*) FROM release_tables").fetchone()[0]
        pdf["contacts"] = store._db.execute("SELECT COUNT(*) FROM contacts").fetchone()[0]
        results["pdf"] = pdf
        results["pdf_ratio"] = pdf["pages_per_s"] / results["baseline"]["pages_per_s"]
        common.log(f"irviewer: importing {n_text} text releases")
        results["text"] = timed_import(store, [text_dir])
        common.log("irviewer: importing the same folder again")
        results["reimport"] = timed_import(store, [folder])
        results["releases"] = store.count()
    results["load_after"] = common.load_average()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="files in the folder")
    parser.add_argument("--pdf-share", type=float, default=0.1)
    parser.add_argument("--folder", type=Path, help="an existing generated folder")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    folder = args.folder or common.FILES_DIR
    if args.folder is None:
        # Imported here, not at the top: spawned import workers re-run this module's imports,
        # and the generator pulls in reportlab.
        import make_library

        make_library.ensure_files(folder, args.files, pdf_share=args.pdf_share)
    r = run(folder)
    b, p, t, again = r["baseline"], r["pdf"], r["text"], r["reimport"]
    print(
        f"baseline pdfplumber loop: {b['pages']} pages in {b['seconds']:.1f} s = "
        f"{b['pages_per_s']:.2f} pages/s, {b['files_per_s']:.2f} files/s"
    )
    print(
        f"irviewer PDF import ({r['cores']} cores): {p['imported']} releases, {p['pages']} "
        f"pages, {p['tables']} tables, {p['contacts']} contacts in {p['seconds']:.1f} s = "
        f"{p['pages_per_s']:.2f} pages/s, {p['files_per_s']:.2f} releases/s -> "
        f"{r['pdf_ratio']:.1f}x the baseline (target {PDF_TARGET_RATIO:.0f}x: "
        f"{common.verdict(r['pdf_ratio'], PDF_TARGET_RATIO, lower_is_better=False)})"
    )
    print(
        f"irviewer text import: {t['imported']} releases in {t['seconds']:.1f} s = "
        f"{t['files_per_s']:.1f} releases/s (target {TEXT_TARGET_PER_S:.0f}/s: "
        f"{common.verdict(t['files_per_s'], TEXT_TARGET_PER_S, lower_is_better=False)})"
    )
    print(
        f"re-import of {again['files']} unchanged files: {again['seconds']:.2f} s "
        f"({again['duplicates']} recognised; target < {REIMPORT_TARGET_S:.0f} s: "
        f"{common.verdict(again['seconds'], REIMPORT_TARGET_S)})"
    )
    for key in ("pdf", "text"):
        for path, reason in r[key]["failed"]:
            print(f"  failed: {path}: {reason}")
    common.write_json(args.json, {"bench": "import", "folder": str(folder), **r})
    return 0


if __name__ == "__main__":
    sys.exit(main())
