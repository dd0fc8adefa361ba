"""Command line: parse, import, list, search, show, export. Core only; no arguments opens the GUI."""

from __future__ import annotations

import argparse
import functools
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from irviewer import __version__
from irviewer.core.records import KINDS

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _out(text: str = "") -> None:
    if sys.stdout is not None:  # None in a windowed (console-less) Windows build
        sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0: {text!r}")
    return value


def _library_arg(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--library", metavar="FILE", type=Path, default=default,
        help="library file (default: the user-data folder)",
    )


def _sub_library_arg(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's unset --library must not hide `irviewer --library X COMMAND`.
    _library_arg(parser, default=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="irviewer",
        description="Offline viewer for investor-relations releases. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"irviewer {__version__}")
    parser.add_argument("--self-test", action="store_true", help="run the app's offscreen self-test")
    _library_arg(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="extract releases from files and print them (no library)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per file")

    p = sub.add_parser("import", help="import files or folders (recursive) into the library")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.add_argument(
        "--timeout", type=_positive_float, default=None, metavar="SECONDS",
        help="time limit per file (default: 120)",
    )
    _sub_library_arg(p)

    p = sub.add_parser("list", help="list releases, newest first")
    p.add_argument("--kind", choices=KINDS, help="only this kind")
    p.add_argument("--limit", type=int, default=0, help="at most this many rows")
    _sub_library_arg(p)

    p = sub.add_parser("search", help="full-text search, best match first")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    _sub_library_arg(p)

    p = sub.add_parser("show", help="show one release")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    _sub_library_arg(p)

    p = sub.add_parser("export", help="export a release's tables")
    p.add_argument("id", type=int)
    p.add_argument("--csv", type=Path, metavar="DIR", help="write one CSV per table into DIR")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="write all tables to one XLSX file")
    _sub_library_arg(p)
    return parser


def cmd_parse(args: argparse.Namespace) -> int:
    from irviewer.core.pipeline import parse_file
    from irviewer.core.records import ParseError

    results, failed = [], 0
    for path in args.files:
        try:
            doc = parse_file(path)
        except ParseError as exc:
            failed += 1
            _err(f"{path}: {exc}")
            continue
        if args.json:
            results.append(doc.to_json())
        else:
            _out(f"{path}\n  {doc.date or 'undated'}  [{doc.kind}]  {doc.headline or '(no headline)'}")
            _out(f"  {len(doc.tables)} tables, {len(doc.contacts)} contacts")
    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        _out()
    return EXIT_FAILED if failed and not results else EXIT_OK


def _open_store(args: argparse.Namespace):  # noqa: ANN202 - Store is imported lazily
    from irviewer.core.store import Store
    from irviewer.paths import default_library_path

    path = args.library or default_library_path()
    return Store.open(path)


def _library_command(func: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """Report a library that cannot be opened or read as one line, exit status 1."""

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        import sqlite3

        from irviewer.core.store import LibraryError

        try:
            return func(args)
        except (LibraryError, sqlite3.DatabaseError) as exc:
            _err(f"library error: {exc}")
            return EXIT_FAILED

    return run


@_library_command
def cmd_import(args: argparse.Namespace) -> int:
    from irviewer.core.importer import import_paths
    from irviewer.core.ingest.detect import SUPPORTED_SUFFIXES

    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        _err(f"{path}: no such file or folder")
    if len(missing) == len(args.paths):
        return EXIT_USAGE
    show = not args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int, path: Path | None) -> None:
        if show:
            name = path.name if path else ""
            sys.stderr.write(f"\r[{done}/{total}] {name[:60]:<60}")
            sys.stderr.flush()

    existing = [p for p in args.paths if p.exists()]
    with _open_store(args) as store:
        report = import_paths(store, existing, progress=progress, timeout=args.timeout)
    if show:
        sys.stderr.write("\n")
    _out(
        f"imported {len(report.imported)}, duplicates {report.duplicates}, "
        f"failed {len(report.failed)}"
    )
    for failure in report.failed:
        _out(f"  failed: {failure.path}: {failure.reason}")
    if report.total == 0:
        _err("no supported files found (" + ", ".join(sorted(SUPPORTED_SUFFIXES)) + ")")
        return EXIT_FAILED
    # Success when anything was imported or already there; failure when every file failed.
    return EXIT_OK if report.imported or report.duplicates else EXIT_FAILED


def _summary_line(item) -> str:  # noqa: ANN001
    edited = "*" if item.edited else " "
    headline = item.headline or "(no headline)"
    return f"{item.id:>6}{edited} {item.date or 'undated':<10}  {item.kind:<10}  {headline}"


@_library_command
def cmd_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        kinds = [args.kind] if args.kind else None
        limit = args.limit or None
        for item in store.summaries(0, limit, kinds=kinds):
            _out(_summary_line(item))
    return EXIT_OK


@_library_command
def cmd_search(args: argparse.Namespace) -> int:
    from irviewer.core.store.search import plain_snippet

    query = " ".join(args.query)
    with _open_store(args) as store:
        hits = store.search(query, limit=args.limit)
        if not hits:
            _out("no matches")
        for hit in hits:
            summary = store.summary(hit.id)
            if summary:
                _out(_summary_line(summary))
            _out(f"        {plain_snippet(hit.snippet)}")
    return EXIT_OK


@_library_command
def cmd_show(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        item = store.get(args.id)
        if item is None:
            _err(f"no release with id {args.id}")
            return EXIT_FAILED
        doc = item.document
        if args.json:
            data = doc.to_json()
            data["id"] = item.id
            data["corrections"] = item.corrections
            json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
            _out()
            return EXIT_OK
        _out(doc.headline or "(no headline)")
        for sub in doc.subheadlines:
            _out(f"  {sub}")
        _out(f"date: {doc.date or 'undated'}   kind: {doc.kind}   ticker: {doc.ticker or '-'}")
        _out(f"company: {doc.company or '-'}   dateline: {doc.dateline or '-'}")
        _out(f"source: {doc.source.path} ({doc.source.format})")
        for contact in doc.contacts:
            fields = (contact.name, contact.organization, contact.title, contact.phone,
                      contact.email)
            _out(f"  {contact.role}: " + ", ".join(f for f in fields if f))
        for table in doc.tables:
            _out(f"  table: {table.title or '(untitled)'} - {len(table.rows)} rows")
        _out()
        _out(doc.body)
    return EXIT_OK


@_library_command
def cmd_export(args: argparse.Namespace) -> int:
    from irviewer.core.export import export_tables_csv, write_xlsx

    if not args.csv and not args.xlsx:
        _err("export: give --csv DIR and/or --xlsx FILE")
        return EXIT_USAGE
    with _open_store(args) as store:
        item = store.get(args.id)
        if item is None:
            _err(f"no release with id {args.id}")
            return EXIT_FAILED
        tables = item.document.tables
        if not tables:
            _err(f"release {args.id} has no tables")
            return EXIT_FAILED
        if args.csv:
            for path in export_tables_csv(tables, args.csv, stem=f"release-{args.id}"):
                _out(str(path))
        if args.xlsx:
            write_xlsx(tables, args.xlsx)
            _out(str(args.xlsx))
    return EXIT_OK


COMMANDS = {
    "parse": cmd_parse,
    "import": cmd_import,
    "list": cmd_list,
    "search": cmd_search,
    "show": cmd_show,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if args.command is None:
        from irviewer.gui.app import run_gui

        return run_gui(library=args.library, self_test=args.self_test)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
